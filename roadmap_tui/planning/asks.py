"""Team dependencies: who needs how many days from whom in which quarter.

Only asks of items that still need the days count: items planned in a quarter and not done or
dropped. An ask of the item's own team is the team's own work, not a dependency on anyone.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from roadmap_tui.models.numbers import clean
from roadmap_tui.models.numbers import fmt as show
from roadmap_tui.planning.graph import Key, PlanGraph, Use


@dataclass(frozen=True)
class AskLine:
    item: str
    title: str
    item_quarter: str  # where the asking item is planned
    days: float
    note: str | None
    status: str

    def to_json(self) -> dict[str, Any]:
        return {
            "item": self.item,
            "title": self.title,
            "item_quarter": self.item_quarter,
            "days": clean(self.days),
            "note": self.note,
            "status": self.status,
        }


@dataclass(frozen=True)
class TeamAsk:
    """All that `from_team` asks of `to_team` in one quarter."""

    from_team: str
    to_team: str
    quarter: str
    asks: tuple[AskLine, ...]
    channel: str = ""  # where to tell `to_team`
    known_team: bool = True  # False: `to_team` is not defined in roadmap.toml

    @property
    def days(self) -> float:
        return clean(sum(line.days for line in self.asks))

    def to_json(self) -> dict[str, Any]:
        return {
            "from_team": self.from_team,
            "to_team": self.to_team,
            "quarter": self.quarter,
            "days": self.days,
            "channel": self.channel,
            "known_team": self.known_team,
            "asks": [line.to_json() for line in self.asks],
        }

    def sentence(self) -> str:
        items = ", ".join(f"{line.item} {show(line.days)}" for line in self.asks)
        unknown = " (not a team in roadmap.toml)" if not self.known_team else ""
        return (
            f"{self.from_team} needs {show(self.days)} days of {self.to_team}{unknown}"
            f" in {self.quarter}: {items}"
        )


def team_asks(
    graph: PlanGraph, team: str | None = None, quarter: str | None = None
) -> list[TeamAsk]:
    """Asks grouped by (asking team, asked team, quarter), quarters in time order. `team` keeps
    the groups where it is either side; `quarter` keeps one quarter."""
    result: list[TeamAsk] = []
    for key in graph.keys():
        if quarter is not None and key[1] != quarter:
            continue
        for group in asks_of(graph, key):
            if team is None or team in (group.from_team, group.to_team):
                result.append(group)
    return result


def asks_of(graph: PlanGraph, key: Key) -> list[TeamAsk]:
    """What each team asks of one team in one quarter (kept on the graph until that changes)."""
    cached: list[TeamAsk] | None = graph.memo(("asks", key))
    if cached is not None:
        return cached
    groups: dict[str, list[Use]] = defaultdict(list)
    for use in graph.uses_in(key):
        if not use.own and use.status not in ("done", "dropped"):
            groups[graph.team_of(use.item)].append(use)
    rank = {team_id: index for index, team_id in enumerate(graph.teams)}
    known = graph.teams.get(key[0])
    result = []
    for from_team in sorted(groups, key=lambda t: (rank.get(t, len(rank)), t)):
        uses = sorted(groups[from_team], key=lambda use: graph.rank(use.item))
        lines = tuple(
            AskLine(
                item=use.item,
                title=graph.items[use.item].title,
                item_quarter=graph.location[use.item],
                days=use.days,
                note=use.note,
                status=use.status,
            )
            for use in uses
        )
        result.append(
            TeamAsk(
                from_team=from_team,
                to_team=key[0],
                quarter=key[1],
                asks=lines,
                channel=known.channel if known is not None else "",
                known_team=known is not None,
            )
        )
    return graph.remember(("asks", key), result)  # type: ignore[no-any-return]


def unknown_team_asks(graph: PlanGraph) -> list[tuple[str, str]]:
    """(item, team) for every ask, planned or not, of a team roadmap.toml does not define."""
    found = []
    for item_id, item in graph.items.items():
        for ask in item.asks:
            if ask.team not in graph.teams:
                found.append((item_id, ask.team))
    found.sort(key=lambda pair: (graph.rank(pair[0]), pair[1]))
    return found
