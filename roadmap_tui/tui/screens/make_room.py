"""Make room, step one: which backlog items to adopt, into which quarter.

Open requests come first (the walk-through's "adopt two requests"), then the other backlog items
that are neither done nor dropped; the quarter defaults to the one the view had selected.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Select, SelectionList, Static

from roadmap_tui.models import BACKLOG, Workspace, next_quarter
from roadmap_tui.tui.screens.dialog_screen import DialogScreen
from roadmap_tui.tui.widgets.tick_list import TickList


@dataclass(frozen=True)
class RoomRequest:
    items: list[str]
    quarter: str


def candidates(ws: Workspace) -> list[tuple[str, str]]:
    """(id, label) of backlog items worth adopting: open requests first, oldest first."""
    found = []
    for item in ws.items_in(BACKLOG):
        if item.status in ("done", "dropped") or item.decision in ("declined", "merged"):
            continue
        label = f"{item.id}  {item.title}"
        if item.is_request:
            label += (
                f"  (request of {', '.join(item.requested_by) or '?'}, {item.decision or 'open'})"
            )
        order = (not item.is_request, str(item.received or ""), item.id)
        found.append((order, item.id, label))
    found.sort()
    return [(item_id, label) for _, item_id, label in found]


class MakeRoomScreen(DialogScreen["RoomRequest | None"]):
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="cancel-room", tooltip="Adopt nothing"),
        Binding("ctrl+enter", "go", "Make room", id="go-room", tooltip="Propose what must go"),
    ]

    def __init__(self, ws: Workspace, quarter: str | None, ticked: list[str] | None = None) -> None:
        super().__init__(classes="dialog-screen")
        self.choices = candidates(ws)
        quarters = ws.quarter_ids()
        if quarters:
            quarters = [*quarters, next_quarter(quarters[-1])]
        self.quarters = quarters
        current = ws.roadmap.workspace.current_quarter
        self.quarter = quarter if quarter in quarters else current if current in quarters else None
        self.ticked = set(ticked or ())

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog review"):
            yield Static("Make room: adopt items into a quarter", classes="dialog-title")
            yield Static(
                "Tick the items to adopt (space); the items of least value make room for them."
            )
            yield TickList[str](
                *((label, item_id, item_id in self.ticked) for item_id, label in self.choices),
                id="room-items",
            )
            with Horizontal(id="room-quarter-row"):
                yield Static("into", classes="field-label")
                yield Select(
                    [(q, q) for q in self.quarters],
                    value=self.quarter if self.quarter is not None else Select.BLANK,
                    allow_blank=self.quarter is None,
                    id="room-quarter",
                )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Make room", id="go", variant="primary")
                yield Button("Cancel (esc)", id="cancel")

    def on_mount(self) -> None:
        ticks = self.query_one(SelectionList)
        ticks.highlighted = 0 if self.choices else None
        ticks.focus()

    @on(Button.Pressed, "#go")
    def action_go(self) -> None:
        items = list(self.query_one("#room-items", SelectionList).selected)
        quarter = self.query_one("#room-quarter", Select).value
        if not items:
            self.notify("Tick at least one item to adopt.", severity="warning")
            return
        if not isinstance(quarter, str):
            self.notify("Pick the quarter to adopt into.", severity="warning")
            return
        self.dismiss(RoomRequest(items, quarter))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
