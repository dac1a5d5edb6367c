"""What carry, draft and adopt share: their error, the value callable, and trying moves out on
the graph (capacity and broken orders as they would be) without changing it."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

from roadmap_tui.models import Item
from roadmap_tui.models.numbers import days as days_text
from roadmap_tui.models.numbers import fmt as show
from roadmap_tui.planning.capacity import TeamLoad, team_loads
from roadmap_tui.planning.dependencies import OrderViolation, violations_of
from roadmap_tui.planning.graph import Key, PlanGraph, days_by_key, uses_of
from roadmap_tui.planning.move_plan import Move

# An item's value under the workspace's scoring framework; None = unscored.
ValueOf = Callable[[Item], float | None]


class PlanningError(ValueError):
    """A request planning cannot answer; the message says why, in the users' words."""


def shift(graph: PlanGraph, item: Item, target: str) -> dict[Key, float]:
    """Days per (team, quarter) that change when `item` moves from where it is to `target`."""
    change = days_by_key(uses_of(item, target, graph.owner))
    for key, days in days_by_key(graph.uses.get(item.id, ())).items():
        change[key] = change.get(key, 0) - days
    return {key: days for key, days in change.items() if abs(days) > 1e-9}


@contextmanager
def trial(graph: PlanGraph, moves: Sequence[Move]) -> Iterator[PlanGraph]:
    """The graph with the moves made, for the length of the block; put back afterwards."""
    saved = [(m.item, graph.location[m.item], graph.items[m.item]) for m in moves]
    try:
        for move in moves:
            moved = graph.items[move.item].model_copy(update=move.updates())
            graph.update_item(move.target, moved)
        yield graph
    finally:
        for item_id, location, item in reversed(saved):
            if graph.items.get(item_id) is not item or graph.location.get(item_id) != location:
                graph.update_item(location, item)


def effects(
    graph: PlanGraph, moves: Sequence[Move], quarters: Sequence[str]
) -> tuple[list[TeamLoad], list[OrderViolation]]:
    """Team loads in `quarters` after the moves, and the broken orders the moves cause."""
    affected: set[str] = set()
    for move in moves:
        affected.add(move.item)
        affected.update(graph.dependents.get(move.item, ()))
    before = {v for item_id in affected for v in violations_of(graph, item_id)}
    with trial(graph, moves):
        loads = [load for quarter in quarters for load in team_loads(graph, quarter)]
        after = [v for item_id in sorted(affected) for v in violations_of(graph, item_id)]
    broken = [v for v in dict.fromkeys(after) if v not in before]
    return loads, broken


def describe_needs(needs: dict[Key, float], owner: str) -> str:
    """`25 days of infra-platform; asks security-platform 5, infra-core 6`."""
    own = [f"{days_text(d)} of {team}" for (team, _), d in needs.items() if team == owner]
    asks = [f"{team} {show(days)}" for (team, _), days in needs.items() if team != owner]
    text = "; ".join(own) if own else "no days of its own team"
    if asks:
        text += "; asks " + ", ".join(asks)
    return text
