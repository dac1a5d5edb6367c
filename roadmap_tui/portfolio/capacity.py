"""Load per team and quarter across the portfolio.

A member team: capacity and used from its own workspace (its reservations included, as any item),
plus `unconfirmed`: the days asked of it there that it has not reserved; free = capacity - used -
unconfirmed. A team that is no member: only the askers' declared capacities are known (the
smallest counts; askers declaring different figures are flagged) and used is what is asked of it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from roadmap_tui.models import BACKLOG, Workspace, quarter_index
from roadmap_tui.models.numbers import clean
from roadmap_tui.models.numbers import fmt as show
from roadmap_tui.planning.graph import uses_of
from roadmap_tui.portfolio.asks import NO_WORKSPACE, AskStatus

WORKSPACE = "workspace"
DECLARED = "declared"


@dataclass(frozen=True)
class CapacityLine:
    team: str
    quarter: str
    capacity: float
    used: float
    unconfirmed: float
    source: str  # workspace | declared
    declared: Mapping[str, float] = field(default_factory=dict)  # asker -> declared capacity

    @property
    def free(self) -> float:
        return clean(self.capacity - self.used - self.unconfirmed)

    @property
    def overloaded(self) -> bool:
        return self.free < -1e-9

    @property
    def disagree(self) -> bool:
        """Askers declare different capacities for this team in this quarter."""
        return len(set(self.declared.values())) > 1

    def to_json(self) -> dict[str, Any]:
        return {
            "team": self.team,
            "quarter": self.quarter,
            "capacity": clean(self.capacity),
            "used": clean(self.used),
            "unconfirmed": clean(self.unconfirmed),
            "free": self.free,
            "overloaded": self.overloaded,
            "source": self.source,
            "declared": {owner: clean(days) for owner, days in self.declared.items()},
            "disagree": self.disagree,
        }

    def sentence(self) -> str:
        text = (
            f"{self.team} {self.quarter}: {show(self.used)} used"
            f" + {show(self.unconfirmed)} unconfirmed of {show(self.capacity)}, "
        )
        text += f"over by {show(-self.free)}" if self.overloaded else f"{show(self.free)} free"
        if self.source == DECLARED:
            text += " (not a member: capacity as declared by the askers)"
        if self.disagree:
            figures = ", ".join(f"{o} {show(d)}" for o, d in self.declared.items())
            text += f"; askers disagree: {figures}"
        return text


def declared_capacities(
    members: Mapping[str, Workspace],
) -> dict[tuple[str, str], dict[str, float]]:
    """(team, quarter) -> {member owner: capacity it declares for that team}, other teams only."""
    found: dict[tuple[str, str], dict[str, float]] = defaultdict(dict)
    for owner, ws in members.items():
        for team in ws.roadmap.teams:
            if team.id == owner:
                continue
            for quarter, days in team.capacity.items():
                found[(team.id, quarter)][owner] = days
    return found


def own_days(owner: str, ws: Workspace) -> dict[str, float]:
    """Quarter -> days the owner's team uses in its own workspace, counted as planning counts
    them (its items and reservations, asks of it; dropped items take nothing). The same figure
    as planning's team load, without building the whole plan graph for each member."""
    used: dict[str, float] = defaultdict(float)
    for location, item in ws.located_items():
        if location == BACKLOG or item.status == "dropped":
            continue  # takes nothing (as `Use.counts` and `uses_of` say)
        for use in uses_of(item, location, owner):
            if use.team == owner:
                used[use.quarter] += use.days
    return used


def capacity_lines(
    members: Mapping[str, Workspace], asks: Sequence[AskStatus]
) -> list[CapacityLine]:
    declared = declared_capacities(members)
    missing: dict[tuple[str, str], float] = defaultdict(float)
    asked_of_others: dict[tuple[str, str], float] = defaultdict(float)
    for ask in asks:
        if ask.status == NO_WORKSPACE:
            asked_of_others[(ask.team, ask.quarter)] += ask.days
        else:
            missing[(ask.team, ask.quarter)] += ask.missing_days
    lines: list[CapacityLine] = []
    for owner, ws in members.items():
        used = own_days(owner, ws)
        owner_team = ws.team(owner)
        quarters = set(ws.quarters) | {q for (asked, q) in missing if asked == owner}
        for quarter in quarters:
            lines.append(
                CapacityLine(
                    owner,
                    quarter,
                    owner_team.capacity_in(quarter) if owner_team is not None else 0,
                    clean(used.get(quarter, 0)),
                    clean(missing.get((owner, quarter), 0)),
                    WORKSPACE,
                    dict(declared.get((owner, quarter), {})),
                )
            )
    others = {team for team, _ in asked_of_others} - set(members)
    keys = set(asked_of_others) | {key for key in declared if key[0] in others}
    for team, quarter in keys:
        figures = dict(declared.get((team, quarter), {}))
        lines.append(
            CapacityLine(
                team,
                quarter,
                min(figures.values()) if figures else 0,
                clean(asked_of_others.get((team, quarter), 0)),
                0,
                DECLARED,
                figures,
            )
        )
    order = {owner: index for index, owner in enumerate(members)}
    lines.sort(key=lambda c: (quarter_index(c.quarter), order.get(c.team, len(order)), c.team))
    return lines
