"""Broken dependencies (removed, deferred past) and the knock-ons that must move too."""

from __future__ import annotations

from roadmap_tui.impact import impact_json
from tests.impact.conftest import impact_of, item, workspace

Q1, Q2, Q3 = "2027-Q1", "2027-Q2", "2027-Q3"


def rows(impact: object) -> list[tuple[object, ...]]:
    return [
        (r.item, r.depends_on, r.kind, r.quarter, r.earliest, r.root)
        for r in impact.broken_dependencies  # type: ignore[attr-defined]
    ]


def test_dependency_deferred_past_its_dependent_and_the_knock_on_chain() -> None:
    # NAMING <- MIGRATION <- DECOMMISSION <- CLEANUP; NAMING moves to Q3.
    base = workspace(
        {
            Q1: [item("NAMING"), item("MIGRATION", depends_on=["NAMING"])],
            Q2: [
                item("DECOMMISSION", depends_on=["MIGRATION"]),
                item("OTHER"),
            ],
            Q3: [item("CLEANUP", depends_on=["DECOMMISSION"])],
        }
    )
    adjusted = workspace(
        {
            Q1: [item("MIGRATION", depends_on=["NAMING"])],
            Q2: [item("DECOMMISSION", depends_on=["MIGRATION"]), item("OTHER")],
            Q3: [item("NAMING"), item("CLEANUP", depends_on=["DECOMMISSION"])],
        }
    )
    impact = impact_of(base, adjusted)
    # CLEANUP is in Q3 already: the same quarter as the new NAMING is fine.
    assert rows(impact) == [
        ("MIGRATION", "NAMING", "deferred", Q1, Q3, "NAMING"),
        ("DECOMMISSION", "MIGRATION", "knock-on", Q2, Q3, "NAMING"),
    ]
    assert impact.broken_dependencies[0].reason == "NAMING is planned in 2027-Q3, after 2027-Q1"
    assert impact.broken_dependencies[1].reason == (
        "depends on MIGRATION, which must move to 2027-Q3 or later"
    )
    assert impact_json(impact)["broken_dependencies"][0] == {
        "item": "MIGRATION",
        "depends_on": "NAMING",
        "reason": "NAMING is planned in 2027-Q3, after 2027-Q1",
        "kind": "deferred",
        "quarter": Q1,
        "earliest": Q3,
        "root": "NAMING",
    }


def test_removed_dependency_blocks_every_dependent_downstream() -> None:
    base = workspace(
        {
            Q1: [item("ACCOUNTS"), item("VENDING", depends_on=["ACCOUNTS"])],
            Q3: [item("SELF-SERVE", depends_on=["VENDING"])],
        }
    )
    adjusted = workspace(
        {
            Q1: [item("VENDING", depends_on=["ACCOUNTS"])],
            Q3: [item("SELF-SERVE", depends_on=["VENDING"])],
        },
        [item("ACCOUNTS")],
    )
    impact = impact_of(base, adjusted)
    assert rows(impact) == [
        ("VENDING", "ACCOUNTS", "removed", Q1, None, "ACCOUNTS"),
        ("SELF-SERVE", "VENDING", "knock-on", Q3, None, "ACCOUNTS"),
    ]
    assert [r.reason for r in impact.broken_dependencies] == [
        "ACCOUNTS is in the backlog",
        "depends on VENDING, which waits for ACCOUNTS (in the backlog)",
    ]


def test_dropped_and_deleted_dependencies_say_so() -> None:
    base = workspace({Q1: [item("A"), item("B"), item("X", depends_on=["A", "B"])]})
    adjusted = workspace({Q1: [item("A", status="dropped"), item("X", depends_on=["A", "B"])]})
    assert [r.reason for r in impact_of(base, adjusted).broken_dependencies] == [
        "A is dropped",
        "B is no longer in the workspace",
    ]


def test_pulling_an_item_before_its_dependency_breaks_it() -> None:
    impact = impact_of(
        workspace({Q1: [item("A")], Q2: [item("B", depends_on=["A"])]}),
        workspace({Q1: [item("B", depends_on=["A"])], Q2: [item("A")]}),
    )
    assert rows(impact) == [("B", "A", "deferred", Q1, Q2, "A")]


def test_breaks_already_in_the_baseline_and_done_work_are_not_reported() -> None:
    base = workspace(
        {
            Q1: [item("LATE-DEP", depends_on=["IDEA"]), item("DONE", status="done")],
            Q2: [item("USES-DONE", depends_on=["DONE"])],
        },
        [item("IDEA")],
    )
    adjusted = workspace(
        {
            Q1: [item("LATE-DEP", depends_on=["IDEA"])],
            Q2: [item("USES-DONE", depends_on=["DONE"])],
            Q3: [item("DONE", status="done")],
        },
        [item("IDEA")],
    )
    assert impact_of(base, adjusted).broken_dependencies == ()


def test_a_knock_on_takes_the_latest_requirement_and_is_listed_once() -> None:
    # C depends on A (deferred to Q2) and on B (removed): it waits for B.
    base = workspace(
        {Q1: [item("A"), item("B"), item("C", depends_on=["A", "B"]), item("D", depends_on=["C"])]}
    )
    adjusted = workspace(
        {Q1: [item("C", depends_on=["A", "B"]), item("D", depends_on=["C"])], Q2: [item("A")]},
        [item("B")],
    )
    impact = impact_of(base, adjusted)
    assert rows(impact) == [
        ("C", "A", "deferred", Q1, Q2, "A"),
        ("C", "B", "removed", Q1, None, "B"),
        ("D", "C", "knock-on", Q1, None, "B"),
    ]
