"""Hostile files in a workspace or a git revision: refused with a located message, never read
past their limits, never a hang or a traceback; and the writer never writes what the reader
would refuse."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from roadmap_tui.models import WorkspaceError
from roadmap_tui.storage import WorkspaceStore, limits, new_scenario
from tests.conftest import WriteWorkspace
from tests.storage.test_sources import _git

ITEM = '[[items]]\nid = "A-1"\ntitle = "a"\n'


def _problems(folder: Path | str, workspace: Path | None = None) -> list[str]:
    store = WorkspaceStore.open(folder if isinstance(folder, str) else folder, workspace=workspace)
    return [str(p) for p in store.problems]


def test_link_to_dev_zero_is_not_read(write_ws: WriteWorkspace) -> None:
    folder = write_ws({})
    (folder / "backlog.toml").symlink_to("/dev/zero")
    assert "ws/backlog.toml: a link to a file outside the workspace; not read" in " ".join(
        _problems(folder)
    )


def test_device_inside_the_workspace_is_not_read(write_ws: WriteWorkspace) -> None:
    folder = write_ws({})
    (folder / "dev").symlink_to("/dev")  # a link to a folder outside: the file resolves outside
    os.symlink("dev/zero", folder / "2026-Q4.toml")
    problems = _problems(folder)
    assert any("2026-Q4.toml: a link to a file outside the workspace" in p for p in problems)


def test_fifo_does_not_hang(write_ws: WriteWorkspace) -> None:
    folder = write_ws({})
    os.mkfifo(folder / "2026-Q4.toml")
    problems = _problems(folder)
    assert any(
        p.endswith("ws/2026-Q4.toml: not a regular file (a device, FIFO or socket); not read")
        for p in problems
    )


def test_link_inside_the_workspace_is_read_and_root_may_be_a_link(
    write_ws: WriteWorkspace, tmp_path: Path
) -> None:
    folder = write_ws({"real.txt": ITEM})
    (folder / "backlog.toml").symlink_to("real.txt")
    root_link = tmp_path / "link-to-ws"
    root_link.symlink_to(folder)
    store = WorkspaceStore.open(root_link)
    assert [i.id for i in store.workspace.backlog.items] == ["A-1"]


def test_link_to_a_file_outside_is_refused(write_ws: WriteWorkspace, tmp_path: Path) -> None:
    folder = write_ws({})
    outside = tmp_path / "secret.toml"
    outside.write_text(ITEM, encoding="utf-8")
    (folder / "backlog.toml").symlink_to(outside)
    store = WorkspaceStore.open(folder)
    assert store.workspace.backlog.items == []
    assert any("backlog.toml: a link to a file outside" in str(p) for p in store.problems)


def test_integer_of_5000_digits_is_a_located_error(write_ws: WriteWorkspace) -> None:
    folder = write_ws({"backlog.toml": ITEM + "estimate = " + "9" * 5000 + "\n"})
    problems = _problems(folder)
    assert (
        f"{folder.name}/backlog.toml:4:12: an integer of more than 4,300 digits:"
        " numbers that long are refused"
    ) in " ".join(problems)


def test_nesting_over_the_limit_is_refused(write_ws: WriteWorkspace) -> None:
    deep = "[" * 40 + "]" * 40
    folder = write_ws({"backlog.toml": ITEM + f"x = {deep}\n"})
    problems = _problems(folder)
    assert any("nested more than 32 levels deep" in p and "items[0].x" in p for p in problems)


def test_a_text_over_the_limit_is_refused(
    write_ws: WriteWorkspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "MAX_TEXT_CHARS", 100)
    folder = write_ws({"backlog.toml": f'[[items]]\nid = "A-1"\ntitle = "{"x" * 101}"\n'})
    problems = _problems(folder)
    assert any("a text of 101 characters; more than 100 are refused" in p for p in problems)


def test_a_save_the_reader_would_refuse_is_not_written(
    example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = WorkspaceStore.open(example)
    before = (example / "backlog.toml").read_bytes()
    monkeypatch.setattr(limits, "MAX_TEXT_CHARS", 100)
    store.workspace.backlog.items[0].title = "x" * 200
    with pytest.raises(WorkspaceError) as raised:
        store.save(store.workspace)
    assert "more than 100 are refused; nothing written" in str(raised.value.problems[0])
    assert (example / "backlog.toml").read_bytes() == before


def test_a_save_bigger_than_the_limit_is_not_written(
    example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = WorkspaceStore.open(example)
    size = len((example / "backlog.toml").read_bytes())
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", size + 10)
    store.workspace.backlog.items[0].title += "y" * 50
    with pytest.raises(WorkspaceError) as raised:
        store.save(store.workspace)
    assert "plan files over" in raised.value.problems[0].message


@pytest.fixture
def odd_repo(example: Path) -> Path:
    root = example.parent
    _git(root, "init", "-q")
    (
        example
        / "na\xefve-\udcff.toml".encode("utf-8", "surrogateescape").decode(
            "utf-8", "surrogateescape"
        )
    ).write_bytes(b"x = 1\n")
    (example / "new\nline.toml").write_text("x = 1\n", encoding="utf-8")
    _git(root, "add", "plans")
    _git(root, "commit", "-qm", "odd names")
    return example


def test_git_with_non_utf8_and_newline_names(odd_repo: Path) -> None:
    store = WorkspaceStore.open("git:HEAD", workspace=odd_repo)
    assert len(store.workspace.all_items()) == 50
    odd = [str(p) for p in store.problems if "plain UTF-8" in p.message]
    assert len(odd) == 2
    assert any("new\\x0aline.toml" in p for p in odd)
    assert all("\n" not in p for p in odd)


def test_git_files_over_the_limit_are_refused(
    odd_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    limit = (odd_repo / "roadmap.toml").stat().st_size
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", limit)
    store = WorkspaceStore.open("git:HEAD", workspace=odd_repo)
    refused = [p for p in store.problems if f"files over {limit:,} bytes are refused" in p.message]
    big = [p.name for p in odd_repo.glob("*.toml") if p.stat().st_size > limit]
    assert big
    assert sorted(p.file.rsplit("/", 1)[1] for p in refused) == sorted(big)


def test_scenario_name_with_a_final_newline_is_refused(example: Path) -> None:
    with pytest.raises(WorkspaceError):
        new_scenario(example, "plan\n")
    with pytest.raises(WorkspaceError):
        WorkspaceStore.open("scenario:plan\n", workspace=example)
    assert not (example / "scenarios" / "plan\n").exists()


def test_symlinked_scenarios_folder_is_refused(example: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    if (example / "scenarios").exists():
        subprocess.run(["rm", "-rf", str(example / "scenarios")], check=True)
    (example / "scenarios").symlink_to(outside)
    with pytest.raises(WorkspaceError) as raised:
        new_scenario(example, "escape")
    assert "scenarios stay inside the workspace" in raised.value.problems[0].message
    assert list(outside.iterdir()) == []
