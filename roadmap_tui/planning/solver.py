"""Choose the most valuable set of items that fits: a knapsack with several capacities and
precedence, solved exactly as a mixed-integer program (scipy.optimize.milp, HiGHS).

    maximise    sum value[i] * x[i]                      x[i] in {0, 1}
    subject to  sum need[i][k] * x[i] <= room[k]         for every (team, quarter) k
                x[i] <= x[j]                             for every (i, j) in requires

`draft` uses it to pick backlog items (x = placed); `adopt` to pick the items a quarter keeps
(x = kept; deferring an item defers its dependents, so a kept dependent requires its dependency).
The solver runs with a time limit; when it stops before proving its answer optimal the result
says so, and when it has no answer at all a greedy pass stands in, also saying so.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

TIME_LIMIT = 10.0  # seconds
TOLERANCE = 1e-6
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
    import numpy as np
    from scipy.optimize import Bounds, LinearConstraint, milp
    from scipy.sparse import csr_matrix

    keys: dict[K, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    data: list[float] = []
    for index, need in enumerate(needs):
        for key, days in need.items():
            if days > 0:
                row = keys.setdefault(key, len(keys))
                rows.append(row)
                cols.append(index)
                data.append(float(days))
    constraints = []
    if keys:
        upper = np.array([max(float(room.get(key, 0)), 0.0) for key in keys])
        matrix = csr_matrix((data, (rows, cols)), shape=(len(keys), count))
        constraints.append(LinearConstraint(matrix, -np.inf, upper))
    pairs = [(i, j) for i, j in requires if i != j]
    if pairs:
        prows = [r for r in range(len(pairs)) for _ in (0, 1)]
        pcols = [c for pair in pairs for c in pair]
        pdata = [1.0, -1.0] * len(pairs)
        precedence = csr_matrix((pdata, (prows, pcols)), shape=(len(pairs), count))
        constraints.append(LinearConstraint(precedence, -np.inf, 0.0))
    result = milp(
        c=-np.asarray(values, dtype=float),
        constraints=constraints,
        integrality=np.ones(count),
        bounds=Bounds(0, 1),
        options={"time_limit": time_limit, "mip_rel_gap": 0.0},
    )
    if result.x is not None:
        chosen = frozenset(i for i in range(count) if result.x[i] > 0.5)
        if fits(chosen, needs, room, pairs):
            if result.status == 0:
                return Selection(chosen, True)
            return Selection(
                chosen, False, f"not proven optimal: time limit ({time_limit:g} s) reached"
            )
    chosen = greedy(values, needs, room, pairs)
    return Selection(
        chosen,
        False,
        f"greedy fallback, not optimal: the solver gave no answer within {time_limit:g} s",
    )


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
