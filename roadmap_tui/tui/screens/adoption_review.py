"""Make room, step two: what adopting the items means (adopted, deferred and why, capacity after,
broken orders); apply it as one undoable edit, or not."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Static

from roadmap_tui.exporters.rich_views import adoption_text
from roadmap_tui.tui.screens.dialog_screen import DialogScreen

if TYPE_CHECKING:
    from roadmap_tui.planning.adoption import Adoption


class AdoptionReviewScreen(DialogScreen[bool]):
    """Dismissed with True to apply the proposal."""

    BINDINGS = [
        Binding("a", "apply", "Apply", id="apply-room", tooltip="Apply as one undoable edit"),
        Binding("escape", "cancel", "Cancel", id="cancel-adoption", tooltip="Apply nothing"),
    ]

    def __init__(self, result: Adoption) -> None:
        super().__init__(classes="dialog-screen")
        self.result = result

    def compose(self) -> ComposeResult:
        result = self.result
        with Vertical(classes="dialog review"):
            yield Static(
                f"Adopt {', '.join(result.items)} into {result.quarter}", classes="dialog-title"
            )
            with VerticalScroll(id="adoption-text"):
                yield Static(adoption_text(result))
            with Horizontal(classes="dialog-buttons"):
                if result.feasible:
                    yield Button("Apply (a)", id="apply", variant="primary")
                yield Button("Cancel (esc)", id="cancel")

    def on_mount(self) -> None:
        self.query_one(Button).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return action != "apply" or self.result.feasible

    @on(Button.Pressed, "#apply")
    def action_apply(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(False)
