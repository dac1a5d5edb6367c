"""Effort per team and quarter, before and after, against capacity.

TEMPORARY: the rule "a team's days used in a quarter = estimates of the items it owns there +
days other items ask of it there" belongs to roadmap_tui.planning (its capacity function); this
small copy stands in until planning lands and is then replaced by a call to it, so the rule
lives in one place.
"""

from __future__ import annotations

from dataclasses import dataclass

from roadmap_tui.impact.model import TeamEffort
from roadmap_tui.impact.versions import Version
from roadmap_tui.models import quarter_index


@dataclass
class Usage:
    """One team's days in one quarter."""

    capacity: float = 0.0
    own: float = 0.0
    asked: float = 0.0

    @property
    def used(self) -> float:
        return self.own + self.asked


def usage(version: Version) -> dict[tuple[str, str], Usage]:
    """(team id, quarter id) -> usage, for planned items (in a quarter, not dropped)."""
    ws = version.workspace
    found: dict[tuple[str, str], Usage] = {}
    for team in ws.roadmap.teams:
        for quarter, days in team.capacity.items():
            found.setdefault((team.id, quarter), Usage()).capacity = days
    for item_id in version.planned:
        item = version.items[item_id]
        quarter = version.locations[item_id]
        found.setdefault((item.team or ws.owner, quarter), Usage()).own += item.days
        for ask in item.asks:
            found.setdefault((ask.team, ask.quarter or quarter), Usage()).asked += ask.days
    return found


def team_efforts(
    base: Version, adjusted: Version, teams: list[str], names: dict[str, str]
) -> list[TeamEffort]:
    """Rows for every team and quarter with days used in either version, teams in `teams` order."""
    before = usage(base)
    after = usage(adjusted)
    keys = {key for key, use in before.items() if use.used} | {
        key for key, use in after.items() if use.used
    }
    rank = {team: index for index, team in enumerate(teams)}
    rows = []
    for team, quarter in sorted(
        keys, key=lambda key: (rank.get(key[0], len(rank)), key[0], quarter_index(key[1]))
    ):
        old = before.get((team, quarter), Usage())
        new = after.get((team, quarter), Usage())
        rows.append(
            TeamEffort(
                team=team,
                team_name=names.get(team, team),
                quarter=quarter,
                before=old.used,
                after=new.used,
                capacity=new.capacity,
                capacity_before=old.capacity,
                own_before=old.own,
                own_after=new.own,
                asked_before=old.asked,
                asked_after=new.asked,
            )
        )
    return rows
