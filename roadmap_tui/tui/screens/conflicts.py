"""The real conflicts of a merge (the same field changed here and on disk): pick, per field,
whether mine or theirs stays. Ticked (✓) keeps mine; unticked keeps theirs."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, SelectionList, Static

from roadmap_tui.tui.screens.dialog_screen import DialogScreen
from roadmap_tui.tui.widgets.tick_list import TickList
from roadmap_tui.workbench.merge import Conflict, ConflictKey


class ConflictsScreen(DialogScreen[set[ConflictKey] | None]):
    """Dismissed with the fields where mine stays, or None (cancel: nothing reloaded)."""

    BINDINGS = [
        Binding(
            "enter",
            "apply",
            "Apply",
            id="apply-merge",
            tooltip="Merge with these choices",
            priority=True,
        ),
        Binding("escape", "cancel", "Cancel", id="cancel-merge", tooltip="Merge nothing"),
    ]

    def __init__(self, conflicts: list[Conflict]) -> None:
        super().__init__(classes="dialog-screen")
        self.conflicts = conflicts

    def compose(self) -> ComposeResult:
        count = len(self.conflicts)
        with Vertical(classes="dialog review"):
            yield Static(
                f"{count} field{'s' * (count != 1)} changed on both sides", classes="dialog-title"
            )
            yield Static("space ticks (✓ keeps mine) or unticks (keeps theirs); enter applies.")
            yield TickList[int](
                *(
                    (conflict.sentence(), index, False)
                    for index, conflict in enumerate(self.conflicts)
                ),
                id="conflicts",
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Apply (enter)", id="apply", variant="primary")
                yield Button("Cancel (esc)", id="cancel")

    def on_mount(self) -> None:
        self.query_one(SelectionList).focus()

    @on(Button.Pressed, "#apply")
    def action_apply(self) -> None:
        ticked = set(self.query_one(SelectionList).selected)
        self.dismiss({c.key for index, c in enumerate(self.conflicts) if index in ticked})

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
