"""Make room's fallback when no choice keeps every dependency order: value alone decides which
items are deferred (`solver.choose`), and each goes to the next quarter when it fits there
(dependencies first, then the most valuable), else to the backlog."""

from __future__ import annotations

import heapq
from collections.abc import Callable

from roadmap_tui.models import BACKLOG, next_quarter
from roadmap_tui.models.numbers import days as days_text
from roadmap_tui.models.numbers import fmt as show
from roadmap_tui.planning.adoption import Placed
from roadmap_tui.planning.capacity import load_of
from roadmap_tui.planning.common import shift
from roadmap_tui.planning.graph import Key, PlanGraph
from roadmap_tui.planning.move_plan import Move, target_status
from roadmap_tui.planning.solver import TOLERANCE, choose

BY_VALUE = (
    "the items of least value are deferred, to the next quarter when they fit there, else to"
    " the backlog"
)
FALLBACK = f"no way to make room keeps every dependency order: {BY_VALUE}"


def by_value_alone(
    graph: PlanGraph,
    quarter: str,
    movable: list[str],
    values: dict[str, float],
    needs: list[dict[Key, float]],
    keys: set[Key],
    used: Callable[[Key], float],
    freed: dict[Key, float],
    ids: list[str],
    extra: dict[Key, float],
    time_limit: float,
) -> Placed:
    """The fallback: keep the most value that fits the quarter, then place what is deferred in
    the next quarter when it fits there, else in the backlog, whatever orders that breaks."""
    index = {item_id: i for i, item_id in enumerate(movable)}
    rooms = {key: graph.capacity(*key) - (used(key) - freed.get(key, 0)) for key in keys}
    requires = [
        (index[item_id], index[dep])
        for item_id in movable
        for dep in graph.depends.get(item_id, ())
        if dep in index and dep != item_id
    ]
    worths = [values[item_id] for item_id in movable]
    selection = choose(worths, needs, rooms, requires, time_limit=time_limit)
    kept = _keep_what_fits(set(selection.chosen), worths, needs, rooms, requires)
    deferred_ids = [item_id for item_id in movable if index[item_id] not in kept]
    moves, why = _destinations(graph, deferred_ids, values, quarter, ids, extra)
    return Placed(
        target={move.item: move.target for move in moves},
        frees={item_id: needs[index[item_id]] for item_id in deferred_ids},
        why={item_id: [text] for item_id, text in why.items()},
        optimal=selection.optimal,
        note=selection.note,
    )


def _keep_what_fits(
    kept: set[int],
    worths: list[float],
    needs: list[dict[Key, float]],
    rooms: dict[Key, float],
    requires: list[tuple[int, int]],
) -> set[int]:
    """Take back any deferred item that still fits (only ever one worth nothing, or one the
    time-limited search missed): nothing is deferred without need."""
    left = dict(rooms)
    for i in kept:
        for key, days in needs[i].items():
            left[key] -= days
    needed: dict[int, set[int]] = {}
    for i, j in requires:
        needed.setdefault(i, set()).add(j)
    progress = True
    while progress:
        progress = False
        for i in sorted(set(range(len(worths))) - kept, key=lambda i: (-worths[i], i)):
            if not needed.get(i, set()) <= kept:
                continue
            if all(days <= left[key] + TOLERANCE for key, days in needs[i].items()):
                for key, days in needs[i].items():
                    left[key] -= days
                kept.add(i)
                progress = True
    return kept


def _destinations(
    graph: PlanGraph,
    deferred: list[str],
    values: dict[str, float],
    quarter: str,
    adopted: list[str],
    extra: dict[Key, float],
) -> tuple[list[Move], dict[str, str]]:
    """Next quarter when it fits there, else the backlog; dependencies decided first."""
    later = next_quarter(quarter)
    room: dict[Key, float] = {}
    deferred_set = set(deferred)
    waiting = {
        item_id: {d for d in graph.depends.get(item_id, ()) if d in deferred_set and d != item_id}
        for item_id in deferred
    }
    ready = [
        (-values[item_id], graph.rank(item_id), item_id)
        for item_id, deps in waiting.items()
        if not deps
    ]
    heapq.heapify(ready)
    target: dict[str, str] = {}
    why: dict[str, str] = {}  # why an item goes to the backlog
    for_whom = ", ".join(adopted)
    order: list[str] = []

    def free(key: Key) -> float:
        if key not in room:
            used = load_of(graph, key[0], key[1]).used + extra.get(key, 0)
            room[key] = graph.capacity(key[0], key[1]) - used
        return room[key]

    def place(item_id: str) -> None:
        item = graph.items[item_id]
        need = {k: d for k, d in shift(graph, item, later).items() if k[1] == later and d > 0}
        blocked = [d for d in graph.depends.get(item_id, ()) if target.get(d) == BACKLOG]
        short = [(key, days) for key, days in need.items() if days > free(key) + TOLERANCE]
        if blocked:
            why[item_id] = f"to the backlog with {blocked[0]}"
        elif short:
            (team, _), days = short[0]
            why[item_id] = (
                f"no room in {later}: needs {days_text(days)} of {team},"
                f" {show(max(free(short[0][0]), 0))} free"
            )
        else:
            for key, days in need.items():
                room[key] -= days
        target[item_id] = BACKLOG if item_id in why else later
        order.append(item_id)

    while ready:
        _, _, item_id = heapq.heappop(ready)
        place(item_id)
        for other, deps in waiting.items():
            if item_id in deps:
                deps.discard(item_id)
                if not deps and other not in target:
                    heapq.heappush(ready, (-values[other], graph.rank(other), other))
    for item_id in deferred:  # a cycle among the deferred: whatever is left goes by value
        if item_id not in target:
            place(item_id)
    moves = []
    for item_id in order:
        where = target[item_id]
        shown = "the backlog" if where == BACKLOG else where
        item = graph.items[item_id]
        moves.append(
            Move(
                item_id,
                quarter,
                where,
                reason=f"to {shown}",
                status=target_status(item, quarter, where),
                note=f"deferred to {shown}: make room for {for_whom}",
            )
        )
    return moves, why
