"""Which quarter to plan a backlog item into (the next one after the last can be new)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from roadmap_tui.models import next_quarter
from roadmap_tui.tui.screens.dialog_screen import DialogScreen


class PickQuarterScreen(DialogScreen[str | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel", tooltip="Plan nothing")]

    def __init__(self, quarters: list[str], default: str | None, item_id: str) -> None:
        super().__init__(classes="dialog-screen")
        self.quarters = list(quarters)
        new = next_quarter(quarters[-1]) if quarters else default
        self.new = new if new not in quarters else None
        self.default = default
        self.item_id = item_id

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(f"Plan {self.item_id} into…", classes="dialog-title")
            options = [Option(q, id=q) for q in self.quarters]
            if self.new is not None:
                options.append(Option(f"{self.new} (new)", id=self.new))
            yield OptionList(*options, id="pick-quarter")
            yield Static("enter picks · esc cancels", classes="dialog-hint")

    def on_mount(self) -> None:
        picker = self.query_one(OptionList)
        ids = [*self.quarters, *([self.new] if self.new else [])]
        if self.default in ids:
            picker.highlighted = ids.index(self.default)
        picker.focus()

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
