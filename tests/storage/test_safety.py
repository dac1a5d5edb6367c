"""Saves are whole or nothing; other people's edits are never overwritten silently."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path

import pytest

from roadmap_tui.storage import ExternalChangeError, WorkspaceStore
from roadmap_tui.storage.atomic import TEMP_PREFIX


def _edit(store: WorkspaceStore) -> None:
    store.workspace.quarters["2027-Q1"].items[0].title = "Renamed in a test"


@pytest.mark.parametrize("failing", ["os.replace", "os.fsync"])
def test_save_that_dies_leaves_the_old_file(
    example: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    path = example / "2027-Q1.toml"
    before = path.read_bytes()
    store = WorkspaceStore.open(example)
    _edit(store)

    def boom(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    module, name = failing.split(".")
    monkeypatch.setattr(os, name, boom)
    with pytest.raises(OSError):
        store.save(store.workspace)
    monkeypatch.undo()
    assert path.read_bytes() == before
    tomllib.loads(path.read_text(encoding="utf-8"))
    assert not list(example.glob(TEMP_PREFIX + "*"))


def test_child_killed_mid_save_leaves_old_or_new(example: Path) -> None:
    """A child process saving is killed (SIGKILL) right after writing the temp file."""
    path = example / "2027-Q1.toml"
    before = path.read_bytes()
    script = textwrap.dedent(
        f"""
        import os, signal
        from pathlib import Path
        from roadmap_tui.storage import WorkspaceStore
        real_replace = os.replace
        def die(*a, **k):
            os.kill(os.getpid(), signal.SIGKILL)
        os.replace = die
        store = WorkspaceStore.open(Path({str(example)!r}))
        store.workspace.quarters["2027-Q1"].items[0].title = "Renamed"
        store.save(store.workspace)
        """
    )
    result = subprocess.run([sys.executable, "-c", script], check=False)
    assert result.returncode == -9
    assert path.read_bytes() == before
    assert list(example.glob(TEMP_PREFIX + "*")), "the kill left its temp file behind"
    WorkspaceStore.open(example)  # the next start cleans it
    assert not list(example.glob(TEMP_PREFIX + "*"))


def test_mode_bits_are_kept(example: Path) -> None:
    path = example / "2027-Q1.toml"
    path.chmod(0o640)
    store = WorkspaceStore.open(example)
    _edit(store)
    store.save(store.workspace)
    assert path.stat().st_mode & 0o777 == 0o640


def test_external_edit_is_detected_and_not_overwritten(example: Path) -> None:
    path = example / "2027-Q1.toml"
    store = WorkspaceStore.open(example)
    _edit(store)
    theirs = path.read_text(encoding="utf-8") + "\n# a colleague's comment\n"
    path.write_text(theirs, encoding="utf-8")
    assert store.changed_on_disk() == [path]
    with pytest.raises(ExternalChangeError) as raised:
        store.save(store.workspace)
    assert str(path) in str(raised.value)
    assert path.read_text(encoding="utf-8") == theirs
    store.save(store.workspace, force=True)
    assert "Renamed in a test" in path.read_text(encoding="utf-8")


def test_touch_alone_is_not_an_external_change(example: Path) -> None:
    path = example / "2027-Q1.toml"
    store = WorkspaceStore.open(example)
    _edit(store)
    os.utime(path, (1, 1))
    assert store.changed_on_disk() == []
    assert store.save(store.workspace).written == [path]
