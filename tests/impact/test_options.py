"""Options: a base and three alternatives side by side, one row each."""

from __future__ import annotations

from roadmap_tui.impact import compare_options, options_json
from tests.impact.conftest import item, score, value, workspace

Q1, Q2, Q3 = "2027-Q1", "2027-Q2", "2027-Q3"
WH = {"team": "warehouse", "days": 3}


def v(n: int) -> dict[str, int]:
    return {"value": n, "effort": 1}


BASE = workspace(
    {
        Q1: [item("B", score=v(4), goals=["secure"]), item("C", score=v(3), asks=[WH])],
        Q2: [item("D", score=v(5), goals=["self-service"])],
    },
    [item("E", score=v(8)), item("F", score=v(6))],
)
# Small increments, repeated migrations: adopt E now, skip C, everything else stays.
INCREMENTS = workspace(
    {
        Q1: [item("B", score=v(4), goals=["secure"]), item("E", score=v(8))],
        Q2: [item("D", score=v(5), goals=["self-service"])],
    },
    [item("C", score=v(3), asks=[WH]), item("F", score=v(6))],
)
# Nail it down first, one migration: adopt E and F, defer B and D, C's ask moves with it.
ONE_MIGRATION = workspace(
    {
        Q1: [item("E", score=v(8)), item("F", score=v(6))],
        Q2: [item("B", score=v(4), goals=["secure"]), item("C", score=v(3), asks=[WH])],
        Q3: [item("D", score=v(5), goals=["self-service"])],
    },
)
# Change nothing.
STAY = BASE


def test_three_options_at_once() -> None:
    options = compare_options(
        BASE,
        [("increments", INCREMENTS), ("one-migration", ONE_MIGRATION), ("stay", STAY)],
        value=value,
        score=score,
        framework="value-effort",
        base_label="plans",
    )
    assert options.quarters == (Q1, Q2, Q3)
    assert [row.label for row in options.rows] == ["plans", "increments", "one-migration", "stay"]
    base, increments, one, stay = options.rows
    assert base.is_base and not increments.is_base
    assert [row.value for row in options.rows] == [
        {Q1: 7, Q2: 5, Q3: 0},
        {Q1: 12, Q2: 5, Q3: 0},
        {Q1: 14, Q2: 7, Q3: 5},
        {Q1: 7, Q2: 5, Q3: 0},
    ]
    assert [row.total_value for row in options.rows] == [12, 17, 26, 12]
    assert (increments.adopted, increments.skipped, increments.deferred) == (("E",), ("C",), ())
    assert (one.adopted, one.skipped, one.deferred) == (("E", "F"), (), ("B", "C", "D"))
    assert (stay.adopted, stay.skipped, stay.deferred) == ((), (), ())
    # C's 3 days of warehouse: released in increments, moved to Q2 in one-migration.
    assert [(row.asks_moved, row.ask_days_moved) for row in options.rows] == [
        (0, 0),
        (1, 3),
        (1, 3),
        (0, 0),
    ]
    assert base.goal_slips == {"self-service": 0, "secure": 0}
    assert one.goal_slips == {"self-service": 1, "secure": 1}
    assert one.goals_delivered == {"self-service": Q3, "secure": Q2}
    assert [row.delivery_shift for row in options.rows] == [0, 0, 1, 0]
    assert [impact.adjusted for impact in options.impacts] == [
        "increments",
        "one-migration",
        "stay",
    ]


def test_options_json_has_the_table_and_each_comparison() -> None:
    options = compare_options(
        BASE,
        [("increments", INCREMENTS), ("one-migration", ONE_MIGRATION)],
        value=value,
        score=score,
        base_label="plans",
    )
    data = options_json(options)
    assert list(data) == ["base", "framework", "quarters", "table", "options"]
    assert data["framework"] == "value-effort"
    assert [row["option"] for row in data["table"]] == ["plans", "increments", "one-migration"]
    assert data["table"][2]["value"] == {Q1: 14, Q2: 7, Q3: 5}
    assert data["table"][2]["delivery_shift"] == 1
    assert [entry["adjusted"] for entry in data["options"]] == ["increments", "one-migration"]
    assert data["options"][1]["deferred"] == ["B", "C", "D"]
