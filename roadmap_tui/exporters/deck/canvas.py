"""The deck being built: new slides with fitted titles, their pages, and what to report."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.oxml import parse_xml

from roadmap_tui.exporters.deck.draw import (
    _NS,
    Look,
    Margins,
    Para,
    Text,
    fitted_para,
    text_box,
    write,
)
from roadmap_tui.exporters.deck.layout import TITLE_INSET, Box, Page, emu, page_for
from roadmap_tui.exporters.deck.measure import Measure
from roadmap_tui.exporters.deck.release import release_slides
from roadmap_tui.exporters.deck.template import Layouts
from roadmap_tui.exporters.deck.theme import MAJOR, MINOR, Theme

Kind = Literal["cover", "title_only", "title_content", "blank"]
TITLE_MARGINS = Margins(TITLE_INSET, 3.6, TITLE_INSET, 3.6)
_TITLES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
_P = 'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"'


NUMBER_SIZE = 12.0


def _number_rpr(colour: str) -> str:
    return (
        f'<a:rPr lang="en-US" sz="{int(NUMBER_SIZE * 100)}" dirty="0"><a:solidFill>'
        f'<a:srgbClr val="{colour}"/></a:solidFill><a:latin typeface="{MINOR}"/></a:rPr>'
    )


@dataclass
class Canvas:
    """The presentation, its layouts, theme and measures, and the slide titles written so far.

    `measure` measures the theme's body font, `heading` its title font.
    """

    prs: Any
    layouts: Layouts
    measure: Measure
    theme: Theme = field(default_factory=Theme)
    heading: Measure | None = None
    titles: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # Slides said to be done are kept as their XML bytes from then on (see `release`).
    release: bool = False
    _pages: dict[int, Page] = field(default_factory=dict)

    def done(self) -> None:
        """Every slide made so far is complete: with `release`, each is kept as its XML bytes,
        no longer as a tree (a long deck never holds all of them)."""
        if self.release:
            release_slides(self.prs)

    @property
    def themed(self) -> bool:
        """Whether the look (title colour, alignment) comes from the user's template."""
        return self.layouts.from_template

    def layout(self, kind: Kind) -> Any:
        return getattr(self.layouts, kind)

    def page(self, kind: Kind) -> Page:
        layout = self.layout(kind)
        key = id(layout)
        if key not in self._pages:
            self._pages[key] = page_for(self.prs, layout)
        return self._pages[key]

    def slide(self, title: str, kind: Kind = "title_only") -> tuple[Any, Page]:
        """A new slide of the layout `kind` with `title` fitted into its title box."""
        slide = self.prs.slides.add_slide(self.layout(kind))
        page = self.page(kind)
        cover = kind == "cover"
        largest, smallest, lines = (40.0, 24.0, 3) if cover else (28.0, 18.0, 2)
        box = page.title
        para = fitted_para(
            title,
            box.w - TITLE_MARGINS.across,
            box.h - TITLE_MARGINS.down,
            largest,
            smallest,
            self.heading or self.measure,
            colour=self.theme.ink,
            align=None if self.themed else "left",
            max_lines=lines,
            font=MAJOR,
        )
        shape = next(
            (ph for ph in slide.placeholders if ph.placeholder_format.type in _TITLES), None
        )
        if shape is not None:
            write(shape.text_frame, Text([para]), TITLE_MARGINS, None if self.themed else "middle")
        else:
            text_box(slide, box, Text([para]), TITLE_MARGINS, "middle")
        self.titles.append(title)
        if not cover:
            self._number(slide, page, kind)
        return slide, page

    def _number(self, slide: Any, page: Page, kind: Kind) -> None:
        """The slide number, so the room can say "back to slide 5": in the template's own
        slide-number placeholder when its layout has one, else small at the bottom right."""
        number = len(self.prs.slides)
        holder = next(
            (
                ph
                for ph in self.layout(kind).placeholders
                if ph.placeholder_format.type == PP_PLACEHOLDER.SLIDE_NUMBER
            ),
            None,
        )
        field = (
            f'<a:fld {_NS} id="{{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}}" type="slidenum">'
            f'<a:rPr lang="en-US"/><a:t>{number}</a:t></a:fld>'
        )
        if holder is not None:
            slide.shapes.clone_placeholder(holder)
            shape = slide.placeholders[holder.placeholder_format.idx]
            sized = field.replace('<a:rPr lang="en-US"/>', _number_rpr(self.theme.muted))
            body = parse_xml(
                f"<p:txBody {_NS} {_P}><a:bodyPr/><a:lstStyle/><a:p>{sized}</a:p></p:txBody>"
            )
            shape._element.append(body)  # noqa: SLF001 - python-pptx has no public API for this XML (bounded <1.1)
            return
        if self.themed:
            return  # their layout has no slide number: neither do we
        box = Box(page.content.right - 60, page.height - 24, 60, NUMBER_SIZE * 1.2)
        look = Look(NUMBER_SIZE, colour=self.theme.muted)
        shape = text_box(slide, box, Text([Para([""], look, "right")]))
        paragraph = shape.text_frame.paragraphs[0]._p  # noqa: SLF001 - python-pptx has no public API for this XML (bounded <1.1)
        paragraph.insert(
            1, parse_xml(field.replace('<a:rPr lang="en-US"/>', _number_rpr(self.theme.muted)))
        )

    def drop_empty_placeholders(self, slide: Any) -> None:
        """Placeholders the deck did not fill would show "Click to add text" when editing."""
        for shape in list(slide.placeholders):
            if not shape.has_text_frame or not shape.text_frame.text.strip():
                shape._element.getparent().remove(shape._element)  # noqa: SLF001 - python-pptx has no public API for this XML (bounded <1.1)

    def body_placeholder(self, slide: Any) -> Any | None:
        for shape in slide.placeholders:
            kind = shape.placeholder_format.type
            if kind in (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT, PP_PLACEHOLDER.SUBTITLE):
                return shape
        return None


def place(shape: Any, box: Box) -> None:
    """Move a (placeholder) shape to `box` on this slide only."""
    shape.left, shape.top, shape.width, shape.height = (
        emu(box.x),
        emu(box.y),
        emu(box.w),
        emu(box.h),
    )
