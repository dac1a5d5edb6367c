"""The one dependency rule (`blocked_by`) and the callers whose copies of it used to disagree:
self-dependencies, backlog items, done and dropped dependencies."""

from __future__ import annotations

from typing import Any

import pytest

from roadmap_tui.impact import compare
from roadmap_tui.models import Item
from roadmap_tui.planning.adopt import make_room
from roadmap_tui.planning.dependencies import Block, blocked_by, order_violations
from roadmap_tui.planning.draft import draft_quarter
from roadmap_tui.planning.graph import PlanGraph

from .conftest import Build, item, value

Q = "2026-Q4"


def _item(item_id: str, **fields: Any) -> Item:
    return Item.model_validate({"id": item_id, "title": item_id, **fields})


@pytest.mark.parametrize(
    ("dependent", "dep_id", "dep", "where", "expected"),
    [
        # a done dependency never blocks, wherever it is
        ({}, "D", {"status": "done"}, "backlog", None),
        ({}, "D", {"status": "done"}, "2027-Q1", None),
        # a dropped one blocks, even planned earlier: the work will not be done
        ({}, "D", {"status": "dropped"}, "2026-Q3", "dropped"),
        ({}, "D", None, None, "no item"),
        ({}, "D", {}, "backlog", "in the backlog"),
        ({}, "D", {}, "2027-Q1", "planned later"),
        ({}, "D", {}, Q, None),  # the same quarter is fine
        ({}, "D", {}, "2026-Q3", None),
        # a self-dependency is a validation problem, never a block
        ({}, "X", {}, Q, None),
        # an item done or dropped is never blocked
        ({"status": "done"}, "D", {}, "2027-Q1", None),
        ({"status": "dropped"}, "D", None, None, None),
    ],
)
def test_the_rule(
    dependent: dict[str, Any],
    dep_id: str,
    dep: dict[str, Any] | None,
    where: str | None,
    expected: Block | None,
) -> None:
    target = None if dep is None else _item(dep_id, **dep)
    assert blocked_by(_item("X", **dependent), dep_id, target, where, Q) == expected


def test_draft_places_an_item_that_depends_on_itself(build: Build) -> None:
    # The draft used to leave it out ("depends on itself"); the other copies let it be.
    ws = build(in_backlog=[item("OWN", estimate=1, depends_on=["OWN"], score={"value": 3})])
    assert [m.item for m in draft_quarter(ws, Q, value).placed] == ["OWN"]


def test_draft_names_a_backlog_dependency_that_cannot_come_along_as_in_the_backlog(
    build: Build,
) -> None:
    # DECLINED is in the backlog but never a candidate: the draft used to say "not planned",
    # adopt and the order check "in the backlog".
    ws = build(
        in_backlog=[
            item("DECLINED", kind="request", decision="declined", score={"value": 9}),
            item("NEEDS", estimate=1, depends_on=["DECLINED"], score={"value": 9}),
        ]
    )
    draft = draft_quarter(ws, Q, value)
    assert [(o.item, o.reasons) for o in draft.left_out] == [
        ("NEEDS", ("depends on DECLINED, in the backlog",))
    ]


def test_adopt_warns_of_dropped_and_backlog_dependencies_only(build: Build) -> None:
    ws = build(
        quarters={Q: [item("GONE", status="dropped"), item("LATER-DONE", status="done")]},
        in_backlog=[
            item("WAITS", estimate=1, depends_on=["WAITS", "GONE", "LATER-DONE", "IDEA"]),
            item("IDEA", estimate=1),
        ],
    )
    result = make_room(ws, ["WAITS"], Q, value)
    assert result.warnings == [
        "WAITS depends on GONE, dropped: adopt it too or plan it earlier",
        "WAITS depends on IDEA, in the backlog: adopt it too or plan it earlier",
    ]


def test_order_check_and_impact_agree_on_done_dropped_and_self(build: Build) -> None:
    planned = [
        item("SELF", depends_on=["SELF"]),
        item("ON-DONE", depends_on=["DONE-LATER"]),
        item("ON-DROPPED", depends_on=["DROPPED"]),
    ]
    later = [item("DONE-LATER", status="done"), item("DROPPED", status="dropped")]
    base = build(quarters={Q: planned[:2], "2027-Q1": later})
    adjusted = build(quarters={Q: planned, "2027-Q1": later})
    assert [(v.item, v.depends_on, v.reason) for v in order_violations(PlanGraph(adjusted))] == [
        ("ON-DROPPED", "DROPPED", "dropped")
    ]
    impact = compare(base, adjusted, value=value, score=value)
    assert [(b.item, b.depends_on, b.kind) for b in impact.broken_dependencies] == [
        ("ON-DROPPED", "DROPPED", "removed")
    ]


def test_what_stands_in_an_items_way(build: Build) -> None:
    from roadmap_tui.planning.dependencies import blockers

    ws = build(
        quarters={
            Q: [
                item("A", depends_on=["GHOST", "A", "LATER", "DONE"]),
                item("FINISHED", status="done", depends_on=["GHOST"]),
            ],
            "2027-Q1": [item("LATER"), item("DONE", status="done")],
        },
        in_backlog=[item("IDEA", depends_on=["GHOST", "LATER"])],
    )
    graph = PlanGraph(ws)
    assert blockers(graph, "A") == [("GHOST", "no item"), ("LATER", "planned later")]
    assert blockers(graph, "FINISHED") == []  # done: never blocked (the app said "no such item")
    assert blockers(graph, "IDEA") == [("GHOST", "no item")]  # in the backlog: no quarter yet
