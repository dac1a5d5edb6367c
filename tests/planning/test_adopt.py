"""Making room: adopt items into a quarter and defer the least value so every team fits."""

from __future__ import annotations

import itertools
import random
from typing import Any

import pytest

from roadmap_tui.models import Workspace
from roadmap_tui.planning.adopt import make_room, scenario_name
from roadmap_tui.planning.common import PlanningError
from roadmap_tui.planning.move_plan import apply_plan

from .conftest import Build, item, value


def _quarter(build: Build, q1_load: int = 75) -> Workspace:
    return build(
        quarters={
            "2026-Q4": [
                item("KEEP-IP", status="in-progress", estimate=30, score={"value": 1}),
                item("DONE", status="done", estimate=10, score={"value": 1}),
                item("A", estimate=20, score={"value": 2}),
                item("B", estimate=15, score={"value": 9}),
                item("C", estimate=10, depends_on=["A"], score={"value": 3}),
                item("D", estimate=15, score={"value": 8}),
                item("U", estimate=5),  # unscored
            ],
            "2027-Q1": [item("Q1X", estimate=q1_load)],
        },
        in_backlog=[item("E", estimate=25, score={"value": 10})],
    )


def test_defers_the_least_value_with_its_dependents(build: Build) -> None:
    ws = _quarter(build)
    result = make_room(ws, ["E"], "2026-Q4", value)
    assert result.feasible and result.optimal
    assert result.over == {"infra": 30}
    assert [(m.item, m.status, m.note) for m in result.adopted] == [
        ("E", "planned", "adopted into 2026-Q4")
    ]
    assert [(d.item, d.target) for d in result.deferred] == [("C", "backlog"), ("A", "2027-Q1")]
    assert result.lost_value == 5
    by_item = {d.item: d for d in result.deferred}
    assert by_item["A"].reasons == ("infra is over by 30 days in 2026-Q4; this frees 20",)
    assert by_item["A"].frees == "20 days of infra"
    assert by_item["C"].reasons == (
        "infra is over by 30 days in 2026-Q4; this frees 10",
        "depends on A, deferred too",
        "no room in 2027-Q1: needs 10 days of infra, 5 free",
    )
    assert by_item["A"].move.note == "deferred to 2027-Q1: make room for E"
    assert by_item["C"].move.note == "deferred to the backlog: make room for E"
    assert result.kept_unscored == ["U"]
    infra = next(load for load in result.loads if (load.team, load.quarter) == ("infra", "2026-Q4"))
    assert (infra.used, infra.free) == (100, 0)

    after = apply_plan(ws, result.plan)
    statuses = {i.id: (where, i.status) for where, i in after.located_items()}
    assert statuses["E"] == ("2026-Q4", "planned")
    assert statuses["A"] == ("2027-Q1", "planned")
    assert statuses["C"] == ("backlog", "proposed")
    assert statuses["KEEP-IP"] == ("2026-Q4", "in-progress")


def test_in_progress_items_are_deferred_only_when_allowed(build: Build) -> None:
    result = make_room(_quarter(build), ["E"], "2026-Q4", value, allow_in_progress=True)
    assert [(d.item, d.target) for d in result.deferred] == [("KEEP-IP", "backlog")]
    assert result.lost_value == 1
    move = result.deferred[0].move
    assert move.status == "proposed"
    assert result.deferred[0].reasons[-1] == "no room in 2027-Q1: needs 30 days of infra, 25 free"


def test_deferred_items_go_to_the_next_quarter_when_it_has_room(build: Build) -> None:
    result = make_room(_quarter(build, q1_load=60), ["E"], "2026-Q4", value)
    assert [(d.item, d.target) for d in result.deferred] == [("C", "2027-Q1"), ("A", "2027-Q1")]
    assert result.broken == []


def test_nothing_deferred_when_everything_fits(build: Build) -> None:
    ws = build(
        quarters={"2026-Q4": [item("A", estimate=10, score={"value": 1})]},
        in_backlog=[item("E", estimate=5)],
    )
    result = make_room(ws, ["E"], "2026-Q4", value)
    assert result.feasible and result.deferred == [] and result.over == {}
    assert [m.item for m in result.plan.moves] == ["E"]


def test_a_team_that_cannot_fit_is_a_shortfall_and_nothing_is_proposed(build: Build) -> None:
    ws = build(
        quarters={"2027-Q1": [item("A", estimate=10, score={"value": 1})]},
        in_backlog=[item("E", estimate=5, asks=[{"team": "storage", "days": 2}])],
    )
    result = make_room(ws, ["E"], "2027-Q1", value)
    assert not result.feasible
    assert result.shortfalls == [
        "storage would still be over by 2 days in 2027-Q1 (2 of 0) with every movable item deferred"
    ]
    assert result.deferred == []


