"""Cross-team dependencies (`depends_on = ["OWNER/ID"]`), checked across member workspaces.

Like a dependency inside a workspace: only items planned in a quarter and still open need their
dependencies first. `order`: the dependency is planned in a later quarter, in the backlog, or
dropped (`reason` says which); `missing`: the member has no such item. A dependency on a team
that is no member cannot be checked: it is listed as unchecked.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from roadmap_tui.models import BACKLOG, Item, Workspace, quarter_index, split_qualified

ORDER = "order"
MISSING = "missing"


@dataclass(frozen=True)
class CrossDependency:
    item: str  # OWNER/ID of the dependent item
    quarter: str
    depends_on: str  # OWNER/ID
    depends_quarter: str | None  # None: in the backlog, missing or unknown
    problem: str | None  # order | missing | None (fine, or unchecked)
    reason: str = ""  # planned later | in the backlog | dropped | no such item | not a member

    def to_json(self) -> dict[str, Any]:
        return {
            "item": self.item,
            "quarter": self.quarter,
            "depends_on": self.depends_on,
            "depends_quarter": self.depends_quarter,
            "problem": self.problem,
            "reason": self.reason,
        }

    def sentence(self) -> str:
        text = f"{self.item} ({self.quarter}) depends on {self.depends_on}"
        if self.reason == "planned later":
            return text + f", planned later, in {self.depends_quarter}"
        if self.reason == "in the backlog":
            return text + ", still in the backlog"
        if self.reason == "dropped":
            return text + ", dropped"
        if self.reason == "no such item":
            owner = self.depends_on.partition("/")[0]
            return text + f", which {owner} does not have"
        if self.reason == "not a member":
            owner = self.depends_on.partition("/")[0]
            return text + f": {owner} is not a member, not checked"
        return text


def cross_dependencies(
    members: Mapping[str, Workspace],
) -> tuple[list[CrossDependency], list[CrossDependency]]:
    """(problems, unchecked): every broken cross-team dependency, and those on non-members."""
    index: dict[str, dict[str, tuple[str, Item]]] = {}
    problems: list[CrossDependency] = []
    unchecked: list[CrossDependency] = []
    for owner, ws in members.items():
        for location, item in ws.located_items():
            if location == BACKLOG or item.status in ("done", "dropped"):
                continue
            for dep in item.depends_on:
                parts = split_qualified(dep)
                if parts is None:
                    continue
                name = f"{owner}/{item.id}"
                other = members.get(parts[0])
                if other is None:
                    unchecked.append(
                        CrossDependency(name, location, dep, None, None, "not a member")
                    )
                    continue
                if parts[0] not in index:
                    index[parts[0]] = {i.id: (where, i) for where, i in other.located_items()}
                found = index[parts[0]].get(parts[1])
                problem = _problem(name, location, dep, found)
                if problem is not None:
                    problems.append(problem)
    problems.sort(key=lambda d: (quarter_index(d.quarter), d.item, d.depends_on))
    unchecked.sort(key=lambda d: (quarter_index(d.quarter), d.item, d.depends_on))
    return problems, unchecked


def _problem(
    name: str, quarter: str, dep: str, found: tuple[str, Item] | None
) -> CrossDependency | None:
    if found is None:
        return CrossDependency(name, quarter, dep, None, MISSING, "no such item")
    location, target = found
    if target.status == "done":
        return None
    where = None if location == BACKLOG else location
    if target.status == "dropped":
        return CrossDependency(name, quarter, dep, where, ORDER, "dropped")
    if where is None:
        return CrossDependency(name, quarter, dep, None, ORDER, "in the backlog")
    if quarter_index(where) > quarter_index(quarter):
        return CrossDependency(name, quarter, dep, where, ORDER, "planned later")
    return None
