"""Choose the most valuable set of items that fits: a knapsack with several capacities and
precedence, solved exactly as a mixed-integer program by HiGHS (through its own binding,
highspy).

    maximise    sum value[i] * x[i]                      x[i] in {0, 1}
    subject to  sum need[i][k] * x[i] <= room[k]         for every (team, quarter) k
                x[i] <= x[j]                             for every (i, j) in requires

`draft` uses it to pick backlog items (x = placed); `adopt`, when no choice keeps every
dependency order, to pick the items a quarter keeps (x = kept; deferring an item defers its
dependents, so a kept dependent requires its dependency).

`assign` gives each item one of several places (for `adopt`: keep, next quarter, backlog), each
with a cost and the days it adds or frees per (team, quarter), under implications between places
("if this one is kept, that one is kept"): an assignment problem solved the same way.

The solver runs with a time limit; when it stops before proving its answer optimal the result
says so, and when it has no answer at all a greedy pass stands in, also saying so.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Generic, Literal, TypeVar

from roadmap_tui.planning.quiet import solver_output_silenced

TIME_LIMIT = 10.0  # seconds
TOLERANCE = 1e-6
INFINITY = math.inf  # HiGHS reads any bound of 1e20 or more as no bound
K = TypeVar("K", bound=Hashable)  # what a capacity is for: here (team, quarter)


@dataclass(frozen=True)
class Selection:
    chosen: frozenset[int]
    optimal: bool
    note: str = ""  # empty when proven optimal; else what to tell the person

    def value(self, values: Sequence[float]) -> float:
        return sum(values[i] for i in self.chosen)


def choose(
    values: Sequence[float],
    needs: Sequence[Mapping[K, float]],
    room: Mapping[K, float],
    requires: Sequence[tuple[int, int]] = (),
    *,
    time_limit: float = TIME_LIMIT,
) -> Selection:
    """Indices of the best set. A need for a key missing from `room` has no room (0)."""
    count = len(values)
    if count == 0:
        return Selection(frozenset(), True)
    keys: dict[K, int] = {}
    capacity: list[list[tuple[int, float]]] = []
    for index, need in enumerate(needs):
        for key, days in need.items():
            if days > 0:
                row = keys.setdefault(key, len(keys))
                if row == len(capacity):
                    capacity.append([])
                capacity[row].append((index, float(days)))
    rows: list[Row] = [
        (entries, -INFINITY, max(float(room.get(key, 0)), 0.0))
        for key, entries in zip(keys, capacity, strict=True)
    ]
    pairs = [(i, j) for i, j in requires if i != j]
    rows += [([(i, 1.0), (j, -1.0)], -INFINITY, 0.0) for i, j in pairs]
    result = solve_binary([-float(value) for value in values], rows, time_limit)
    if result.x is not None:
        chosen = frozenset(i for i in range(count) if result.x[i] > 0.5)
        if fits(chosen, needs, room, pairs):
            if result.status == "optimal":
                return Selection(chosen, True)
            return Selection(
                chosen, False, f"not proven optimal: time limit ({time_limit:g} s) reached"
            )
    chosen = greedy(values, needs, room, pairs)
    return Selection(
        chosen, False, f"greedy fallback, not optimal: {no_answer(result.status, time_limit)}"
    )


def no_answer(status: Status, time_limit: float) -> str:
    """Why a solve gave no answer, in the person's words: a time limit, or HiGHS failing."""
    if status == "stopped":
        return f"the solver gave no answer within {time_limit:g} s"
    return "the solver failed (HiGHS reported an error)"


def fits(
    chosen: frozenset[int],
    needs: Sequence[Mapping[K, float]],
    room: Mapping[K, float],
    requires: Sequence[tuple[int, int]],
) -> bool:
    used: dict[K, float] = {}
    for index in chosen:
        for key, days in needs[index].items():
            used[key] = used.get(key, 0) + days
    if any(days > max(room.get(key, 0), 0) + TOLERANCE for key, days in used.items()):
        return False
    return all(j in chosen for i, j in requires if i in chosen)


def greedy(
    values: Sequence[float],
    needs: Sequence[Mapping[K, float]],
    room: Mapping[K, float],
    requires: Sequence[tuple[int, int]],
) -> frozenset[int]:
    """Most valuable first, each taken when it fits and what it requires is taken; repeated
    until nothing more fits. Only a stand-in when the solver has no answer."""
    left = {key: max(days, 0) for key, days in room.items()}
    needed: dict[int, set[int]] = {}
    for i, j in requires:
        needed.setdefault(i, set()).add(j)
    chosen: set[int] = set()
    order = sorted(range(len(values)), key=lambda i: (-values[i], i))
    progress = True
    while progress:
        progress = False
        for index in order:
            if index in chosen or values[index] <= 0:
                continue
            if not needed.get(index, set()) <= chosen:
                continue
            need = needs[index]
            if all(days <= left.get(key, 0) + TOLERANCE for key, days in need.items()):
                for key, days in need.items():
                    left[key] = left.get(key, 0) - days
                chosen.add(index)
                progress = True
    return frozenset(chosen)


