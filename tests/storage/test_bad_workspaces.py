"""A table of broken workspaces: each gives its exact, located message and exit 1, never a traceback."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from roadmap_tui.cli import main
from tests.conftest import MINIMAL_ROADMAP, WriteWorkspace

ITEM = '[quarter]\nid = "2026-Q4"\n\n[[items]]\nid = "A"\ntitle = "A"\n'

CASES: list[tuple[str, dict[str, str | bytes], list[str]]] = [
    (
        "toml syntax error",
        {"2026-Q4.toml": '[quarter]\nid = "2026-Q4"\n\n[[items]]\nid = "A"\ntitle = \n'},
        ["ws/2026-Q4.toml:6:9: Invalid value"],
    ),
    (
        "unterminated string",
        {"backlog.toml": '[[items]]\nid = "A\n'},
        ["ws/backlog.toml:2:"],
    ),
    (
        "duplicate id across files",
        {"2026-Q4.toml": ITEM, "backlog.toml": '[[items]]\nid = "A"\ntitle = "again"\n'},
        [
            "ws/2026-Q4.toml:5: items[A].id: duplicate item id `A` (in 2026-Q4.toml, backlog.toml)",
            "ws/backlog.toml:2: items[A].id: duplicate item id `A` (in 2026-Q4.toml, backlog.toml)",
        ],
    ),
    (
        "unknown key with nearest name",
        {"2026-Q4.toml": ITEM + "estimte = 3\n"},
        [
            "ws/2026-Q4.toml:7: items[A].estimte: warning: unknown key `estimte`: did you mean `estimate`?"
        ],
    ),
    (
        "dangling dependency",
        {
            "2026-Q4.toml": ITEM + 'depends_on = ["NAMNG"]\n',
            "backlog.toml": '[[items]]\nid = "NAMING"\ntitle = "n"\n',
        },
        ["ws/2026-Q4.toml:7: items[A].depends_on: unknown item `NAMNG`: did you mean `NAMING`?"],
    ),
    (
        "ask to unknown team",
        {"2026-Q4.toml": ITEM + 'asks = [ { team = "storge", days = 2 } ]\n'},
        [
            "ws/2026-Q4.toml:7: items[A].asks[0].team: unknown team `storge`: did you mean `storage`?"
        ],
    ),
    (
        "unknown owning team",
        {"2026-Q4.toml": ITEM + 'team = "nobody"\n'},
        ["ws/2026-Q4.toml:7: items[A].team: unknown team `nobody`"],
    ),
    (
        "merged into unknown item",
        {
            "backlog.toml": '[[items]]\nid = "R"\ntitle = "r"\nkind = "request"\ndecision = "merged"\nmerged_into = "X"\n'
        },
        ["ws/backlog.toml:6: items[R].merged_into: unknown item `X`"],
    ),
    (
        "theme links unknown item",
        {"feedback.toml": '[[themes]]\nid = "docs"\nitems = ["NOPE"]\n'},
        ["ws/feedback.toml:3: themes[docs].items: unknown item `NOPE`"],
    ),
    (
        "bad quarter id in file name",
        {"2026-Q5.toml": '[quarter]\nid = "2026-Q5"\n'},
        [
            "ws/2026-Q5.toml: `2026-Q5` is not a quarter id: quarter files are named YYYY-Qn.toml, n = 1..4"
        ],
    ),
    (
        "quarter id not matching file",
        {"2026-Q4.toml": '[quarter]\nid = "2027-Q1"\n'},
        [
            "ws/2026-Q4.toml:2: quarter.id: quarter id `2027-Q1` does not match the file name `2026-Q4.toml`"
        ],
    ),
    (
        "bad quarter in capacity",
        {"roadmap.toml": MINIMAL_ROADMAP.replace('"2027-Q1" = 100', '"2027-Q9" = 100')},
        [
            "ws/roadmap.toml:10: teams[infra].capacity: '2027-Q9' is not a quarter id (YYYY-Qn, n = 1..4)"
        ],
    ),
    (
        "negative estimate",
        {"2026-Q4.toml": ITEM + "estimate = -3\n"},
        ["ws/2026-Q4.toml:7: items[A].estimate: must be >= 0"],
    ),
    (
        "negative ask days",
        {"2026-Q4.toml": ITEM + 'asks = [ { team = "storage", days = -1 } ]\n'},
        ["ws/2026-Q4.toml:7: items[A].asks[0].days: must be >= 0"],
    ),
    (
        "negative capacity",
        {"roadmap.toml": MINIMAL_ROADMAP.replace('"2026-Q4" = 10 }', '"2026-Q4" = -10 }')},
        ["ws/roadmap.toml:16: teams[storage].capacity.2026-Q4: must be >= 0"],
    ),
    (
        "estimate as text",
        {"2026-Q4.toml": ITEM + 'estimate = "20"\n'},
        ["ws/2026-Q4.toml:7: items[A].estimate: must be a number, not text '20'"],
    ),
    (
        "status not in the list",
        {"2026-Q4.toml": ITEM + 'status = "doing"\n'},
        [
            "ws/2026-Q4.toml:7: items[A].status: must be one of 'proposed', 'planned', 'in-progress', 'done' or 'dropped'"
        ],
    ),
    (
        "score input as boolean",
        {"2026-Q4.toml": ITEM + "score = { value = true }\n"},
        ["ws/2026-Q4.toml:7: items[A].score.value: must be a number, not true/false"],
    ),
    (
        "item without title",
        {"2026-Q4.toml": '[quarter]\nid = "2026-Q4"\n\n[[items]]\nid = "A"\n'},
        ["ws/2026-Q4.toml:4: items[A].title: required"],
    ),
    (
        "invalid item id",
        {"2026-Q4.toml": '[quarter]\nid = "2026-Q4"\n\n[[items]]\nid = "has space"\ntitle = "t"\n'},
        ["items[has space].id: 'has space' is not a valid item id"],
    ),
    (
        "missing quarter table",
        {"2026-Q4.toml": '[[items]]\nid = "A"\ntitle = "A"\n'},
        ['ws/2026-Q4.toml: missing the [quarter] table (id = "2026-Q4", stage)'],
    ),
    (
        "missing roadmap.toml",
        {"roadmap.toml": b"", "backlog.toml": ""},
        ["ws/roadmap.toml: file is empty"],
    ),
    (
        "binary file",
        {"backlog.toml": b"\x89PNG\r\n\x1a\n\x00\x00\x00"},
        ["ws/backlog.toml: binary file, expected TOML text"],
    ),
    (
        "not utf-8",
        {"backlog.toml": b'[[items]]\nid = "A"\ntitle = "caf\xe9"\n'},
        ["ws/backlog.toml: not UTF-8 text (byte 31): expected TOML text"],
    ),
    (
        "empty quarter file",
        {"2026-Q4.toml": ""},
        ["ws/2026-Q4.toml: file is empty"],
    ),
    (
        "owner not a team",
        {"roadmap.toml": MINIMAL_ROADMAP.replace('owner = "infra"', 'owner = "infra-platform"')},
        ["ws/roadmap.toml:3: workspace.owner: owner `infra-platform` is not a team in [[teams]]"],
    ),
    (
        "date as text",
        {"backlog.toml": '[[items]]\nid = "R"\ntitle = "r"\nreceived = "yesterday"\n'},
        ["ws/backlog.toml:4: items[R].received: must be a date (YYYY-MM-DD, unquoted)"],
    ),
]


@pytest.mark.parametrize(("name", "files", "expected"), CASES, ids=[c[0] for c in CASES])
def test_bad_workspace_is_reported_exactly(
    write_ws: WriteWorkspace,
    name: str,
    files: dict[str, str | bytes],
    expected: list[str],
) -> None:
    folder = write_ws(files)
    before = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    result = CliRunner().invoke(main, ["validate", "-w", str(folder)])
    output = result.output.replace(str(folder.parent) + os.sep, "")
    for line in expected:
        assert line in output, f"{name}: expected {line!r} in:\n{output}"
    assert "Traceback" not in output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    is_warning_only = all(": warning: " in line for line in expected)
    assert result.exit_code == (0 if is_warning_only else 1)
    after = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    assert after == before


def test_missing_workspace_folder(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["validate", "-w", str(tmp_path / "nope")])
    assert result.exit_code == 1
    assert "no such workspace folder (create one with `roadmap init`)" in result.output


def test_directory_named_like_a_file(write_ws: WriteWorkspace) -> None:
    folder = write_ws({})
    (folder / "backlog.toml").mkdir()
    result = CliRunner().invoke(main, ["validate", "-w", str(folder)])
    assert result.exit_code == 1
    assert "ws/backlog.toml: is a folder, expected a TOML file" in result.output


def test_workspace_path_is_a_file(tmp_path: Path) -> None:
    path = tmp_path / "plans"
    path.write_text("x", encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", "-w", str(path)])
    assert result.exit_code != 0
    assert "Traceback" not in result.output


def test_every_problem_is_reported_not_only_the_first(write_ws: WriteWorkspace) -> None:
    folder = write_ws(
        {
            "2026-Q4.toml": ITEM
            + 'estimate = -1\n\n[[items]]\nid = "B"\ntitle = "B"\nteam = "x"\n',
            "backlog.toml": '[[items]]\nid = "C"\ntitle = "c"\ndepends_on = ["Z"]\n',
        }
    )
    result = CliRunner().invoke(main, ["validate", "-w", str(folder)])
    assert result.exit_code == 1
    assert "items[A].estimate: must be >= 0" in result.output
    assert "items[B].team: unknown team `x`" in result.output
    assert "items[C].depends_on: unknown item `Z`" in result.output
    assert "3 error(s)" in result.output


def test_one_mistake_gives_one_message(write_ws: WriteWorkspace) -> None:
    """An item that fails its own validation is not reported again as unknown where referenced."""
    folder = write_ws(
        {
            "2026-Q4.toml": ITEM
            + 'estimate = "five"\n\n[[items]]\nid = "B"\ntitle = "B"\ndepends_on = ["A"]\n',
        }
    )
    result = CliRunner().invoke(main, ["validate", "-w", str(folder)])
    assert result.exit_code == 1
    assert "items[A].estimate: must be a number, not text 'five'" in result.output
    assert "unknown item `A`" not in result.output
    assert "1 error(s)" in result.output


def test_saving_does_not_create_an_empty_backlog(write_ws: WriteWorkspace) -> None:
    from roadmap_tui.storage import WorkspaceStore

    folder = write_ws({"2026-Q4.toml": ITEM})
    store = WorkspaceStore.open(folder)
    store.workspace.quarters["2026-Q4"].items[0].estimate = 3
    assert [p.name for p in store.save(store.workspace).written] == ["2026-Q4.toml"]
    assert not (folder / "backlog.toml").exists()


def test_edits_elsewhere_save_while_a_broken_file_waits(write_ws: WriteWorkspace) -> None:
    from roadmap_tui.models import WorkspaceError
    from roadmap_tui.storage import WorkspaceStore

    broken = (
        '[[items]]\nid = "R"\ntitle = "r"\nestimate = "lots"\n\n[[items]]\nid = "S"\ntitle = "s"\n'
    )
    folder = write_ws({"2026-Q4.toml": ITEM, "backlog.toml": broken})
    store = WorkspaceStore.open(folder)
    assert [p.where for p in store.loaded.errors] == ["items[R].estimate"]
    ws = store.workspace
    assert store.pending(ws) == []
    ws.quarters["2026-Q4"].items[0].estimate = 4
    assert [p.name for p in store.save(ws).written] == ["2026-Q4.toml"]
    assert (folder / "backlog.toml").read_text(encoding="utf-8") == broken
    ws.backlog.items[0].title = "edited"  # S, in the file with the error
    with pytest.raises(WorkspaceError) as raised:
        store.save(ws)
    assert "has problems; fix them before saving changes to it" in str(raised.value)
    assert (folder / "backlog.toml").read_text(encoding="utf-8") == broken
