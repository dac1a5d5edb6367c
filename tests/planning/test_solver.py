"""The knapsack with several capacities and precedence, and the assignment of one place per
item, equal a brute-force optimum."""

from __future__ import annotations

import dataclasses
import itertools
import json
import random
import subprocess
import sys
from typing import Any

import numpy as np
import pytest

from roadmap_tui.planning import solver
from roadmap_tui.planning.solver import Implication, Option, assign, choose, fits, holds

Instance = tuple[list[float], list[dict[str, float]], dict[str, float], list[tuple[int, int]]]


def brute_force(
    values: list[float],
    needs: list[dict[str, float]],
    room: dict[str, float],
    requires: list[tuple[int, int]],
) -> float:
    """The best total value over every subset (vectorised: 2^n rows)."""
    count = len(values)
    masks = np.arange(1 << count, dtype=np.int64)
    taken = ((masks[:, None] >> np.arange(count)) & 1).astype(bool)
    keys = sorted({key for need in needs for key in need})
    ok = np.ones(len(masks), dtype=bool)
    if keys:
        matrix = np.array([[need.get(key, 0.0) for key in keys] for need in needs])
        used = taken.astype(float) @ matrix
        limit = np.array([max(room.get(key, 0.0), 0.0) for key in keys])
        ok &= np.all(used <= limit + 1e-9, axis=1)
    for i, j in requires:
        ok &= ~taken[:, i] | taken[:, j]
    totals = taken.astype(float) @ np.array(values, dtype=float)
    return float(totals[ok].max())


def random_instance(rng: random.Random, count: int) -> Instance:
    teams = [f"t{k}" for k in range(rng.randint(1, 4))]
    values = [float(rng.choice([0, 1, 2, 3, 5, 8, 9, 10, 2.5])) for _ in range(count)]
    needs = []
    for _ in range(count):
        need = {rng.choice(teams): float(rng.randint(1, 12))}
        for team in rng.sample(teams, rng.randint(0, len(teams))):
            need[team] = need.get(team, 0) + rng.choice([1, 2, 3, 0.5])
        needs.append(need)
    room = {team: float(rng.randint(0, 30)) for team in teams}
    requires = []
    for i in range(count):
        if i and rng.random() < 0.3:
            requires.append((i, rng.randrange(i)))
    if count > 2 and rng.random() < 0.2:  # a cycle: all or none
        requires += [(0, 1), (1, 2), (2, 0)]
    return values, needs, room, requires


@pytest.mark.parametrize("seed", range(150))
def test_equals_brute_force_on_small_instances(seed: int) -> None:
    rng = random.Random(seed)
    values, needs, room, requires = random_instance(rng, rng.randint(1, 12))
    result = choose(values, needs, room, requires)
    assert result.optimal and result.note == ""
    assert fits(result.chosen, needs, room, requires)
    assert result.value(values) == pytest.approx(brute_force(values, needs, room, requires))


@pytest.mark.parametrize("seed", range(6))
def test_equals_brute_force_on_twenty_candidates(seed: int) -> None:
    rng = random.Random(1000 + seed)
    values, needs, room, requires = random_instance(rng, 20)
    result = choose(values, needs, room, requires)
    assert fits(result.chosen, needs, room, requires)
    assert result.value(values) == pytest.approx(brute_force(values, needs, room, requires))


def test_the_best_choice_is_not_the_greedy_one() -> None:
    # Greedy by value or by value per day takes BIG (7, 6 days) and then nothing fits;
    # the two smaller items together are worth 10.
    values = [7.0, 5.0, 5.0]
    needs = [{"infra": 6.0}, {"infra": 5.0}, {"infra": 5.0}]
    result = choose(values, needs, {"infra": 10.0})
    assert result.chosen == frozenset({1, 2})
    assert solver.greedy(values, needs, {"infra": 10.0}, []) == frozenset({0})


