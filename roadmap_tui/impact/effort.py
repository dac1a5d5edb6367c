"""Effort per team and quarter, before and after, against capacity.

What an item takes of each team in each quarter is planning's rule (`planning.graph.uses_of`:
the owner's estimate, asks in the item's quarter unless pinned, an ask of the item's own team
counted as its own days, dropped items taking nothing), the same rule `roadmap capacity` and
the terminal app count with. Summed here over plain dicts instead of building planning's
graph: a comparison needs the totals only, twice, and building two graphs of 10,000 items
would take most of the half second a comparison has.
"""

from __future__ import annotations

from dataclasses import dataclass

from roadmap_tui.impact.model import TeamEffort
from roadmap_tui.impact.versions import Version
from roadmap_tui.models import quarter_index
from roadmap_tui.planning.graph import uses_of


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
    """(team id, quarter id) -> usage of every item in a quarter."""
    ws = version.workspace
    found: dict[tuple[str, str], Usage] = {}
    for team in ws.roadmap.teams:
        for quarter, days in team.capacity.items():
            found.setdefault((team.id, quarter), Usage()).capacity = days
    for item_id, item in version.items.items():
        for use in uses_of(item, version.locations[item_id], ws.owner):
            if not use.counts:
                continue
            entry = found.setdefault(use.key, Usage())
            if use.own:
                entry.own += use.days
            else:
                entry.asked += use.days
    return found


def team_efforts(
    base: Version, adjusted: Version, teams: list[str], names: dict[str, str]
) -> list[TeamEffort]:
    """A row for every team of `teams` in every quarter of either version (days used or not),
    and for any other team and quarter with days used in either; teams in `teams` order."""
    before = usage(base)
    after = usage(adjusted)
    quarters = {*base.workspace.quarters, *adjusted.workspace.quarters}
    keys = {key for key, use in before.items() if use.used} | {
        key for key, use in after.items() if use.used
    }
    keys |= {(team, quarter) for team in teams for quarter in quarters}
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
