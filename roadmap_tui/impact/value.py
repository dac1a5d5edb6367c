"""A plan's value per quarter: the sum of the framework's value of the items planned in it."""

from __future__ import annotations

from roadmap_tui.impact.model import QuarterValue
from roadmap_tui.impact.versions import Version
from roadmap_tui.models import BACKLOG


def _per_quarter(version: Version) -> tuple[dict[str, float], dict[str, list[str]]]:
    totals: dict[str, float] = {}
    unscored: dict[str, list[str]] = {}
    for item_id, location in version.locations.items():
        if location == BACKLOG or item_id not in version.planned:
            continue  # the backlog and dropped items add nothing to a plan
        value = version.values[item_id]
        totals.setdefault(location, 0.0)
        if value is None:
            unscored.setdefault(location, []).append(item_id)  # named, never counted as 0
        else:
            totals[location] += value
    return totals, unscored


def quarter_values(base: Version, adjusted: Version, quarters: list[str]) -> list[QuarterValue]:
    before, unscored_before = _per_quarter(base)
    after, unscored_after = _per_quarter(adjusted)
    return [
        QuarterValue(
            quarter=quarter,
            before=before.get(quarter, 0.0),
            after=after.get(quarter, 0.0),
            unscored_before=tuple(unscored_before.get(quarter, ())),
            unscored_after=tuple(unscored_after.get(quarter, ())),
        )
        for quarter in quarters
    ]
