"""The summary sentence every face opens with."""

from __future__ import annotations

from roadmap_tui.impact import summary
from tests.impact.conftest import impact_of, item, workspace

Q1, Q2, Q3 = "2027-Q1", "2027-Q2", "2027-Q3"


def v(n: int) -> dict[str, int]:
    return {"value": n, "effort": 1}


def test_adopted_deferred_skipped_value_asks_goals_and_risks() -> None:
    base = workspace(
        {
            Q1: [
                item("B", score=v(5), goals=["secure"], asks=[{"team": "warehouse", "days": 4}]),
                item("C", score=v(4)),
                item("K", score=v(1)),
            ],
            Q2: [item("X", score=v(2), depends_on=["B"])],
        },
        [item("E", score=v(9)), item("F", score=v(8))],
    )
    adjusted = workspace(
        {
            Q1: [item("E", score=v(9), estimate=45), item("F", score=v(8), estimate=10)],
            Q2: [item("X", score=v(2), depends_on=["B"])],
            Q3: [
                item("B", score=v(5), goals=["secure"], asks=[{"team": "warehouse", "days": 4}]),
                item("K", score=v(1)),
            ],
        },
        [item("C", score=v(4))],
    )
    text = summary(impact_of(base, adjusted))
    assert text == (
        "Added 2 items (value +17), deferred 2, removed 1 (value -4); value 2027-Q1 10 -> 17,"
        " 2027-Q3 0 -> 6 (total 12 -> 25); asks of 1 team: 1 moved; goals: secure slips 2"
        " quarters; over capacity: infra 2027-Q1 (55 of 50 days), warehouse 2027-Q3 (4 of 0"
        " days); 1 broken dependency."
    )


def test_nothing_changed() -> None:
    ws = workspace({Q1: [item("A", score=v(3))]})
    assert summary(impact_of(ws, ws)) == (
        "No item changes; value unchanged (total 3); no goal slips."
    )
