"""Leftovers carried from one quarter to a later one."""

from __future__ import annotations

import pytest

from roadmap_tui.models.edits import apply
from roadmap_tui.planning.carry import carry_plan
from roadmap_tui.planning.common import PlanningError
from roadmap_tui.planning.move_plan import apply_plan, plan_edit

from .conftest import Build, item


def test_carries_what_is_not_done_or_dropped_and_keeps_the_rest(build: Build) -> None:
    ws = build(
        quarters={
            "2026-Q3": [
                item("DONE", status="done", estimate=5),
                item(
                    "HALF",
                    status="in-progress",
                    estimate=8,
                    depends_on=["DONE"],
                    asks=[{"team": "storage", "days": 2}],
                ),
                item("GONE", status="dropped"),
                item("TODO"),
            ],
            "2026-Q4": [item("THERE", estimate=1)],
        }
    )
    plan = carry_plan(ws, "2026-Q3", "2026-Q4")
    assert [(m.item, m.reason) for m in plan.moves] == [
        ("HALF", "in-progress, 8 days"),
        ("TODO", "planned, unestimated"),
    ]
    after = apply_plan(ws, plan)
    assert [i.id for i in after.quarters["2026-Q3"].items] == ["DONE", "GONE"]
    moved = after.quarters["2026-Q4"].items
    assert [(i.id, i.status, i.carried_from) for i in moved] == [
        ("THERE", "planned", None),
        ("HALF", "in-progress", "2026-Q3"),
        ("TODO", "planned", "2026-Q3"),
    ]
    assert moved[1].depends_on == ["DONE"] and moved[1].asks[0].days == 2


def test_carry_into_a_new_quarter_creates_it_and_undo_restores(build: Build) -> None:
    ws = build(quarters={"2026-Q4": [item("A"), item("B", status="done")]})
    before = ws.model_copy(deep=True)
    edit = plan_edit(ws, carry_plan(ws, "2026-Q4", "2027-Q1"))
    apply(ws, edit)
    assert [i.id for i in ws.quarters["2027-Q1"].items] == ["A"]
    apply(ws, edit.inverse())
    assert ws.quarters["2026-Q4"].items == before.quarters["2026-Q4"].items
    assert ws.quarters["2027-Q1"].items == []


@pytest.mark.parametrize(
    ("source", "target", "message"),
    [
        ("2026-Q2", "2026-Q4", "there is no quarter 2026-Q2"),
        ("2026-Q4", "2026-Q3", "carry goes forward: 2026-Q3 is not after 2026-Q4"),
        ("2026-Q4", "2026-Q4", "carry goes forward"),
        ("2026-Q4", "2026-Q9", "'2026-Q9' is not a quarter id"),
    ],
)
def test_refusals(build: Build, source: str, target: str, message: str) -> None:
    ws = build(quarters={"2026-Q4": [item("A")]})
    with pytest.raises(PlanningError, match=message):
        carry_plan(ws, source, target)
