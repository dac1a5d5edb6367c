"""Days of other teams: released, moved, resized, new; with days and quarters."""

from __future__ import annotations

from roadmap_tui.impact import impact_json
from tests.impact.conftest import impact_of, item, workspace

Q1, Q2, Q3 = "2027-Q1", "2027-Q2", "2027-Q3"
WH4 = {"team": "warehouse", "days": 4, "note": "pair on their stacks"}


def kinds(impact_asks: object) -> list[tuple[object, ...]]:
    return [
        (a.team, a.item, a.kind, a.days, a.from_quarter, a.to_quarter, a.days_before)
        for a in impact_asks  # type: ignore[attr-defined]
    ]


def test_moved_with_its_item() -> None:
    impact = impact_of(
        workspace({Q1: [item("W", asks=[WH4])], Q2: []}),
        workspace({Q1: [], Q2: [item("W", asks=[WH4], note="deferred: accounts first")]}),
    )
    (ask,) = impact.asks
    assert kinds(impact.asks) == [("warehouse", "W", "moved", 4, Q1, Q2, None)]
    assert ask.reason == "deferred: accounts first"
    assert ask.ask_note == "pair on their stacks"
    assert ask.team_name == "Warehouse systems"
    assert ask.days_freed == 4
    assert impact_json(impact)["asks"] == [
        {
            "team": "warehouse",
            "days": 4,
            "from": Q1,
            "to": Q2,
            "item": "W",
            "kind": "moved",
            "days_before": None,
        }
    ]


def test_released_when_the_item_leaves_the_plan_or_is_dropped_or_drops_the_ask() -> None:
    impact = impact_of(
        workspace(
            {
                Q1: [
                    item("A", asks=[WH4]),
                    item("B", asks=[{"team": "ml", "days": 2}]),
                    item("C", asks=[{"team": "warehouse", "days": 1}]),
                ]
            }
        ),
        workspace(
            {Q1: [item("B", status="dropped", asks=[{"team": "ml", "days": 2}]), item("C")]},
            [item("A", asks=[WH4])],
        ),
    )
    assert kinds(impact.asks) == [
        ("warehouse", "A", "released", 4, Q1, None, None),
        ("warehouse", "C", "released", 1, Q1, None, None),
        ("ml", "B", "released", 2, Q1, None, None),
    ]
    assert [entry["to"] for entry in impact_json(impact)["asks"]] == [None, None, None]


def test_new_when_an_item_is_adopted_or_asks_for_the_first_time() -> None:
    impact = impact_of(
        workspace({Q1: [item("A")]}, [item("REQ", asks=[WH4])]),
        workspace({Q1: [item("A", asks=[{"team": "ml", "days": 3}]), item("REQ", asks=[WH4])]}),
    )
    assert kinds(impact.asks) == [
        ("warehouse", "REQ", "new", 4, None, Q1, None),
        ("ml", "A", "new", 3, None, Q1, None),
    ]
    assert impact.asks[0].days_freed == 0
    assert impact_json(impact)["asks"][0]["from"] is None


def test_resized_in_place_and_moved_with_other_days() -> None:
    impact = impact_of(
        workspace({Q1: [item("A", asks=[WH4]), item("B", asks=[WH4])]}),
        workspace(
            {
                Q1: [item("A", asks=[{"team": "warehouse", "days": 1}])],
                Q2: [item("B", asks=[{"team": "warehouse", "days": 6}])],
            }
        ),
    )
    assert kinds(impact.asks) == [
        ("warehouse", "A", "changed", 1, Q1, Q1, 4),
        ("warehouse", "B", "moved", 6, Q1, Q2, 4),
    ]
    assert impact.asks[0].days_freed == 3
    assert impact.asks[1].days_freed == 4


def test_an_ask_with_its_own_quarter_moves_alone_and_unchanged_asks_are_not_listed() -> None:
    impact = impact_of(
        workspace({Q1: [item("A", asks=[{"team": "warehouse", "days": 2, "quarter": Q2}, WH4])]}),
        workspace({Q1: [item("A", asks=[{"team": "warehouse", "days": 2, "quarter": Q3}, WH4])]}),
    )
    # Two reservations of one team for one item: the Q1 one stands, the Q2 one goes to Q3.
    assert kinds(impact.asks) == [("warehouse", "A", "moved", 2, Q2, Q3, None)]


def test_several_reservations_released_and_new_at_once() -> None:
    impact = impact_of(
        workspace(
            {
                Q1: [
                    item(
                        "A",
                        asks=[
                            {"team": "warehouse", "days": 2, "quarter": Q2},
                            {"team": "warehouse", "days": 3, "quarter": Q3},
                        ],
                    )
                ]
            }
        ),
        workspace({Q1: [item("A", asks=[WH4])]}),
    )
    assert kinds(impact.asks) == [
        ("warehouse", "A", "new", 4, None, Q1, None),
        ("warehouse", "A", "released", 2, Q2, None, None),
        ("warehouse", "A", "released", 3, Q3, None, None),
    ]


def test_an_item_moving_with_an_ask_pinned_to_a_quarter_changes_no_ask() -> None:
    pinned = {"team": "warehouse", "days": 2, "quarter": Q3}
    impact = impact_of(
        workspace({Q1: [item("A", asks=[pinned])]}),
        workspace({Q2: [item("A", asks=[pinned])]}),
    )
    assert impact.asks == ()


def test_an_ask_of_the_items_own_team_is_not_a_reservation() -> None:
    # Counted as the owner's own days (planning's rule), so it never reaches another team.
    impact = impact_of(
        workspace({Q1: [item("A", team="warehouse", asks=[{"team": "warehouse", "days": 2}])]}),
        workspace({Q2: [item("A", team="warehouse", asks=[{"team": "warehouse", "days": 2}])]}),
    )
    assert impact.asks == ()
    rows = {(row.team, row.quarter): row for row in impact.effort}
    assert (rows[("warehouse", Q1)].own_before, rows[("warehouse", Q2)].own_after) == (7, 7)