# --- one place per item ------------------------------------------------------------------------
@dataclass(frozen=True)
class Option(Generic[K]):
    """One place an item can take: what it costs and what it changes.

    `cost` is what is weighed first (for `adopt`: the value lost); `tie` only decides between
    choices of equal cost (for `adopt`: the days sent to the backlog), and `then` between choices
    of equal cost and tie (the moves); `change` is the days it adds (negative: frees) per
    capacity key.
    """

    cost: float = 0
    tie: float = 0
    change: Mapping[K, float] = field(default_factory=dict)
    then: float = 0


Pick = tuple[int, int]  # (item, option)
# If item i takes option o, item j must take one of the listed options (none listed: i never
# takes o).
Implication = tuple[Pick, Sequence[Pick]]


@dataclass(frozen=True)
class Assignment:
    picked: tuple[int, ...] | None  # the option of each item; None: no assignment found
    optimal: bool  # proven best (with picked None: proven that none exists)
    note: str = ""

    def cost(self, options: Sequence[Sequence[Option[K]]]) -> float:
        assert self.picked is not None
        return sum(options[i][o].cost for i, o in enumerate(self.picked))

    def tie(self, options: Sequence[Sequence[Option[K]]]) -> float:
        assert self.picked is not None
        return sum(options[i][o].tie for i, o in enumerate(self.picked))

    def then(self, options: Sequence[Sequence[Option[K]]]) -> float:
        assert self.picked is not None
        return sum(options[i][o].then for i, o in enumerate(self.picked))


def assign(
    options: Sequence[Sequence[Option[K]]],
    room: Mapping[K, float],
    implies: Sequence[Implication] = (),
    *,
    time_limit: float = TIME_LIMIT,
) -> Assignment:
    """One option per item, at the least total cost, then the least total tie, then the least
    total `then`, such that

        sum of the picked options' change[k] <= room[k]      for every key k of `room`
        every implication holds.

    A change for a key missing from `room` is not limited. Solved exactly, in rounds
    (lexicographically): the least cost first, then the least tie among the choices of that
    cost, then the least `then` among those. One weighted objective (cost + epsilon * tie) would
    need an epsilon below the smallest difference two choices' costs can have; with fractional
    framework values (RICE, WSJF) or fractional days that has no useful lower bound and soon
    falls under the solver's own tolerance (1e-6), so a tie could silently outweigh a real
    difference in value. Rounds cannot.
    """
    count = len(options)
    if count == 0:
        return Assignment((), True)
    column: dict[Pick, int] = {}
    for i, choices in enumerate(options):
        for o in range(len(choices)):
            column[(i, o)] = len(column)
    width = len(column)
    rows: list[Row] = []
    for i, choices in enumerate(options):  # exactly one place each
        rows.append(([(column[(i, o)], 1.0) for o in range(len(choices))], 1.0, 1.0))
    per_key: dict[K, list[tuple[int, float]]] = {key: [] for key in room}
    for (i, o), col in column.items():
        for key, days in options[i][o].change.items():
            if key in per_key and days != 0:
                per_key[key].append((col, float(days)))
    for key, entries in per_key.items():
        if entries:
            rows.append((entries, -INFINITY, float(room[key])))
        elif room[key] < -TOLERANCE:
            return Assignment(None, True)  # over already, and nothing can change it
    for (i, o), alternatives in implies:
        entries = [(column[(i, o)], 1.0)]
        entries += [(column[pick], -1.0) for pick in dict.fromkeys(alternatives)]
        rows.append((entries, -INFINITY, 0.0))

    objectives = [[0.0] * width, [0.0] * width, [0.0] * width]  # cost, tie, then
    for (i, o), col in column.items():
        option = options[i][o]
        for objective, number in zip(
            objectives, (option.cost, option.tie, option.then), strict=True
        ):
            objective[col] = float(number)

    def read(result: Solved) -> tuple[int, ...] | None:
        if result.x is None:
            return None
        picked = []
        for i, choices in enumerate(options):
            found = [o for o in range(len(choices)) if result.x[column[(i, o)]] > 0.5]
            if len(found) != 1:
                return None
            picked.append(found[0])
        answer = tuple(picked)
        return answer if holds(answer, options, room, implies) else None

    first = solve_binary(objectives[0], rows, time_limit)
    picked = read(first)
    if picked is None:
        if first.status == "infeasible":
            return Assignment(None, True)
        return Assignment(None, False, no_answer(first.status, time_limit))
    proven = first.status == "optimal"
    caps: list[Row] = []
    for done, objective in zip(objectives, objectives[1:], strict=False):
        # Keep what the rounds before reached, and look for the least of the next among those.
        best = float(sum(done[column[(i, o)]] for i, o in enumerate(picked)))
        margin = TOLERANCE * max(1.0, abs(best))
        caps.append(([(col, n) for col, n in enumerate(done) if n != 0], -INFINITY, best + margin))
        if not any(objective):
            continue
        better = read(following := solve_binary(objective, [*rows, *caps], time_limit))
        if better is not None:
            picked = better
            proven = proven and following.status == "optimal"
        else:
            proven = False  # the earlier round's answer stands, not proven best in this one
    if proven:
        return Assignment(picked, True)
    return Assignment(picked, False, f"not proven optimal: time limit ({time_limit:g} s) reached")


