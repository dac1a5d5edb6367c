"""Dependency problems (cycles, dangling ids, broken orders) and an item's closure and chain.

`blocked_by` is the one rule "does dependency D block an item in quarter Q?"; adopting, drafting,
the order check here and the impact of a change all ask it (docs/planning.md, "Dependencies").
Cycles and dangling ids are reported on their own, not as broken orders.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from graphlib import CycleError, TopologicalSorter
from typing import Any, Literal

from roadmap_tui.models import BACKLOG, Item, Problem, file_of, is_qualified, quarter_index
from roadmap_tui.models.numbers import clean
from roadmap_tui.planning.graph import Node, PlanGraph, item_node

# A strongly connected knot of items can hold very many elementary cycles; list this many.
MAX_CYCLES_PER_KNOT = 20


# Why a dependency blocks an item: the words are also the `reason` of an OrderViolation.
Block = Literal["no item", "dropped", "in the backlog", "planned later"]


def blocked_by(
    item: Item, dep_id: str, dep: Item | None, dep_location: str | None, quarter: str
) -> Block | None:
    """Why dependency `dep_id` (the item `dep`, or None when no item has that id, at
    `dep_location`: a quarter id or "backlog") keeps `item`, planned in `quarter`, from being
    done in order; None when it does not.

    - An item done or dropped is never blocked: nothing is left to do in order.
    - A self-dependency never blocks: validation reports it ("depends on itself").
    - A done dependency never blocks, wherever it is (backlog, later quarter).
    - A dependency no item has blocks ("no item"); the order check lists it as dangling instead.
      An `OWNER/ID` dependency (another workspace's item) never blocks here: only a portfolio
      can check it.
    - A dropped dependency blocks: the work waited for will not be done.
    - A dependency in the backlog blocks; one planned in the same or an earlier quarter does not,
      one planned later does.

    Callers that move things together pass where the dependency will be: the quarter itself for
    one adopted, carried or placed with the item.
    """
    if item.status in ("done", "dropped") or dep_id == item.id:
        return None
    if dep is None:
        return None if is_qualified(dep_id) else "no item"
    if dep.status == "done":
        return None
    if dep.status == "dropped":
        return "dropped"
    if dep_location is None or dep_location == BACKLOG:
        return "in the backlog"
    if quarter_index(dep_location) > quarter_index(quarter):
        return "planned later"
    return None


def block_phrase(block: Block, dep_location: str | None) -> str:
    """`depends on X, <phrase>`: "which is no item", "planned later, in 2027-Q1"..."""
    if block == "no item":
        return "which is no item"
    if block == "planned later":
        return f"planned later, in {dep_location}"
    return block


@dataclass(frozen=True)
class Dangling:
    item: str
    depends_on: str  # an id no item has
    location: str

    def to_json(self) -> dict[str, Any]:
        return {"item": self.item, "depends_on": self.depends_on}

    def sentence(self) -> str:
        return f"{self.item} ({self.location}) depends on {self.depends_on}, which is no item"


@dataclass(frozen=True)
class OrderViolation:
    item: str
    quarter: str
    depends_on: str
    depends_quarter: str | None  # None: in the backlog
    reason: Block  # "planned later", "in the backlog", "dropped"

    def to_json(self) -> dict[str, Any]:
        return {
            "item": self.item,
            "quarter": self.quarter,
            "depends_on": self.depends_on,
            "depends_quarter": self.depends_quarter,
            "reason": self.reason,
        }

    def sentence(self) -> str:
        where = {
            "planned later": f"planned later, in {self.depends_quarter}",
            "in the backlog": "still in the backlog",
            "dropped": "dropped",
        }[self.reason]
        return f"{self.item} ({self.quarter}) depends on {self.depends_on}, {where}"


@dataclass(frozen=True)
class DependencyProblems:
    cycles: list[list[str]] = field(default_factory=list)
    dangling: list[Dangling] = field(default_factory=list)
    order_violations: list[OrderViolation] = field(default_factory=list)
    cycles_cut: bool = False  # True when a knot held more cycles than were listed

    @property
    def count(self) -> int:
        return len(self.cycles) + len(self.dangling) + len(self.order_violations)

    def to_json(self) -> dict[str, Any]:
        return {
            "cycles": self.cycles,
            "dangling": [d.to_json() for d in self.dangling],
            "order_violations": [v.to_json() for v in self.order_violations],
        }


@dataclass(frozen=True)
class Closure:
    item: str
    upstream: list[str]  # everything it depends on, directly or not
    downstream: list[str]  # everything that depends on it, directly or not
    chain: list[str]  # the critical chain: the longest run of open work ending in the item
    chain_days: float

    def to_json(self) -> dict[str, Any]:
        return {
            "item": self.item,
            "upstream": self.upstream,
            "downstream": self.downstream,
            "chain": self.chain,
            "chain_days": clean(self.chain_days),
        }


def dependency_problems(graph: PlanGraph) -> DependencyProblems:
    cycles, cut = find_cycles(graph)
    return DependencyProblems(
        cycles=cycles,
        dangling=dangling(graph),
        order_violations=order_violations(graph),
        cycles_cut=cut,
    )


def cycle_problems(graph: PlanGraph) -> list[Problem]:
    """Each dependency cycle as an error, located at its first item's `depends_on` (the file
    name is the workspace file holding it): a cycle can never be planned in any order."""
    cycles, cut = find_cycles(graph)
    problems = []
    for cycle in cycles:
        first = cycle[0]
        chain = " -> ".join([*cycle, first])
        problems.append(
            Problem(
                file=file_of(graph.location.get(first, BACKLOG)),
                where=f"items[{first}].depends_on",
                message=f"dependency cycle: {chain} (no order can plan it)"
                + ("; more cycles in the same knot not listed" if cut else ""),
                item_id=first,
                field="depends_on",
            )
        )
    return problems


def find_cycles(graph: PlanGraph) -> tuple[list[list[str]], bool]:
    """Each cycle in dependency order (A depends on B ... depends on A), from its smallest id.

    Kept on the graph: after a change only cycles through the items whose dependencies changed
    are looked for again (a new cycle must use a new edge).
    """
    cached: tuple[list[list[str]], bool] | None = graph.memo("cycles")
    dirty = graph.cycle_dirty
    if cached is not None and not dirty:
        return cached
    if cached is None:
        cycles, cut = _all_cycles(graph)
    else:
        cycles = [cycle for cycle in cached[0] if dirty.isdisjoint(cycle)]
        cut = cached[1]
        seen = {tuple(cycle) for cycle in cycles}
        for item_id in sorted(dirty):
            if item_id not in graph.items:
                continue
            through, more = _cycles_through(graph, item_id)
            cut = cut or more
            for cycle in through:
                if tuple(cycle) not in seen:
                    seen.add(tuple(cycle))
                    cycles.append(cycle)
    cycles.sort(key=lambda ids: (len(ids), ids))
    dirty.clear()
    return graph.remember("cycles", (cycles, cut))  # type: ignore[no-any-return]


def _all_cycles(graph: PlanGraph) -> tuple[list[list[str]], bool]:
    cycles = [[item_id] for item_id, deps in graph.depends.items() if item_id in deps]
    cut = False
    if not _has_knot(graph):
        return cycles, cut  # the usual case: no need for the networkx graph at all
    import networkx as nx  # only cycles need it (see graph.py)

    for knot in nx.strongly_connected_components(graph.graph):
        if len(knot) > 1:
            found, more = _knot_cycles(graph, knot, None)
            cycles += found
            cut = cut or more
    return cycles, cut


def _has_knot(graph: PlanGraph) -> bool:
    """Whether two or more items depend on each other in a circle (the standard library's
    topological sort says so), so that a workspace without cycles never builds the networkx
    graph: the terminal app's start and memory with 10,000 items paid for it."""
    items = graph.items
    # An item that depends on nothing is in no circle: only the others are sorted.
    edges = {
        item: found
        for item, deps in graph.depends.items()
        if deps and (found := [d for d in deps if d in items and d != item])
    }
    order = TopologicalSorter(edges)
    try:
        order.prepare()
    except CycleError:
        return True
    return False


