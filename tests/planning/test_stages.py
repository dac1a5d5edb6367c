"""The review-stage rule: forward with a log entry, back only when reopening, refusals."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from roadmap_tui.models import Workspace
from roadmap_tui.models.edits import apply
from roadmap_tui.planning.stages import ReopenNeeded, StageError, last_review, next_stage, set_stage
from roadmap_tui.storage import WorkspaceStore

ON = dt.date(2027, 3, 1)


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
