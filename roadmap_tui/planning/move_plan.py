"""A plan of moves (which item goes where, and why) and applying it to a workspace in memory.

carry, draft and adopt return a `MovePlan`; `plan_edit` turns it into an `Edit` (the terminal app's unit
of undo), `apply_plan` gives the changed copy of a workspace. Nothing here touches a file.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from roadmap_tui.models import BACKLOG, Item, QuarterHeader, Workspace
from roadmap_tui.models.edits import Change, Edit, HeaderChange, ItemChange, Placement, apply

BACKLOG_STATUS = "proposed"
PLANNED_STATUS = "planned"


@dataclass(frozen=True)
class Move:
    """Item `item` goes from `source` to `target` (quarter ids or `backlog`).

    The other fields are set on the item when not None; `reason` says why, for people (it is
    printed, not written; `note` is what the file keeps).
    """

    item: str
    source: str
    target: str
    reason: str = ""
    status: str | None = None
    note: str | None = None
    carried_from: str | None = None
    decision: str | None = None

    def updates(self) -> dict[str, Any]:
        found: dict[str, Any] = {}
        for name in ("status", "note", "carried_from", "decision"):
            value = getattr(self, name)
            if value is not None:
                found[name] = value
        return found

    def to_json(self) -> dict[str, Any]:
        return {"item": self.item, "from": self.source, "to": self.target, "reason": self.reason}


@dataclass
class MovePlan:
    """Moves, plus quarter stages to set (`draft --write` marks its quarter a draft)."""

    label: str
    moves: list[Move] = field(default_factory=list)
    stages: dict[str, str] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not self.moves and not self.stages


def target_status(item: Item, source: str, target: str) -> str | None:
    """The status an item gets by moving: to the backlog it is proposed again; out of the backlog
    it is planned; between quarters it keeps its status."""
    if target == BACKLOG and item.status != BACKLOG_STATUS:
        return BACKLOG_STATUS
    if source == BACKLOG and target != BACKLOG and item.status == BACKLOG_STATUS:
        return PLANNED_STATUS
    return None


def plan_edit(ws: Workspace, plan: MovePlan) -> Edit:
    """The plan as one edit of `ws` (apply it with `roadmap_tui.models.edits.apply`)."""
    positions: dict[str, tuple[str, int, Item]] = {}
    wanted = {move.item for move in plan.moves}
    for location in [*ws.quarter_ids(), BACKLOG]:
        for index, item in enumerate(ws.items_in(location)):
            if item.id in wanted and item.id not in positions:
                positions[item.id] = (location, index, item)
    changes: list[Change] = []
    for quarter, stage in plan.stages.items():
        current = ws.quarters.get(quarter)
        before = current.quarter if current is not None else None
        if before is not None and before.stage == stage:
            continue
        after = (
            before.model_copy(update={"stage": stage}, deep=True)
            if before is not None
            else QuarterHeader.model_validate({"id": quarter, "stage": stage})
        )
        changes.append(HeaderChange(quarter, before, after))
    leaving = Counter(move.source for move in plan.moves)
    sizes = {loc: len(ws.items_in(loc)) if _exists(ws, loc) else 0 for loc in _locations(plan)}
    arriving: Counter[str] = Counter()
    for move in plan.moves:
        if move.item not in positions:
            raise KeyError(f"no item {move.item}")
        location, index, item = positions[move.item]
        if location != move.source:
            raise KeyError(f"{move.item} is in {location}, not {move.source}")
        new = item.model_copy(update=move.updates(), deep=True)
        at = sizes[move.target] - leaving[move.target] + arriving[move.target]
        arriving[move.target] += 1
        changes.append(
            ItemChange(Placement(location, index, item), Placement(move.target, at, new))
        )
    return Edit(plan.label, tuple(changes))


def _exists(ws: Workspace, location: str) -> bool:
    return location == BACKLOG or location in ws.quarters


def _locations(plan: MovePlan) -> Iterable[str]:
    return {move.target for move in plan.moves} | {move.source for move in plan.moves}


def apply_plan(ws: Workspace, plan: MovePlan) -> Workspace:
    """A copy of `ws` with the plan applied; `ws` itself is left as it was."""
    copy = ws.model_copy(deep=True)
    apply(copy, plan_edit(copy, plan))
    return copy
