"""How far each input must move to change an item's rank by one place (hand-computed)."""

from __future__ import annotations

from roadmap_tui.scoring import Rice, ValueEffort, Wsjf, rank, sensitivity
from roadmap_tui.scoring.inputs import Input
from tests.scoring.helpers import item

ITEMS = [
    item("A", value=8, effort=2),  # 4.00
    item("D", value=6, effort=5),  # 1.20
    item("B", value=6, effort=6),  # 1.00, value 6
    item("C", value=5, effort=5),  # 1.00, value 5
]


def test_value_effort_moves_of_an_item_in_the_middle() -> None:
    found = sensitivity(rank(ITEMS, ValueEffort()), "D")
    assert (found.rank, found.above, found.below) == (2, "A", "B")
    assert found.lines() == [
        # value would need 6/5 -> above 4.00: v > 20, beyond 10.
        "up: value 6: cannot pass A within range (1-10)",
        # 6 / 1 = 6.00 > 4.00; 6 / 2 = 3.00 is not enough.
        "up: effort 5 -> 1 would pass A",
        # 5 / 5 = 1.00 ties B on score, and value 5 < 6 puts D below B.
        "down: value 6 -> 5 would drop below B",
        # 6 / 6 = 1.00, value 6, no estimates: the id decides, B before D.
        "down: effort 5 -> 6 would drop below B",
    ]


def test_first_and_last_and_unscored() -> None:
    ranking = rank([*ITEMS, item("U", value=3)], ValueEffort())
    first = sensitivity(ranking, "A")
    assert first.lines()[0] == "up: already first"
    assert first.lines()[1:] == [
        "down: value 8 -> 2 would drop below D",  # 2 / 2 = 1.00 < 1.20; 3 / 2 = 1.50 is not
        "down: effort 2 -> 7 would drop below D",  # 8 / 7 = 1.14 < 1.20; 8 / 6 = 1.33 is not
    ]
    last = sensitivity(ranking, "C")
    assert last.lines()[-1] == "down: already last of the scored items"
    assert sensitivity(ranking, "U").lines() == ["unscored: give it the missing inputs to rank it"]


def test_rice_steps_along_each_scale() -> None:
    items = [
        item("TOP", estimate=10, reach=200, impact=1, confidence=1),  # 20.0
        item("MID", estimate=10, reach=100, impact=1, confidence=0.8),  # 8.0
        item("LOW", estimate=10, reach=50, impact=1, confidence=0.8),  # 4.0
    ]
    lines = sensitivity(rank(items, Rice()), "MID").lines()
    assert lines == [
        # 250 x 1 x 0.8 / 10 = 20.00 ties TOP, value 200 = 200, estimate 10 = 10: id MID < TOP
        "up: reach 100 -> 250 would pass TOP",
        "up: impact 1 -> 3 would pass TOP",  # 2 gives 16, 3 gives 24
        "up: confidence 0.8: cannot pass TOP within range (0-1)",  # 1.0 gives 10
        "up: effort 10 d (estimate) -> 3.5 d would pass TOP",  # 80 / 4 = 20 ties, value 80 < 200
        # 50 ties LOW on score 4.00 and value 40: id LOW < MID puts MID below
        "down: reach 100 -> 50 would drop below LOW",
        "down: impact 1 -> 0.5 would drop below LOW",  # 100 x 0.5 x 0.8 = 40: the same tie
        "down: confidence 0.8 -> 0.4 would drop below LOW",  # 100 x 1 x 0.4 = 40: the same tie
        # 80 / 20 = 4.00 ties, but value 80 > 40 keeps MID above; 80 / 20.5 = 3.90
        "down: effort 10 d (estimate) -> 20.5 d would drop below LOW",
    ]


def test_wsjf_job_size_moves_along_the_fibonacci_scale() -> None:
    items = [
        item("A", business_value=5, time_criticality=5, risk_reduction=5, job_size=2),  # 7.5
        item("B", business_value=5, time_criticality=5, risk_reduction=5, job_size=5),  # 3.0
        item("C", business_value=2, time_criticality=2, risk_reduction=2, job_size=3),  # 2.0
    ]
    lines = sensitivity(rank(items, Wsjf()), "B").lines()
    assert (
        "up: job_size 5 -> 1 would pass A" in lines
    )  # 15 / 2 = 7.5 ties A; value equal; id A first
    assert "down: job_size 5 -> 8 would drop below C" in lines  # 15 / 8 = 1.875 < 2.0


def test_ladders_of_the_scales() -> None:
    ten = Input("value", low=1, high=10)
    assert list(ten.ladder(6, True)) == [7, 8, 9, 10]
    assert list(ten.ladder(6.5, False)) == [6, 5, 4, 3, 2, 1]
    confidence = Input("confidence", low=0, high=1, step=0.1)
    assert list(confidence.ladder(0.75, True)) == [0.8, 0.9, 1]
    days = Input("effort", low=0, low_open=True, step=0.5, unit="d")
    assert list(days.ladder(2, False)) == [1.5, 1, 0.5]
    assert days.ladder(2, True)[0] == 2.5
    sizes = Input("job_size", allowed=(1, 2, 3, 5, 8, 13, 20))
    assert list(sizes.ladder(5, False)) == [3, 2, 1]
