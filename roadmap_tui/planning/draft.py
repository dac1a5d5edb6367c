"""Draft a quarter: leftovers first, then the most valuable backlog items that fit.

1. The leftovers of the quarter before (neither done nor dropped) move in, always, even over
   capacity (the overload is reported); when that quarter lies after the workspace's current
   quarter it has not begun and leaves nothing over. Items already planned in the quarter stay.
2. Candidates are backlog items with status `proposed` whose decision, if any, is open or
   accepted (never declined or merged). An unscored candidate is never placed.
3. A candidate may be placed only when everything it depends on is done, planned in the quarter
   or earlier, or placed with it (`dependencies.blocked_by`); a candidate depending on something
   dropped, unknown, planned later, in the backlog or not placed is left out, and so is one in a
   dependency cycle of two or more items (a self-dependency is a validation problem only).
4. Among the rest the draft places the set with the greatest total value such that every team
   it needs, in every quarter its asks name, keeps within its free capacity (`solver.choose`).

Every candidate left out gets its reasons: "needs 5 days of storage in 2026-Q4, 2 free";
"depends on ACCOUNT-STRUCTURE, not planned"; "unscored".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from roadmap_tui.models import (
    BACKLOG,
    Item,
    Workspace,
    is_quarter_id,
    previous_quarter,
    quarter_index,
)
from roadmap_tui.models.numbers import clean
from roadmap_tui.models.numbers import days as days_text
from roadmap_tui.models.numbers import fmt as show
from roadmap_tui.planning.capacity import TeamLoad, load_of
from roadmap_tui.planning.carry import leftovers
from roadmap_tui.planning.common import PlanningError, ValueOf, describe_needs, effects, shift
from roadmap_tui.planning.dependencies import (
    OrderViolation,
    block_phrase,
    blocked_by,
    find_cycles,
)
from roadmap_tui.planning.graph import Key, PlanGraph, days_by_key, uses_of
from roadmap_tui.planning.move_plan import Move, MovePlan, target_status
from roadmap_tui.planning.solver import TIME_LIMIT, TOLERANCE, choose

OPEN_DECISIONS = (None, "open", "accepted")
UNSCORED = "unscored"


@dataclass(frozen=True)
class LeftOut:
    item: str
    title: str
    value: float | None
    reasons: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "item": self.item,
            "title": self.title,
            "value": None if self.value is None else clean(self.value),
            "reasons": list(self.reasons),
        }


@dataclass
class Draft:
    quarter: str
    previous: str
    leftovers: list[Move]
    placed: list[Move]  # backlog items placed, most valuable first
    kept: list[str]  # items already planned in the quarter
    left_out: list[LeftOut]
    value: float  # total value of the placed items
    optimal: bool
    note: str  # empty when proven optimal
    loads: list[TeamLoad]  # every team in the quarter once the draft is in
    previous_started: bool = True  # False: the quarter before has not begun, so no leftovers
    broken: list[OrderViolation] = field(default_factory=list)  # orders the draft breaks
    plan: MovePlan = field(default_factory=lambda: MovePlan("draft"))

    @property
    def overloads(self) -> list[TeamLoad]:
        return [load for load in self.loads if load.overloaded]

    @property
    def unscored(self) -> list[str]:
        return [entry.item for entry in self.left_out if entry.reasons == (UNSCORED,)]

    def to_json(self) -> dict[str, Any]:
        return {
            "quarter": self.quarter,
            "leftovers": [m.to_json() for m in self.leftovers],
            "placed": [m.to_json() for m in self.placed],
            "kept": self.kept,
            "left_out": [entry.to_json() for entry in self.left_out],
            "value": clean(self.value),
            "optimal": self.optimal,
            "note": self.note,
            "capacity": [load.to_json() for load in self.loads],
            "order_violations": [v.to_json() for v in self.broken],
        }


def is_candidate(item: Item) -> bool:
    return item.status == "proposed" and item.decision in OPEN_DECISIONS


def draft_quarter(
    ws: Workspace,
    quarter: str,
    value: ValueOf,
    *,
    graph: PlanGraph | None = None,
    time_limit: float = TIME_LIMIT,
) -> Draft:
    if not is_quarter_id(quarter):
        raise PlanningError(f"{quarter!r} is not a quarter id (YYYY-Qn, n = 1..4)")
    graph = graph if graph is not None else PlanGraph(ws)
    previous = previous_quarter(quarter)
    carried = [item for item in leftovers(ws, previous) if graph.items.get(item.id) is item]
    current = ws.roadmap.workspace.current_quarter
    not_started = current is not None and quarter_index(previous) > quarter_index(current)
    if not_started:
        # Drafting two quarters ahead: the quarter before has not begun, nothing is left over.
        carried = []
    carried_ids = {item.id for item in carried}
    leftover_moves = [
        Move(
            item.id,
            previous,
            quarter,
            reason=f"{item.status}, "
            + (days_text(item.estimate) if item.estimate is not None else "unestimated"),
            carried_from=previous,
        )
        for item in carried
    ]

    # Room per (team, quarter) once the leftovers are in.
    extra: dict[Key, float] = {}
    for item in carried:
        for key, days in shift(graph, item, quarter).items():
            extra[key] = extra.get(key, 0) + days

    def room(key: Key) -> float:
        used = load_of(graph, key[0], key[1]).used + extra.get(key, 0)
        return graph.capacity(key[0], key[1]) - used

    pool = [
        item
        for item in ws.backlog.items
        if graph.items.get(item.id) is item and graph.location[item.id] == BACKLOG
    ]
    candidates = [item for item in pool if is_candidate(item)]
    candidate_ids = {item.id for item in candidates}
    # A self-dependency is a validation problem, never a block (dependencies.blocked_by).
    in_cycle = {
        item_id: cycle for cycle in find_cycles(graph)[0] if len(cycle) > 1 for item_id in cycle
    }

    reasons: dict[str, list[str]] = {}
    values: dict[str, float] = {}
    for item in candidates:
        found = reasons.setdefault(item.id, [])
        worth = value(item)
        if worth is None:
            found.append(UNSCORED)
            continue
        values[item.id] = worth
        if item.id in in_cycle:
            cycle = in_cycle[item.id]
            found.append("in a dependency cycle: " + " -> ".join([*cycle, cycle[0]]))
            continue
        for dep in dict.fromkeys(item.depends_on):
            # a leftover moves in, a candidate may be placed with it: both count as here
            where = (
                quarter if dep in carried_ids or dep in candidate_ids else graph.location.get(dep)
            )
            block = blocked_by(item, dep, graph.items.get(dep), where, quarter)
            if block is not None:
                found.append(f"depends on {dep}, {block_phrase(block, where)}")
    # A candidate that needs a left-out candidate is left out too.
    changed = True
    while changed:
        changed = False
        for item in candidates:
            if reasons[item.id]:
                continue
            for dep in item.depends_on:
                if dep in candidate_ids and dep != item.id and reasons[dep]:
                    reasons[item.id].append(f"depends on {dep}, not planned")
                    changed = True
                    break

    eligible = [item for item in candidates if not reasons[item.id]]
    index = {item.id: i for i, item in enumerate(eligible)}
    needs = [days_by_key(uses_of(item, quarter, graph.owner)) for item in eligible]
    rooms = {key: room(key) for need in needs for key in need}
    requires = [
        (index[item.id], index[dep])
        for item in eligible
        for dep in item.depends_on
        if dep in index and dep != item.id
    ]
    worths = [values[item.id] for item in eligible]
    selection = choose(worths, needs, rooms, requires, time_limit=time_limit)

    left = dict(rooms)
    for i in selection.chosen:
        for key, days in needs[i].items():
            left[key] -= days
    placed_ids = {eligible[i].id for i in selection.chosen}
    for i, item in enumerate(eligible):
        if i in selection.chosen:
            continue
        found = reasons[item.id]
        for key, days in needs[i].items():
            if days <= left[key] + TOLERANCE:
                continue
            free = (
                _free(rooms[key])
                if days > rooms[key] + TOLERANCE
                else f"{_free(left[key])} once the placed items are in"
            )
            found.append(f"needs {days_text(days)} of {key[0]} in {key[1]}, {free}")
        for dep in dict.fromkeys(item.depends_on):
            if dep in index and dep not in placed_ids:
                found.append(f"depends on {dep}, not planned")
        if not found:
            if not selection.optimal:
                found.append("not reached by the time-limited search")
            else:
                found.append(f"adds no value (value {show(values[item.id])})")

    order = {item.id: position for position, item in enumerate(pool)}
    chosen = sorted((eligible[i] for i in selection.chosen), key=lambda it: -values[it.id])
    placed = [
        Move(
            item.id,
            BACKLOG,
            quarter,
            reason=f"value {show(values[item.id])}; "
            + describe_needs(needs[index[item.id]], graph.team_of(item.id))
            + (" (unestimated: counted 0)" if item.estimate is None else ""),
            status=target_status(item, BACKLOG, quarter),
        )
        for item in chosen
    ]
    left_out = [
        LeftOut(item.id, item.title, value(item), tuple(reasons[item.id]))
        for item in sorted(candidates, key=lambda it: order[it.id])
        if item.id not in placed_ids
    ]
    kept = [
        item.id
        for item in (ws.quarters[quarter].items if quarter in ws.quarters else [])
        if item.status != "dropped"
    ]
    plan = MovePlan(f"draft {quarter}", [*leftover_moves, *placed], stages={quarter: "draft"})
    loads, broken = effects(graph, plan.moves, [quarter])
    return Draft(
        quarter=quarter,
        previous=previous,
        leftovers=leftover_moves,
        placed=placed,
        kept=kept,
        left_out=left_out,
        value=clean(sum(values[item.id] for item in chosen)),
        optimal=selection.optimal,
        note=selection.note,
        loads=loads,
        broken=broken,
        plan=plan,
        previous_started=not not_started,
    )


def _free(days: float) -> str:
    if days < -TOLERANCE:
        return f"0 free (over by {show(-days)})"
    return f"{show(max(days, 0))} free"
