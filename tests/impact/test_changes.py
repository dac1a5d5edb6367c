"""Each item gets exactly one change, matched by id across the whole workspace."""

from __future__ import annotations

from typing import Any

import pytest

from roadmap_tui.impact import Impact, impact_json
from tests.impact.conftest import impact_of, item, workspace

Q1, Q2, Q3 = "2027-Q1", "2027-Q2", "2027-Q3"


def one_change(
    before: dict[str, list[dict[str, Any]]], after: dict[str, list[dict[str, Any]]]
) -> Impact:
    def build(places: dict[str, list[dict[str, Any]]]) -> Any:
        quarters = {q: places.get(q, []) for q in (Q1, Q2, Q3)}
        return workspace(quarters, places.get("backlog", []))

    return impact_of(build(before), build(after))


@pytest.mark.parametrize(
    ("before", "after", "change", "where_from", "where_to"),
    [
        ({"backlog": [item("A")]}, {Q1: [item("A")]}, "added", "backlog", Q1),
        ({}, {Q2: [item("A")]}, "added", None, Q2),
        ({Q1: [item("A", status="dropped")]}, {Q1: [item("A")]}, "added", Q1, Q1),
        ({Q1: [item("A")]}, {"backlog": [item("A")]}, "removed", Q1, "backlog"),
        ({Q1: [item("A")]}, {Q1: [item("A", status="dropped")]}, "removed", Q1, Q1),
        ({Q1: [item("A")]}, {}, "removed", Q1, None),
        ({Q1: [item("A")]}, {Q3: [item("A")]}, "deferred", Q1, Q3),
        ({Q2: [item("A")]}, {Q1: [item("A")]}, "pulled-in", Q2, Q1),
        ({Q1: [item("A")]}, {Q1: [item("A", estimate=8)]}, "re-estimated", Q1, Q1),
        ({Q1: [item("A")]}, {Q1: [item("A", estimate=None)]}, "re-estimated", Q1, Q1),
        (
            {Q1: [item("A")]},
            {Q1: [item("A", score={"value": 6, "effort": 2})]},
            "re-scored",
            Q1,
            Q1,
        ),
        ({Q1: [item("A")]}, {Q1: [item("A", score={})]}, "re-scored", Q1, Q1),
        ({Q1: [item("A")]}, {Q1: [item("A", title="Renamed", note="x")]}, "unchanged", Q1, Q1),
        (
            {"backlog": [item("A")]},
            {"backlog": [item("A", estimate=9)]},
            "unchanged",
            "backlog",
            "backlog",
        ),
        ({"backlog": [item("A")]}, {}, "unchanged", "backlog", None),
    ],
)
def test_each_kind_of_change(
    before: dict[str, list[dict[str, Any]]],
    after: dict[str, list[dict[str, Any]]],
    change: str,
    where_from: str | None,
    where_to: str | None,
) -> None:
    impact = one_change(before, after)
    (row,) = impact.items
    assert (row.id, row.change, row.from_location, row.to_location) == (
        "A",
        change,
        where_from,
        where_to,
    )


def test_moves_count_quarters_and_keep_figures_of_both_sides() -> None:
    impact = one_change(
        {Q1: [item("A", estimate=4)]},
        {Q3: [item("A", estimate=6, note="deferred: naming first")]},
    )
    (row,) = impact.items
    assert row.change == "deferred"
    assert row.quarters_moved == 2
    assert (row.estimate_before, row.estimate_after) == (4, 6)
    assert (row.score_before, row.score_after) == (2.0, 2.0)
    assert row.note == "deferred: naming first"


def test_lists_by_change_in_workspace_order() -> None:
    impact = one_change(
        {Q1: [item("A"), item("B"), item("C")], "backlog": [item("D")]},
        {Q1: [item("D"), item("C")], Q2: [item("A")], "backlog": [item("B")]},
    )
    assert impact.added == ["D"]
    assert impact.removed == ["B"]
    assert impact.deferred == ["A"]
    assert impact.pulled_in == []
    assert [row.id for row in impact.changed_items] == ["D", "A", "B"]


def test_json_lists_changed_items_only_unless_all() -> None:
    impact = one_change(
        {Q1: [item("A"), item("B")]},
        {Q1: [item("A")], Q2: [item("B", estimate=7)]},
    )
    data = impact_json(impact)
    assert [entry["id"] for entry in data["items"]] == ["B"]
    assert data["items"][0] == {
        "id": "B",
        "title": "Title of B",
        "change": "deferred",
        "from": Q1,
        "to": Q2,
        "score_before": 2,
        "score_after": 2,
        "estimate_before": 5,
        "estimate_after": 7,
        "value_before": 6,
        "value_after": 6,
        "note": None,
    }
    assert [entry["id"] for entry in impact_json(impact, all_items=True)["items"]] == ["A", "B"]
    assert list(data)[:13] == [
        "base",
        "adjusted",
        "framework",
        "summary",
        "items",
        "added",
        "removed",
        "deferred",
        "pulled_in",
        "value",
        "effort",
        "asks",
        "broken_dependencies",
    ]
    assert list(data)[13:] == ["goals", "notices"]
