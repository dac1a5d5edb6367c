"""Review stages: forward with a log entry, back only when reopening, refusals; and the guard
rails (which edits reopen a quarter, reopening it with a reason)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from roadmap_tui.models import Workspace
from roadmap_tui.models.edits import apply
from roadmap_tui.planning.moves import defer, pull_in, to_backlog
from roadmap_tui.planning.stages import (
    ReopenNeeded,
    StageError,
    goes_back,
    last_review,
    next_stage,
    reopen,
    reopenings,
    set_stage,
    target_warnings,
    with_reopened,
)
from roadmap_tui.storage import WorkspaceStore

ON = dt.date(2027, 3, 1)
ON_17 = dt.date(2026, 11, 27)


@pytest.fixture
def ws(example: Path) -> Workspace:
    return WorkspaceStore.open(example).workspace


def test_next_stage() -> None:
    assert next_stage("draft") == "team-reviewed"
    assert next_stage("directors-approved") == "published"
    assert next_stage("published") is None


def test_set_stage_logs_the_review_and_undoes(ws: Workspace) -> None:
    (edit,) = set_stage(
        ws, "2027-Q2", "team-reviewed", " infra  refinement ", "capacity checked", ON
    )
    assert edit.label == "set 2027-Q2 stage to team-reviewed"
    assert ws.quarters["2027-Q2"].quarter.stage == "draft"  # pure
    apply(ws, edit)
    header = ws.quarters["2027-Q2"].quarter
    assert header.stage == "team-reviewed"
    review = last_review(ws, "2027-Q2")
    assert review is not None
    assert (review.stage, review.by, review.on, review.note) == (
        "team-reviewed",
        "infra refinement",
        ON,
        "capacity checked",
    )
    apply(ws, edit.inverse())
    assert ws.quarters["2027-Q2"].quarter.stage == "draft"
    assert ws.quarters["2027-Q2"].quarter.reviews == []


def test_a_step_may_be_skipped_forward(ws: Workspace) -> None:
    (edit,) = set_stage(ws, "2027-Q2", "po-approved", "Platform PO", on=ON)
    apply(ws, edit)
    assert ws.quarters["2027-Q2"].quarter.stage == "po-approved"
    assert ws.quarters["2027-Q2"].quarter.reviews[-1].note is None


def test_going_back_needs_reopen(ws: Workspace) -> None:
    # 2027-Q1 is team-reviewed in the fixture, with one review logged.
    with pytest.raises(ReopenNeeded, match="2027-Q1 is team-reviewed: going back to draft reopens"):
        set_stage(ws, "2027-Q1", "draft", "infra-platform", on=ON)
    (edit,) = set_stage(ws, "2027-Q1", "draft", "infra-platform", "storage cut", ON, reopen=True)
    assert edit.label == "reopen 2027-Q1 as draft"
    apply(ws, edit)
    header = ws.quarters["2027-Q1"].quarter
    assert header.stage == "draft"
    assert [r.stage for r in header.reviews] == ["team-reviewed", "draft"]
    assert header.reviews[-1].note == "storage cut"


@pytest.mark.parametrize(
    ("quarter", "stage", "by", "message"),
    [
        ("2027-Q3", "team-reviewed", "me", r"there is no quarter 2027-Q3 \(quarters: 2026-Q3"),
        ("2027-Q2", "approved", "me", "'approved' is not a stage"),
        ("2027-Q2", "team-reviewed", "   ", "say who reviewed it"),
        ("2027-Q1", "team-reviewed", "me", "2027-Q1 is team-reviewed already"),
    ],
)
def test_refused(ws: Workspace, quarter: str, stage: str, by: str, message: str) -> None:
    with pytest.raises(StageError, match=message):
        set_stage(ws, quarter, stage, by, on=ON)


def test_a_change_to_a_published_past_quarter_reopens_it(ws: Workspace) -> None:
    # 2026-Q3 is published (and before the current 2026-Q4); 2026-Q4 is published and current.
    edit = defer(ws, "CI-SLO-WORKER-UPTIME")
    assert [(r.quarter, r.reason, r.stage_back) for r in reopenings(ws, edit)] == [
        ("2026-Q3", "2026-Q3 is published: this reopens it", True),
        ("2026-Q4", "2026-Q4 is published: this reopens it", True),
    ]


def test_a_team_reviewed_future_quarter_is_not_settled(ws: Workspace) -> None:
    # 2027-Q1 is team-reviewed, 2027-Q2 a draft: nothing to ask.
    assert reopenings(ws, defer(ws, "DATADOG-SELF-SERVICE")) == []


def test_a_draft_current_quarter_only_warns(ws: Workspace) -> None:
    ws.quarters["2026-Q4"].quarter.stage = "draft"
    found = reopenings(ws, to_backlog(ws, "SPACELIFT-DR"))
    assert [(r.reason, r.stage_back) for r in found] == [("2026-Q4 is the current quarter", False)]


def test_moving_into_a_new_quarter_or_one_without_capacity_is_said(ws: Workspace) -> None:
    edit = defer(ws, "APP-MODULE-MULTI-REGION")  # 2027-Q2 -> 2027-Q3, which has no file
    assert target_warnings(ws, edit) == [
        "2027-Q3 does not exist yet: this creates it",
        "infra-platform has no capacity in 2027-Q3",
    ]
    assert target_warnings(ws, defer(ws, "DATADOG-SELF-SERVICE")) == []


def test_reopen_sets_draft_and_logs_the_reason(ws: Workspace) -> None:
    reviews = len(ws.quarters["2026-Q3"].quarter.reviews)
    edit = reopen(ws, "2026-Q3", "infra-platform", ON_17, "naming slips a quarter")
    apply(ws, edit)
    header = ws.quarters["2026-Q3"].quarter
    assert header.stage == "draft"
    assert len(header.reviews) == reviews + 1
    last = header.reviews[-1]
    assert (last.stage, last.by, last.on, last.note) == (
        "draft",
        "infra-platform",
        ON_17,
        "reopened: naming slips a quarter",
    )
    apply(ws, edit.inverse())
    assert ws.quarters["2026-Q3"].quarter.stage == "published"
    assert len(ws.quarters["2026-Q3"].quarter.reviews) == reviews


def test_with_reopened_is_one_edit_with_the_move(ws: Workspace) -> None:
    move = pull_in(ws, "SPACELIFT-DR", "needed before the audit")  # 2026-Q4 -> 2026-Q3
    edit = with_reopened(ws, move, "infra-platform", ON_17, "needed before the audit")
    apply(ws, edit)
    assert ws.quarters["2026-Q3"].quarter.stage == "draft"
    assert ws.quarters["2026-Q4"].quarter.stage == "draft"
    assert ws.items_in("2026-Q3")[-1].note == "needed before the audit"
    apply(ws, edit.inverse())
    assert str(ws.quarters["2026-Q3"].quarter.stage) == "published"  # undone


def test_goes_back() -> None:
    assert goes_back("published", "draft")
    assert not goes_back("draft", "team-reviewed")
    assert not goes_back("po-approved", "po-approved")
