"""A save of two or three files is all-or-nothing, whatever step it is killed at.

The child moves items between files (a backlog item into a quarter: two files; plus an item
on to the next quarter: three files) and is SIGKILLed at the k-th step of the save: by a test
hook wrapping os.fsync/os.replace (every step), and by strace's fault injection at the k-th
rename or fsync system call where strace is installed. Afterwards the next command finishes
the interrupted save: every item is there exactly once, and the files are all old or all new.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from collections import Counter
from pathlib import Path

import pytest

from roadmap_tui.storage import WorkspaceStore
from roadmap_tui.storage.atomic import SAVE_JOURNAL, TEMP_PREFIX
from tests.reliability.figures import record

REPO = Path(__file__).resolve().parents[2]
CHILD = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    folder, files, kill_at = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    sys.path.insert(0, sys.argv[4])
    from roadmap_tui.storage import WorkspaceStore
    from tests.reliability.test_multi_file_save import make_move
    steps = {"n": 0}
    def step(real):
        def wrapped(*args, **kwargs):
            if steps["n"] == kill_at:
                os.kill(os.getpid(), signal.SIGKILL)
            steps["n"] += 1
            return real(*args, **kwargs)
        return wrapped
    store = WorkspaceStore.open(folder)
    make_move(store, files)
    os.fsync, os.replace, os.unlink = step(os.fsync), step(os.replace), step(os.unlink)
    store.save(store.workspace)
    print(steps["n"])
    """
)
STRACE = shutil.which("strace")
PROMISE = (
    "A save of two or three files killed at any step (test hook at every fsync, rename and"
    " unlink; strace at every rename and fsync system call) is finished or undone by the next"
    " command: all old or all new"
)
TEST = "tests/reliability/test_multi_file_save.py"


def make_move(store: WorkspaceStore, files: int) -> None:
    """Backlog's first item into 2026-Q4 (two files); with three, 2026-Q4's first on to 2027-Q1."""
    ws = store.workspace
    ws.items_in("2026-Q4").append(ws.backlog.items.pop(0))
    if files == 3:
        ws.items_in("2027-Q1").append(ws.items_in("2026-Q4").pop(0))


def _state(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.glob("*.toml")}


def _expected(example: Path, tmp_path: Path, files: int) -> dict[str, bytes]:
    folder = tmp_path / f"expected-{files}"
    shutil.copytree(example, folder)
    store = WorkspaceStore.open(folder)
    make_move(store, files)
    assert len(store.save(store.workspace).written) == files
    return _state(folder)


def _child(folder: Path, files: int, kill_at: int, strace: list[str] | None = None) -> int:
    command = [sys.executable, "-c", CHILD, str(folder), str(files), str(kill_at), str(REPO)]
    result = subprocess.run(
        [*(strace or []), *command], capture_output=True, text=True, check=False, timeout=60
    )
    assert result.returncode in (0, -9, 137), result.stderr
    return result.returncode


def _check_after(folder: Path, old: dict[str, bytes], new: dict[str, bytes]) -> str:
    """Open as the next command does; the state must be whole: 'old' or 'new'."""
    store = WorkspaceStore.open(folder)
    ids = Counter(item.id for item in store.workspace.all_items())
    assert [i for i, n in ids.items() if n > 1] == [], "duplicate ids"
    old_ids = {i.id for i in WorkspaceStore.open(_copy_of(old, folder)).workspace.all_items()}
    assert set(ids) == old_ids, "lost items"
    state = _state(folder)
    assert not (folder / SAVE_JOURNAL).exists()
    assert not list(folder.glob(TEMP_PREFIX + "*"))
    assert state in (old, new), "neither the old files nor the new ones"
    return "new" if state == new else "old"


def _copy_of(files: dict[str, bytes], near: Path) -> Path:
    folder = near.parent / (near.name + "-old")
    if not folder.exists():
        folder.mkdir()
        for name, data in files.items():
            (folder / name).write_bytes(data)
    return folder


@pytest.mark.parametrize("files", [2, 3])
def test_killed_at_every_step_of_a_multi_file_save(
    tmp_path: Path, example: Path, files: int, slow: bool
) -> None:
    old, new = _state(example), _expected(example, tmp_path, files)
    outcomes: Counter[str] = Counter()
    finished = 0
    repeats = 3 if slow else 1
    for kill_at in range(0, 40):
        for repeat in range(repeats):
            folder = tmp_path / f"run-{kill_at}-{repeat}"
            shutil.copytree(example, folder)
            code = _child(folder, files, kill_at)
            journal_left = (folder / SAVE_JOURNAL).exists()
            outcomes[_check_after(folder, old, new)] += 1
            finished += journal_left
            shutil.rmtree(folder)
            if code == 0:
                break
        if code == 0:
            break
    assert code == 0, "the save has more than 40 steps?"
    assert outcomes["old"] and outcomes["new"] and finished
    record(
        "multi",
        PROMISE,
        TEST,
        kills=sum(outcomes.values()),
        finished_by_next_command=finished,
        duplicate_ids=0,
        lost_items=0,
    )


@pytest.mark.skipif(STRACE is None, reason="strace is not installed")
@pytest.mark.parametrize("files", [2, 3])
@pytest.mark.parametrize("call", ["rename", "fsync"])
def test_strace_kills_at_every_system_call(
    tmp_path: Path, example: Path, files: int, call: str
) -> None:
    assert STRACE is not None
    old, new = _state(example), _expected(example, tmp_path, files)
    calls = "rename,renameat,renameat2" if call == "rename" else "fsync,fdatasync"
    outcomes: Counter[str] = Counter()
    for when in range(1, 30):
        folder = tmp_path / f"strace-{when}"
        shutil.copytree(example, folder)
        strace = [STRACE, "-f", "-qq", "-o", "/dev/null", "-e", f"trace={calls}"]
        strace += ["-e", f"inject={calls}:signal=SIGKILL:when={when}"]
        code = _child(folder, files, -1, strace)
        outcomes[_check_after(folder, old, new)] += 1
        shutil.rmtree(folder)
        if code == 0:
            break
    assert code == 0
    assert outcomes["old"] and outcomes["new"]
    record(
        "multi",
        PROMISE,
        TEST,
        kills=sum(outcomes.values()) - 1,
        duplicate_ids=0,
        lost_items=0,
    )
