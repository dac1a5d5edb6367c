"""The tree of what an item needs and of what needs it, with quarters and problems marked.

Presentation of planning's facts: the edges are the graph's `depends`/`dependents`, problems are
planning's order violations, unknown ids and cycles. The tree stops where a path meets an item
already on it (marked as a cycle) and below MAX_DEPTH levels.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from roadmap_tui.models import BACKLOG, is_qualified

if TYPE_CHECKING:
    from roadmap_tui.planning.graph import PlanGraph

MAX_DEPTH = 8
MAX_NODES = 400  # a tree of a well-connected item stops here, with a note
PROBLEM = "bold red"


def where(graph: PlanGraph, item_id: str) -> str:
    location = graph.location[item_id]
    return f"{'backlog' if location == BACKLOG else location}, {graph.items[item_id].status}"


class DependencyTree(Tree[str]):
    """`show(graph, item_id, problems)`; `problems(item, dep)` says why an edge is a problem."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__("", id=id)
        self.show_root = True
        self.marks: list[str] = []  # every problem shown, as text (tests read it)
        self._count = 0

    def show(
        self,
        graph: PlanGraph,
        item_id: str,
        problem: Callable[[str, str], str | None],
        in_cycle: set[str],
    ) -> None:
        from roadmap_tui.models.numbers import fmt as show
        from roadmap_tui.planning.dependencies import critical_chain

        self.marks = []
        self._count = 0
        self.clear()
        root = self.root
        label = Text.assemble((item_id, "bold"), f" ({where(graph, item_id)})")
        if item_id in in_cycle:
            label.append(" ↻ in a dependency cycle", PROBLEM)
            self.marks.append(f"{item_id}: in a cycle")
        root.set_label(label)
        needs = root.add(Text("needs", style="bold cyan"), expand=True)
        self._grow(needs, graph, item_id, graph.depends.get(item_id, ()), problem, True, [item_id])
        if not needs.children:
            needs.add_leaf(Text("nothing", style="dim"))
        needed = root.add(Text("needed by", style="bold cyan"), expand=True)
        dependents = sorted(graph.dependents.get(item_id, ()), key=graph.rank)
        self._grow(needed, graph, item_id, dependents, problem, False, [item_id])
        if not needed.children:
            needed.add_leaf(Text("nothing", style="dim"))
        chain, days = critical_chain(graph, item_id)
        if len(chain) > 1:
            root.add_leaf(
                Text(f"critical chain: {' → '.join(chain)} ({show(days)} open days)", "italic")
            )
        root.expand()

    def _grow(
        self,
        node: TreeNode[str],
        graph: PlanGraph,
        item_id: str,
        others: Iterable[str],
        problem: Callable[[str, str], str | None],
        upward: bool,
        path: list[str],
    ) -> None:
        for other in others:
            self._count += 1
            if self._count > MAX_NODES:
                node.add_leaf(Text("… (more not shown)", style="dim"))
                return
            if other not in graph.items and is_qualified(other):
                note = " ↗ in another workspace (roadmap portfolio deps checks it)"
                node.add_leaf(Text.assemble((other, "bold"), (note, "cyan")), data=other)
                continue
            if other not in graph.items:
                text = Text.assemble((other, "bold"), (" ⚠ no such item", PROBLEM))
                self.marks.append(f"{other}: no such item")
                node.add_leaf(text, data=other)
                continue
            label = Text.assemble((other, "bold"), f" ({where(graph, other)})")
            item, dep = (item_id, other) if upward else (other, item_id)
            why = problem(item, dep)
            if why:
                label.append(f" ⚠ {why}", PROBLEM)
                self.marks.append(f"{item} → {dep}: {why}")
            if other in path:
                label.append(" ↻ cycle", PROBLEM)
                self.marks.append(f"{' → '.join([*path, other])}: cycle")
                node.add_leaf(label, data=other)
                continue
            step = graph.depends.get(other, ()) if upward else graph.dependents.get(other, ())
            if not step or len(path) >= MAX_DEPTH:
                node.add_leaf(label, data=other)
                continue
            child = node.add(label, data=other, expand=True)
            ordered = step if upward else sorted(step, key=graph.rank)
            self._grow(child, graph, other, ordered, problem, upward, [*path, other])
