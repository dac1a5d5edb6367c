"""A SelectionList whose ticked and unticked boxes differ by shape (✓ or empty), not by colour
alone: readable on any terminal theme and for colour-blind people."""

from __future__ import annotations

from typing import TypeVar

from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import SelectionList
from textual.widgets.option_list import OptionDoesNotExist

T = TypeVar("T")
TICKED = "✓"
UNTICKED = " "
BOX = 1  # the segment of the box's inside (left side, inside, right side, space, prompt)


class TickList(SelectionList[T]):
    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        try:
            selection = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return strip
        segments = list(strip)
        if len(segments) <= BOX:
            return strip
        inner = segments[BOX]
        mark = TICKED if selection.value in self.selected else UNTICKED
        segments[BOX] = Segment(mark, inner.style, inner.control)
        return Strip(segments, strip.cell_length)
