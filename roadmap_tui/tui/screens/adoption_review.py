"""Make room, step two: what adopting the items means (adopted, deferred and why, capacity after,
broken orders); apply it as one undoable edit, or not."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

if TYPE_CHECKING:
    from roadmap_tui.planning.adopt import Adoption


def adoption_text(result: Adoption) -> Text:
    """The proposal in words, as `roadmap adopt` prints it."""
    from roadmap_tui.models.numbers import fmt as show

    text = Text()
    if result.note:
        text.append(result.note + "\n", "bold yellow")
    for warning in result.warnings:
        text.append(f"note: {warning}\n", "yellow")
    for move in result.adopted:
        text.append(f"+ {move.item}", "bold green")
        text.append(f" ({move.reason})\n")
    if result.over:
        over = ", ".join(f"{team} by {show(days)} days" for team, days in result.over.items())
        text.append(f"With them in, {result.quarter} is over capacity: {over}\n")
    else:
        text.append(f"With them in, every team still fits in {result.quarter}.\n")
    for shortfall in result.shortfalls:
        text.append(f"cannot make room: {shortfall}\n", "bold red")
    if not result.feasible:
        return text
    if result.deferred:
        text.append(
            f"Deferred ({len(result.deferred)}, value lost {show(result.lost_value)}):\n", "bold"
        )
        for entry in result.deferred:
            where = "the backlog" if entry.target == "backlog" else entry.target
            text.append(f"- {entry.item}", "bold yellow")
            text.append(f" to {where} (value {show(entry.value)}; frees {entry.frees})\n")
            for reason in entry.reasons:
                text.append(f"    {reason}\n", "dim")
    elif result.over:
        text.append("Nothing deferred.\n")
    if result.kept_unscored:
        text.append(f"Kept, unscored (cannot be weighed): {', '.join(result.kept_unscored)}\n")
    text.append("Capacity after:\n", "bold")
    for load in result.loads:
        if load.used or load.overloaded:
            text.append(f"  {load.sentence()}\n", "bold red" if load.overloaded else "")
    for violation in result.broken:
        text.append(f"breaks an order: {violation.sentence()}\n", "red")
    return text


class AdoptionReviewScreen(ModalScreen[bool]):
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
