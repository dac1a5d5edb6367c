"""Writes never replace what they should not; an interrupted save is finished and said so;
temp files are removed only under the lock; a full disk names the file and leaves nothing."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from roadmap_tui.cli import main
from roadmap_tui.models import WorkspaceError
from roadmap_tui.storage import WorkspaceStore, new_scenario
from roadmap_tui.storage.atomic import SAVE_JOURNAL, TEMP_PREFIX, atomic_write, write_temp
from roadmap_tui.storage.outputs import OutputExists, write_output

REPO = Path(__file__).resolve().parents[2]


def _outputs(ws: Path, target: Path) -> list[list[str]]:
    """Every command that writes a document, aimed at `target`."""
    return [
        ["-w", str(ws), "export", "markdown", str(ws), "-o", str(target)],
        ["-w", str(ws), "export", "deck", str(ws), "-o", str(target)],
        ["-w", str(ws), "feedback", "report", "-o", str(target)],
        ["-w", str(ws), "announce", "--since", "2026-01-01", "-o", str(target)],
    ]


def test_every_output_refuses_an_existing_file_without_force(example: Path, tmp_path: Path) -> None:
    target = tmp_path / "kept.md"
    target.write_text("mine\n", encoding="utf-8")
    for args in _outputs(example, target):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 1, (args, result.output)
        assert "exists" in result.stderr and "--force" in result.stderr
        assert target.read_text(encoding="utf-8") == "mine\n"


@pytest.mark.parametrize("kind", ["fifo", "folder", "device"])
def test_every_output_refuses_non_regular_files_even_with_force(
    example: Path, tmp_path: Path, kind: str
) -> None:
    target = {"fifo": tmp_path / "pipe", "folder": tmp_path / "dir", "device": Path("/dev/null")}[
        kind
    ]
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "folder":
        target.mkdir()
    for args in _outputs(example, target):
        result = CliRunner().invoke(main, [*args, "--force"])
        if kind == "folder" and result.exit_code == 2:  # click's own check of -o
            assert "is a directory" in result.stderr
            continue
        assert result.exit_code == 1, (args, result.output)
        assert "nothing written" in result.stderr
    if kind == "device":
        assert Path("/dev/null").is_char_device()


def test_every_output_refuses_files_of_the_workspace(example: Path) -> None:
    before = {p.name: p.read_bytes() for p in example.glob("*.toml")}
    for name in ("roadmap.toml", "backlog.toml", "2026-Q4.toml"):
        for args in _outputs(example, example / name):
            result = CliRunner().invoke(main, [*args, "--force"])
            assert result.exit_code == 1, (args, result.output)
            assert "is a file of the workspace; nothing written over it" in result.stderr
    result = CliRunner().invoke(main, _outputs(example, example / "2031-Q1.toml")[0])
    assert "would become a plan file of the workspace" in result.stderr
    assert {p.name: p.read_bytes() for p in example.glob("*.toml")} == before


def test_write_output_never_replaces_a_file_that_appears_meanwhile(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    write_output(target, b"first\n", force=False)
    with pytest.raises(OutputExists):
        write_output(target, b"second\n", force=False)
    write_output(target, b"second\n", force=True)
    assert target.read_bytes() == b"second\n"
    assert not list(tmp_path.glob(TEMP_PREFIX + "*"))


def _interrupted_save(folder: Path) -> dict[str, bytes]:
    """A two-file save stopped after its journal, before any rename (as a kill would)."""
    store = WorkspaceStore.open(folder)
    ws = store.workspace
    ws.items_in("2026-Q4").append(ws.backlog.items.pop(0))
    new = {}
    for name in ("2026-Q4.toml", "backlog.toml"):
        new[name] = b""
    from roadmap_tui.storage.writer import desired_files, render

    desired = desired_files(ws)
    temps = []
    for name in new:
        text = render(
            store.loaded.files[name].data.decode(),
            store.loaded.files[name].raw,
            desired[name],
            name,
        )
        assert text is not None
        new[name] = text.encode()
        temps.append((write_temp(folder / name, new[name]).name, name))
    import json

    atomic_write(folder / SAVE_JOURNAL, json.dumps({"renames": temps}).encode())
    return new


def test_the_next_command_finishes_an_interrupted_save_and_says_so(example: Path) -> None:
    new = _interrupted_save(example)
    result = CliRunner().invoke(main, ["validate", "-w", str(example)])
    assert result.exit_code == 0, result.output
    assert (
        f"{example}: warning: finished a save that was interrupted: 2026-Q4.toml, backlog.toml"
        in result.stderr
    )
    assert {n: (example / n).read_bytes() for n in new} == new
    assert not (example / SAVE_JOURNAL).exists()
    assert not list(example.glob(TEMP_PREFIX + "*"))


HOLDER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from roadmap_tui.storage import workspace_lock
    folder = Path(sys.argv[1])
    with workspace_lock(folder):
        temp = folder / ".roadmap-tmp-backlog.toml.saving"
        temp.write_text("half")
        print("locked", flush=True)
        time.sleep(1.5)
        print("kept" if temp.exists() else "deleted", flush=True)
        temp.unlink()
    """
)


def test_a_reader_never_removes_the_temp_file_of_a_save_in_progress(example: Path) -> None:
    WorkspaceStore.open(example).save(WorkspaceStore.open(example).workspace)  # lock file exists
    (example / ".roadmap.lock").touch()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(example)], stdout=subprocess.PIPE, text=True, cwd=REPO
    )
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "locked"
    started = time.monotonic()
    WorkspaceStore.open(example)  # waits for the lock, then reads
    assert time.monotonic() - started > 0.5
    assert holder.stdout.readline().strip() == "kept"
    holder.wait(timeout=10)


def test_a_full_disk_names_the_file(example: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = WorkspaceStore.open(example)
    store.workspace.backlog.items[0].title += " (changed)"
    before = (example / "backlog.toml").read_bytes()

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OSError) as raised:
        store.save(store.workspace)
    assert str(raised.value) == (
        f"cannot write {example}/backlog.toml: the disk is full; nothing was changed"
    )
    monkeypatch.undo()
    assert (example / "backlog.toml").read_bytes() == before
    assert not list(example.glob(TEMP_PREFIX + "*"))


def test_scenario_new_on_a_full_disk_leaves_nothing(
    example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = Path.write_bytes
    calls = {"n": 0}

    def fill(self: Path, data: bytes) -> int:
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(self, data)

    monkeypatch.setattr(Path, "write_bytes", fill)
    with pytest.raises(OSError) as raised:
        new_scenario(example, "full")
    assert "the disk is full" in str(raised.value) and "scenarios/.full.new/" in str(raised.value)
    assert sorted(p.name for p in (example / "scenarios").iterdir()) == sorted(
        p.name for p in (example / "scenarios").iterdir() if not p.name.startswith(".")
    )
    assert not (example / "scenarios" / "full").exists()
    assert not (example / "scenarios" / ".full.new").exists()


def test_cli_reports_a_full_disk_without_a_traceback(
    example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Path, "mkdir", full)
    result = CliRunner().invoke(main, ["-w", str(example), "scenario", "new", "x"])
    assert result.exit_code == 1
    assert "the disk is full; nothing was changed" in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_scenario_name_with_newline_is_refused_by_the_cli(example: Path) -> None:
    result = CliRunner().invoke(main, ["-w", str(example), "scenario", "new", "ok\n"])
    assert result.exit_code == 1
    assert not any(p.name.startswith("ok") for p in (example / "scenarios").iterdir())
    with pytest.raises(WorkspaceError):
        new_scenario(example, "ok\n")
