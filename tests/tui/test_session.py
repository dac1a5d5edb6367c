"""The app's session: undo, redo, dirty state and saving, without a terminal."""

from __future__ import annotations

from pathlib import Path

from roadmap_tui.models.edits import replace_item
from roadmap_tui.tui.session import Session


def test_edit_undo_redo_and_dirty(example: Path) -> None:
    session = Session.open(example)
    ws = session.workspace
    item = ws.items_in("2027-Q1")[0]
    assert not session.dirty
    session.do(replace_item(ws, item.model_copy(update={"estimate": 40})))
    assert session.dirty and ws.items_in("2027-Q1")[0].estimate == 40
    session.undo()
    assert not session.dirty and ws.items_in("2027-Q1")[0].estimate == 25
    session.redo()
    assert session.dirty and ws.items_in("2027-Q1")[0].estimate == 40
    session.save()
    assert not session.dirty
    assert "estimate = 40" in (example / "2027-Q1.toml").read_text(encoding="utf-8")
    session.undo()
    assert session.dirty  # undoing past a save is an unsaved change again
