"""Explanations with the numbers filled in, and why one item outranks another."""

from __future__ import annotations

from roadmap_tui.scoring import (
    Ice,
    Rice,
    ValueEffort,
    Weighted,
    Wsjf,
    compare,
    explain,
    formula_lines,
    rank,
)
from tests.scoring.helpers import item


def test_wsjf_formula_with_its_numbers() -> None:
    thing = item("W", business_value=8, time_criticality=5, risk_reduction=3, job_size=5)
    assert formula_lines(Wsjf(), thing) == [
        "value (cost of delay) = business_value + time_criticality + risk_reduction = 8 + 5 + 3 = 16",
        "WSJF = (business_value + time_criticality + risk_reduction) / job_size = (8 + 5 + 3) / 5 = 3.20",
    ]


def test_value_effort_formula_and_quadrant() -> None:
    assert formula_lines(ValueEffort(), item("A", value=8, effort=3)) == [
        "value = 8",
        "value/effort = value / effort = 8 / 3 = 2.67",
        "quadrant: quick win (value 8 > 5, effort 3 <= 5)",
    ]
    assert formula_lines(ValueEffort(), item("B", value=5, effort=6))[-1] == (
        "quadrant: time sink (value 5 <= 5, effort 6 > 5)"
    )


def test_rice_says_where_effort_came_from() -> None:
    from_estimate = item("R", estimate=20, reach=300, impact=1, confidence=0.9)
    assert formula_lines(Rice(), from_estimate) == [
        "value = reach x impact x confidence = 300 x 1 x 0.9 = 270",
        "RICE = reach x impact x confidence / effort = 300 x 1 x 0.9 / 20 d (estimate) = 13.50",
    ]
    from_score = item("S", reach=300, impact=0.5, confidence=0.8, effort=4)
    assert formula_lines(Rice(), from_score)[1] == (
        "RICE = reach x impact x confidence / effort = 300 x 0.5 x 0.8 / 4 d (score.effort) = 30.00"
    )


def test_ice_and_weighted_formulas() -> None:
    assert formula_lines(Ice(), item("I", impact=8, confidence=7, ease=6)) == [
        "value = impact x confidence x ease = 8 x 7 x 6 = 336",
        "ICE = impact x confidence x ease = 8 x 7 x 6 = 336.00",
    ]
    weighted = Weighted({"a": 2, "b": 1, "c": 1})
    assert formula_lines(weighted, item("G", a=4, b=2, c=2, effort=2)) == [
        "value = sum(weight x input) / sum(weights) = (2 x 4 + 1 x 2 + 1 x 2) / 4 = 3",
        "weighted score = value / effort = 3.00 / 2 = 1.50",
        "weights: a 2, b 1, c 1 (sum 4: each counts weight / sum)",
    ]
    assert formula_lines(weighted, item("H", a=5, b=2, c=1)) == [
        "value = sum(weight x input) / sum(weights) = (2 x 5 + 1 x 2 + 1 x 1) / 4 = 3.25",
        "weighted score = value = 3.25",
        "weights: a 2, b 1, c 1 (sum 4: each counts weight / sum)",
        "no effort given: the score is the value",
    ]


def test_unscored_explanation_names_what_is_missing_or_out_of_range() -> None:
    assert formula_lines(Ice(), item("I", impact=0.5, confidence=7)) == [
        "unscored: missing ease; also outside the ice ranges: impact 0.5 (1-10)"
        " (ice reads impact, confidence, ease)"
    ]
    assert formula_lines(
        Wsjf(), item("W", business_value=8, time_criticality=5, risk_reduction=3, job_size=4)
    ) == [
        "unscored: outside the wsjf ranges: job_size 4 (one of 1, 2, 3, 5, 8, 13, 20)"
        " (wsjf reads business_value, time_criticality, risk_reduction, job_size)"
    ]


def test_compare_names_the_deciding_step_of_the_tie_rule() -> None:
    framework = ValueEffort()
    assert str(compare(framework, item("B", value=6, effort=3), item("A", value=8, effort=2))) == (
        "A ranks above B: value/effort 4.00 > 2.00 (value 8 vs 6, effort 2 vs 3)"
    )
    assert compare(
        framework, item("A", value=4, effort=2), item("B", value=8, effort=4)
    ).reason == ("same value/effort 2.00; higher value 8 > 4")
    assert compare(
        framework, item("A", 10, value=4, effort=2), item("B", 5, value=4, effort=2)
    ).reason == ("same value/effort 2.00 and value 4; smaller estimate 5 d < 10 d")
    assert compare(
        framework, item("A", None, value=4, effort=2), item("B", 5, value=4, effort=2)
    ).reason == ("same value/effort 2.00 and value 4; it has an estimate (5 d), the other has none")
    assert compare(
        framework, item("B", 5, value=4, effort=2), item("A", 5, value=4, effort=2)
    ).reason == (
        "same value/effort 2.00, value 4 and estimate 5 d; last tie-break: id A sorts first"
    )
    unscored = compare(framework, item("U", value=9), item("S", value=1, effort=10))
    assert (unscored.first, unscored.second) == ("S", "U")
    assert unscored.reason == (
        "U is unscored (missing effort); unscored items are listed after every scored item"
    )


def test_explain_places_an_item_between_its_neighbours() -> None:
    items = [
        item("A", value=8, effort=2),
        item("B", value=6, effort=3),
        item("C", value=3, effort=3),
    ]
    text = str(explain(rank(items, ValueEffort()), "B"))
    assert text.splitlines() == [
        "B: Item B",
        "framework: value-effort",
        "value = 6",
        "value/effort = value / effort = 6 / 3 = 2.00",
        "quadrant: quick win (value 6 > 5, effort 3 <= 5)",
        "rank 2 of 3 scored",
        "  A ranks above B: value/effort 4.00 > 2.00 (value 8 vs 6, effort 2 vs 3)",
        "  B ranks above C: value/effort 2.00 > 1.00 (value 6 vs 3, effort 3 vs 3)",
    ]
