"""Putting text and shapes on slides, with every line already fitted by `measure`.

A text is written as paragraphs of pre-broken lines (one run per line, `<a:br/>` between), with
exact line spacing, fixed margins and auto-fit off, so what PowerPoint draws is what was
measured. Every string passes `clean_text` here, the one door to python-pptx.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal
from xml.sax.saxutils import escape

from pptx.dml.color import RGBColor
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml import parse_xml
from pptx.oxml.ns import qn
from pptx.util import Pt

from roadmap_tui.exporters.deck.clean import clean_text, safe_link
from roadmap_tui.exporters.deck.layout import Box, emu
from roadmap_tui.exporters.deck.measure import LINE, Measure, fit, wrap
from roadmap_tui.exporters.deck.palette import TEXT, WHITE
from roadmap_tui.exporters.deck.theme import MINOR

Align = Literal["left", "center", "right"]
Anchor = Literal["top", "middle", "bottom"]
_ALGN = {"left": "l", "center": "ctr", "right": "r"}
_NS = (
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
    ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)
_ANCHOR = {"top": MSO_ANCHOR.TOP, "middle": MSO_ANCHOR.MIDDLE, "bottom": MSO_ANCHOR.BOTTOM}


@dataclass(frozen=True)
class Margins:
    left: float = 4.0
    top: float = 2.0
    right: float = 4.0
    bottom: float = 2.0

    @property
    def across(self) -> float:
        return self.left + self.right

    @property
    def down(self) -> float:
        return self.top + self.bottom


@dataclass(frozen=True)
class Look:
    """How a run looks."""

    size: float
    bold: bool = False
    italic: bool = False
    colour: str | None = TEXT
    strike: bool = False
    font: str = MINOR  # the theme's body font; MAJOR for titles

    @property
    def complex_font(self) -> str:
        """The theme font for complex scripts of the same kind (`+mn-cs`)."""
        return self.font.replace("-lt", "-cs")


@dataclass
class Para:
    """One paragraph: its lines (already wrapped), how they look, where they link."""

    lines: list[str]
    look: Look
    align: Align | None = "left"  # None: as the placeholder or template says
    link: str | None = None
    space_before: float = 0.0
    bullet: bool = False

    @property
    def height(self) -> float:
        return len(self.lines) * self.look.size * LINE + self.space_before


@dataclass
class Text:
    """Paragraphs for one box, and their total height."""

    paras: list[Para] = field(default_factory=list)

    @property
    def height(self) -> float:
        return sum(para.height for para in self.paras)


BULLET_INDENT = 14.0  # points from the bullet to its text


def para(
    text: str,
    width: float,
    look: Look,
    measure: Measure,
    *,
    align: Align = "left",
    link: str | None = None,
    space_before: float = 0.0,
    bullet: bool = False,
) -> Para:
    """A paragraph of `text` wrapped to `width` points."""
    usable = width - (BULLET_INDENT if bullet else 0.0)
    lines = wrap(clean_text(text), usable, look.size, look.bold, measure)
    return Para(lines, look, align, link, space_before, bullet)


def fitted_para(
    text: str,
    width: float,
    height: float,
    largest: float,
    smallest: float,
    measure: Measure,
    *,
    bold: bool = False,
    italic: bool = False,
    colour: str | None = TEXT,
    strike: bool = False,
    align: Align | None = "left",
    max_lines: int | None = None,
    font: str = MINOR,
) -> Para:
    """A paragraph sized (and if need be cut with an ellipsis) to fill a box."""
    fitted = fit(
        clean_text(text),
        width,
        height,
        largest,
        smallest,
        bold=bold,
        max_lines=max_lines,
        measure=measure,
    )
    look = Look(fitted.size, bold, italic, colour, strike, font)
    return Para(list(fitted.lines), look, align)


def rgb(value: str) -> RGBColor:
    """A colour from its hex string (`2F5D8A`)."""
    colour: RGBColor = RGBColor.from_string(value)  # type: ignore[no-untyped-call]
    return colour


def _no_style(shape: Any) -> None:
    """Drop the theme style reference of a new shape: no theme shadow, no white theme text."""
    style = shape._element.find(qn("p:style"))  # noqa: SLF001 - python-pptx has no public API for this XML (bounded <1.1)
    if style is not None:
        shape._element.remove(style)  # noqa: SLF001 - python-pptx has no public API for this XML (bounded <1.1)


def set_frame(frame: Any, margins: Margins, anchor: Anchor | None = "top") -> None:
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.margin_left, frame.margin_right = Pt(margins.left), Pt(margins.right)
    frame.margin_top, frame.margin_bottom = Pt(margins.top), Pt(margins.bottom)
    if anchor is not None:
        frame.vertical_anchor = _ANCHOR[anchor]


def _colour(hex_value: str) -> str:
    return f'<a:solidFill><a:srgbClr val="{hex_value}"/></a:solidFill>'


def _rpr(look: Look, rid: str | None, tag: str = "a:rPr") -> str:
    attrs = (
        f'lang="en-US" sz="{int(round(look.size * 100))}" b="{int(look.bold)}"'
        f' i="{int(look.italic)}" cap="none" dirty="0"'
    )
    if look.strike:
        attrs += ' strike="sngStrike"'
    inner = _colour(look.colour) if look.colour is not None else ""
    inner += f'<a:latin typeface="{look.font}"/><a:cs typeface="{look.complex_font}"/>'
    if rid is not None:
        inner += f'<a:hlinkClick r:id="{rid}"/>'
    return f"<{tag} {attrs}>{inner}</{tag}>"


def _ppr(item: Para, plain: bool) -> str:
    attrs = ""
    if item.align is not None:
        attrs += f' algn="{_ALGN[item.align]}"'
    bullet = ""
    if item.bullet:
        indent = emu(BULLET_INDENT)
        attrs = f' marL="{indent}" indent="{-indent}"' + attrs
        bullet = '<a:buFont typeface="Arial"/><a:buChar char="\u2022"/>'
    elif plain:
        attrs = ' marL="0" indent="0"' + attrs
        bullet = "<a:buNone/>"
    spacing = (
        f'<a:lnSpc><a:spcPts val="{int(round(item.look.size * LINE * 100))}"/></a:lnSpc>'
        f'<a:spcBef><a:spcPts val="{int(round(item.space_before * 100))}"/></a:spcBef>'
        '<a:spcAft><a:spcPts val="0"/></a:spcAft>'
    )
    return f"<a:pPr{attrs}>{spacing}{bullet}</a:pPr>"


def paragraphs_xml(text: Text, part: Any, plain: bool = True) -> str:
    """DrawingML paragraphs for `text`: one run per line, `<a:br/>` between lines.

    Written as text and parsed once: python-pptx's per-property setters are too slow for the
    thousands of cells of a large appendix. Hyperlinks are related to `part` here.
    """
    out = []
    for item in text.paras or [Para([""], Look(12))]:
        link = safe_link(item.link)
        rid = part.relate_to(link, RT.HYPERLINK, is_external=True) if link else None
        runs = []
        for number, line in enumerate(item.lines):
            if number:
                runs.append(f"<a:br>{_rpr(item.look, None)}</a:br>")
            if line:
                runs.append(
                    f"<a:r>{_rpr(item.look, rid)}<a:t>{escape(clean_text(line))}</a:t></a:r>"
                )
        end = _rpr(item.look, None, "a:endParaRPr")
        out.append(f"<a:p>{_ppr(item, plain)}{''.join(runs)}{end}</a:p>")
    return "".join(out)


def _parsed(paragraphs: str) -> list[Any]:
    body = parse_xml(f"<a:txBody {_NS}><a:bodyPr/>{paragraphs}</a:txBody>")
    return list(body.iterchildren(qn("a:p")))


def fill_body(body: Any, text: Text, part: Any, plain: bool = True) -> None:
    """Replace the paragraphs of a `txBody` element with `text`."""
    for old in body.findall(qn("a:p")):
        body.remove(old)
    for paragraph in _parsed(paragraphs_xml(text, part, plain)):
        body.append(paragraph)


def write(
    frame: Any, text: Text, margins: Margins, anchor: Anchor | None = "top", plain: bool = True
) -> None:
    """Replace the contents of a text frame with `text`."""
    set_frame(frame, margins, anchor)
    fill_body(frame._txBody, text, frame.part, plain)  # noqa: SLF001 - python-pptx has no public API for this XML (bounded <1.1)


def text_box(
    slide: Any, box: Box, text: Text, margins: Margins | None = None, anchor: Anchor = "top"
) -> Any:
    shape = slide.shapes.add_textbox(emu(box.x), emu(box.y), emu(box.w), emu(box.h))
    write(shape.text_frame, text, margins or Margins(0, 0, 0, 0), anchor)
    return shape


def rectangle(
    slide: Any,
    box: Box,
    fill: str | None,
    line: str | None = None,
    *,
    rounded: bool = False,
    dashed: bool = False,
    line_width: float = 0.75,
    radius: float = 0.18,
) -> Any:
    """A native (editable) rectangle, rounded when asked, with no theme style."""
    kind = MSO_SHAPE.ROUNDED_RECTANGLE if rounded else MSO_SHAPE.RECTANGLE
    shape = slide.shapes.add_shape(kind, emu(box.x), emu(box.y), emu(box.w), emu(box.h))
    _no_style(shape)
    if rounded:
        shape.adjustments[0] = radius
    if fill is None:
        shape.fill.background()
    else:
        shape.fill.solid()
        shape.fill.fore_color.rgb = rgb(fill)
    if line is None:
        shape.line.fill.background()
    else:
        shape.line.color.rgb = rgb(line)
        shape.line.width = Pt(line_width)
        if dashed:
            shape.line.dash_style = MSO_LINE_DASH_STYLE.DASH
    return shape


def panel(slide: Any, box: Box, pad: float = 6.0) -> Any:
    """A white card behind a chart or the timeline, so that they read on any template
    background (on the default white slides it is invisible)."""
    return rectangle(slide, box.inset(-pad, -pad, -pad, -pad), WHITE, None)


def rule(
    slide: Any, x1: float, y1: float, x2: float, y2: float, colour: str, width: float = 0.75
) -> Any:
    line = slide.shapes.add_connector(1, emu(x1), emu(y1), emu(x2), emu(y2))
    _no_style(line)
    line.line.color.rgb = rgb(colour)
    line.line.width = Pt(width)
    return line


def notes(slide: Any, lines: Sequence[str]) -> None:
    """Speaker notes: talking points and the numbers behind the slide, one paragraph a line
    (written by `notes.NotesWriter` in one pass, see there)."""
    from roadmap_tui.exporters.deck.notes import write_notes

    write_notes(slide, lines)