def test_what_an_adopted_item_needs_in_the_quarter_stays(build: Build) -> None:
    ws = build(
        quarters={
            "2026-Q4": [
                item("BASE", estimate=50, score={"value": 1}),
                item("OTHER", estimate=40, score={"value": 6}),
            ]
        },
        in_backlog=[item("E", estimate=20, depends_on=["BASE"], score={"value": 1})],
    )
    result = make_room(ws, ["E"], "2026-Q4", value)
    assert [d.item for d in result.deferred] == ["OTHER"]  # BASE is cheaper but E needs it


def test_requests_are_accepted_and_items_come_from_later_quarters(build: Build) -> None:
    ws = build(
        quarters={"2026-Q4": [], "2027-Q1": [item("LATER", estimate=5, depends_on=["WAIT"])]},
        in_backlog=[
            item("REQ", kind="request", decision="open", estimate=5),
            item("WAIT", estimate=1),
        ],
    )
    result = make_room(ws, ["REQ", "LATER"], "2026-Q4", value)
    assert [(m.item, m.source, m.status, m.decision) for m in result.adopted] == [
        ("REQ", "backlog", "planned", "accepted"),
        ("LATER", "2027-Q1", None, None),
    ]
    assert result.warnings == [
        "LATER depends on WAIT, in the backlog: adopt it too or plan it earlier"
    ]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"status": "done"}, "X is done already"),
        ({"status": "dropped"}, "X is dropped"),
        ({"decision": "merged", "merged_into": "Y"}, "X was merged into Y: adopt that instead"),
    ],
)
def test_refusals(build: Build, fields: dict[str, Any], message: str) -> None:
    ws = build(quarters={"2026-Q4": [item("Y")]}, in_backlog=[item("X", **fields)])
    with pytest.raises(PlanningError, match=message):
        make_room(ws, ["X"], "2026-Q4", value)


def test_an_item_planned_earlier_or_unknown_is_refused(build: Build) -> None:
    ws = build(quarters={"2026-Q3": [item("EARLY")], "2026-Q4": []})
    with pytest.raises(PlanningError, match="EARLY is planned in 2026-Q3, before 2026-Q4"):
        make_room(ws, ["EARLY"], "2026-Q4", value)
    with pytest.raises(PlanningError, match="there is no item NOPE"):
        make_room(ws, ["NOPE"], "2026-Q4", value)


def test_scenario_names() -> None:
    assert scenario_name(["REQ-ACCOUNT-STRUCTURE", "REQ-TAGGING-POLICY"]) == (
        "adopt-req-account-structure-req-tagging-policy"
    )
    long = scenario_name([f"SOME-LONG-ITEM-{n}" for n in range(6)])
    assert len(long) <= 60 and long.startswith("adopt-some-long-item-0-") and not long.endswith("-")


# --- against brute force -----------------------------------------------------------------------
def _random(build: Build, rng: random.Random) -> Workspace:
    members = []
    count = rng.randint(2, 10)
    for index in range(count):
        fields: dict[str, Any] = {"estimate": rng.randint(4, 30)}
        fields["status"] = rng.choice(["planned"] * 5 + ["in-progress", "done"])
        if rng.random() < 0.85:
            fields["score"] = {"value": rng.randint(0, 10)}
        if rng.random() < 0.5:
            fields["asks"] = [{"team": "storage", "days": rng.randint(1, 4)}]
        if index and rng.random() < 0.35:
            fields["depends_on"] = [f"M{rng.randrange(index)}"]
        members.append(item(f"M{index}", **fields))
    new = item(
        "NEW", estimate=rng.randint(5, 40), asks=[{"team": "storage", "days": rng.randint(0, 4)}]
    )
    return build(quarters={"2026-Q4": members}, in_backlog=[new])


def _least_loss(ws: Workspace) -> float | None:
    """Smallest value lost over every allowed deferral set; None when none fits."""
    items = ws.quarters["2026-Q4"].items + ws.backlog.items
    movable = [
        i for i in ws.quarters["2026-Q4"].items if i.status == "planned" and value(i) is not None
    ]
    open_items = [i for i in items if i.status != "done"]
    best: float | None = None
    for size in range(len(movable) + 1):
        for subset in itertools.combinations(movable, size):
            gone = {i.id for i in subset}
            # deferring an item defers its (open) dependents: they must be deferrable and deferred
            if any(d in gone and i.id not in gone for i in open_items for d in i.depends_on):
                continue
            kept = [i for i in items if i.id not in gone]
            infra = sum(i.days for i in kept)
            storage = sum(a.days for i in kept for a in i.asks)
            if infra <= 100 and storage <= 10:
                loss = sum(value(i) or 0 for i in subset)
                best = loss if best is None else min(best, loss)
    return best


@pytest.mark.parametrize("seed", range(60))
def test_adopt_equals_brute_force(build: Build, seed: int) -> None:
    ws = _random(build, random.Random(seed))
    result = make_room(ws, ["NEW"], "2026-Q4", value)
    best = _least_loss(ws)
    if best is None:
        assert not result.feasible
    else:
        assert result.feasible and result.optimal
        assert result.lost_value == pytest.approx(best)
        assert all(not load.overloaded for load in result.loads if load.quarter == "2026-Q4")
