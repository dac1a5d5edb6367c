"""Release notes: what was done since a date or a git revision, and how the plan changed.

This module selects and groups (`Announcement`); roadmap_tui.exporters.announcements writes it as
Markdown to paste into a channel, the weekly stand-up notes or the Friday update. The plan-change
part is deliberately simple (quarter moves, drops, request decisions); the full comparison
belongs to the impact layer.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from roadmap_tui.models import BACKLOG, Item, Workspace
from roadmap_tui.models.quarters import quarter_index

OTHER_WORK = "Other work"


def done_since_date(ws: Workspace, since: dt.date) -> tuple[list[Item], list[Item]]:
    """Items done on or after `since`, and done items that carry no `done_on` to tell."""
    done = [i for i in ws.all_items() if i.status == "done"]
    dated = [i for i in done if i.done_on is not None and i.done_on >= since]
    undated = [i for i in done if i.done_on is None]
    return _by_date(dated), undated


def done_since_version(now: Workspace, before: Workspace) -> list[Item]:
    """Items done now that were not done (or did not exist) in the earlier version."""
    earlier = {item.id: item for item in before.all_items()}
    return _by_date(
        [
            item
            for item in now.all_items()
            if item.status == "done"
            and (item.id not in earlier or earlier[item.id].status != "done")
        ]
    )


def _by_date(items: list[Item]) -> list[Item]:
    return sorted(items, key=lambda i: (i.done_on is None, i.done_on or dt.date.min, i.id))


@dataclass(frozen=True)
class PlanChange:
    item: Item
    change: str  # "added to 2026-Q4", "deferred from 2026-Q4 to 2027-Q1", ...


def plan_changes(now: Workspace, before: Workspace) -> list[PlanChange]:
    """Items that entered, left or moved between quarters, or were dropped from one."""
    old = {item.id: (where, item) for where, item in before.located_items()}
    changes: list[PlanChange] = []
    new_ids = set()
    for where, item in now.located_items():
        new_ids.add(item.id)
        if item.status == "done":
            continue  # announced as done
        was_where, was = old.get(item.id, (None, None))
        text = _moved(was_where, where)
        if text is None and where != BACKLOG and item.status == "dropped":
            if was is not None and was.status != "dropped":
                text = f"dropped from {where}, no longer planned"
        if text is not None:
            changes.append(PlanChange(item, text))
    for item_id, (was_where, was) in old.items():
        if item_id not in new_ids and was_where != BACKLOG and was.status != "done":
            changes.append(PlanChange(was, f"removed from {was_where} (deleted)"))
    order = {"added": 0, "brought": 1, "deferred": 2, "moved": 3, "dropped": 4, "removed": 5}
    return sorted(changes, key=lambda c: (order[c.change.split()[0]], c.item.id))


def _moved(was: str | None, now: str) -> str | None:
    in_quarter_before = was is not None and was != BACKLOG
    if now == BACKLOG:
        return f"deferred from {was} to the backlog, no date yet" if in_quarter_before else None
    if not in_quarter_before:
        return f"added to {now}"
    assert was is not None
    if quarter_index(now) > quarter_index(was):
        return f"deferred from {was} to {now}"
    if quarter_index(now) < quarter_index(was):
        return f"brought forward from {was} to {now}"
    return None


def decisions_since(now: Workspace, before: Workspace) -> list[Item]:
    """Requests whose decision changed (new requests decided right away included)."""
    old = {item.id: item for item in before.all_items()}
    decided = []
    for item in now.all_items():
        if not item.is_request or (item.decision or "open") == "open":
            continue
        was = old.get(item.id)
        if was is None or (was.decision or "open") != item.decision:
            decided.append(item)
    return sorted(decided, key=lambda i: i.id)


@dataclass(frozen=True)
class GoalDone:
    """Done items under the goal they serve first (`Other work` for items without a goal)."""

    title: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Announcement:
    """What the release notes tell, in the order they tell it; no text is escaped here."""

    workspace: str
    since: str
    done: tuple[Item, ...]
    goals: tuple[GoalDone, ...]
    changes: tuple[PlanChange, ...]
    decisions: tuple[Item, ...]
    channels: tuple[str, ...]  # of the teams who asked, to post the notes back to them


def announcement(
    ws: Workspace,
    done: list[Item],
    since: str,
    *,
    changes: list[PlanChange] | None = None,
    decisions: list[Item] | None = None,
) -> Announcement:
    """The announcement: done items by goal, then plan changes and decisions when known."""
    return Announcement(
        workspace=ws.roadmap.workspace.name,
        since=since,
        done=tuple(done),
        goals=tuple(GoalDone(title, tuple(items)) for title, items in _by_goal(ws, done)),
        changes=tuple(changes or ()),
        decisions=tuple(decisions or ()),
        channels=tuple(_channels(ws, [*done, *(decisions or [])])),
    )


def _by_goal(ws: Workspace, items: list[Item]) -> list[tuple[str, list[Item]]]:
    """Items under the first goal they serve, goals in roadmap.toml order, the rest last."""
    titles = {goal.id: goal.title for goal in ws.roadmap.goals}
    groups: dict[str, list[Item]] = {goal: [] for goal in titles}
    other: list[Item] = []
    for item in items:
        goal = item.goals[0] if item.goals else None
        if goal is None:
            other.append(item)
        else:
            groups.setdefault(goal, []).append(item)
    result = [(titles.get(goal, goal), found) for goal, found in groups.items() if found]
    return result + ([(OTHER_WORK, other)] if other else [])


def _channels(ws: Workspace, items: list[Item]) -> list[str]:
    """Channels of the teams who asked for these items (team ids for teams without one)."""
    found: list[str] = []
    for item in items:
        for team_id in item.requested_by:
            team = ws.team(team_id)
            label = team.channel if team is not None and team.channel else team_id
            if label not in found:
                found.append(label)
    return found
