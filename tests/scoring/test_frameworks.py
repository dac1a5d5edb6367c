"""Each framework with hand-computed values, scores, quadrants and ranks."""

from __future__ import annotations

import pytest

from roadmap_tui.models import Item, ScoringSettings, WorkspaceError
from roadmap_tui.scoring import (
    FRAMEWORKS,
    Framework,
    Ice,
    Rice,
    ValueEffort,
    Weighted,
    Wsjf,
    framework_for,
    rank,
)
from tests.scoring.helpers import item


def table(ranking_items: list[Item], framework: Framework) -> list[tuple[object, ...]]:
    """(id, rank, value, score rounded to 4 places, quadrant, missing, out of range) per line."""
    return [
        (
            e.item_id,
            e.rank,
            e.value,
            None if e.score is None else round(e.score, 4),
            e.quadrant,
            e.missing,
            e.out_of_range,
        )
        for e in rank(ranking_items, framework)
    ]


def test_value_effort_scores_quadrants_and_threshold_boundaries() -> None:
    items = [
        item("A", value=8, effort=2),  # 4.00, quick win
        item("B", value=6, effort=6),  # 1.00, big bet: effort 6 > 5
        item("C", value=5, effort=5),  # 1.00, fill-in: value 5 is not > 5, effort 5 <= 5
        item("D", value=6, effort=5),  # 1.20, quick win: effort exactly 5 is low
        item("E", value=5, effort=6),  # 0.8333, time sink
        item("F", value=7),  # unscored: no effort, never counted as 0
    ]
    assert table(items, ValueEffort()) == [
        ("A", 1, 8, 4.0, "quick win", (), ()),
        ("D", 2, 6, 1.2, "quick win", (), ()),
        ("B", 3, 6, 1.0, "big bet", (), ()),  # ties C on score; higher value first
        ("C", 4, 5, 1.0, "fill-in", (), ()),
        ("E", 5, 5, 0.8333, "time sink", (), ()),
        ("F", None, None, None, None, ("effort",), ()),
    ]


def test_value_effort_thresholds_come_from_settings() -> None:
    settings = ScoringSettings(framework="value-effort", thresholds={"value": 7, "effort": 3})
    framework = framework_for(settings)
    assert isinstance(framework, ValueEffort)
    assert framework.quadrant({"value": 8, "effort": 3}) == "quick win"  # 8 > 7, 3 <= 3
    assert framework.quadrant({"value": 7, "effort": 3}) == "fill-in"  # 7 is not > 7
    assert framework.quadrant({"value": 6, "effort": 5}) == "time sink"
    assert framework.quadrant({"value": 9, "effort": 4}) == "big bet"
    # Missing thresholds default to 5.
    half = framework_for(ScoringSettings(thresholds={"value": 7}))
    assert isinstance(half, ValueEffort)
    assert (half.value_threshold, half.effort_threshold) == (7, 5)


def test_value_effort_out_of_range_is_unscored_and_named() -> None:
    items = [item("A", value=11, effort=2), item("B", value=4, effort=0)]
    assert table(items, ValueEffort()) == [
        ("A", None, None, None, None, (), ("value",)),
        ("B", None, None, None, None, (), ("effort",)),
    ]


def test_rice_effort_is_the_estimate_else_score_effort_else_missing() -> None:
    items = [
        item("R1", estimate=10, reach=100, impact=2, confidence=0.5),  # 100 / 10 = 10
        item("R2", reach=300, impact=0.25, confidence=1, effort=5),  # 75 / 5 d = 15
        item("R3", estimate=20, reach=50, impact=3, confidence=0.8, effort=2),  # 120 / 20 = 6
        item("R4", reach=10, impact=1, confidence=1),  # no estimate, no effort: missing
        item("R5", estimate=5, reach=10, impact=1.5, confidence=1),  # 1.5 is no RICE impact
        item("R6", estimate=5, reach=10, impact=1, confidence=0),  # confidence 0 is in range
    ]
    assert table(items, Rice()) == [
        ("R2", 1, 75, 15.0, None, (), ()),
        ("R1", 2, 100.0, 10.0, None, (), ()),
        ("R3", 3, 120.0, 6.0, None, (), ()),
        ("R6", 4, 0, 0.0, None, (), ()),
        ("R4", None, None, None, None, ("effort",), ()),
        ("R5", None, None, None, None, (), ("impact",)),
    ]


def test_rice_estimate_zero_is_out_of_range_not_a_division() -> None:
    zero = item("Z", estimate=0, reach=10, impact=1, confidence=1)
    assert Rice().score(zero) is None
    assert Rice().out_of_range(zero) == ["effort"]


def test_wsjf_cost_of_delay_over_job_size() -> None:
    items = [
        item("W1", business_value=8, time_criticality=5, risk_reduction=3, job_size=5),  # 16/5
        item("W2", business_value=20, time_criticality=20, risk_reduction=20, job_size=20),  # 60/20
        item("W3", business_value=1, time_criticality=1, risk_reduction=1, job_size=1),  # 3/1
        item(
            "W4", business_value=8, time_criticality=5, risk_reduction=3, job_size=4
        ),  # 4: no size
        item("W5", business_value=8, risk_reduction=3, job_size=5),  # missing time_criticality
        item("W6", business_value=21, time_criticality=5, risk_reduction=3, job_size=5),
    ]
    assert table(items, Wsjf()) == [
        ("W1", 1, 16, 3.2, None, (), ()),
        ("W2", 2, 60, 3.0, None, (), ()),  # ties W3 at 3.00: value 60 > 3
        ("W3", 3, 3, 3.0, None, (), ()),
        ("W4", None, None, None, None, (), ("job_size",)),
        ("W5", None, None, None, None, ("time_criticality",), ()),
        ("W6", None, None, None, None, (), ("business_value",)),
    ]


