"""Make room: "if we adopt E and F into a quarter now, what must go?"

1. The given items (from the backlog or a later quarter) are planned into the quarter.
2. Items of the quarter that are done, in progress (unless allowed), unscored, or needed by an
   item that stays, stay. The others may be deferred; deferring an item defers everything in
   the quarter that depends on it.
3. The deferred set is the one losing the least total value such that every team fits its
   capacity in the quarter (`solver.choose`, keeping the most value). If a team cannot fit even
   with everything movable deferred, nothing is proposed and the shortfall is reported.
4. Deferred items go to the next quarter when they fit its free capacity there (dependencies
   first, then the most valuable), otherwise to the backlog; an item whose dependency went to
   the backlog goes there too. Each gets `note = "deferred to Q: make room for E, F"`.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field
from typing import Any

from roadmap_tui.models import (
    BACKLOG,
    Workspace,
    is_quarter_id,
    next_quarter,
    quarter_index,
)
from roadmap_tui.planning.capacity import TeamLoad, load_of
from roadmap_tui.planning.common import PlanningError, ValueOf, describe_needs, effects, shift
from roadmap_tui.planning.dependencies import OrderViolation
from roadmap_tui.planning.graph import Key, PlanGraph, days_by_key, uses_of
from roadmap_tui.planning.move_plan import Move, MovePlan, target_status
from roadmap_tui.planning.numbers import clean, show
from roadmap_tui.planning.numbers import days as days_text
from roadmap_tui.planning.solver import TIME_LIMIT, TOLERANCE, choose

MAX_NAME = 60


@dataclass(frozen=True)
class Deferral:
    move: Move
    title: str
    value: float
    needs: dict[Key, float]  # the days it frees in the quarter, per (team, quarter)
    reasons: tuple[str, ...]
    owner: str = ""

    @property
    def item(self) -> str:
        return self.move.item

    @property
    def target(self) -> str:
        return self.move.target

    @property
    def frees(self) -> str:
        """`20 days of infra-platform; asks storage 5`."""
        return describe_needs(self.needs, self.owner)

    def to_json(self) -> dict[str, Any]:
        return {
            "item": self.item,
            "title": self.title,
            "to": self.target,
            "value": clean(self.value),
            "frees": [
                {"team": team, "quarter": quarter, "days": clean(days)}
                for (team, quarter), days in self.needs.items()
            ],
            "reasons": list(self.reasons),
        }


@dataclass
class Adoption:
    quarter: str
    items: list[str]  # the ids asked for
    adopted: list[Move]
    deferred: list[Deferral] = field(default_factory=list)
    over: dict[str, float] = field(default_factory=dict)  # team -> days over before deferring
    kept_unscored: list[str] = field(default_factory=list)  # could not be weighed, so stay
    shortfalls: list[str] = field(default_factory=list)  # non-empty: no way to make room
    warnings: list[str] = field(default_factory=list)
    lost_value: float = 0
    optimal: bool = True
    note: str = ""
    loads: list[TeamLoad] = field(default_factory=list)  # the quarter and the next, after
    broken: list[OrderViolation] = field(default_factory=list)  # orders the moves break
    plan: MovePlan = field(default_factory=lambda: MovePlan("adopt"))

    @property
    def feasible(self) -> bool:
        return not self.shortfalls

    def to_json(self) -> dict[str, Any]:
        return {
            "quarter": self.quarter,
            "adopted": [m.to_json() for m in self.adopted],
            "deferred": [d.to_json() for d in self.deferred],
            "over_before": {team: clean(days) for team, days in self.over.items()},
            "lost_value": clean(self.lost_value),
            "optimal": self.optimal,
            "note": self.note,
            "kept_unscored": self.kept_unscored,
            "shortfalls": self.shortfalls,
            "warnings": self.warnings,
            "capacity": [load.to_json() for load in self.loads],
            "order_violations": [v.to_json() for v in self.broken],
        }


def scenario_name(item_ids: list[str]) -> str:
    """`adopt-req-account-structure-req-tagging-policy`, cut at a word when long."""
    name = "adopt-" + "-".join(item_id.lower() for item_id in item_ids)
    if len(name) <= MAX_NAME:
        return name
    cut = name[:MAX_NAME]
    return cut[: cut.rfind("-")] if cut.rfind("-") > len("adopt") else cut


def make_room(
    ws: Workspace,
    item_ids: list[str],
    quarter: str,
    value: ValueOf,
    *,
    allow_in_progress: bool = False,
    graph: PlanGraph | None = None,
    time_limit: float = TIME_LIMIT,
) -> Adoption:
    if not is_quarter_id(quarter):
        raise PlanningError(f"{quarter!r} is not a quarter id (YYYY-Qn, n = 1..4)")
    if not item_ids:
        raise PlanningError("name the items to adopt")
    graph = graph if graph is not None else PlanGraph(ws)
    ids = list(dict.fromkeys(item_ids))
    adopted, warnings = _adopted_moves(graph, ids, quarter)
    result = Adoption(quarter=quarter, items=ids, adopted=adopted, warnings=warnings)
    adopted_ids = {move.item for move in adopted}

    # Days per (team, quarter) once the items are in.
    extra: dict[Key, float] = {}
    for move in adopted:
        for key, days in shift(graph, graph.items[move.item], quarter).items():
            extra[key] = extra.get(key, 0) + days

    def used(key: Key) -> float:
        return load_of(graph, key[0], key[1]).used + extra.get(key, 0)

    members = [
        item_id
        for item_id, location in graph.location.items()
        if location == quarter and graph.items[item_id].status != "dropped"
    ]
    members.sort(key=lambda item_id: graph.rank(item_id))
    member_set = set(members)
    movable_status = (
        ("planned", "proposed", "in-progress") if allow_in_progress else ("planned", "proposed")
    )
    values: dict[str, float] = {}
    staying: set[str] = set(adopted_ids)
    for item_id in members:
        item = graph.items[item_id]
        if item.status == "done":
            continue
        worth = value(item)
        if item.status not in movable_status:
            staying.add(item_id)
        elif worth is None:
            staying.add(item_id)
            result.kept_unscored.append(item_id)
        else:
            values[item_id] = worth
    # What a staying item depends on in the quarter stays too.
    todo = list(staying)
    while todo:
        for dep in graph.depends.get(todo.pop(), ()):
            if dep in member_set and dep in values and dep not in staying:
                staying.add(dep)
                todo.append(dep)
    movable = [item_id for item_id in members if item_id in values and item_id not in staying]

    keys = {(team, quarter) for team in graph.teams}
    keys.update(key for key in graph.by_key if key[1] == quarter)
    keys.update(key for key in extra if key[1] == quarter)
    # What deferring frees in the quarter (an ask naming the quarter itself stays behind).
    later = next_quarter(quarter)
    needs = [
        {
            k: -d
            for k, d in shift(graph, graph.items[item_id], later).items()
            if k[1] == quarter and d < 0
        }
        for item_id in movable
    ]
    freed = {key: 0.0 for key in keys}
    for need in needs:
        for key, days in need.items():
            freed[key] = freed.get(key, 0) + days
    result.over = {
        key[0]: clean(used(key) - graph.capacity(*key))
        for key in sorted(keys, key=lambda k: _team_rank(graph, k[0]))
        if used(key) > graph.capacity(*key) + TOLERANCE
    }
    for key in sorted(keys, key=lambda k: _team_rank(graph, k[0])):
        fixed = used(key) - freed.get(key, 0)
        if fixed > graph.capacity(*key) + TOLERANCE:
            result.shortfalls.append(
                f"{key[0]} would still be over by {days_text(fixed - graph.capacity(*key))}"
                f" in {quarter} ({show(fixed)} of {show(graph.capacity(*key))}) with every"
                " movable item deferred"
            )
    if result.shortfalls:
        result.plan = MovePlan(_label(ids, quarter), list(adopted))
        return result

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
    kept = set(selection.chosen)
    kept = _keep_what_fits(kept, worths, needs, rooms, requires)
    deferred_ids = [item_id for item_id in movable if index[item_id] not in kept]
    result.optimal, result.note = selection.optimal, selection.note

    moves, why = _destinations(graph, deferred_ids, values, quarter, ids, extra)
    by_id = {move.item: move for move in moves}
    deferrals = []
    for item_id in sorted(deferred_ids, key=lambda i: (-values[i], graph.rank(i))):
        need = needs[index[item_id]]
        reasons = [
            f"{team} is over by {days_text(result.over[team])} in {quarter}; this frees"
            f" {show(days)}"
            for (team, _), days in need.items()
            if team in result.over and days > 0
        ]
        reasons += [
            f"depends on {dep}, deferred too"
            for dep in dict.fromkeys(graph.depends.get(item_id, ()))
            if dep in by_id
        ]
        move = by_id[item_id]
        if item_id in why:
            reasons.append(why[item_id])
        deferrals.append(
            Deferral(
                move=move,
                title=graph.items[item_id].title,
                value=values[item_id],
                needs=need,
                reasons=tuple(reasons),
                owner=graph.team_of(item_id),
            )
        )
    result.deferred = deferrals
    result.lost_value = clean(sum(values[item_id] for item_id in deferred_ids))
    result.plan = MovePlan(_label(ids, quarter), [*adopted, *(d.move for d in deferrals)])
    result.loads, result.broken = effects(
        graph, result.plan.moves, [quarter, next_quarter(quarter)]
    )
    return result


def _adopted_moves(graph: PlanGraph, ids: list[str], quarter: str) -> tuple[list[Move], list[str]]:
    moves: list[Move] = []
    warnings: list[str] = []
    for item_id in ids:
        item = graph.items.get(item_id)
        if item is None:
            raise PlanningError(f"there is no item {item_id}")
        location = graph.location[item_id]
        if item.status == "done":
            raise PlanningError(f"{item_id} is done already ({location})")
        if item.status == "dropped":
            raise PlanningError(f"{item_id} is dropped: set its status back first")
        if item.decision == "merged":
            into = f" into {item.merged_into}" if item.merged_into else ""
            raise PlanningError(f"{item_id} was merged{into}: adopt that instead")
        if location == quarter:
            warnings.append(f"{item_id} is already planned in {quarter}")
            continue
        if location != BACKLOG and quarter_index(location) < quarter_index(quarter):
            raise PlanningError(
                f"{item_id} is planned in {location}, before {quarter}: defer it instead"
            )
        decision = "accepted" if item.is_request or item.decision is not None else None
        needs = {k: d for k, d in days_by_key(uses_of(item, quarter, graph.owner)).items()}
        origin = "the backlog" if location == BACKLOG else location
        moves.append(
            Move(
                item_id,
                location,
                quarter,
                reason=f"from {origin}: {describe_needs(needs, graph.team_of(item_id))}",
                status=target_status(item, location, quarter),
                note=f"adopted into {quarter}",
                decision=None if item.decision == "accepted" else decision,
            )
        )
    adopted = {move.item for move in moves}
    for move in moves:
        for dep in dict.fromkeys(graph.items[move.item].depends_on):
            problem = _needs(graph, dep, quarter, adopted)
            if problem:
                warnings.append(
                    f"{move.item} depends on {dep}, {problem}: adopt it too or plan it earlier"
                )
    return moves, warnings


def _needs(graph: PlanGraph, dep: str, quarter: str, adopted: set[str]) -> str:
    target = graph.items.get(dep)
    if target is None:
        return "which is no item"
    if target.status == "done" or dep in adopted:
        return ""
    if target.status == "dropped":
        return "dropped"
    location = graph.location[dep]
    if location == BACKLOG:
        return "in the backlog"
    if quarter_index(location) > quarter_index(quarter):
        return f"planned later, in {location}"
    return ""


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


def _team_rank(graph: PlanGraph, team: str) -> tuple[int, str]:
    order = list(graph.teams)
    return (order.index(team) if team in graph.teams else len(order), team)


def _label(ids: list[str], quarter: str) -> str:
    return f"adopt {', '.join(ids)} into {quarter}"