_AFTER_ANOTHER_RUN = """
import json, highspy
from roadmap_tui.planning.quiet import solver_output_silenced
from roadmap_tui.planning.solver import choose
with solver_output_silenced():
    other = highspy.Highs()
other.setOptionValue("output_flag", False)
other.setOptionValue("threads", 2)  # starts HiGHS's process-wide scheduler with two threads
lp = highspy.HighsLp()
lp.num_col_, lp.col_cost_, lp.col_lower_, lp.col_upper_ = 1, [1.0], [0.0], [1.0]
other.passModel(lp)
other.run()
result = choose([7.0, 5.0, 5.0], [{"a": 6.0}, {"a": 5.0}, {"a": 5.0}], {"a": 10.0})
print(json.dumps({"chosen": sorted(result.chosen), "optimal": result.optimal, "note": result.note}))
"""


def test_a_solve_answers_after_another_highs_run_in_the_process() -> None:
    # HiGHS starts one scheduler per process, at its first run; a later run asking for another
    # thread count fails. The solver must not ask (a fixed count turned this answer into the
    # greedy fallback's {0}). In a child: the test session's own HiGHS stays as it was.
    done = subprocess.run(
        [sys.executable, "-c", _AFTER_ANOTHER_RUN], capture_output=True, text=True, check=True
    )
    assert json.loads(done.stdout.splitlines()[-1]) == {
        "chosen": [1, 2],
        "optimal": True,
        "note": "",
    }


def test_no_room_means_nothing_is_chosen() -> None:
    result = choose([5.0], [{"infra": 1.0}], {"infra": -3.0})
    assert result.chosen == frozenset() and result.optimal


def test_a_time_limit_answer_says_it_is_not_proven(monkeypatch: pytest.MonkeyPatch) -> None:
    real = solver.solve_binary

    def stopped(*args: Any, **kwargs: Any) -> solver.Solved:
        return dataclasses.replace(real(*args, **kwargs), status="stopped")

    monkeypatch.setattr(solver, "solve_binary", stopped)
    result = choose([7.0, 5.0, 5.0], [{"a": 6.0}, {"a": 5.0}, {"a": 5.0}], {"a": 10.0})
    assert not result.optimal
    assert result.note == "not proven optimal: time limit (10 s) reached"
    assert result.chosen == frozenset({1, 2})


def test_without_any_answer_a_greedy_fallback_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(solver, "solve_binary", lambda *a, **k: solver.Solved(None, "stopped"))
    result = choose([7.0, 5.0, 5.0], [{"a": 6.0}, {"a": 5.0}, {"a": 5.0}], {"a": 10.0}, [(2, 1)])
    assert not result.optimal
    assert result.note == ("greedy fallback, not optimal: the solver gave no answer within 10 s")
    assert result.chosen == frozenset({0})


def test_a_failed_solve_is_not_called_a_time_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(solver, "solve_binary", lambda *a, **k: solver.Solved(None, "failed"))
    result = choose([7.0, 5.0, 5.0], [{"a": 6.0}, {"a": 5.0}, {"a": 5.0}], {"a": 10.0})
    assert (
        result.note == "greedy fallback, not optimal: the solver failed (HiGHS reported an error)"
    )
    assert result.chosen == frozenset({0}) and not result.optimal
    placed = assign([[Option(cost=1.0), Option(cost=0.0)]], {})
    assert placed == solver.Assignment(None, False, "the solver failed (HiGHS reported an error)")


def test_highs_statuses_reach_the_solver_as_its_own_words() -> None:
    # The real HiGHS, no stand-in: optimal with its point; infeasible without one; stopped at
    # once by a time limit of 0 s, before any point.
    bound = [([(0, 1.0), (1, 1.0)], -solver.INFINITY, 1.0)]
    optimal = solver.solve_binary([-1.0, -2.0], bound, 10.0)
    assert optimal.status == "optimal"
    assert optimal.x is not None and [round(v) for v in optimal.x] == [0, 1]
    assert solver.solve_binary([1.0], [([(0, 1.0)], 2.0, 3.0)], 10.0) == solver.Solved(
        None, "infeasible"
    )
    assert solver.solve_binary([-1.0, -2.0], bound, 0.0) == solver.Solved(None, "stopped")
    result = choose([1.0, 2.0], [{"a": 1.0}, {"a": 1.0}], {"a": 1.0}, time_limit=0)
    assert result.chosen == frozenset({1}) and not result.optimal
    assert result.note == "greedy fallback, not optimal: the solver gave no answer within 0 s"


