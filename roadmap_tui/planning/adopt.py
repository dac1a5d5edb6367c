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

Here the steps are put together; the adopted items are checked in `adopt_items`, step 3 is
`room_search`, step 4 `room_fallback`, and the result (`Adoption`) is in `adoption`.
"""

from __future__ import annotations

from roadmap_tui.models import BACKLOG, Workspace, is_quarter_id, next_quarter
from roadmap_tui.models.numbers import clean
from roadmap_tui.models.numbers import days as days_text
from roadmap_tui.models.numbers import fmt as show
from roadmap_tui.planning.adopt_items import adopted_moves
from roadmap_tui.planning.adoption import Adoption, Deferral
from roadmap_tui.planning.capacity import load_of
from roadmap_tui.planning.common import PlanningError, ValueOf, effects, shift
from roadmap_tui.planning.graph import Key, PlanGraph
from roadmap_tui.planning.move_plan import Move, MovePlan, target_status
from roadmap_tui.planning.room_fallback import BY_VALUE, FALLBACK, by_value_alone
from roadmap_tui.planning.room_search import later_dependents, places
from roadmap_tui.planning.solver import TIME_LIMIT, TOLERANCE


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
    adopted, warnings = adopted_moves(graph, ids, quarter)
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
    cascade, later_values = later_dependents(
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
    placed = places(graph, quarter, movable, values, cascade, later_values, keys, used, time_limit)
    if placed is None or placed.target is None:
        # No choice keeps every order (or the search found none in time): value alone decides.
        result.fallback = True
        result.warnings.append(FALLBACK if placed is None else f"{placed.note}: {BY_VALUE}")
        placed = by_value_alone(
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


def _team_rank(graph: PlanGraph, team: str) -> tuple[int, str]:
    order = list(graph.teams)
    return (order.index(team) if team in graph.teams else len(order), team)


def _label(ids: list[str], quarter: str) -> str:
    return f"adopt {', '.join(ids)} into {quarter}"
