"""Leftovers: what a quarter did not finish, carried over to a later one."""

from __future__ import annotations

from roadmap_tui.models import Item, Workspace, is_quarter_id, quarter_index
from roadmap_tui.models.numbers import days as days_text
from roadmap_tui.planning.common import PlanningError
from roadmap_tui.planning.move_plan import Move, MovePlan

FINISHED = ("done", "dropped")


def leftovers(ws: Workspace, quarter: str) -> list[Item]:
    """Items of a quarter that are neither done nor dropped, in file order."""
    plan = ws.quarters.get(quarter)
    if plan is None:
        return []
    return [item for item in plan.items if item.status not in FINISHED]


def carry_plan(ws: Workspace, source: str, target: str) -> MovePlan:
    """Move every leftover of `source` into `target`, keeping ids, asks and dependencies and
    setting `carried_from`."""
    for quarter in (source, target):
        if not is_quarter_id(quarter):
            raise PlanningError(f"{quarter!r} is not a quarter id (YYYY-Qn, n = 1..4)")
    if source not in ws.quarters:
        raise PlanningError(f"there is no quarter {source} in this workspace")
    if quarter_index(target) <= quarter_index(source):
        raise PlanningError(f"carry goes forward: {target} is not after {source}")
    moves = [
        Move(
            item=item.id,
            source=source,
            target=target,
            reason=f"{item.status}, {_days(item)}",
            carried_from=source,
        )
        for item in leftovers(ws, source)
    ]
    return MovePlan(f"carry leftovers of {source} into {target}", moves)


def _days(item: Item) -> str:
    if item.estimate is None:
        return "unestimated"
    return days_text(item.estimate)