def _cycles_through(graph: PlanGraph, item_id: str) -> tuple[list[list[str]], bool]:
    cycles = [[item_id]] if item_id in graph.depends.get(item_id, ()) else []
    forward = _reachable(graph, item_id, graph.depends)
    if item_id not in forward:
        return cycles, False
    knot = forward & _reachable(graph, item_id, graph.dependents)
    found, more = _knot_cycles(graph, {item_node(n) for n in knot}, item_node(item_id))
    return cycles + found, more


def _knot_cycles(
    graph: PlanGraph, knot: set[Node], through: Node | None
) -> tuple[list[list[str]], bool]:
    """Elementary cycles of a strongly connected knot (those through `through`, if given)."""
    import networkx as nx  # only cycles need it (see graph.py)

    found: list[list[str]] = []
    for cycle in nx.simple_cycles(graph.graph.subgraph(knot)):
        if len(cycle) < 2 or (through is not None and through not in cycle):
            continue  # self-dependencies are listed apart
        if len(found) == MAX_CYCLES_PER_KNOT:
            return found, True
        ids = [node[1] for node in cycle]
        start = ids.index(min(ids))
        found.append(ids[start:] + ids[:start])
    return found, False


def _reachable(graph: PlanGraph, start: str, step: Mapping[str, Iterable[str]]) -> set[str]:
    """Items reachable from `start` in one direction (`start` itself only by a way back)."""
    seen: set[str] = set()
    todo = [start]
    while todo:
        for nxt in step.get(todo.pop(), ()):
            if nxt not in seen and nxt in graph.items:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def dangling(graph: PlanGraph) -> list[Dangling]:
    """Dependencies on ids no item has; `OWNER/ID` ones are external, not dangling."""
    found = [
        Dangling(item, dep, graph.location[item])
        for dep, items in graph.dependents.items()
        if dep not in graph.items and not is_qualified(dep)
        for item in items
    ]
    found.sort(key=lambda d: (graph.rank(d.item), d.depends_on))
    return found


