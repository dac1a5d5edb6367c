"""Make room: "if we adopt E and F into a quarter now, what must go?"

1. The given items (from the backlog or a later quarter) are planned into the quarter.
2. Items of the quarter that are done, in progress (unless allowed), unscored, or needed by an
   item that stays, stay. The others are movable. If a team cannot fit even with everything
   movable deferred, nothing is proposed and the shortfall is reported.
3. One optimisation (`solver.assign`) gives each movable item a place: kept, deferred to the next
   quarter, or sent to the backlog, such that
   - every team fits its capacity in the quarter, the adopted items in;
   - every team fits its free capacity in the next quarter with the items deferred there (their
     own days and asks, counted as `capacity` counts them);
   - an item kept keeps what it depends on in the quarter; an item deferred to the next quarter
     needs what it depends on kept or deferred there too (so deferring an item defers its
     dependents, and sending it to the backlog sends them there);
   - an item goes to the backlog only if nothing planned later depends on it, unless that
     dependent goes to the backlog too (its value is lost as well). A later item goes only when
     something it depends on goes: never to make room on its own.
   It loses the least value (everything that leaves the quarter, and every later item sent
   after it); among choices losing the same, it sends the fewest days to the backlog, then moves
   the fewest items.
4. When no choice keeps every dependency order, the choice falls back to value alone: the items
   of least value are deferred (`solver.choose`) and go to the next quarter when they fit there
   (dependencies first, then the most valuable), else to the backlog. The output says that
   orders break and names them.
Each moved item gets `note = "deferred to Q: make room for E, F"`.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from roadmap_tui.models import (
    BACKLOG,
    Workspace,
    is_quarter_id,
    next_quarter,
    quarter_index,
)
from roadmap_tui.models.numbers import clean
from roadmap_tui.models.numbers import days as days_text
from roadmap_tui.models.numbers import fmt as show
from roadmap_tui.planning.capacity import TeamLoad, load_of
from roadmap_tui.planning.common import PlanningError, ValueOf, describe_needs, effects, shift
from roadmap_tui.planning.dependencies import OrderViolation, block_phrase, blocked_by
from roadmap_tui.planning.graph import Key, PlanGraph, days_by_key, uses_of
from roadmap_tui.planning.move_plan import Move, MovePlan, target_status
from roadmap_tui.planning.solver import TIME_LIMIT, TOLERANCE, Implication, Option, assign, choose

MAX_NAME = 60
KEEP, NEXT, BACK = 0, 1, 2  # the places of a movable item of the quarter
STAY, GO = 0, 1  # of an item planned later that depends on one: stays, or goes to the backlog
BY_VALUE = (
    "the items of least value are deferred, to the next quarter when they fit there, else to"
    " the backlog"
)
FALLBACK = f"no way to make room keeps every dependency order: {BY_VALUE}"


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
            "from": self.move.source,
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
    fallback: bool = False  # True: no choice kept every order, so value alone decided
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
            "fallback": self.fallback,
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
    # The most deferring can free: sent to the backlog an item frees its asks naming the
    # quarter too, and so does a later item that may follow it there.
    cascade, later_values = _later_dependents(
        graph, movable, quarter, adopted_ids, value, movable_status
    )
    most = {key: 0.0 for key in keys}
    for item_id in [*movable, *later_values]:
        for key, days in shift(graph, graph.items[item_id], BACKLOG).items():
            if key[1] == quarter:
                most[key] = most.get(key, 0) - days
    result.over = {
        key[0]: clean(used(key) - graph.capacity(*key))
        for key in sorted(keys, key=lambda k: _team_rank(graph, k[0]))
        if used(key) > graph.capacity(*key) + TOLERANCE
    }
    for key in sorted(keys, key=lambda k: _team_rank(graph, k[0])):
        fixed = used(key) - most.get(key, 0)
        if fixed > graph.capacity(*key) + TOLERANCE:
            result.shortfalls.append(
                f"{key[0]} would still be over by {days_text(fixed - graph.capacity(*key))}"
                f" in {quarter} ({show(fixed)} of {show(graph.capacity(*key))}) with every"
                " movable item deferred"
            )
    if result.shortfalls:
        result.plan = MovePlan(_label(ids, quarter), list(adopted))
        return result

    worths = {**values, **later_values}
    placed = _places(graph, quarter, movable, values, cascade, later_values, keys, used, time_limit)
    if placed is None or placed.target is None:
        # No choice keeps every order (or the search found none in time): value alone decides.
        result.fallback = True
        result.warnings.append(FALLBACK if placed is None else f"{placed.note}: {BY_VALUE}")
        placed = _by_value_alone(
            graph, quarter, movable, values, needs, keys, used, freed, ids, extra, time_limit
        )
    assert placed.target is not None
    result.optimal, result.note = placed.optimal, placed.note

    for_whom = ", ".join(ids)
    order = sorted(
        placed.target,
        key=lambda i: (i not in member_set, -worths[i], graph.rank(i)),
    )
    deferrals = []
    for item_id in order:
        source, where = graph.location[item_id], placed.target[item_id]
        shown = "the backlog" if where == BACKLOG else where
        need = placed.frees[item_id]
        reasons = [
            f"{team} is over by {days_text(result.over[team])} in {quarter}; this frees"
            f" {show(days)}"
            for (team, at), days in need.items()
            if at == quarter and team in result.over and days > 0
        ]
        if item_id in member_set:
            reasons += [
                f"depends on {dep}, deferred too"
                for dep in dict.fromkeys(graph.depends.get(item_id, ()))
                if dep in placed.target and dep != item_id
            ]
            note = f"deferred to {shown}: make room for {for_whom}"
        else:
            gone = [d for d in graph.depends.get(item_id, ()) if placed.target.get(d) == BACKLOG]
            note = f"deferred to the backlog with {gone[0]}: make room for {for_whom}"
        reasons += placed.why.get(item_id, [])
        item = graph.items[item_id]
        move = Move(
            item_id,
            source,
            where,
            reason=f"to {shown}",
            status=target_status(item, source, where),
            note=note,
        )
        deferrals.append(
            Deferral(
                move=move,
                title=item.title,
                value=worths[item_id],
                needs=need,
                reasons=tuple(reasons),
                owner=graph.team_of(item_id),
            )
        )
    result.deferred = deferrals
    result.lost_value = clean(sum(worths[item_id] for item_id in placed.target))
    result.plan = MovePlan(_label(ids, quarter), [*adopted, *(d.move for d in deferrals)])
    result.loads, result.broken = effects(
        graph, result.plan.moves, [quarter, next_quarter(quarter)]
    )
    return result


@dataclass
class _Placed:
    """Where the items that leave the quarter go, what each frees, and why (beyond its days)."""

    target: dict[str, str] | None  # item -> next quarter or backlog; None: no choice found
    frees: dict[str, dict[Key, float]] = field(default_factory=dict)
    why: dict[str, list[str]] = field(default_factory=dict)
    optimal: bool = True
    note: str = ""


def _later_dependents(
    graph: PlanGraph,
    movable: list[str],
    quarter: str,
    adopted: set[str],
    value: ValueOf,
    movable_status: tuple[str, ...],
) -> tuple[list[str], dict[str, float]]:
    """Open items planned after the quarter that depend, directly or not, on a movable item:
    those a trip to the backlog would leave waiting. With the values of those that may follow
    it there (planned and scored, as a movable item); the others can only stay."""
    found: set[str] = set()
    todo = list(movable)
    while todo:
        for dependent in graph.dependents.get(todo.pop(), ()):
            item = graph.items.get(dependent)
            where = graph.quarter_of(dependent)
            if (
                item is None
                or dependent in found
                or dependent in adopted
                or where is None
                or quarter_index(where) <= quarter_index(quarter)
                or item.status in ("done", "dropped")
            ):
                continue
            found.add(dependent)
            todo.append(dependent)
    ordered = sorted(found, key=lambda item_id: graph.rank(item_id))
    worths: dict[str, float] = {}
    for item_id in ordered:
        item = graph.items[item_id]
        worth = value(item)
        if item.status in movable_status and worth is not None:
            worths[item_id] = worth
    return ordered, worths


def _places(
    graph: PlanGraph,
    quarter: str,
    movable: list[str],
    values: dict[str, float],
    cascade: list[str],
    later_values: dict[str, float],
    keys: set[Key],
    used: Callable[[Key], float],
    time_limit: float,
) -> _Placed | None:
    """Keep, next quarter or backlog for each movable item, in one optimisation (see the module
    docstring). None when no choice keeps every order."""
    later = next_quarter(quarter)
    near = (quarter, later)
    items = [*movable, *cascade]
    at = {item_id: i for i, item_id in enumerate(items)}
    in_quarter, waiting = set(movable), set(cascade)
    # Ties, weighed in turn after the value lost (exactly, see `solver.assign`): the fewest days
    # sent to the backlog, then the fewest items moved. A move counts 1; a trip to the backlog
    # 1 + 1/(n+1), so that among choices moving as many items (whole numbers) the one sending
    # fewer to the backlog wins: all n of those fractions together weigh less than one move.
    step = 1 / (len(items) + 1)

    def near_only(change: dict[Key, float]) -> dict[Key, float]:
        return {key: days for key, days in change.items() if key[1] in near}

    options: list[list[Option[Key]]] = []
    for item_id in movable:
        item = graph.items[item_id]
        options.append(
            [
                Option(),
                Option(values[item_id], 0, near_only(shift(graph, item, later)), then=1),
                Option(
                    values[item_id],
                    item.days,
                    near_only(shift(graph, item, BACKLOG)),
                    then=1 + step,
                ),
            ]
        )
    for item_id in cascade:
        item = graph.items[item_id]
        options.append([Option()])
        if item_id in later_values:
            change = near_only(shift(graph, item, BACKLOG))
            options[-1].append(Option(later_values[item_id], item.days, change, then=1 + step))
    # Room: in the quarter what is left once the adopted items are in (below 0 when over, which
    # the deferrals must make up); in the next quarter what is free there (never below 0).
    room = {key: graph.capacity(*key) - used(key) for key in keys}
    for choices in options:
        for option in choices:
            for key in option.change:
                if key not in room:
                    free = graph.capacity(*key) - used(key)
                    room[key] = free if key[1] == quarter else max(free, 0)

    def goes(item_id: str) -> list[tuple[int, int]]:
        """The pick that sends the item to the backlog (none: it cannot go)."""
        i = at[item_id]
        if item_id in in_quarter:
            return [(i, BACK)]
        return [(i, GO)] if len(options[i]) > 1 else []

    implies: list[Implication] = []
    for item_id in movable:
        i = at[item_id]
        for dep in dict.fromkeys(graph.depends.get(item_id, ())):
            if dep in in_quarter and dep != item_id:
                j = at[dep]
                implies.append(((i, KEEP), [(j, KEEP)]))
                implies.append(((i, NEXT), [(j, KEEP), (j, NEXT)]))
    for item_id in cascade:
        upstream = [
            dep
            for dep in dict.fromkeys(graph.depends.get(item_id, ()))
            if dep != item_id and (dep in in_quarter or dep in waiting)
        ]
        for dep in upstream:
            for pick in goes(dep):
                implies.append((pick, goes(item_id)))  # it goes with it, or that cannot go
        for pick in goes(item_id):  # and only then: never to make room on its own
            implies.append((pick, [p for dep in upstream for p in goes(dep)]))

    answer = assign(options, room, implies, time_limit=time_limit)
    if answer.picked is None:
        return None if answer.optimal else _Placed(None, optimal=False, note=answer.note)
    picked = dict(zip(items, answer.picked, strict=True))
    target: dict[str, str] = {}
    for item_id, place in picked.items():
        if item_id in in_quarter and place != KEEP:
            target[item_id] = later if place == NEXT else BACKLOG
        elif item_id in waiting and place == GO:
            target[item_id] = BACKLOG
    frees: dict[str, dict[Key, float]] = {}
    for item_id, where in target.items():
        change = shift(graph, graph.items[item_id], where)
        frees[item_id] = {
            key: -days
            for key, days in change.items()
            if days < 0 and (key[1] == quarter or item_id in waiting)
        }
    left = dict(room)
    for item_id, place in picked.items():
        for key, days in options[at[item_id]][place].change.items():
            left[key] -= days

    why: dict[str, list[str]] = {}
    for item_id in items:
        if target.get(item_id) != BACKLOG:
            continue
        found = why.setdefault(item_id, [])
        if item_id in waiting:
            found += [
                f"from {graph.location[item_id]}: depends on {dep}, which goes to the backlog"
                for dep in dict.fromkeys(graph.depends.get(item_id, ()))
                if target.get(dep) == BACKLOG and dep != item_id
            ]
            continue
        blocked = [
            d
            for d in graph.depends.get(item_id, ())
            if d in in_quarter and target.get(d) == BACKLOG
        ]
        here, back = options[at[item_id]][NEXT].change, options[at[item_id]][BACK].change
        # Room in the next quarter had it gone there (its asks naming it would not be freed).
        room_next = {key: left[key] + back.get(key, 0) for key in here if key[1] == later}
        short = [
            (key, days)
            for key, days in here.items()
            if key[1] == later and days > room_next[key] + TOLERANCE
        ]
        if blocked:
            found.append(f"to the backlog with {blocked[0]}")
        elif short:
            key, days = short[0]
            text = f"no room in {later}: needs {days_text(days)} of {key[0]}, "
            if days > room[key] + TOLERANCE:
                found.append(text + f"{show(room[key])} free")
            else:
                there = [
                    other
                    for other in items
                    if target.get(other) == later
                    and options[at[other]][NEXT].change.get(key, 0) > 0
                ]
                verb = "is" if len(there) == 1 else "are"
                found.append(
                    text + f"{show(max(room_next[key], 0))} free once {', '.join(there)} {verb}"
                    " deferred there"
                )
        stuck = [
            key
            for key, days in back.items()
            if key[1] == quarter and here.get(key, 0) > days + TOLERANCE
        ]
        if not blocked and not short and stuck:
            found.append(
                f"its ask of {stuck[0][0]} names {quarter}: only the backlog frees those days"
            )
        elif not blocked and not short and not answer.optimal:
            found.append("to the backlog: the time-limited search found no better place")
        along = [
            f"{other} ({graph.location[other]})"
            for other in cascade
            if target.get(other) == BACKLOG and item_id in graph.depends.get(other, ())
        ]
        if along:
            found.append(f"what depends on it goes to the backlog too: {', '.join(along)}")
    return _Placed(target, frees, why, answer.optimal, answer.note)


def _by_value_alone(
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
) -> _Placed:
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
    return _Placed(
        target={move.item: move.target for move in moves},
        frees={item_id: needs[index[item_id]] for item_id in deferred_ids},
        why={item_id: [text] for item_id, text in why.items()},
        optimal=selection.optimal,
        note=selection.note,
    )


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
        item = graph.items[move.item]
        for dep in dict.fromkeys(item.depends_on):
            where = quarter if dep in adopted else graph.location.get(dep)
            block = blocked_by(item, dep, graph.items.get(dep), where, quarter)
            if block is not None:
                warnings.append(
                    f"{move.item} depends on {dep}, {block_phrase(block, where)}:"
                    " adopt it too or plan it earlier"
                )
    return moves, warnings


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
