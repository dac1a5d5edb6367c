"""Marking an item dropped, with the reason (optional)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from roadmap_tui.models import Item


class DropItemScreen(ModalScreen[str | None]):
    """Dismissed with the note ("" for none), or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel", tooltip="Keep the item")]

    def __init__(self, item: Item) -> None:
        super().__init__(classes="dialog-screen")
        self.item = item

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(f"Drop {self.item.id}?", classes="dialog-title")
            yield Static(self.item.title, classes="dialog-message")
            yield Input(
                self.item.note or "",
                placeholder="why (optional): shown in impact tables and decks",
                id="drop-note",
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Drop (enter)", id="drop", variant="error")
                yield Button("Cancel (esc)", id="cancel")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#drop")
    def _drop(self) -> None:
        self.dismiss(self.query_one(Input).value.strip())

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
