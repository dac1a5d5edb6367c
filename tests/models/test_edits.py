"""Edits apply, undo exactly, and survive a JSON round trip (the crash-recovery journal)."""

from __future__ import annotations

import json
from pathlib import Path

from roadmap_tui.models import BACKLOG, QuarterHeader, Workspace
from roadmap_tui.models.edits import Edit, add_item, apply, remove_item, replace_item, set_header
from roadmap_tui.storage import WorkspaceStore


def _ids(ws, location: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [i.id for i in ws.items_in(location)]


def test_move_and_undo_restore_order(example: Path) -> None:
    ws = WorkspaceStore.open(example).workspace
    before_q1 = _ids(ws, "2027-Q1")
    before_q2 = _ids(ws, "2027-Q2")
    moved = ws.items_in("2027-Q1")[1].model_copy(update={"note": "deferred: naming first"})
    edit = replace_item(ws, moved, "defer", location="2027-Q2")
    apply(ws, edit)
    assert _ids(ws, "2027-Q1") == before_q1[:1] + before_q1[2:]
    assert _ids(ws, "2027-Q2") == before_q2 + [before_q1[1]]
    assert ws.items_in("2027-Q2")[-1].note == "deferred: naming first"
    apply(ws, edit.inverse())
    assert _ids(ws, "2027-Q1") == before_q1
    assert _ids(ws, "2027-Q2") == before_q2
    assert ws.items_in("2027-Q1")[1].note is None


def test_add_remove_and_header_round_trip_through_json(example: Path) -> None:
    ws = WorkspaceStore.open(example).workspace
    first = ws.backlog.items[0]
    new = first.model_copy(update={"id": "NEW-1", "title": "New"})
    header = ws.quarters["2027-Q2"].quarter.model_copy(update={"stage": "team-reviewed"})
    edits = [
        add_item(ws, new, BACKLOG),
        remove_item(ws, first.id),
        set_header(ws, header, "team-reviewed"),
    ]
    reloaded = [Edit.from_json(json.loads(json.dumps(e.to_json()))) for e in edits]
    assert reloaded[0].changes == edits[0].changes
    for edit in reloaded:
        apply(ws, edit)
    assert _ids(ws, BACKLOG)[-1] == "NEW-1"
    assert first.id not in _ids(ws, BACKLOG)
    assert _stage(ws, "2027-Q2") == "team-reviewed"
    for edit in reversed(reloaded):
        apply(ws, edit.inverse())
    assert _stage(ws, "2027-Q2") == "draft"
    assert _ids(ws, BACKLOG)[0] == first.id and "NEW-1" not in _ids(ws, BACKLOG)
    assert isinstance(header, QuarterHeader)


def _stage(ws: Workspace, quarter: str) -> str:
    # read through a function: mypy would keep the first comparison's narrowing after an edit
    return str(ws.quarters[quarter].quarter.stage)