@dataclass(frozen=True)
class ExternalDependency:
    """An item depending on another workspace's item (`OWNER/ID`): only a portfolio checks it."""

    item: str
    location: str  # a quarter id or `backlog`
    depends_on: str  # OWNER/ID

    def to_json(self) -> dict[str, Any]:
        return {"item": self.item, "location": self.location, "depends_on": self.depends_on}

    def sentence(self) -> str:
        return (
            f"{self.item} ({self.location}) depends on {self.depends_on}, in another workspace"
            " (checked by `roadmap portfolio deps`)"
        )


def external_dependencies(graph: PlanGraph) -> list[ExternalDependency]:
    found = [
        ExternalDependency(item, graph.location[item], dep)
        for dep, items in graph.dependents.items()
        if is_qualified(dep) and dep not in graph.items
        for item in items
    ]
    found.sort(key=lambda d: (graph.rank(d.item), d.depends_on))
    return found


def violations_of(graph: PlanGraph, item_id: str) -> list[OrderViolation]:
    item = graph.items[item_id]
    quarter = graph.quarter_of(item_id)
    if quarter is None:
        return []
    found = []
    for dep in graph.depends[item_id]:
        target = graph.items.get(dep)
        if target is None:
            continue  # listed as dangling
        dep_quarter = graph.quarter_of(dep)
        reason = blocked_by(item, dep, target, dep_quarter, quarter)
        if reason is not None:
            found.append(OrderViolation(item_id, quarter, dep, dep_quarter, reason))
    return found


