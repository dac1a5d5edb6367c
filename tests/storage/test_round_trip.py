"""Saving keeps what people wrote: bytes, comments, unknown keys, layout."""

from __future__ import annotations

import difflib
from pathlib import Path

from roadmap_tui.models import Item
from roadmap_tui.storage import WorkspaceStore
from tests.conftest import WriteWorkspace


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_unchanged_example_saves_byte_identical(example: Path) -> None:
    before = _snapshot(example)
    store = WorkspaceStore.open(example)
    assert store.loaded.errors == []
    assert store.pending(store.workspace) == []
    assert store.save(store.workspace).written == []
    assert _snapshot(example) == before


def test_unchanged_scenario_saves_byte_identical(example: Path) -> None:
    before = _snapshot(example)
    store = WorkspaceStore.open("scenario:adopt-account-structure", workspace=example)
    assert store.save(store.workspace).written == []
    assert _snapshot(example) == before


def test_editing_one_field_changes_only_that_line(example: Path) -> None:
    path = example / "2027-Q1.toml"
    before = path.read_text(encoding="utf-8")
    store = WorkspaceStore.open(example)
    _, item = store.workspace.find("DATADOG-SELF-SERVICE") or ("", None)
    assert isinstance(item, Item) and item.estimate == 25
    item.estimate = 30
    written = store.save(store.workspace).written
    assert written == [path]
    after = path.read_text(encoding="utf-8")
    diff = [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line.startswith(("+", "-")) and not line.startswith(("+++", "---"))
    ]
    assert diff == ["-estimate = 25", "+estimate = 30"]
    # every comment line of the file is still there
    comments = [line for line in before.splitlines() if line.lstrip().startswith("#")]
    assert comments and all(c in after.splitlines() for c in comments)


def test_unknown_keys_and_comments_survive_an_edit(write_ws: WriteWorkspace) -> None:
    folder = write_ws(
        {
            "2026-Q4.toml": (
                "# Q4 plan, agreed with the PO\n"
                '[quarter]\nid = "2026-Q4"\nsponsor = "CTO"  # not in the format\n\n'
                "[[items]]\n"
                'id = "A"  # the first one\n'
                'title = "A"\n'
                "estimate = 5\n"
                'jira_epic = "INFRA-1"\n'
                "score = { value = 8, effort = 3, reach = 120 }\n"
            )
        }
    )
    store = WorkspaceStore.open(folder)
    ws = store.workspace
    ws.quarters["2026-Q4"].items[0].title = "A, renamed"
    ws.quarters["2026-Q4"].items[0].note = "renamed after review"
    store.save(ws)
    assert (folder / "2026-Q4.toml").read_text(encoding="utf-8") == (
        "# Q4 plan, agreed with the PO\n"
        '[quarter]\nid = "2026-Q4"\nsponsor = "CTO"  # not in the format\n\n'
        "[[items]]\n"
        'id = "A"  # the first one\n'
        'title = "A, renamed"\n'
        "estimate = 5\n"
        'jira_epic = "INFRA-1"\n'
        "score = { value = 8, effort = 3, reach = 120 }\n"
        'note = "renamed after review"\n'
    )


def test_moved_item_keeps_its_keys_and_unknown_ones(write_ws: WriteWorkspace) -> None:
    folder = write_ws(
        {
            "2026-Q4.toml": '[quarter]\nid = "2026-Q4"\n\n[[items]]\nid = "A"\ntitle = "A"\nkind = "epic"\nx_custom = 1\n',
            "2027-Q1.toml": '[quarter]\nid = "2027-Q1"\n',
        }
    )
    store = WorkspaceStore.open(folder)
    ws = store.workspace
    item = ws.quarters["2026-Q4"].items.pop()
    ws.quarters["2027-Q1"].items.append(item)
    store.save(ws)
    assert (folder / "2026-Q4.toml").read_text(encoding="utf-8") == '[quarter]\nid = "2026-Q4"\n'
    assert (folder / "2027-Q1.toml").read_text(encoding="utf-8") == (
        '[quarter]\nid = "2027-Q1"\n\n[[items]]\nid = "A"\ntitle = "A"\nkind = "epic"\nx_custom = 1\n'
    )
    reloaded = WorkspaceStore.open(folder).workspace
    assert reloaded.find("A") is not None and reloaded.find("A")[0] == "2027-Q1"  # type: ignore[index]


def test_new_file_is_written_in_the_formats_layout(write_ws: WriteWorkspace) -> None:
    folder = write_ws({})
    store = WorkspaceStore.open(folder)
    ws = store.workspace
    ws.backlog.items.append(
        Item(
            id="REQ-X",
            title="X",
            kind="request",
            status="proposed",
            score={"value": 6, "effort": 2},
        )
    )
    store.save(ws)
    assert (folder / "backlog.toml").read_text(encoding="utf-8") == (
        '[[items]]\nid = "REQ-X"\ntitle = "X"\nkind = "request"\nscore = { value = 6, effort = 2 }\n'
    )


def test_defaults_in_the_file_are_kept_and_absent_ones_not_added(write_ws: WriteWorkspace) -> None:
    text = '[[items]]\nid = "A"\ntitle = "A"\nstatus = "proposed"\n\n[[items]]\nid = "B"\ntitle = "B"\n'
    folder = write_ws({"backlog.toml": text})
    store = WorkspaceStore.open(folder)
    assert store.workspace.backlog.items[1].status == "proposed"
    assert store.save(store.workspace).written == []
    assert (folder / "backlog.toml").read_text(encoding="utf-8") == text
