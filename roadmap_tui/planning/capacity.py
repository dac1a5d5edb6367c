"""Capacity per team per quarter: what a team has, what its own items and others' asks take.

- own: estimates of the items the team owns in that quarter (an unestimated item counts 0 and is
  named), plus asks those items make of their own team;
- asked: days other teams' items ask of it in that quarter (an ask's quarter is its item's
  unless the ask names its own);
- used = own + asked; free = capacity - used; overloaded when used > capacity.

Done items count as spent (they are part of `used`, and `done` says how much); dropped items
take nothing (`dropped` says how much they would have). A team with no capacity figure for a
quarter, or not defined at all, has 0 there.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from roadmap_tui.models import Workspace
from roadmap_tui.models.numbers import clean
from roadmap_tui.models.numbers import fmt as show
from roadmap_tui.planning.graph import Key, PlanGraph


@dataclass(frozen=True)
class TeamLoad:
    team: str
    quarter: str
    capacity: float
    own: float
    asked: float
    done: float = 0  # part of `used` already done
    dropped: float = 0  # days of dropped items: not counted
    unestimated: tuple[str, ...] = ()  # the team's items there without an estimate (counted 0)
    known_team: bool = True  # False: named by an item but not defined in roadmap.toml
    has_capacity: bool = True  # False: the team gives no figure for this quarter (so 0)

    @property
    def used(self) -> float:
        return clean(self.own + self.asked)

    @property
    def free(self) -> float:
        return clean(self.capacity - self.used)

    @property
    def overloaded(self) -> bool:
        return self.used > self.capacity + 1e-9

    def to_json(self) -> dict[str, Any]:
        return {
            "team": self.team,
            "quarter": self.quarter,
            "capacity": clean(self.capacity),
            "own": clean(self.own),
            "asked": clean(self.asked),
            "used": self.used,
            "free": self.free,
            "overloaded": self.overloaded,
            "done": clean(self.done),
            "dropped": clean(self.dropped),
            "unestimated": list(self.unestimated),
            "known_team": self.known_team,
            "has_capacity": self.has_capacity,
        }

    def sentence(self) -> str:
        """`infra-platform 2027-Q1: 141 of 145 days used (own 128, asked 13), 4 free`."""
        text = (
            f"{self.team} {self.quarter}: {show(self.used)} of {show(self.capacity)} days used"
            f" (own {show(self.own)}, asked {show(self.asked)}), "
        )
        if self.overloaded:
            text += f"over by {show(-self.free)}"
        else:
            text += f"{show(self.free)} free"
        if not self.known_team:
            text += " (not a team in roadmap.toml)"
        elif not self.has_capacity:
            text += f" (no capacity given for {self.quarter})"
        if self.unestimated:
            text += f"; unestimated: {', '.join(self.unestimated)}"
        return text


def load_of(graph: PlanGraph, team: str, quarter: str) -> TeamLoad:
    key: Key = (team, quarter)
    cached: TeamLoad | None = graph.memo(("load", key))
    if cached is not None:
        return cached
    own = asked = done = dropped = 0.0
    unestimated: list[str] = []
    for use in graph.uses_in(key):
        if not use.counts:
            dropped += use.days
            continue
        if use.own:
            own += use.days
            if use.unestimated:
                unestimated.append(use.item)
        else:
            asked += use.days
        if use.status == "done":
            done += use.days
    unestimated.sort(key=lambda item_id: graph.rank(item_id))
    load = TeamLoad(
        team=team,
        quarter=quarter,
        capacity=graph.capacity(team, quarter),
        own=clean(own),
        asked=clean(asked),
        done=clean(done),
        dropped=clean(dropped),
        unestimated=tuple(unestimated),
        known_team=graph.is_known_team(team),
        has_capacity=graph.has_capacity_entry(team, quarter),
    )
    graph.remember(("load", key), load)
    return load


def team_loads(
    graph: PlanGraph, quarter: str | None = None, team: str | None = None
) -> list[TeamLoad]:
    """Every team in every quarter of the workspace (quarters in time order); with `quarter`,
    every team in that quarter, whether or not it has a file yet; `team` keeps one team."""
    if quarter is None:
        keys = graph.keys()
    else:
        keys = [(team_id, quarter) for team_id in graph.teams]
        keys += sorted(
            key
            for key, bucket in graph.by_key.items()
            if bucket and key[1] == quarter and key[0] not in graph.teams
        )
    return [load_of(graph, key[0], key[1]) for key in keys if team is None or key[0] == team]


def capacity_table(ws: Workspace, quarter: str | None = None) -> list[TeamLoad]:
    """Team loads straight from a workspace (builds the graph; keep a PlanGraph to reuse)."""
    return team_loads(PlanGraph(ws), quarter)


def overloads(graph: PlanGraph, quarter: str | None = None) -> list[TeamLoad]:
    return [load for load in team_loads(graph, quarter) if load.overloaded]
