"""The one-paragraph summary every face opens with, and short labels for locations.

"Added 2 items (value +16), deferred 2, removed 1 (value -5); value 2027-Q1 75 -> 78, ..."
The kinds of change are named with `vocabulary` (the words every face uses).
"""

from __future__ import annotations

from roadmap_tui.impact.model import Impact, ItemChange
from roadmap_tui.impact.vocabulary import ask_word, change_word
from roadmap_tui.models.numbers import days, fmt, quarters, same, signed


def location(where: str | None) -> str:
    """A location as a cell: a quarter id, "backlog", or "-" when absent."""
    return where if where is not None else "-"


def goal_quarter(where: str | None) -> str:
    if where is None:
        return "no items"
    if where == "backlog":
        return "not in plan"
    return where


def goal_cell(where: str | None, waiting: tuple[str, ...] = ()) -> str:
    """A goal's delivery as a cell, naming what keeps it out of the plan."""
    text = goal_quarter(where)
    if where == "backlog" and waiting:
        shown = ", ".join(waiting[:3]) + (f" +{len(waiting) - 3}" if len(waiting) > 3 else "")
        return f"{text} ({shown})"
    return text


def _value_of(rows: list[ItemChange], after: bool) -> float:
    figures = [row.value_after if after else row.value_before for row in rows]
    return sum(figure for figure in figures if figure is not None)


def _count(label: str, count: int) -> str:
    return f"{label} {count} item{'s' if count != 1 else ''}"


def plan_sentence(impact: Impact) -> str:
    """What happens to the items: added, deferred, pulled in, removed, re-estimated."""
    by_change: dict[str, list[ItemChange]] = {}
    for row in impact.items:
        by_change.setdefault(row.change, []).append(row)
    parts = []
    added = by_change.get("added", [])
    if added:
        parts.append(
            f"{_count(change_word('added'), len(added))} (value {signed(_value_of(added, True))})"
        )
    for change in ("deferred", "pulled-in"):
        if by_change.get(change):
            parts.append(f"{change_word(change)} {len(by_change[change])}")
    removed = by_change.get("removed", [])
    if removed:
        parts.append(
            f"{change_word('removed')} {len(removed)} (value {signed(-_value_of(removed, False))})"
        )
    for change in ("re-estimated", "re-scored"):
        if by_change.get(change):
            parts.append(f"{change_word(change)} {len(by_change[change])}")
    if not parts:
        return "No item changes"
    text = ", ".join(parts)
    return text[0].upper() + text[1:]


def value_sentence(impact: Impact) -> str:
    moved = [row for row in impact.value if not same(row.before, row.after)]
    if not moved:
        return f"value unchanged (total {fmt(impact.value_before)})"
    each = ", ".join(f"{row.quarter} {fmt(row.before)} -> {fmt(row.after)}" for row in moved)
    return f"value {each} (total {fmt(impact.value_before)} -> {fmt(impact.value_after)})"


def asks_sentence(impact: Impact) -> str | None:
    if not impact.asks:
        return None
    counts: dict[str, int] = {}
    for ask in impact.asks:
        counts[ask.kind] = counts.get(ask.kind, 0) + 1
    order = ("moved", "new", "released", "changed")
    each = ", ".join(f"{counts[kind]} {ask_word(kind)}" for kind in order if kind in counts)
    teams = len({ask.team for ask in impact.asks})
    return f"asks of {teams} team{'s' if teams != 1 else ''}: {each}"


def goals_sentence(impact: Impact) -> str:
    parts = []
    for goal in impact.goals:
        if goal.slip:
            verb = "slips" if goal.slip > 0 else "comes"
            later = "" if goal.slip > 0 else " earlier"
            parts.append(f"{goal.goal} {verb} {quarters(goal.slip)}{later}")
        elif goal.before != goal.after and goal.after == "backlog":
            parts.append(f"{goal.goal} no longer delivered within the plan")
        elif goal.before != goal.after and goal.before == "backlog" and goal.after:
            parts.append(f"{goal.goal} now delivered in {goal.after}")
    return "goals: " + ", ".join(parts) if parts else "no goal slips"


def capacity_sentence(impact: Impact) -> str | None:
    over = [
        row
        for row in impact.effort
        if row.over_after and row.after > row.before and not same(row.after, row.before)
    ]
    if not over:
        return None
    each = ", ".join(
        f"{row.team} {row.quarter} ({fmt(row.after)} of {days(row.capacity)})" for row in over
    )
    return f"over capacity: {each}"


def dependencies_sentence(impact: Impact) -> str | None:
    rows = impact.broken_dependencies
    if not rows:
        return None
    knock = sum(1 for row in rows if row.kind == "knock-on")
    direct = len(rows) - knock
    text = f"{direct} broken dependenc{'ies' if direct != 1 else 'y'}"
    return text + (f" (+{knock} knock-on)" if knock else "")


def summary(impact: Impact) -> str:
    """The summary sentence, in the order a lead reads it: items, value, asks, goals, risks."""
    parts = [plan_sentence(impact), value_sentence(impact)]
    for extra in (
        asks_sentence(impact),
        goals_sentence(impact),
        capacity_sentence(impact),
        dependencies_sentence(impact),
    ):
        if extra:
            parts.append(extra)
    return "; ".join(parts) + "."
