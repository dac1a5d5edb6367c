"""Capacity and dependency facts for the app, from the planning layer, kept current edit by edit.

An adapter: the rules (what counts against a team's capacity, when an order is broken) live in
`roadmap_tui.planning`; this module keeps one `PlanGraph` for the open workspace, follows each edit
and answers what the views show.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from roadmap_tui.models import Workspace, is_qualified
from roadmap_tui.models.edits import Edit

# Imported when the facts are built, in the worker that opens the workspace (networkx only when
# cycles are looked for, not for these facts).
if TYPE_CHECKING:
    from roadmap_tui.planning.capacity import TeamLoad
    from roadmap_tui.planning.graph import PlanGraph


@dataclass(frozen=True)
class DependencyState:
    """What stands in an item's way: nothing (`ok`), or the dependencies that do, each with why."""

    count: int  # dependencies the item names
    blocking: tuple[tuple[str, str], ...] = ()  # (item id, reason) for each one in the way

    @property
    def ok(self) -> bool:
        return not self.blocking


class PlanFacts:
    """Team loads and dependency states of the open workspace (none until `reset`)."""

    def __init__(self) -> None:
        self.owner = ""
        self.graph: PlanGraph | None = None

    @property
    def available(self) -> bool:
        return self.graph is not None

    def reset(self, ws: Workspace) -> None:
        from roadmap_tui.planning.graph import PlanGraph

        self.owner = ws.owner
        self.graph = PlanGraph(ws)

    def apply_edit(self, edit: Edit) -> None:
        if self.graph is not None:
            self.graph.apply_edit(edit)

    def owner_load(self, quarter: str) -> TeamLoad | None:
        """The owning team's days used and capacity in a quarter."""
        if self.graph is None:
            return None
        from roadmap_tui.planning.capacity import load_of

        return load_of(self.graph, self.owner, quarter)

    def team_loads(self, quarter: str) -> list[TeamLoad] | None:
        """Every team with capacity or use in the quarter, the owner first."""
        if self.graph is None:
            return None
        from roadmap_tui.planning.capacity import team_loads

        loads = [
            load
            for load in team_loads(self.graph, quarter)
            if load.capacity or load.used or load.team == self.owner
        ]
        return sorted(loads, key=lambda load: load.team != self.owner)

    def dependencies(self, item_id: str) -> DependencyState | None:
        graph = self.graph
        if graph is None or item_id not in graph.items:
            return None
        from roadmap_tui.planning.dependencies import violations_of

        deps = graph.depends.get(item_id, ())
        blocking = [
            (dep, "no such item")
            for dep in deps
            if dep not in graph.items and not is_qualified(dep)  # OWNER/ID: another workspace's
        ]
        blocking += [(v.depends_on, v.reason) for v in violations_of(graph, item_id)]
        return DependencyState(len(deps), tuple(blocking))

    def dependents(self, item_ids: list[str]) -> set[str]:
        """Items that depend on any of these (their dependency state may have changed)."""
        if self.graph is None:
            return set()
        found: set[str] = set()
        for item_id in item_ids:
            found.update(self.graph.dependents.get(item_id, ()))
        return found
