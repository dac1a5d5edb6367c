"""Make room's one optimisation: keep, next quarter or backlog for each movable item of the
quarter, and which later items follow one to the backlog (the rules are in `planning.adopt`'s
docstring; the solver is `solver.assign`)."""

from __future__ import annotations

from collections.abc import Callable

from roadmap_tui.models import BACKLOG, next_quarter, quarter_index
from roadmap_tui.models.numbers import days as days_text
from roadmap_tui.models.numbers import fmt as show
from roadmap_tui.planning.adoption import Placed
from roadmap_tui.planning.common import ValueOf, shift
from roadmap_tui.planning.graph import Key, PlanGraph
from roadmap_tui.planning.solver import TOLERANCE, Implication, Option, assign

KEEP, NEXT, BACK = 0, 1, 2  # the places of a movable item of the quarter
STAY, GO = 0, 1  # of an item planned later that depends on one: stays, or goes to the backlog


def later_dependents(
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


def places(
    graph: PlanGraph,
    quarter: str,
    movable: list[str],
    values: dict[str, float],
    cascade: list[str],
    later_values: dict[str, float],
    keys: set[Key],
    used: Callable[[Key], float],
    time_limit: float,
) -> Placed | None:
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
        return None if answer.optimal else Placed(None, optimal=False, note=answer.note)
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
    return Placed(target, frees, why, answer.optimal, answer.note)
