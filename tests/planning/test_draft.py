"""Drafting a quarter: leftovers first, then the most valuable backlog items that fit, with reasons
for everything left out."""

from __future__ import annotations

import itertools
import random
from typing import Any

import pytest

from roadmap_tui.models import Workspace
from roadmap_tui.planning.common import PlanningError
from roadmap_tui.planning.draft import draft_quarter
from roadmap_tui.planning.move_plan import apply_plan

from .conftest import ROADMAP, Build, item, value


def _reasons(draft: Any) -> dict[str, tuple[str, ...]]:
    return {entry.item: entry.reasons for entry in draft.left_out}


def test_the_best_choice_is_not_the_greedy_one(build: Build) -> None:
    ws = build(
        quarters={"2026-Q4": [item("FIXED", estimate=90)]},
        in_backlog=[
            item("BIG", estimate=6, score={"value": 7}),
            item("SMALL-1", estimate=5, score={"value": 5}),
            item("SMALL-2", estimate=5, score={"value": 5}),
        ],
    )
    draft = draft_quarter(ws, "2026-Q4", value)
    assert [m.item for m in draft.placed] == ["SMALL-1", "SMALL-2"]
    assert draft.value == 10 and draft.optimal and draft.note == ""
    assert _reasons(draft) == {
        "BIG": ("needs 6 days of infra in 2026-Q4, 0 free once the placed items are in",)
    }
    assert draft.placed[0].reason == "value 5; 5 days of infra"
    assert draft.kept == ["FIXED"]


def test_left_out_reasons_in_the_users_words(build: Build) -> None:
    ws = build(
        quarters={
            "2026-Q4": [item("HERE", estimate=10, asks=[{"team": "storage", "days": 8}])],
            "2027-Q1": [item("LATER")],
        },
        in_backlog=[
            item("STORE", estimate=1, score={"value": 9}, asks=[{"team": "storage", "days": 5}]),
            item("NEEDS-STORE", estimate=1, depends_on=["STORE"], score={"value": 9}),
            item("NEEDS-LATER", estimate=1, depends_on=["LATER"], score={"value": 9}),
            item("NEEDS-GHOST", estimate=1, depends_on=["GHOST"], score={"value": 9}),
            item("NO-SCORE", estimate=1),
            item("NEEDS-NO-SCORE", estimate=1, depends_on=["NO-SCORE"], score={"value": 9}),
            item("LOOP-A", estimate=1, depends_on=["LOOP-B"], score={"value": 9}),
            item("LOOP-B", estimate=1, depends_on=["LOOP-A"], score={"value": 9}),
            item("OWN-LOOP", estimate=1, depends_on=["OWN-LOOP"], score={"value": 9}),
            item("DECLINED", kind="request", decision="declined", score={"value": 9}),
            item("MERGED", kind="request", decision="merged", merged_into="HERE"),
            item("ACCEPTED", kind="request", decision="accepted", estimate=2, score={"value": 1}),
            item("DROPPED", status="dropped", score={"value": 9}),
        ],
    )
    draft = draft_quarter(ws, "2026-Q4", value)
    # A self-dependency is a validation problem, never a block: OWN-LOOP (value 9) fits.
    assert [m.item for m in draft.placed] == ["OWN-LOOP", "ACCEPTED"]
    assert _reasons(draft) == {
        "STORE": ("needs 5 days of storage in 2026-Q4, 2 free",),
        "NEEDS-STORE": ("depends on STORE, not planned",),
        "NEEDS-LATER": ("depends on LATER, planned later, in 2027-Q1",),
        "NEEDS-GHOST": ("depends on GHOST, which is no item",),
        "NO-SCORE": ("unscored",),
        "NEEDS-NO-SCORE": ("depends on NO-SCORE, not planned",),
        "LOOP-A": ("in a dependency cycle: LOOP-A -> LOOP-B -> LOOP-A",),
        "LOOP-B": ("in a dependency cycle: LOOP-A -> LOOP-B -> LOOP-A",),
    }
    assert draft.unscored == ["NO-SCORE"]


def test_an_item_goes_in_with_what_it_depends_on(build: Build) -> None:
    ws = build(
        quarters={"2026-Q4": [item("FIXED", estimate=80)]},
        in_backlog=[
            item("BASE", estimate=10, score={"value": 1}),
            item("TOP", estimate=10, depends_on=["BASE"], score={"value": 10}),
            item("ALONE", estimate=15, score={"value": 10}),
        ],
    )
    draft = draft_quarter(ws, "2026-Q4", value)
    assert {m.item for m in draft.placed} == {"BASE", "TOP"}  # 11 beats ALONE's 10
    assert _reasons(draft) == {
        "ALONE": ("needs 15 days of infra in 2026-Q4, 0 free once the placed items are in",)
    }


