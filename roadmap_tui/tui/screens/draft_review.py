"""Review a drafted quarter: what it proposes (leftovers, backlog items), what it left out and why,
the capacity after; accept the items ticked, or reject the draft."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, SelectionList, Static

from roadmap_tui.tui.screens.dialog_screen import DialogScreen
from roadmap_tui.tui.widgets.tick_list import TickList

if TYPE_CHECKING:
    from roadmap_tui.planning.draft import Draft
    from roadmap_tui.planning.move_plan import Move


class DraftReviewScreen(DialogScreen["list[Move] | None"]):
    """Dismissed with the moves ticked (accept) or None (reject)."""

    BINDINGS = [
        Binding(
            "a", "accept", "Accept ticked", id="accept-draft", tooltip="Apply the ticked moves"
        ),
        Binding("escape", "reject", "Reject", id="reject-draft", tooltip="Apply nothing"),
    ]

    def __init__(self, draft: Draft) -> None:
        super().__init__(classes="dialog-screen")
        self.draft = draft
        self.moves: list[Move] = [*draft.leftovers, *draft.placed]

    def compose(self) -> ComposeResult:
        from roadmap_tui.models.numbers import fmt as show

        draft = self.draft
        with Vertical(classes="dialog review"):
            yield Static(f"Draft of {draft.quarter}", classes="dialog-title")
            leftovers = {move.item for move in draft.leftovers}
            options = []
            for index, move in enumerate(self.moves):
                kind = f"carried from {move.source}" if move.item in leftovers else "backlog"
                options.append((f"{move.item}  ({kind}: {move.reason})", index, True))
            intro = f"{len(draft.placed)} from the backlog (value {show(draft.value)})"
            if draft.leftovers:
                intro = f"{len(draft.leftovers)} leftover(s) of {draft.previous}, " + intro
            yield Static(f"Proposed: {intro}. space ticks or unticks an item.")
            for load in draft.loads:
                if load.overloaded:
                    over = show(load.used - load.capacity)
                    yield Static(
                        f"⚠ with every proposed item {load.team} is over capacity:"
                        f" {show(load.used)}/{show(load.capacity)} (over by {over})",
                        classes="dialog-warning",
                    )
            yield TickList[int](*options, id="draft-moves")
            with VerticalScroll(id="draft-why"):
                yield Static(self._details(), markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Accept ticked (a)", id="accept", variant="primary")
                yield Button("Reject (esc)", id="reject")

    def _details(self) -> Text:
        from roadmap_tui.exporters.rich_views import draft_text

        return draft_text(self.draft, moves=False)  # the moves are listed above, to tick

    def on_mount(self) -> None:
        self.query_one(SelectionList).focus()

    @on(Button.Pressed, "#accept")
    def action_accept(self) -> None:
        ticked = set(self.query_one("#draft-moves", SelectionList).selected)
        self.dismiss([move for index, move in enumerate(self.moves) if index in ticked])

    @on(Button.Pressed, "#reject")
    def action_reject(self) -> None:
        self.dismiss(None)
