"""Knock-on effects: items whose dependencies no longer come first, and what must move with them.

An item is broken when a dependency blocks it (`planning.dependencies.blocked_by`, the one rule):
the dependency is no item any more, dropped or in the backlog ("removed"), or planned in a later
quarter ("deferred"). Only breaks the adjusted plan introduces are reported: a pair already
broken in the baseline is old news. Done items never break anything and never need to move.
"""

from __future__ import annotations

import math
from collections import deque

from roadmap_tui.impact.model import BreakKind, BrokenDependency
from roadmap_tui.impact.versions import Version
from roadmap_tui.models import BACKLOG
from roadmap_tui.models.quarters import quarter_from_index
from roadmap_tui.planning.dependencies import blocked_by

NEVER = math.inf  # the earliest quarter of an item that waits for an unplanned one


def _breaks(version: Version) -> dict[tuple[str, str], tuple[BreakKind, float]]:
    """(item, dependency) -> (kind, earliest quarter index the item could now be in)."""
    found: dict[tuple[str, str], tuple[BreakKind, float]] = {}
    for item_id in version.planned:
        item = version.items[item_id]
        quarter = version.locations[item_id]
        for dep in item.depends_on:
            block = blocked_by(
                item, dep, version.items.get(dep), version.locations.get(dep), quarter
            )
            if block == "planned later":
                found[(item_id, dep)] = ("deferred", version.planned[dep])
            elif block is not None:
                found[(item_id, dep)] = ("removed", NEVER)
    return found


def _where(version: Version, item_id: str) -> str:
    item = version.items.get(item_id)
    if item is None:
        return "no longer in the workspace"
    if item.status == "dropped":
        return "dropped"
    if version.locations[item_id] == BACKLOG:
        return "in the backlog"
    return "not planned"


def _quarter(index: float) -> str | None:
    return None if index == NEVER else quarter_from_index(int(index))


def broken_dependencies(base: Version, adjusted: Version) -> list[BrokenDependency]:
    """New breaks in the adjusted plan, then the transitive dependents that must move too."""
    old = _breaks(base)
    rows: list[BrokenDependency] = []
    # item -> (earliest quarter index, the direct dependency, the root that started it)
    need: dict[str, tuple[float, str, str]] = {}
    for (item_id, dep), (kind, earliest) in _breaks(adjusted).items():
        if (item_id, dep) in old:
            continue
        quarter = adjusted.locations[item_id]
        if kind == "removed":
            reason = f"{dep} is {_where(adjusted, dep)}"
        else:
            reason = f"{dep} is planned in {_quarter(earliest)}, after {quarter}"
        rows.append(
            BrokenDependency(
                item=item_id,
                item_title=adjusted.items[item_id].title,
                quarter=quarter,
                depends_on=dep,
                kind=kind,
                reason=reason,
                root=dep,
                earliest=_quarter(earliest),
            )
        )
        if earliest > need.get(item_id, (-1.0, "", ""))[0]:
            need[item_id] = (earliest, dep, dep)
    direct = set(need)

    dependents: dict[str, list[str]] = {}
    for item_id in adjusted.planned:
        item = adjusted.items[item_id]
        if item.status == "done":
            continue
        for dep in item.depends_on:
            dependents.setdefault(dep, []).append(item_id)

    # Requirements only grow, so each item is re-queued at most once per distinct value.
    queue = deque(need)
    while queue:
        item_id = queue.popleft()
        earliest, _, root = need[item_id]
        for dependent in dependents.get(item_id, ()):
            if adjusted.planned[dependent] >= earliest:
                continue
            if earliest > need.get(dependent, (-1.0, "", ""))[0]:
                need[dependent] = (earliest, item_id, root)
                queue.append(dependent)

    for item_id in sorted(need.keys() - direct, key=lambda i: (adjusted.planned[i], i)):
        earliest, dep, root = need[item_id]
        if earliest == NEVER:
            reason = f"depends on {dep}, which waits for {root} ({_where(adjusted, root)})"
        else:
            reason = f"depends on {dep}, which must move to {_quarter(earliest)} or later"
        rows.append(
            BrokenDependency(
                item=item_id,
                item_title=adjusted.items[item_id].title,
                quarter=adjusted.locations[item_id],
                depends_on=dep,
                kind="knock-on",
                reason=reason,
                root=root,
                earliest=_quarter(earliest),
            )
        )
    return rows
