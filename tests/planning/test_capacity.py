"""Capacity per team per quarter: own, asked, used, free, overloaded; done, dropped, unestimated."""

from __future__ import annotations

from roadmap_tui.planning.capacity import TeamLoad, load_of, team_loads
from roadmap_tui.planning.graph import PlanGraph

from .conftest import Build, item


def _loads(build: Build, **kwargs: object) -> dict[tuple[str, str], TeamLoad]:
    graph = PlanGraph(build(**kwargs))
    return {(load.team, load.quarter): load for load in team_loads(graph)}


def test_own_asked_used_free_with_done_and_dropped_apart(build: Build) -> None:
    loads = _loads(
        build,
        quarters={
            "2026-Q4": [
                item("A", estimate=30, asks=[{"team": "storage", "days": 4}]),
                item("B", estimate=20, status="done"),
                item("C", estimate=10, status="dropped", asks=[{"team": "storage", "days": 3}]),
                item("D"),  # unestimated: counts 0, named
                item("E", estimate=5, status="in-progress"),
            ]
        },
    )
    infra = loads[("infra", "2026-Q4")]
    assert (infra.capacity, infra.own, infra.asked, infra.used, infra.free) == (100, 55, 0, 55, 45)
    assert (infra.done, infra.dropped, infra.unestimated) == (20, 10, ("D",))
    assert not infra.overloaded
    storage = loads[("storage", "2026-Q4")]
    assert (storage.own, storage.asked, storage.used, storage.free) == (0, 4, 4, 6)
    assert storage.dropped == 3
    assert infra.to_json() == {
        "team": "infra",
        "quarter": "2026-Q4",
        "capacity": 100,
        "own": 55,
        "asked": 0,
        "used": 55,
        "free": 45,
        "overloaded": False,
        "done": 20,
        "dropped": 10,
        "unestimated": ["D"],
        "known_team": True,
        "has_capacity": True,
    }
    assert infra.sentence() == (
        "infra 2026-Q4: 55 of 100 days used (own 55, asked 0), 45 free; unestimated: D"
    )


def test_an_ask_in_a_quarter_without_capacity_counts_against_zero(build: Build) -> None:
    loads = _loads(
        build,
        quarters={
            "2026-Q4": [
                item("A", estimate=10, asks=[{"team": "storage", "days": 2, "quarter": "2027-Q1"}])
            ]
        },
    )
    late = loads[("storage", "2027-Q1")]
    assert (late.capacity, late.asked, late.used, late.free) == (0, 2, 2, -2)
    assert late.overloaded and not late.has_capacity
    assert late.sentence() == (
        "storage 2027-Q1: 2 of 0 days used (own 0, asked 2), over by 2"
        " (no capacity given for 2027-Q1)"
    )
    assert loads[("storage", "2026-Q4")].asked == 0  # the ask names its own quarter


def test_an_ask_of_an_unknown_team_is_a_line_with_no_capacity(build: Build) -> None:
    loads = _loads(
        build, quarters={"2026-Q4": [item("A", estimate=10, asks=[{"team": "ghost", "days": 3}])]}
    )
    ghost = loads[("ghost", "2026-Q4")]
    assert (ghost.capacity, ghost.asked, ghost.overloaded, ghost.known_team) == (0, 3, True, False)
    assert ghost.sentence().endswith("over by 3 (not a team in roadmap.toml)")


def test_an_item_of_another_team_is_its_own_work_and_an_ask_of_its_own_team_too(
    build: Build,
) -> None:
    loads = _loads(
        build,
        quarters={
            "2026-Q4": [
                item("S", team="storage", estimate=6, asks=[{"team": "storage", "days": 1}]),
                item("A", estimate=1, asks=[{"team": "storage", "days": 2}]),
            ]
        },
    )
    storage = loads[("storage", "2026-Q4")]
    assert (storage.own, storage.asked, storage.used, storage.free) == (7, 2, 9, 1)


def test_backlog_items_reserve_nothing(build: Build) -> None:
    loads = _loads(
        build,
        quarters={"2026-Q4": []},
        in_backlog=[item("B", estimate=50, asks=[{"team": "storage", "days": 5}])],
    )
    assert loads[("infra", "2026-Q4")].used == 0
    assert loads[("storage", "2026-Q4")].used == 0


def test_overloaded_when_used_exceeds_capacity(build: Build) -> None:
    loads = _loads(build, quarters={"2026-Q3": [item("A", estimate=30), item("B", estimate=25)]})
    infra = loads[("infra", "2026-Q3")]
    assert infra.overloaded and infra.free == -5
    assert infra.sentence() == "infra 2026-Q3: 55 of 50 days used (own 55, asked 0), over by 5"


def test_lines_for_every_team_and_quarter_in_time_order(build: Build) -> None:
    graph = PlanGraph(build(quarters={"2026-Q4": [], "2026-Q3": []}))
    assert [(load.team, load.quarter) for load in team_loads(graph)] == [
        ("infra", "2026-Q3"),
        ("storage", "2026-Q3"),
        ("infra", "2026-Q4"),
        ("storage", "2026-Q4"),
    ]
    # A quarter without a file still lists every team.
    assert [(load.team, load.capacity) for load in team_loads(graph, "2027-Q1")] == [
        ("infra", 100),
        ("storage", 0),
    ]


def test_fractional_days_add_up_without_float_noise(build: Build) -> None:
    graph = PlanGraph(
        build(quarters={"2026-Q4": [item("A", estimate=0.1), item("B", estimate=0.2)]})
    )
    load = load_of(graph, "infra", "2026-Q4")
    assert load.used == 0.3 and load.free == 99.7
