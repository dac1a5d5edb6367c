"""The app's session: undo, redo, dirty state and saving, without a terminal."""

from __future__ import annotations

from pathlib import Path

from roadmap_tui.models.edits import replace_item
from roadmap_tui.planning.moves import defer
from roadmap_tui.workbench.session import Session


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


def _estimate(session: Session, item_id: str) -> float | None:
    found = session.workspace.find(item_id)
    assert found is not None
    return found[1].estimate


def test_unsaved_lists_only_what_the_files_do_not_hold(example: Path) -> None:
    session = Session.open(example)
    ws = session.workspace
    first = replace_item(ws, ws.items_in("2027-Q1")[0].model_copy(update={"estimate": 40}), "a")
    session.do(first)
    session.save()
    assert session.unsaved == []
    second = replace_item(ws, ws.items_in("2027-Q1")[1].model_copy(update={"estimate": 30}), "b")
    session.do(second)
    assert [edit.label for edit in session.unsaved] == ["b"]
    session.undo()
    session.undo()  # past the save: undoing "a" is unsaved
    assert [edit.label for edit in session.unsaved] == ["undo a"]


def test_merge_keeps_both_sides_on_different_fields_and_items(example: Path) -> None:
    session = Session.open(example)
    ws = session.workspace
    item = ws.find("SECURITY-BASELINE")
    assert item is not None
    session.do(replace_item(ws, item[1].model_copy(update={"note": "policies first"})))
    session.do(defer(ws, "DATADOG-SELF-SERVICE", "waits for the agent upgrade"))
    path = example / "2027-Q1.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("estimate = 18", "estimate = 19"),
        encoding="utf-8",
    )
    disk = session.read_disk()
    assert session.disk_changes(disk) == ["SECURITY-BASELINE: estimate 18 → 19"]
    preview = session.preview_merge(disk)
    assert preview.conflicts == []
    rebased = session.merge(disk, set())
    assert len(rebased.edits) == 2 and session.dirty
    found = session.workspace.find("SECURITY-BASELINE")
    assert found is not None
    assert (found[1].estimate, found[1].note) == (19, "policies first")  # theirs and mine
    assert session.workspace.items_in("2027-Q2")[-1].id == "DATADOG-SELF-SERVICE"
    session.undo()  # undo survives the merge
    assert session.workspace.find("DATADOG-SELF-SERVICE")[0] == "2027-Q1"  # type: ignore[index]
    session.redo()
    session.save()
    text = path.read_text(encoding="utf-8")
    assert "estimate = 19" in text and 'note = "policies first"' in text


def test_merge_lists_the_same_field_changed_on_both_sides(example: Path) -> None:
    session = Session.open(example)
    ws = session.workspace
    item = ws.find("SECURITY-BASELINE")
    assert item is not None
    session.do(replace_item(ws, item[1].model_copy(update={"estimate": 22})))
    path = example / "2027-Q1.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("estimate = 18", "estimate = 19"),
        encoding="utf-8",
    )
    disk = session.read_disk()
    [conflict] = session.preview_merge(disk).conflicts
    assert conflict.sentence() == "SECURITY-BASELINE estimate: mine 22, theirs 19"
    assert _estimate(session, "SECURITY-BASELINE") == 22  # the preview changed nothing
    session.merge(session.read_disk(), {conflict.key})
    assert _estimate(session, "SECURITY-BASELINE") == 22  # mine, chosen
    session2 = Session.open(example)
    session2.do(replace_item(session2.workspace, item[1].model_copy(update={"estimate": 23})))
    path.write_text(
        path.read_text(encoding="utf-8").replace("estimate = 19", "estimate = 21"),
        encoding="utf-8",
    )
    session2.merge(session2.read_disk(), set())
    assert _estimate(session2, "SECURITY-BASELINE") == 21  # theirs, by default