def holds(
    picked: Sequence[int],
    options: Sequence[Sequence[Option[K]]],
    room: Mapping[K, float],
    implies: Sequence[Implication],
) -> bool:
    """Whether an assignment keeps every room and every implication."""
    used: dict[K, float] = {}
    for i, o in enumerate(picked):
        for key, days in options[i][o].change.items():
            used[key] = used.get(key, 0) + days
    for key, limit in room.items():
        if used.get(key, 0) > limit + TOLERANCE:
            return False
    for (i, o), alternatives in implies:
        if picked[i] == o and not any(picked[j] == p for j, p in alternatives):
            return False
    return True


# --- the solver ---------------------------------------------------------------------------------
Row = tuple[Sequence[tuple[int, float]], float, float]  # ((column, coefficient)...), lower, upper
Status = Literal["optimal", "stopped", "infeasible", "failed"]


@dataclass(frozen=True)
class Solved:
    """What one solve gave: each column's value (None: no answer) and how the solve ended:
    proven optimal, stopped by a limit, proven infeasible, or failed otherwise."""

    x: Sequence[float] | None
    status: Status


def solve_binary(cost: Sequence[float], rows: Sequence[Row], time_limit: float) -> Solved:
    """Minimise sum cost[c] * x[c] over x[c] in {0, 1}, such that lower <= the row's sum of
    coefficient * x[column] <= upper for every row. Exact (no relative gap), within
    `time_limit` seconds, deterministic.

    highspy's low-level API: the whole model as one `HighsLp` in column-wise sparse form handed
    to `passModel`, then `run`, `getModelStatus`, `getInfo` and `getSolution`. It mirrors HiGHS's
    C++ API, has kept its shape from highspy 1.8 to 1.16 (the modelling layer, addVariable and
    expressions, has not), and is what scipy's milp handed to HiGHS: the same model, so the same
    HiGHS release gives the same answers as before.
    """
    import highspy

    width = len(cost)
    by_column: list[dict[int, float]] = [{} for _ in range(width)]
    for index, (entries, _, _) in enumerate(rows):
        for col, coefficient in entries:  # a column named twice in a row: the sum, as before
            by_column[col][index] = by_column[col].get(index, 0.0) + coefficient
    start, row_index, value = [0], [], []
    for column in by_column:  # rows ascending within each column
        for index, coefficient in column.items():
            if coefficient != 0:
                row_index.append(index)
                value.append(coefficient)
        start.append(len(row_index))

    lp = highspy.HighsLp()
    lp.num_col_ = width
    lp.num_row_ = len(rows)
    lp.col_cost_ = [float(number) for number in cost]
    lp.col_lower_ = [0.0] * width
    lp.col_upper_ = [1.0] * width
    lp.row_lower_ = [lower for _, lower, _ in rows]
    lp.row_upper_ = [upper for _, _, upper in rows]
    lp.integrality_ = [highspy.HighsVarType.kInteger] * width
    matrix = lp.a_matrix_
    matrix.format_ = highspy.MatrixFormat.kColwise
    matrix.num_col_ = width
    matrix.num_row_ = len(rows)
    matrix.start_ = start
    matrix.index_ = row_index
    matrix.value_ = value

    model = highspy.HighsModelStatus
    with solver_output_silenced():  # the constructor prints a banner before any option is set
        highs = highspy.Highs()  # type: ignore[no-untyped-call]  # its __init__ lacks hints
        highs.setOptionValue("output_flag", False)
        highs.setOptionValue("time_limit", float(time_limit))
        highs.setOptionValue("mip_rel_gap", 0.0)
        # `threads` stays at its default: HiGHS's scheduler is process-wide and started by the
        # first run; a run asking for another count than that fails (tested).
        if highs.passModel(lp) == highspy.HighsStatus.kError:
            # A model HiGHS refuses (an infinite coefficient): infeasible, as scipy's milp said.
            return Solved(None, "infeasible")
        ran = highs.run()
        ended = highs.getModelStatus()
        feasible = highs.getInfo().primal_solution_status == int(
            highspy.SolutionStatus.kSolutionStatusFeasible
        )
        x = list(highs.getSolution().col_value) if feasible else None
    status: Status
    if ended == model.kOptimal:
        status = "optimal"
    elif ended in (model.kTimeLimit, model.kIterationLimit, model.kSolutionLimit):
        status = "stopped"
    elif ended in (model.kInfeasible, model.kModelError):
        status = "infeasible"
    else:
        status = "failed"
    if ran == highspy.HighsStatus.kError or status not in ("optimal", "stopped"):
        x = None  # only an optimal or limited solve's point is an answer
    return Solved(x, status)


def prepare() -> None:
    """Import what solving needs (highspy, with numpy: about 0.1 s) ahead of the first solve.
    The app calls it in a thread once the view that drafts is shown, so that the first draft or
    make-room pays for solving only."""
    import importlib

    importlib.import_module("highspy")
