"""Guard rails of review stages: which edits reopen a quarter, and reopening it with a reason."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from roadmap_tui.models import Workspace
from roadmap_tui.models.edits import apply
from roadmap_tui.planning.moves import defer, pull_in, to_backlog
from roadmap_tui.planning.stages import (
    goes_back,
    reopen,
    reopenings,
    target_warnings,
    with_reopened,
)
from roadmap_tui.storage import WorkspaceStore

ON = dt.date(2026, 11, 27)


@pytest.fixture
def ws(example: Path) -> Workspace:
    return WorkspaceStore.open(example).workspace


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
    edit = reopen(ws, "2026-Q3", "infra-platform", ON, "naming slips a quarter")
    apply(ws, edit)
    header = ws.quarters["2026-Q3"].quarter
    assert header.stage == "draft"
    assert len(header.reviews) == reviews + 1
    last = header.reviews[-1]
    assert (last.stage, last.by, last.on, last.note) == (
        "draft",
        "infra-platform",
        ON,
        "reopened: naming slips a quarter",
    )
    apply(ws, edit.inverse())
    assert ws.quarters["2026-Q3"].quarter.stage == "published"
    assert len(ws.quarters["2026-Q3"].quarter.reviews) == reviews


def test_with_reopened_is_one_edit_with_the_move(ws: Workspace) -> None:
    move = pull_in(ws, "SPACELIFT-DR", "needed before the audit")  # 2026-Q4 -> 2026-Q3
    edit = with_reopened(ws, move, "infra-platform", ON, "needed before the audit")
    apply(ws, edit)
    assert ws.quarters["2026-Q3"].quarter.stage == "draft"
    assert ws.quarters["2026-Q4"].quarter.stage == "draft"
    assert ws.items_in("2026-Q3")[-1].note == "needed before the audit"
    apply(ws, edit.inverse())
    assert ws.quarters["2026-Q3"].quarter.stage == "published"


def test_goes_back() -> None:
    assert goes_back("published", "draft")
    assert not goes_back("draft", "team-reviewed")
    assert not goes_back("po-approved", "po-approved")
