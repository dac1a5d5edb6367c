"""Cycles, dangling ids, broken orders, and an item's upstream, downstream and critical chain."""

from __future__ import annotations

from roadmap_tui.planning.dependencies import (
    Dangling,
    OrderViolation,
    closure,
    dependency_problems,
)
from roadmap_tui.planning.graph import PlanGraph

from .conftest import Build, item


def test_a_three_cycle_is_listed_in_dependency_order_from_its_smallest_id(build: Build) -> None:
    graph = PlanGraph(
        build(
            quarters={
                "2026-Q4": [
                    item("B", depends_on=["C"]),
                    item("C", depends_on=["A"]),
                    item("A", depends_on=["B"]),
                    item("D", depends_on=["A"]),  # hangs off the cycle, is not in it
                ]
            }
        )
    )
    assert dependency_problems(graph).cycles == [["A", "B", "C"]]


def test_a_self_dependency_is_a_cycle_of_one(build: Build) -> None:
    graph = PlanGraph(build(quarters={"2026-Q4": [item("SELF", depends_on=["SELF"])]}))
    problems = dependency_problems(graph)
    assert problems.cycles == [["SELF"]]
    assert problems.order_violations == []


def test_two_cycles_through_one_item_are_both_listed(build: Build) -> None:
    graph = PlanGraph(
        build(
            quarters={
                "2026-Q4": [
                    item("A", depends_on=["B", "C"]),
                    item("B", depends_on=["A"]),
                    item("C", depends_on=["A"]),
                ]
            }
        )
    )
    assert dependency_problems(graph).cycles == [["A", "B"], ["A", "C"]]


def test_dangling_ids_are_reported_and_nothing_crashes(build: Build) -> None:
    graph = PlanGraph(
        build(
            quarters={"2026-Q4": [item("A", depends_on=["GHOST", "B"]), item("B")]},
            in_backlog=[item("Z", depends_on=["GONE"])],
        )
    )
    problems = dependency_problems(graph)
    assert problems.dangling == [
        Dangling("A", "GHOST", "2026-Q4"),
        Dangling("Z", "GONE", "backlog"),
    ]
    assert problems.to_json()["dangling"] == [
        {"item": "A", "depends_on": "GHOST"},
        {"item": "Z", "depends_on": "GONE"},
    ]
    assert closure(graph, "A").upstream == ["B"]


def test_broken_orders_later_backlog_and_dropped(build: Build) -> None:
    graph = PlanGraph(
        build(
            quarters={
                "2026-Q4": [
                    item("EARLY", depends_on=["LATE", "BACK", "DROP", "DONE-LATER", "SAME"]),
                    item("SAME"),
                    item("DROP", status="dropped"),
                    item("FINISHED", status="done", depends_on=["LATE"]),  # done: no problem
                ],
                "2027-Q1": [item("LATE"), item("DONE-LATER", status="done")],
            },
            in_backlog=[item("BACK"), item("WAITING", depends_on=["LATE"])],
        )
    )
    violations = dependency_problems(graph).order_violations
    assert violations == [
        OrderViolation("EARLY", "2026-Q4", "LATE", "2027-Q1", "planned later"),
        OrderViolation("EARLY", "2026-Q4", "BACK", None, "in the backlog"),
        OrderViolation("EARLY", "2026-Q4", "DROP", "2026-Q4", "dropped"),
    ]
    assert violations[1].to_json() == {
        "item": "EARLY",
        "quarter": "2026-Q4",
        "depends_on": "BACK",
        "depends_quarter": None,
        "reason": "in the backlog",
    }
    assert [v.sentence() for v in violations] == [
        "EARLY (2026-Q4) depends on LATE, planned later, in 2027-Q1",
        "EARLY (2026-Q4) depends on BACK, still in the backlog",
        "EARLY (2026-Q4) depends on DROP, dropped",
    ]


def test_closure_upstream_downstream_and_the_critical_chain(build: Build) -> None:
    # ROOT(done) <- A(10) <- C(5) <- TOP(1); ROOT <- B(20) <- TOP; C <- LEAF
    graph = PlanGraph(
        build(
            quarters={
                "2026-Q3": [item("ROOT", estimate=40, status="done")],
                "2026-Q4": [
                    item("A", estimate=10, depends_on=["ROOT"]),
                    item("B", estimate=20, depends_on=["ROOT"]),
                    item("C", estimate=5, depends_on=["A"]),
                    item("TOP", estimate=1, depends_on=["C", "B"]),
                ],
                "2027-Q1": [item("LEAF", depends_on=["TOP"])],
            }
        )
    )
    found = closure(graph, "TOP")
    assert found.upstream == ["ROOT", "A", "B", "C"]
    assert found.downstream == ["LEAF"]
    # A+C = 15 open days, B = 20: the chain runs through B; ROOT is done and counts 0.
    assert found.chain == ["ROOT", "B", "TOP"]
    assert found.chain_days == 21
    assert found.to_json() == {
        "item": "TOP",
        "upstream": ["ROOT", "A", "B", "C"],
        "downstream": ["LEAF"],
        "chain": ["ROOT", "B", "TOP"],
        "chain_days": 21,
    }
    assert closure(graph, "ROOT").downstream == ["A", "B", "C", "TOP", "LEAF"]


def test_the_chain_of_an_item_in_a_cycle_still_ends(build: Build) -> None:
    graph = PlanGraph(
        build(
            quarters={
                "2026-Q4": [
                    item("A", estimate=1, depends_on=["B"]),
                    item("B", estimate=2, depends_on=["A"]),
                ]
            }
        )
    )
    found = closure(graph, "A")
    assert found.chain == ["B", "A"] and found.chain_days == 3
    assert found.upstream == ["B"] and found.downstream == ["B"]