def test_ice_product_is_value_and_score() -> None:
    items = [
        item("I1", impact=8, confidence=7, ease=6),  # 336
        item("I2", impact=10, confidence=10, ease=10),  # 1000
        item("I3", impact=1, confidence=1, ease=1),  # 1
        item("I4", impact=0.5, confidence=7, ease=6),  # RICE-scale impact: out of ICE's range
        item("I5", impact=8, confidence=0.7),  # no ease: missing (its RICE confidence is not named)
    ]
    assert table(items, Ice()) == [
        ("I2", 1, 1000, 1000.0, None, (), ()),
        ("I1", 2, 336, 336.0, None, (), ()),
        ("I3", 3, 1, 1.0, None, (), ()),
        ("I4", None, None, None, None, (), ("impact",)),
        ("I5", None, None, None, None, ("ease",), ()),
    ]


def test_weighted_normalises_weights_and_divides_by_effort_when_given() -> None:
    weighted = Weighted({"business_value": 2, "developer_experience": 1, "risk_reduction": 1})
    items = [
        # (2x4 + 1x2 + 1x2) / 4 = 3.0; / effort 2 = 1.5
        item("G1", business_value=4, developer_experience=2, risk_reduction=2, effort=2),
        # (2x5 + 5 + 5) / 4 = 5.0; no effort: score = value
        item("G2", business_value=5, developer_experience=5, risk_reduction=5),
        # (2x1 + 5 + 3) / 4 = 2.5; / effort 1 = 2.5
        item("G3", business_value=1, developer_experience=5, risk_reduction=3, effort=1),
        item("G4", business_value=1, developer_experience=5),  # missing risk_reduction
        item("G5", business_value=1, developer_experience=5, risk_reduction=3, effort=11),
        item("G6", business_value=6, developer_experience=5, risk_reduction=3),  # 6 > 5
    ]
    assert table(items, weighted) == [
        ("G2", 1, 5.0, 5.0, None, (), ()),
        ("G3", 2, 2.5, 2.5, None, (), ()),
        ("G1", 3, 3.0, 1.5, None, (), ()),
        ("G4", None, None, None, None, ("risk_reduction",), ()),
        ("G5", None, None, None, None, (), ("effort",)),
        ("G6", None, None, None, None, (), ("business_value",)),
    ]


def test_weights_need_not_sum_to_one() -> None:
    one = Weighted({"a": 0.4, "b": 0.3, "c": 0.3})
    ten = Weighted({"a": 4, "b": 3, "c": 3})
    thing = item("X", a=5, b=2, c=1)  # 0.4x5 + 0.3x2 + 0.3x1 = 2.9
    assert one.value(thing) == pytest.approx(2.9)
    assert ten.value(thing) == pytest.approx(2.9)


@pytest.mark.parametrize(
    ("weights", "where", "message"),
    [
        ({}, "scoring.weights", "needs weights"),
        ({"a": 0, "b": 0}, "scoring.weights", "add up to 0"),
        ({"a": 1, "effort": 1}, "scoring.weights.effort", "cannot be a weight"),
    ],
)
def test_unusable_weights_are_located_errors(
    weights: dict[str, float], where: str, message: str
) -> None:
    with pytest.raises(WorkspaceError) as caught:
        framework_for(ScoringSettings(framework="weighted", weights=weights))
    [problem] = caught.value.problems
    assert (problem.file, problem.where) == ("roadmap.toml", where)
    assert message in problem.message


def test_unknown_framework_names_the_nearest() -> None:
    with pytest.raises(WorkspaceError) as caught:
        framework_for(ScoringSettings(framework="wsfj"))
    [problem] = caught.value.problems
    assert problem.where == "scoring.framework"
    assert "unknown framework `wsfj`: did you mean `wsjf`?" in problem.message


def test_registry_holds_the_five_frameworks_in_order() -> None:
    assert list(FRAMEWORKS) == ["value-effort", "rice", "wsjf", "ice", "weighted"]
    for name, cls in FRAMEWORKS.items():
        assert cls.name == name


def test_value_and_score_functions_agree_with_the_ranking() -> None:
    thing = item("A", estimate=4, value=8, effort=2, reach=100, impact=1, confidence=0.5)
    assert ValueEffort().value(thing) == 8
    assert ValueEffort().score(thing) == 4.0
    assert Rice().value(thing) == 50.0
    assert Rice().score(thing) == 12.5  # 50 / estimate 4 (score.effort 2 is value-effort's)
    assert Ice().value(thing) is None


def test_quadrant_thresholds_are_value_efforts_own_else_the_default() -> None:
    from roadmap_tui.scoring import quadrant_thresholds

    settings = ScoringSettings(framework="value-effort", thresholds={"value": 7, "effort": 3})
    assert quadrant_thresholds(framework_for(settings)) == (7, 3)
    assert quadrant_thresholds(framework_for(ScoringSettings(), "rice")) == (5, 5)