def test_leftovers_come_first_even_over_capacity(build: Build) -> None:
    ws = build(
        quarters={
            "2026-Q3": [
                item("DONE", status="done", estimate=40),
                item("GONE", status="dropped", estimate=40),
                item(
                    "HALF", status="in-progress", estimate=60, asks=[{"team": "storage", "days": 3}]
                ),
                item("LATE", estimate=50),
            ],
            "2026-Q4": [],
        },
        in_backlog=[item("NEW", estimate=1, score={"value": 3})],
    )
    draft = draft_quarter(ws, "2026-Q4", value)
    assert [(m.item, m.reason, m.carried_from) for m in draft.leftovers] == [
        ("HALF", "in-progress, 60 days", "2026-Q3"),
        ("LATE", "planned, 50 days", "2026-Q3"),
    ]
    assert draft.placed == []
    assert _reasons(draft) == {"NEW": ("needs 1 day of infra in 2026-Q4, 0 free (over by 10)",)}
    assert [load.sentence() for load in draft.overloads] == [
        "infra 2026-Q4: 110 of 100 days used (own 110, asked 0), over by 10"
    ]


def test_no_leftovers_from_a_quarter_that_has_not_begun(build: Build) -> None:
    ws = build(
        quarters={"2027-Q1": [item("PLANNED", estimate=10)]},
        in_backlog=[item("NEW", estimate=1, score={"value": 3})],
    )
    draft = draft_quarter(ws, "2027-Q2", value)  # current quarter is 2026-Q4
    assert draft.leftovers == [] and not draft.previous_started


def test_asks_in_other_quarters_need_room_there(build: Build) -> None:
    ws = build(
        quarters={"2026-Q4": []},
        in_backlog=[
            item(
                "A",
                estimate=1,
                score={"value": 2},
                asks=[{"team": "storage", "days": 1, "quarter": "2027-Q1"}],
            )
        ],
    )
    draft = draft_quarter(ws, "2026-Q4", value)
    assert _reasons(draft) == {"A": ("needs 1 day of storage in 2027-Q1, 0 free",)}


def test_the_plan_writes_a_draft_quarter(build: Build) -> None:
    ws = build(
        quarters={"2026-Q3": [item("LEFT", estimate=5)]},
        in_backlog=[item("REQ", kind="request", decision="open", estimate=3, score={"value": 4})],
    )
    draft = draft_quarter(ws, "2026-Q4", value)
    after = apply_plan(ws, draft.plan)
    assert "2026-Q4" not in ws.quarters  # the input is left alone
    plan = after.quarters["2026-Q4"]
    assert plan.quarter.stage == "draft"
    assert [(i.id, i.status, i.carried_from) for i in plan.items] == [
        ("LEFT", "planned", "2026-Q3"),
        ("REQ", "planned", None),
    ]
    assert after.quarters["2026-Q3"].items == [] and after.backlog.items == []


def test_a_bad_quarter_is_refused(build: Build) -> None:
    with pytest.raises(PlanningError, match="not a quarter id"):
        draft_quarter(build(), "2026-Q5", value)


# --- against brute force -----------------------------------------------------------------------
def _random_workspace(build: Build, rng: random.Random, count: int) -> Workspace:
    fixed = [
        item(
            "FIXED",
            estimate=rng.randint(60, 95),
            asks=[{"team": "storage", "days": rng.randint(0, 8)}],
        )
    ]
    entries = []
    for index in range(count):
        fields: dict[str, Any] = {"estimate": rng.randint(1, 15)}
        if rng.random() < 0.8:
            fields["score"] = {"value": rng.randint(0, 10)}
        if rng.random() < 0.5:
            fields["asks"] = [{"team": "storage", "days": rng.randint(1, 4)}]
        if index and rng.random() < 0.3:
            fields["depends_on"] = [f"C{rng.randrange(index)}"]
        entries.append(item(f"C{index}", **fields))
    return build(quarters={"2026-Q4": fixed}, in_backlog=entries)


def _best_by_brute_force(ws: Workspace) -> float:
    room = {"infra": 100.0, "storage": 10.0}
    for entry in ws.quarters["2026-Q4"].items:
        room["infra"] -= entry.days
        for ask in entry.asks:
            room[ask.team] -= ask.days
    candidates = [c for c in ws.backlog.items if value(c) is not None]
    best = 0.0
    for size in range(len(candidates) + 1):
        for subset in itertools.combinations(candidates, size):
            chosen = {c.id for c in subset}
            if any(d not in chosen for c in subset for d in c.depends_on):
                continue
            infra = sum(c.days for c in subset)
            storage = sum(a.days for c in subset for a in c.asks)
            if infra <= max(room["infra"], 0) and storage <= max(room["storage"], 0):
                best = max(best, sum(value(c) or 0 for c in subset))
    return best


@pytest.mark.parametrize("seed", range(25))
def test_draft_equals_brute_force(build: Build, seed: int) -> None:
    rng = random.Random(seed)
    ws = _random_workspace(build, rng, rng.randint(1, 10))
    draft = draft_quarter(ws, "2026-Q4", value)
    assert draft.optimal
    assert draft.value == pytest.approx(_best_by_brute_force(ws))
    placed = {m.item for m in draft.placed}
    for move in draft.placed:  # never before what it depends on
        deps = next(c for c in ws.backlog.items if c.id == move.item).depends_on
        assert all(d in placed for d in deps)


def test_roadmap_fixture_is_as_the_tests_assume() -> None:
    assert '"2026-Q4" = 100' in ROADMAP and '"2026-Q4" = 10 }' in ROADMAP
