"""The deck's calm palette: one colour per kind of change, greys for everything else.

Hex strings (no `#`) so that this module needs no deck library.
"""

from __future__ import annotations

from dataclasses import dataclass

from roadmap_tui.impact.vocabulary import ASK_WORDS, CHANGE_WORDS


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
MUTED = "5B6270"  # captions, ghosts (contrast >= 4.5 on white and on BAND)
RULE = "D1D5DB"  # separators, table borders
BAND = "F5F6F8"  # alternate swimlanes
HEADER = "E5E7EB"  # table headers
WHITE = "FFFFFF"
ACCENT = "2F5D8A"  # the adjusted plan in charts
BEFORE = "A9B3BE"  # the baseline in charts
CAPACITY = "DCE1E6"
OVER = "B54A4A"  # over capacity

CHANGE_STYLES: dict[str, Style] = {
    "added": Style("D6EDD9", "3C8D4F", "1E4D2B", label=CHANGE_WORDS["added"]),
    "pulled-in": Style("D7E6F6", "3A73B5", "1D3F66", label=CHANGE_WORDS["pulled-in"]),
    "deferred": Style("FBE6C0", "C98A1B", "5C3D05", label=CHANGE_WORDS["deferred"]),
    "removed": Style("F3DCDC", "B54A4A", "6B2D2D", dashed=True, label=CHANGE_WORDS["removed"]),
    "re-estimated": Style("ECEEF1", "8C96A3", TEXT, label=CHANGE_WORDS["re-estimated"]),
    "re-scored": Style("ECEEF1", "8C96A3", TEXT, label=CHANGE_WORDS["re-scored"]),
    "unchanged": Style("ECEEF1", "C4CAD2", TEXT, label=CHANGE_WORDS["unchanged"]),
}
GHOST = Style(None, "9AA3AD", MUTED, dashed=True, label="where it was")

# Asks wear the timeline's colours for the same meaning: green comes into the plan (newly
# asked), red dashed leaves it (released), amber moves in time, grey is resized in place.
ASK_STYLES: dict[str, Style] = {
    "new": Style("D6EDD9", "3C8D4F", "1E4D2B", label=ASK_WORDS["new"]),
    "released": Style("F3DCDC", "B54A4A", "6B2D2D", dashed=True, label=ASK_WORDS["released"]),
    "moved": Style("FBE6C0", "C98A1B", "5C3D05", label=ASK_WORDS["moved"]),
    "changed": Style("ECEEF1", "8C96A3", TEXT, label=ASK_WORDS["changed"]),
}

BREAK_STYLES: dict[str, Style] = {
    "removed": CHANGE_STYLES["removed"],
    "deferred": CHANGE_STYLES["deferred"],
    "knock-on": Style("ECEEF1", "8C96A3", TEXT, label="knock-on"),
}
RISK_FILL = "FBE3E3"  # a summary tile whose risk is above zero
OVER_TEXT = "8F2424"  # its figure (contrast 7:1 on RISK_FILL)
NOW = "2F5D8A"  # the current quarter's marker on the timeline
