"""Value per quarter (the framework's value, dropped excluded, unscored named) and days per team."""

from __future__ import annotations

from roadmap_tui.impact import impact_json
from tests.impact.conftest import impact_of, item, workspace

Q1, Q2 = "2027-Q1", "2027-Q2"


def test_value_per_quarter_before_and_after() -> None:
    base = workspace(
        {
            Q1: [
                item("A", score={"value": 8, "effort": 2}),
                item("B", score={"value": 3, "effort": 3}),
                item("GONE", status="dropped", score={"value": 9, "effort": 1}),
            ],
            Q2: [item("C", score={"value": 5, "effort": 5})],
        },
        [item("IDEA", score={"value": 10, "effort": 1})],
    )
    adjusted = workspace(
        {
            Q1: [
                item("A", score={"value": 8, "effort": 2}),
                item("IDEA", score={"value": 10, "effort": 1}),
            ],
            Q2: [
                item("B", score={"value": 3, "effort": 3}),
                item("C", score={"value": 5, "effort": 5}),
                item("NEW", score={"effort": 2}),  # unscored: no value input
            ],
        },
    )
    impact = impact_of(base, adjusted)
    rows = {row.quarter: row for row in impact.value}
    # Value, not the ratio score: A counts 8, not 4.
    assert (rows[Q1].before, rows[Q1].after) == (11, 18)
    assert (rows[Q2].before, rows[Q2].after) == (5, 8)
    assert rows[Q2].unscored_after == ("NEW",)
    assert rows[Q1].unscored_before == ()
    assert (impact.value_before, impact.value_after) == (16, 26)
    assert impact_json(impact)["value"][Q2] == {
        "before": 5,
        "after": 8,
        "unscored_before": [],
        "unscored_after": ["NEW"],
    }


def test_a_quarter_in_one_version_only_has_zero_in_the_other() -> None:
    impact = impact_of(workspace({Q1: [item("A")]}), workspace({Q1: [item("A")], Q2: [item("B")]}))
    assert [(row.quarter, row.before, row.after) for row in impact.value] == [
        (Q1, 6, 6),
        (Q2, 0, 6),
    ]


def test_effort_per_team_and_quarter_against_capacity() -> None:
    base = workspace(
        {
            Q1: [
                item("A", estimate=20, asks=[{"team": "warehouse", "days": 4}]),
                item("B", estimate=10, asks=[{"team": "warehouse", "days": 2, "quarter": Q2}]),
            ],
            Q2: [item("C", estimate=30, status="dropped")],
        }
    )
    adjusted = workspace(
        {
            Q1: [item("B", estimate=10, asks=[{"team": "warehouse", "days": 2, "quarter": Q2}])],
            Q2: [
                item("A", estimate=20, asks=[{"team": "warehouse", "days": 4}]),
                item("C", estimate=30),
            ],
        }
    )
    impact = impact_of(base, adjusted)
    rows = {(row.team, row.quarter): row for row in impact.effort}
    infra_q1, infra_q2 = rows[("infra", Q1)], rows[("infra", Q2)]
    assert (infra_q1.before, infra_q1.after, infra_q1.capacity) == (30, 10, 50)
    assert (infra_q2.before, infra_q2.after, infra_q2.capacity) == (0, 50, 50)
    assert not infra_q2.over_after and infra_q2.free_after == 0
    wh_q1, wh_q2 = rows[("warehouse", Q1)], rows[("warehouse", Q2)]
    assert (wh_q1.before, wh_q1.after, wh_q1.capacity) == (4, 0, 10)
    assert (wh_q2.before, wh_q2.after, wh_q2.capacity) == (2, 6, 10)
    assert (wh_q2.asked_before, wh_q2.asked_after, wh_q2.own_after) == (2, 6, 0)
    # Every team in roadmap order, every quarter in time order: a team with no days anywhere has
    # its zero rows too (the JSON has every team-quarter row, docs/impact.md).
    assert list(rows) == [
        ("infra", Q1),
        ("infra", Q2),
        ("warehouse", Q1),
        ("warehouse", Q2),
        ("ml", Q1),
        ("ml", Q2),
    ]
    ml_q1 = rows[("ml", Q1)]
    assert (ml_q1.before, ml_q1.after, ml_q1.capacity, ml_q1.delta) == (0, 0, 5, 0)
    assert impact_json(impact)["effort"]["ml"] == {
        Q1: {"before": 0, "after": 0, "capacity": 5},
        Q2: {"before": 0, "after": 0, "capacity": 0},
    }
    assert impact_json(impact)["effort"]["warehouse"] == {
        Q1: {"before": 4, "after": 0, "capacity": 10},
        Q2: {"before": 2, "after": 6, "capacity": 10},
    }


def test_over_capacity_after_the_change() -> None:
    impact = impact_of(
        workspace({Q1: [item("A", estimate=40)], Q2: []}),
        workspace({Q1: [item("A", estimate=40), item("B", estimate=15)]}),
    )
    (row,) = [row for row in impact.effort if row.quarter == Q1 and row.team == "infra"]
    assert row.over_after and row.free_after == -5


def test_effort_counts_what_planning_counts_on_the_example() -> None:
    from roadmap_tui.planning.capacity import capacity_table
    from roadmap_tui.storage import WorkspaceStore
    from tests.conftest import EXAMPLE

    ws = WorkspaceStore.open(EXAMPLE).workspace
    impact = impact_of(ws, ws)
    planning = {(load.team, load.quarter): load for load in capacity_table(ws)}
    assert impact.effort  # the example uses days of several teams
    for row in impact.effort:
        load = planning[(row.team, row.quarter)]
        assert (row.before, row.after, row.capacity) == (load.used, load.used, load.capacity)
        assert (row.own_after, row.asked_after) == (load.own, load.asked)