# --- one place per item (assign) ---------------------------------------------------------------
AssignInstance = tuple[list[list[Option[str]]], dict[str, float], list[Implication]]


def random_assignment(rng: random.Random, count: int) -> AssignInstance:
    teams = [f"t{k}" for k in range(rng.randint(1, 3))]
    options: list[list[Option[str]]] = []
    for _ in range(count):
        choices = [Option[str]()]  # staying put: no cost, no change
        for _ in range(rng.randint(0, 2)):
            change = {
                team: float(rng.choice([-8, -5, -3, -1, 1, 2, 4, 6, 10]))
                for team in rng.sample(teams, rng.randint(1, len(teams)))
            }
            cost, tie, then = rng.randint(0, 9), rng.randint(0, 4), rng.choice([0, 1, 1.5, 2.5])
            choices.append(Option(float(cost), float(tie), change, then=then))
        options.append(choices)
    room = {team: float(rng.randint(-10, 12)) for team in teams}
    implies: list[Implication] = []
    for _ in range(rng.randint(0, count)):
        i, j = rng.randrange(count), rng.randrange(count)
        if i == j:
            continue
        o = rng.randrange(len(options[i]))
        allowed = rng.sample(range(len(options[j])), rng.randint(0, len(options[j])))
        implies.append(((i, o), [(j, p) for p in allowed]))
    return options, room, implies


def brute_assign(
    options: list[list[Option[str]]], room: dict[str, float], implies: list[Implication]
) -> tuple[float, float, float] | None:
    """The least (cost, tie, then), lexicographically, over every assignment that holds."""
    best: tuple[float, float, float] | None = None
    for picked in itertools.product(*(range(len(choices)) for choices in options)):
        if not holds(picked, options, room, implies):
            continue
        cost = sum(options[i][o].cost for i, o in enumerate(picked))
        tie = sum(options[i][o].tie for i, o in enumerate(picked))
        then = sum(options[i][o].then for i, o in enumerate(picked))
        if best is None or (cost, tie, then) < best:
            best = (cost, tie, then)
    return best


@pytest.mark.parametrize("seed", range(150))
def test_assign_equals_brute_force_on_small_instances(seed: int) -> None:
    rng = random.Random(5000 + seed)
    options, room, implies = random_assignment(rng, rng.randint(1, 8))
    best = brute_assign(options, room, implies)
    result = assign(options, room, implies)
    assert result.optimal
    if best is None:
        assert result.picked is None
    else:
        assert result.picked is not None
        assert holds(result.picked, options, room, implies)
        found = (result.cost(options), result.tie(options), result.then(options))
        assert found == pytest.approx(best)


def test_assign_weighs_cost_before_any_tie() -> None:
    # Item 0 must leave (room -5): option 1 costs 1 but its tie is huge; option 2 costs 1.001.
    options = [
        [Option[str](), Option(1.0, 1e9, {"a": -5.0}), Option(1.001, 0.0, {"a": -5.0})],
    ]
    result = assign(options, {"a": -5.0}, [])
    assert result.picked == (1,) and result.optimal


def test_assign_says_when_nothing_holds() -> None:
    options = [[Option[str](), Option(1.0, 0.0, {"a": -2.0})]]
    result = assign(options, {"a": -5.0}, [])
    assert result.picked is None and result.optimal
    # Leaving is the only way, but an implication forbids it.
    options = [[Option[str](), Option(1.0, 0.0, {"a": -5.0})]]
    result = assign(options, {"a": -5.0}, [((0, 1), [])])
    assert result.picked is None and result.optimal
