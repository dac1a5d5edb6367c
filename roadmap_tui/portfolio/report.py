"""`check`: one portfolio's asks, orphaned reservations, cross-team dependencies and load."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from roadmap_tui.models import Workspace
from roadmap_tui.portfolio.asks import KEPT, AskStatus, Orphaned, ask_statuses
from roadmap_tui.portfolio.capacity import CapacityLine, capacity_lines
from roadmap_tui.portfolio.dependencies import CrossDependency, cross_dependencies
from roadmap_tui.portfolio.members import MemberLike, MemberLine, by_owner


@dataclass(frozen=True)
class PortfolioReport:
    members: list[MemberLine]
    asks: list[AskStatus]
    orphaned: list[Orphaned]
    dependencies: list[CrossDependency]  # problems only
    capacity: list[CapacityLine]
    unchecked: list[CrossDependency] = field(default_factory=list)  # on non-members
    workspaces: dict[str, Workspace] = field(default_factory=dict, compare=False, repr=False)

    @property
    def broken_asks(self) -> list[AskStatus]:
        return [ask for ask in self.asks if ask.status not in KEPT]

    @property
    def overloaded(self) -> list[CapacityLine]:
        return [line for line in self.capacity if line.overloaded]

    @property
    def unreadable(self) -> list[MemberLine]:
        return [line for line in self.members if line.error is not None]

    @property
    def failing(self) -> bool:
        """What makes `roadmap portfolio check` exit 1 (the contract's rule)."""
        return bool(self.broken_asks or self.orphaned or self.dependencies or self.overloaded)

    def to_json(self) -> dict[str, Any]:
        return {
            "members": [line.to_json() for line in self.members],
            "asks": [ask.to_json() for ask in self.asks],
            "orphaned": [orphan.to_json() for orphan in self.orphaned],
            "dependencies": [dep.to_json() for dep in self.dependencies],
            "capacity": [line.to_json() for line in self.capacity],
            "unchecked_dependencies": [dep.to_json() for dep in self.unchecked],
            "failing": self.failing,
        }


def check(members: Sequence[MemberLike]) -> PortfolioReport:
    """The whole portfolio checked: members that cannot be used are listed, the rest checked."""
    workspaces, lines = by_owner(members)
    asks, orphaned = ask_statuses(workspaces)
    problems, unchecked = cross_dependencies(workspaces)
    return PortfolioReport(
        members=lines,
        asks=asks,
        orphaned=orphaned,
        dependencies=problems,
        capacity=capacity_lines(workspaces, asks),
        unchecked=unchecked,
        workspaces=workspaces,
    )
