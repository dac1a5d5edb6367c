"""When each goal is delivered before and after, and how many quarters it slips."""

from __future__ import annotations

from collections.abc import Collection

from roadmap_tui.impact.model import GoalSlip
from roadmap_tui.impact.versions import Version
from roadmap_tui.models import BACKLOG, Item, quarter_index
from roadmap_tui.models.quarters import quarter_from_index

NOT_IN_PLAN = BACKLOG


def holds_back(item: Item, skipped: Collection[str]) -> bool:
    """Whether an unscheduled item keeps its goals from being delivered within the plan.

    Committed work does (status planned or in-progress, an accepted request), and so does an
    item this change skipped (planned before, in the backlog now). A mere proposal or an open
    request does not: the backlog is full of ideas that name goals, and reading every one as
    a hole would leave no goal delivered in any plan.
    """
    if item.id in skipped:
        return True
    if item.status in ("done", "dropped"):
        return False
    return item.status in ("planned", "in-progress") or item.decision == "accepted"


def deliveries(
    version: Version, skipped: Collection[str] = ()
) -> tuple[dict[str, str], dict[str, list[str]]]:
    """Goal id -> the latest quarter of its items, or "backlog" if one of them is unscheduled;
    and goal id -> the unscheduled items that keep it out of the plan.

    Dropped items and declined or merged requests serve no goal any more: they neither deliver
    it nor hold it back.
    """
    latest: dict[str, int] = {}
    waiting: dict[str, list[str]] = {}
    for item_id, item in version.items.items():
        if not item.goals or item.status == "dropped" or item.decision in ("declined", "merged"):
            continue
        planned = version.planned.get(item_id)
        if planned is None and not holds_back(item, skipped):
            continue
        for goal in item.goals:
            if planned is None:
                waiting.setdefault(goal, []).append(item_id)
            elif planned > latest.get(goal, -1):
                latest[goal] = planned
    found: dict[str, str] = {}
    for goal in {*latest, *waiting}:
        found[goal] = NOT_IN_PLAN if goal in waiting else quarter_from_index(latest[goal])
    return found, waiting


def goal_slips(base: Version, adjusted: Version) -> list[GoalSlip]:
    """Goals of the roadmap (adjusted's, then base's), then any other goal an item names."""
    titles: dict[str, str] = {}
    for version in (adjusted, base):
        for known in version.workspace.roadmap.goals:
            titles.setdefault(known.id, known.title)
    before, waiting_before = deliveries(base)
    skipped = {
        item_id
        for item_id in base.planned
        if item_id not in adjusted.planned and item_id in adjusted.items
    }
    after, waiting_after = deliveries(adjusted, skipped)
    for goal in sorted({*before, *after} - titles.keys()):
        titles[goal] = goal
    rows = []
    for goal, title in titles.items():
        old, new = before.get(goal), after.get(goal)
        slip = None
        if old not in (None, NOT_IN_PLAN) and new not in (None, NOT_IN_PLAN):
            assert old is not None and new is not None
            slip = quarter_index(new) - quarter_index(old)
        rows.append(
            GoalSlip(
                goal=goal,
                title=title,
                before=old,
                after=new,
                slip=slip,
                waiting_before=tuple(waiting_before.get(goal, ())),
                waiting_after=tuple(waiting_after.get(goal, ())),
            )
        )
    return rows
