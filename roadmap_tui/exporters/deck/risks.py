"""What could stop the plan from running as written, found in the impact: teams over
capacity, broken dependency orders, goals that move, quarters the change reopens, and the
teams that will be told. Pure: no deck library, so every risk is tested by hand.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from roadmap_tui.exporters.deck.model import DeckInput
from roadmap_tui.impact import BrokenDependency, GoalSlip, Impact, TeamEffort
from roadmap_tui.models import BACKLOG, Workspace, quarter_index

# Stages after which a quarter is approved: changing it reopens a decision already taken.
APPROVED = ("po-approved", "directors-approved", "published")
EPSILON = 1e-9


def quarter_of(day: dt.date) -> str:
    """`2026-Q4` for 2026-12-06."""
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


@dataclass(frozen=True)
class Reopened:
    """A quarter the change touches that was approved, or is under way."""

    quarter: str
    stage: str | None
    current: bool

    @property
    def approved(self) -> bool:
        return self.stage in APPROVED


@dataclass(frozen=True)
class GoalMoves:
    later: tuple[GoalSlip, ...] = ()
    earlier: tuple[GoalSlip, ...] = ()
    into: tuple[GoalSlip, ...] = ()  # not delivered within the plan before, delivered now
    out: tuple[GoalSlip, ...] = ()  # delivered before, no longer within the plan

    @property
    def count(self) -> int:
        return len(self.later) + len(self.earlier) + len(self.into) + len(self.out)


@dataclass(frozen=True)
class Risks:
    over: tuple[TeamEffort, ...]
    broken: tuple[BrokenDependency, ...]
    goals: GoalMoves
    reopened: tuple[Reopened, ...]
    told: tuple[str, ...]

    @property
    def orders(self) -> tuple[BrokenDependency, ...]:
        """The broken orders themselves (knock-on moves follow from them)."""
        return tuple(row for row in self.broken if row.kind != "knock-on")

    @property
    def blocking(self) -> int:
        """Risks that stop the plan from running as written."""
        return len(self.over) + len(self.broken)


def over_capacity(impact: Impact) -> list[TeamEffort]:
    """Team-quarters over capacity after the change that the change loaded further."""
    return [row for row in impact.effort if row.over_after and row.after > row.before + EPSILON]


def goal_moves(impact: Impact) -> GoalMoves:
    later = tuple(g for g in impact.goals if g.slip is not None and g.slip > 0)
    earlier = tuple(g for g in impact.goals if g.slip is not None and g.slip < 0)
    out = tuple(g for g in impact.goals if g.changed and g.after == BACKLOG)
    into = tuple(
        g
        for g in impact.goals
        if g.changed and g.before in (BACKLOG, None) and g.after not in (BACKLOG, None)
    )
    return GoalMoves(later, earlier, into, out)


def touched(impact: Impact) -> list[str]:
    """Quarters a changed item leaves or enters, in time order."""
    found = {
        where
        for row in impact.changed_items
        for where in (row.from_location, row.to_location)
        if where is not None and where != BACKLOG
    }
    return sorted(found, key=quarter_index)


def _stage(quarter: str, *spaces: Workspace | None) -> str | None:
    for space in spaces:
        if space is not None and quarter in space.quarters:
            return space.quarters[quarter].quarter.stage
    return None


def reopened(deck: DeckInput) -> list[Reopened]:
    """Touched quarters that were approved in the baseline (or the adjusted plan when the
    baseline is not at hand), or that are under way on the deck's date."""
    now = quarter_of(deck.on)
    found = []
    for quarter in touched(deck.impact):
        stage = _stage(quarter, deck.base_workspace, deck.workspace)
        current = quarter == now
        if current or stage in APPROVED:
            found.append(Reopened(quarter, stage, current))
    return found


def told(impact: Impact) -> list[str]:
    """The teams that get a notice about this change, in the impact's order."""
    return list(dict.fromkeys(notice.team_name or notice.team for notice in impact.notices))


def risks(deck: DeckInput) -> Risks:
    impact = deck.impact
    broken = sorted(impact.broken_dependencies, key=lambda row: row.kind == "knock-on")
    return Risks(
        over=tuple(over_capacity(impact)),
        broken=tuple(broken),
        goals=goal_moves(impact),
        reopened=tuple(reopened(deck)),
        told=tuple(told(impact)),
    )
