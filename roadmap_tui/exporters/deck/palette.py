"""The deck's calm palette: one colour per kind of change, greys for everything else.

Hex strings (no `#`) so that this module needs no deck library.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Style:
    """How a kind of change looks: fill, outline and text colour, dashed or not."""

    fill: str | None
    line: str
    text: str
    dashed: bool = False
    label: str = ""


INK = "1F2937"  # titles
TEXT = "374151"  # body text
MUTED = "6B7280"  # captions, ghosts
RULE = "D1D5DB"  # separators, table borders
BAND = "F5F6F8"  # alternate swimlanes
HEADER = "E5E7EB"  # table headers
WHITE = "FFFFFF"
ACCENT = "2F5D8A"  # the adjusted plan in charts
BEFORE = "A9B3BE"  # the baseline in charts
CAPACITY = "DCE1E6"
OVER = "B54A4A"  # over capacity

CHANGE_STYLES: dict[str, Style] = {
    "added": Style("D6EDD9", "3C8D4F", "1E4D2B", label="added"),
    "pulled-in": Style("D7E6F6", "3A73B5", "1D3F66", label="pulled in"),
    "deferred": Style("FBE6C0", "C98A1B", "5C3D05", label="deferred"),
    "removed": Style("F3DCDC", "B54A4A", "6B2D2D", dashed=True, label="removed"),
    "re-estimated": Style("ECEEF1", "8C96A3", TEXT, label="re-estimated"),
    "re-scored": Style("ECEEF1", "8C96A3", TEXT, label="re-scored"),
    "unchanged": Style("ECEEF1", "C4CAD2", TEXT, label="unchanged"),
}
GHOST = Style(None, "9AA3AD", MUTED, dashed=True, label="where it was")

ASK_STYLES: dict[str, Style] = {
    "new": Style("FBE6C0", "C98A1B", "5C3D05", label="newly asked"),
    "released": Style("D6EDD9", "3C8D4F", "1E4D2B", label="released"),
    "moved": Style("D7E6F6", "3A73B5", "1D3F66", label="moved"),
    "changed": Style("ECEEF1", "8C96A3", TEXT, label="resized"),
}

BREAK_STYLES: dict[str, Style] = {
    "removed": CHANGE_STYLES["removed"],
    "deferred": CHANGE_STYLES["deferred"],
    "knock-on": Style("ECEEF1", "8C96A3", TEXT, label="knock-on"),
}
