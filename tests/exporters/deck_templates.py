"""Corporate templates made in the tests: light, a dark fill, a dark colour map, 4:3 or 16:9,
layouts whose names match nothing the deck looks for, a serif theme font. No test here."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.util import Emu

NAVY = "1B2A4A"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
WIDE = (Emu(12192000), Emu(6858000))
STANDARD = (Emu(9144000), Emu(6858000))
# Layout names no deck looks for: layouts must be chosen by their placeholders.
ODD_NAMES = {
    "Title Slide": "Corporate cover",
    "Title Only": "Headline",
    "Title and Content": "Headline and text",
    "Blank": "Empty",
}


@dataclass(frozen=True)
class Look:
    """What a generated template varies."""

    name: str
    wide: bool = True
    fill: str | None = None  # a solid master background, colour map unchanged
    dark_map: bool = False  # bg1 -> dk1, tx1 -> lt1: dark slides from the colour map alone
    odd_names: bool = False
    font: str | None = None  # the theme's major and minor latin font


def make_template(folder: Path, look: Look) -> Path:
    prs: Any = Presentation()
    width, height = WIDE if look.wide else STANDARD
    if look.wide:  # scale the layouts' placeholders across, as a 16:9 template would have them
        scale = width / prs.slide_width
        shapes: list[Any] = [ph for layout in prs.slide_layouts for ph in layout.placeholders]
        shapes += [ph for ph in prs.slide_master.placeholders]
        # every side read first: a layout's placeholder inherits its master's position
        boxes = [(ph, ph.left, ph.top, ph.width, ph.height) for ph in shapes]
        for ph, left, top, w, h in boxes:
            ph.left, ph.top = Emu(int(left * scale)), Emu(int(top))
            ph.width, ph.height = Emu(int(w * scale)), Emu(int(h))
    prs.slide_width, prs.slide_height = width, height
    if look.odd_names:
        for layout in prs.slide_layouts:
            layout.name = ODD_NAMES.get(layout.name, layout.name)
    if look.fill is not None:
        fill = prs.slide_master.background.fill
        fill.solid()
        fill.fore_color.rgb = RGBColor.from_string(look.fill)  # type: ignore[no-untyped-call]
    if look.dark_map:
        mapping = prs.slide_master.element.find(f"{{{P}}}clrMap")
        assert mapping is not None
        mapping.set("bg1", "dk1")
        mapping.set("tx1", "lt1")
        mapping.set("bg2", "dk2")
        mapping.set("tx2", "lt2")
    path = folder / f"{look.name}.pptx"
    prs.save(str(path))
    if look.font is not None:
        _theme_font(path, look.font)
    return path


def _theme_font(path: Path, font: str) -> None:
    """Set the theme's heading and body fonts (the file's theme part, rewritten in place)."""
    with zipfile.ZipFile(path) as source:
        entries = [(info, source.read(info.filename)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in entries:
            if info.filename.startswith("ppt/theme/theme"):
                data = data.replace(
                    b'<a:latin typeface="Calibri"/>', f'<a:latin typeface="{font}"/>'.encode()
                )
            target.writestr(info, data)
