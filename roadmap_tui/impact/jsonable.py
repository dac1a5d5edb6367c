"""Impact and options as plain JSON-ready dicts (the `--format json` contract)."""

from __future__ import annotations

import math
from typing import Any

from roadmap_tui.impact.model import Impact, Options
from roadmap_tui.impact.summary import summary


def num(value: float | None) -> float | int | None:
    """4.0 -> 4; ratios keep four decimals; None stays None."""
    if value is None:
        return None
    if math.isclose(value, round(value), abs_tol=1e-9):
        return int(round(value))
    return round(value, 4)


def impact_json(impact: Impact, *, all_items: bool = False) -> dict[str, Any]:
    """The object for one adjusted plan; `items` holds changed items unless `all_items`."""
    effort: dict[str, dict[str, dict[str, Any]]] = {}
    for row in impact.effort:
        effort.setdefault(row.team, {})[row.quarter] = {
            "before": num(row.before),
            "after": num(row.after),
            "capacity": num(row.capacity),
        }
    return {
        "base": impact.base,
        "adjusted": impact.adjusted,
        "framework": impact.framework,
        "summary": summary(impact),
        "items": [
            {
                "id": row.id,
                "title": row.title,
                "change": row.change,
                "from": row.from_location,
                "to": row.to_location,
                "score_before": num(row.score_before),
                "score_after": num(row.score_after),
                "estimate_before": num(row.estimate_before),
                "estimate_after": num(row.estimate_after),
                "value_before": num(row.value_before),
                "value_after": num(row.value_after),
                "note": row.note,
            }
            for row in impact.items
            if all_items or row.is_change
        ],
        "added": impact.added,
        "removed": impact.removed,
        "deferred": impact.deferred,
        "pulled_in": impact.pulled_in,
        "value": {
            row.quarter: {
                "before": num(row.before),
                "after": num(row.after),
                "unscored_before": list(row.unscored_before),
                "unscored_after": list(row.unscored_after),
            }
            for row in impact.value
        },
        "effort": effort,
        "asks": [
            {
                "team": ask.team,
                "days": num(ask.days),
                "from": ask.from_quarter,
                "to": ask.to_quarter,
                "item": ask.item,
                "kind": ask.kind,
                "days_before": num(ask.days_before),
            }
            for ask in impact.asks
        ],
        "broken_dependencies": [
            {
                "item": row.item,
                "depends_on": row.depends_on,
                "reason": row.reason,
                "kind": row.kind,
                "quarter": row.quarter,
                "earliest": row.earliest,
                "root": row.root,
            }
            for row in impact.broken_dependencies
        ],
        "goals": [
            {
                "goal": goal.goal,
                "before": goal.before,
                "after": goal.after,
                "slip": goal.slip,
                "waiting_before": list(goal.waiting_before),
                "waiting_after": list(goal.waiting_after),
            }
            for goal in impact.goals
        ],
        "notices": [
            {"team": notice.team, "channel": notice.channel, "message": notice.message}
            for notice in impact.notices
        ],
    }


def options_json(options: Options, *, all_items: bool = False) -> dict[str, Any]:
    """Several alternatives: the side-by-side table, then each full comparison."""
    return {
        "base": options.base,
        "framework": options.framework,
        "quarters": list(options.quarters),
        "table": [
            {
                "option": row.label,
                "is_base": row.is_base,
                "value": {quarter: num(value) for quarter, value in row.value.items()},
                "total_value": num(row.total_value),
                "adopted": list(row.adopted),
                "skipped": list(row.skipped),
                "deferred": list(row.deferred),
                "pulled_in": list(row.pulled_in),
                "asks_moved": row.asks_moved,
                "ask_days_moved": num(row.ask_days_moved),
                "goal_slips": row.goal_slips,
                "delivery_shift": row.delivery_shift,
                "broken_dependencies": row.broken,
            }
            for row in options.rows
        ],
        "options": [impact_json(impact, all_items=all_items) for impact in options.impacts],
    }
