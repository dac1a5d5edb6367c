"""Moves as edits: where the item goes, what changes on it, what is refused, and that undo restores."""

from __future__ import annotations

from pathlib import Path

import pytest

from roadmap_tui.models import BACKLOG, Workspace
from roadmap_tui.models.edits import HeaderChange, apply
from roadmap_tui.planning.moves import (
    MoveRefused,
    defer,
    drop,
    plan,
    pull_in,
    to_backlog,
)
from roadmap_tui.storage import WorkspaceStore


@pytest.fixture
def ws(example: Path) -> Workspace:
    return WorkspaceStore.open(example).workspace


def _ids(ws: Workspace, location: str) -> list[str]:
    return [item.id for item in ws.items_in(location)]


def test_defer_moves_to_the_end_of_the_next_quarter_with_a_note(ws: Workspace) -> None:
    q1 = _ids(ws, "2027-Q1")
    edit = defer(ws, "SECURITY-BASELINE")
    assert edit.label == "defer SECURITY-BASELINE to 2027-Q2"
    assert ws.find("SECURITY-BASELINE") == ("2027-Q1", ws.items_in("2027-Q1")[1])  # pure
    apply(ws, edit)
    assert _ids(ws, "2027-Q1") == [i for i in q1 if i != "SECURITY-BASELINE"]
    moved = ws.items_in("2027-Q2")[-1]
    assert (moved.id, moved.status, moved.note) == (
        "SECURITY-BASELINE",
        "planned",
        "deferred to 2027-Q2",
    )
    apply(ws, edit.inverse())
    assert _ids(ws, "2027-Q1") == q1
    assert ws.items_in("2027-Q1")[1].note is None


def test_defer_past_the_last_quarter_creates_it(ws: Workspace) -> None:
    edit = defer(ws, "VAULT-DYNAMIC-CREDS", note="waits for the vault upgrade")
    assert "2027-Q3" not in ws.quarters
    assert isinstance(edit.changes[0], HeaderChange) and edit.changes[0].before is None
    apply(ws, edit)
    assert _ids(ws, "2027-Q3") == ["VAULT-DYNAMIC-CREDS"]
    assert ws.quarters["2027-Q3"].quarter.stage == "draft"
    assert ws.items_in("2027-Q3")[0].note == "waits for the vault upgrade"


def test_pull_in_moves_to_the_previous_quarter(ws: Workspace) -> None:
    apply(ws, pull_in(ws, "DATADOG-WORKSHOP"))
    assert _ids(ws, "2027-Q1")[-1] == "DATADOG-WORKSHOP"
    assert ws.items_in("2027-Q1")[-1].note == "pulled into 2027-Q1"


def test_backlog_and_plan(ws: Workspace) -> None:
    apply(ws, to_backlog(ws, "ML-GPU-STACKS"))
    found = ws.find("ML-GPU-STACKS")
    assert found is not None and found[0] == BACKLOG and found[1].status == "proposed"
    edit = plan(ws, "REQ-COST-TAGS")  # default: the current quarter, 2026-Q4
    assert edit.label == "plan REQ-COST-TAGS into 2026-Q4"
    apply(ws, edit)
    assert ws.items_in("2026-Q4")[-1].id == "REQ-COST-TAGS"
    assert ws.items_in("2026-Q4")[-1].status == "planned"
    apply(ws, plan(ws, "WORKSHOP-RECORDINGS", "2027-Q2"))
    assert ws.items_in("2027-Q2")[-1].id == "WORKSHOP-RECORDINGS"
    assert "WORKSHOP-RECORDINGS" not in _ids(ws, BACKLOG)


def test_drop_in_place_with_note(ws: Workspace) -> None:
    q2 = _ids(ws, "2027-Q2")
    apply(ws, drop(ws, "APP-MODULE-CACHE", note="nobody asked for it"))
    assert _ids(ws, "2027-Q2") == q2
    item = ws.items_in("2027-Q2")[q2.index("APP-MODULE-CACHE")]
    assert (item.status, item.note) == ("dropped", "nobody asked for it")
    with pytest.raises(MoveRefused, match="already dropped"):
        drop(ws, "APP-MODULE-CACHE")


@pytest.mark.parametrize(
    ("move", "message"),
    [
        (lambda ws: defer(ws, "TAGGING"), "TAGGING is done"),
        (lambda ws: drop(ws, "NAMING"), "NAMING is done"),
        (lambda ws: to_backlog(ws, "TAGGING"), "TAGGING is done"),
        (lambda ws: defer(ws, "REQ-COST-TAGS"), "in the backlog"),
        (lambda ws: pull_in(ws, "REQ-COST-TAGS"), "in the backlog"),
        (lambda ws: to_backlog(ws, "REQ-COST-TAGS"), "already in the backlog"),
        (lambda ws: plan(ws, "ML-GPU-STACKS"), "already planned in 2027-Q1"),
        (lambda ws: plan(ws, "REQ-COST-TAGS", "2027-Q5"), "not a quarter id"),
        (lambda ws: defer(ws, "NOPE"), "no item NOPE"),
    ],
)
def test_refused_moves(ws: Workspace, move: object, message: str) -> None:
    with pytest.raises(MoveRefused, match=message):
        move(ws)  # type: ignore[operator]
