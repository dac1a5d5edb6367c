"""The template's look, read from its theme: fonts, the colour map and the real background,
and the text colours that read on it (WCAG contrast >= 4.5:1).

Text is written with the theme's font references (`+mj-lt` for titles, `+mn-lt` for the
rest), so the deck takes the company's fonts; it is measured with the font file that font
resolves to on this machine. Colours are picked from the colour map (tx1, tx2, bg1, bg2) in
that order, the first that reads on the background.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from roadmap_tui.exporters.deck.palette import INK, MUTED, TEXT, WHITE

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
MAJOR, MINOR = "+mj-lt", "+mn-lt"  # the theme's heading and body fonts, by reference
CONTRAST = 4.5  # WCAG AA for normal text
_MAPPED = ("bg1", "tx1", "bg2", "tx2")
_SCHEME = ("dk1", "lt1", "dk2", "lt2", *(f"accent{n}" for n in range(1, 7)), "hlink", "folHlink")


def luminance(colour: str) -> float:
    """WCAG relative luminance of `RRGGBB`."""
    channels = []
    for index in (0, 2, 4):
        c = int(colour[index : index + 2], 16) / 255
        channels.append(c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4)
    r, g, b = channels
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one: str, other: str) -> float:
    """WCAG contrast ratio of two colours, 1 to 21."""
    a, b = luminance(one), luminance(other)
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)


def mix(one: str, other: str, share: float) -> str:
    """`one` moved `share` of the way towards `other`."""
    out = ""
    for index in (0, 2, 4):
        a, b = int(one[index : index + 2], 16), int(other[index : index + 2], 16)
        out += f"{round(a + (b - a) * share):02X}"
    return out


@dataclass(frozen=True)
class Theme:
    """The template's colours (scheme names to `RRGGBB`), colour map, background and fonts."""

    scheme: dict[str, str] = field(default_factory=dict)
    mapping: dict[str, str] = field(default_factory=dict)
    background: str = WHITE
    major: str = "Calibri"
    minor: str = "Calibri"
    from_template: bool = False

    def colour(self, name: str) -> str | None:
        """A scheme colour by name, through the colour map for bg1/tx1/bg2/tx2."""
        name = self.mapping.get(name, name) if name in _MAPPED else name
        return self.scheme.get(name)

    def text_on(self, background: str) -> str:
        """The first of tx1, tx2, bg1, bg2 that reads on `background`; else black or white."""
        for name in ("tx1", "tx2", "bg1", "bg2"):
            found = self.colour(name)
            if found is not None and contrast(found, background) >= CONTRAST:
                return found
        black, white = "000000", "FFFFFF"
        return black if contrast(black, background) >= contrast(white, background) else white

    def muted_on(self, background: str) -> str:
        """A quieter text colour: the text colour moved towards the background as far as
        it still reads (contrast >= 4.5 with a little to spare)."""
        text = self.text_on(background)
        for step in range(8, -1, -1):
            candidate = mix(text, background, step * 0.05)
            if contrast(candidate, background) >= CONTRAST + 0.3:
                return candidate
        return text

    @property
    def ink(self) -> str:
        """Titles on the slide's background."""
        return INK if not self.from_template else self.text_on(self.background)

    @property
    def text(self) -> str:
        """Body text on the slide's background."""
        return TEXT if not self.from_template else self.text_on(self.background)

    @property
    def muted(self) -> str:
        """Captions and slide numbers on the slide's background."""
        return MUTED if not self.from_template else self.muted_on(self.background)

    @property
    def dark(self) -> bool:
        return luminance(self.background) < 0.18


def _local(node: Any) -> str:
    return str(node.tag).rsplit("}", 1)[-1]


def _value(colour: Any) -> str | None:
    """The RRGGBB of a colour element's first child (srgbClr, sysClr's lastClr)."""
    for child in colour:
        tag = _local(child)
        if tag == "srgbClr":
            return str(child.get("val")).upper()
        if tag == "sysClr":
            last = child.get("lastClr")
            if last:
                return str(last).upper()
            return "000000" if child.get("val") == "windowText" else "FFFFFF"
    return None


def _fill_colour(element: Any, theme: Theme) -> str | None:
    """The colour of a fill or a background reference: solid, or a gradient's first stop."""
    for node in element.iter():
        tag = _local(node)
        if tag == "srgbClr":
            return str(node.get("val")).upper()
        if tag == "schemeClr":
            found = theme.colour(str(node.get("val")))
            if found is not None:
                return found
        if tag == "sysClr":
            return _value([node])
    return None


def _background(owners: list[Any], theme: Theme) -> str:
    """The background of the first of `owners` (layout, master) that sets one, else bg1."""
    for owner in owners:
        found = owner.xpath("./p:cSld/p:bg")
        if not found:
            continue
        colour = _fill_colour(found[0], theme)
        if colour is not None:
            return colour
    return theme.colour("bg1") or WHITE


def read_theme(prs: Any, layout: Any, from_template: bool) -> Theme:
    """The theme of `layout`'s master: scheme, colour map, background and fonts."""
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT
    from pptx.oxml import parse_xml

    master = layout.slide_master
    scheme: dict[str, str] = {}
    major = minor = "Calibri"
    try:
        blob = master.part.part_related_by(RT.THEME).blob
        root = parse_xml(blob)
    except (KeyError, ValueError, SyntaxError):
        root = None
    if root is not None:
        for name in _SCHEME:
            found = root.find(f".//{{{A}}}clrScheme/{{{A}}}{name}")
            if found is not None:
                value = _value(found)
                if value is not None:
                    scheme[name] = value
        for tag in ("majorFont", "minorFont"):
            latin = root.find(f".//{{{A}}}fontScheme/{{{A}}}{tag}/{{{A}}}latin")
            if latin is not None and latin.get("typeface"):
                if tag == "majorFont":
                    major = str(latin.get("typeface"))
                else:
                    minor = str(latin.get("typeface"))
    mapping_el = master._element.find(f"{{{P}}}clrMap")  # noqa: SLF001 - python-pptx has no public API for the colour map (bounded <1.1)
    mapping = dict(mapping_el.attrib) if mapping_el is not None else {}
    override = layout._element.find(f"{{{P}}}clrMapOvr/{{{A}}}overrideClrMapping")  # noqa: SLF001 - python-pptx has no public API for the colour map (bounded <1.1)
    if override is not None:
        mapping = dict(override.attrib)
    base = Theme(scheme, mapping, WHITE, major, minor, from_template)
    owners = [layout._element, master._element]  # noqa: SLF001 - python-pptx has no public API for the background (bounded <1.1)
    background = _background(owners, base)
    return Theme(scheme, mapping, background, major, minor, from_template)
