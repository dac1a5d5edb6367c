"""The filter box of a table: typing filters, enter keeps the filter, escape clears it."""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input


class FilterInput(Input):
    BINDINGS = [
        Binding("escape", "clear", "Clear filter", id="clear-filter", tooltip="Show every item"),
    ]

    class Cleared(Message):
        """The person gave up filtering."""

    def action_clear(self) -> None:
        self.value = ""
        self.post_message(self.Cleared())
