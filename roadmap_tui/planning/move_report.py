"""What a move does to the plan: the dependency orders it breaks and the capacity where it lands.

Kept apart from moves.py, which the terminal app imports at start: this builds the plan graph.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from roadmap_tui.models import BACKLOG, Workspace
from roadmap_tui.planning.capacity import TeamLoad
from roadmap_tui.planning.common import effects
from roadmap_tui.planning.dependencies import OrderViolation
from roadmap_tui.planning.graph import PlanGraph, uses_of
from roadmap_tui.planning.moves import Moved


@dataclass(frozen=True)
class MoveReport:
    broken: list[OrderViolation] = field(default_factory=list)  # orders the moves break
    loads: list[TeamLoad] = field(default_factory=list)  # teams the moved items use, after

    @property
    def without_capacity(self) -> list[TeamLoad]:
        """Teams that give no days for the target quarter (or are not in roadmap.toml)."""
        return [load for load in self.loads if not load.has_capacity or not load.known_team]

    @property
    def overloaded(self) -> list[TeamLoad]:
        return [load for load in self.loads if load.overloaded]


def move_report(ws: Workspace, moved: Moved) -> MoveReport:
    """The effects of `moved` on `ws` as it was before the moves (the workspace is not changed)."""
    if not moved.moves:
        return MoveReport()
    graph = PlanGraph(ws)
    quarters = [] if moved.target == BACKLOG else [moved.target]
    loads, broken = effects(graph, list(moved.moves), quarters)
    teams = {
        use.team
        for move in moved.moves
        for use in uses_of(graph.items[move.item], moved.target, ws.owner)
        if use.quarter == moved.target
    }
    return MoveReport(broken, [load for load in loads if load.team in teams])
