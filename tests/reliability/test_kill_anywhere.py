"""A saving process killed at any write step leaves every file old or new, never half.

The child saves an edit touching several files and is SIGKILLed at the k-th file-system step
of the save (temp file written, fsync, chmod, replace, folder fsync). Afterwards every file must
parse and equal either its old or its new bytes, and the next open removes stray temp files.
"""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path

from roadmap_tui.storage import WorkspaceStore
from roadmap_tui.storage.atomic import TEMP_PREFIX
from tests.reliability.figures import record

CHILD = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from roadmap_tui.storage import WorkspaceStore
    folder, seed, kill_at = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    sys.path.insert(0, sys.argv[4])
    from tests.reliability.test_kill_anywhere import make_edit
    steps = {"n": 0}
    def step(real):
        def wrapped(*args, **kwargs):
            if steps["n"] == kill_at:
                os.kill(os.getpid(), signal.SIGKILL)
            steps["n"] += 1
            result = real(*args, **kwargs)
            if steps["n"] == kill_at:
                os.kill(os.getpid(), signal.SIGKILL)
            return result
        return wrapped
    os.fsync = step(os.fsync)
    os.replace = step(os.replace)
    os.chmod = step(os.chmod)
    store = WorkspaceStore.open(folder)
    make_edit(store, seed)
    store.save(store.workspace)
    print(steps["n"])
    """
)
REPO = Path(__file__).resolve().parents[2]


def make_edit(store: WorkspaceStore, seed: int) -> None:
    """A deterministic edit over two or three files: re-estimate, move, rename."""
    rng = random.Random(seed)
    ws = store.workspace
    quarters = ws.quarter_ids()
    source = rng.choice(quarters[1:])
    items = ws.items_in(source)
    moved = items.pop(rng.randrange(len(items)))
    target = rng.choice([q for q in quarters if q != source])
    ws.items_in(target).append(moved)
    ws.backlog.items[rng.randrange(len(ws.backlog.items))].title += f" (seed {seed})"
    first = ws.items_in(target)[0]
    first.estimate = rng.randint(1, 60)


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.glob("*.toml")}


def test_kill_at_every_write_step(tmp_path: Path, example: Path, slow: bool) -> None:
    runs = 200 if slow else 24
    old = _files(example)
    survived = 0
    for run in range(runs):
        seed = run // 8
        expected_dir = tmp_path / f"expected-{seed}"
        if not expected_dir.exists():
            shutil.copytree(example, expected_dir)
            store = WorkspaceStore.open(expected_dir)
            make_edit(store, seed)
            store.save(store.workspace)
        new = _files(expected_dir)
        folder = tmp_path / f"run-{run}"
        shutil.copytree(example, folder)
        kill_at = run % 8  # 0..7 walks through the steps of a three-file save
        result = subprocess.run(
            [sys.executable, "-c", CHILD, str(folder), str(seed), str(kill_at), str(REPO)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode in (0, -9), result.stderr
        after = _files(folder)
        for name, data in after.items():
            tomllib.loads(data.decode("utf-8"))
            assert data in (old.get(name), new.get(name)), (
                f"run {run}: {name} is neither old nor new"
            )
        if result.returncode == -9:
            survived += 1
        WorkspaceStore.open(folder)
        assert not list(folder.glob(TEMP_PREFIX + "*"))
        shutil.rmtree(folder)
    assert survived >= runs // 2
    record(
        "kill",
        "A save killed at any write step leaves each file whole (old or new); temp files cleaned on next start",
        "tests/reliability/test_kill_anywhere.py",
        runs=runs,
        kills_survived=survived,
        bytes_lost=0,
    )