def blockers(graph: PlanGraph, item_id: str) -> list[tuple[str, Block]]:
    """What stands in an item's way, as (dependency, why) pairs: the ids no item has (wherever
    the item is), then the dependencies that block it in its quarter (`blocked_by`). An item
    done or dropped has none."""
    item = graph.items[item_id]
    if item.status in ("done", "dropped"):
        return []
    found: list[tuple[str, Block]] = [
        (dep, "no item")
        for dep in graph.depends.get(item_id, ())
        if dep not in graph.items and not is_qualified(dep)  # OWNER/ID: another workspace's
    ]
    found += [(v.depends_on, v.reason) for v in violations_of(graph, item_id)]
    return found


def order_violations(graph: PlanGraph) -> list[OrderViolation]:
    """Every broken order. Kept per item on the graph: after a change only the changed items
    and what depends on them are looked at again."""
    cache: dict[str, tuple[OrderViolation, ...]] | None = graph.memo("violations")
    if cache is None:
        cache = {}
        # An item that depends on nothing breaks no order: only the others are looked at.
        todo: Iterable[str] = [item for item, deps in graph.depends.items() if deps]
        graph.remember("violations", cache)
    else:
        todo = graph.order_dirty
    for item_id in todo:
        found = violations_of(graph, item_id) if item_id in graph.items else []
        if found:
            cache[item_id] = tuple(found)
        else:
            cache.pop(item_id, None)
    graph.order_dirty.clear()
    flat = [v for found in cache.values() for v in found]
    flat.sort(key=lambda v: (quarter_index(v.quarter), graph.rank(v.item)))
    return flat


def upstream(graph: PlanGraph, item_id: str) -> list[str]:
    return _reach(graph, item_id, lambda n: graph.depends.get(n, ()))


def downstream(graph: PlanGraph, item_id: str) -> list[str]:
    return _reach(graph, item_id, lambda n: graph.dependents.get(n, ()))


def _reach(graph: PlanGraph, start: str, step: Any) -> list[str]:
    seen: set[str] = set()
    todo = [start]
    while todo:
        for nxt in step(todo.pop()):
            if nxt not in seen and nxt in graph.items and nxt != start:
                seen.add(nxt)
                todo.append(nxt)
    return sorted(seen, key=lambda n: graph.rank(n))


def remaining_days(graph: PlanGraph, item_id: str) -> float:
    item = graph.items[item_id]
    return 0 if item.status in ("done", "dropped") else item.days


def critical_chain(graph: PlanGraph, item_id: str) -> tuple[list[str], float]:
    """The run of dependencies ending in the item with the most open days (done ones count 0).

    Depth-first over the upstream, deps before dependents; an edge back into the current path
    (a cycle) is skipped, so a cyclic workspace still gets an answer.
    """
    best: dict[str, float] = {}
    via: dict[str, str | None] = {}
    on_path: set[str] = {item_id}
    stack: list[tuple[str, list[str]]] = [(item_id, _known_deps(graph, item_id))]
    while stack:
        node, pending = stack[-1]
        if pending:
            dep = pending.pop()
            if dep not in best and dep not in on_path:
                on_path.add(dep)
                stack.append((dep, _known_deps(graph, dep)))
            continue
        stack.pop()
        on_path.discard(node)
        longest, through = -1.0, None
        for dep in sorted(graph.depends.get(node, ()), key=lambda n: graph.rank(n)):
            if dep in best and best[dep] > longest:
                longest, through = best[dep], dep
        best[node] = max(longest, 0) + remaining_days(graph, node)
        via[node] = through
    chain: list[str] = []
    step: str | None = item_id
    while step is not None:
        chain.append(step)
        step = via.get(step)
    chain.reverse()
    return chain, best[item_id]


def _known_deps(graph: PlanGraph, item_id: str) -> list[str]:
    return [d for d in graph.depends.get(item_id, ()) if d in graph.items and d != item_id]


def closure(graph: PlanGraph, item_id: str) -> Closure:
    """Upstream, downstream and critical chain of an item (KeyError when there is no such item)."""
    if item_id not in graph.items:
        raise KeyError(item_id)
    chain, days = critical_chain(graph, item_id)
    return Closure(item_id, upstream(graph, item_id), downstream(graph, item_id), chain, days)
