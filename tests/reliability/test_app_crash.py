"""The terminal app killed (SIGKILL) after N edits: the next start offers them back, exactly.

A child process runs the real app headless, makes N edits with the keyboard (defer the selected
item of the next quarter, N times) and kills itself. The next start must offer the edits back;
restoring and saving must give the same files as making the same edits and saving normally.
"""

from __future__ import annotations

import asyncio
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

from roadmap_tui.storage.recovery import RECOVERY_DIR
from roadmap_tui.tui.app import make_app
from tests.reliability.figures import record

KEYS = textwrap.dedent(
    """
    async def edit(pilot, count):
        await pilot.app.shown.wait()
        await pilot.app.derived_ready.wait()
        await pilot.pause()
        await pilot.press("right_square_bracket")  # the next quarter: planned work
        await pilot.pause()
        for _ in range(count):
            await pilot.press("greater_than_sign", "enter")  # defer the selected item (why: prefilled)
            await pilot.pause()
    """
)
CHILD = KEYS + textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from roadmap_tui.tui.app import make_app

    folder, count = Path(sys.argv[1]), int(sys.argv[2])

    async def pilot(pilot):
        await edit(pilot, count)
        os.kill(os.getpid(), signal.SIGKILL)

    make_app(folder, cursor_blink=False).run(headless=True, size=(120, 36), auto_pilot=pilot)
    """
)
namespace: dict[str, object] = {}
exec(KEYS, namespace)  # the same key sequence for the reference run
edit = namespace["edit"]


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.toml"))}


async def _reference(folder: Path, count: int) -> int:
    app = make_app(folder, cursor_blink=False, journal=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await edit(pilot, count)  # type: ignore[operator]
        assert app.session is not None
        edits = len(app.session.history)
        app.session.save()
    return edits


async def _restore(folder: Path) -> int:
    app = make_app(folder, cursor_blink=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await app.shown.wait()
        for _ in range(20):
            await pilot.pause()
            if app.screen.query(".dialog-title"):
                break
        title = str(app.screen.query_one(".dialog-title").render())
        assert title == "Unsaved edits from the last session"
        await pilot.press("r")
        await pilot.pause()
        assert app.session is not None and app.session.dirty
        restored = len(app.session.history)
        app.session.save()
        app.session.close()
    return restored


def test_killed_app_offers_its_edits_back(example: Path, tmp_path: Path, slow: bool) -> None:
    counts = (1, 2, 3, 5, 8) if slow else (1, 3)
    restored_total = 0
    for count in counts:
        expected_dir = tmp_path / f"expected-{count}"
        shutil.copytree(example, expected_dir)
        edits = asyncio.run(_reference(expected_dir, count))
        assert edits == count  # every key press was an edit

        folder = tmp_path / f"ws-{count}"
        shutil.copytree(example, folder)
        result = subprocess.run(
            [sys.executable, "-c", CHILD, str(folder), str(count)],
            capture_output=True,
            check=False,
            timeout=180,
        )
        assert result.returncode == -9, result.stderr.decode()[-2000:]
        assert _files(folder) == _files(example), "nothing was saved before the kill"
        assert (folder / RECOVERY_DIR / "journal.jsonl").exists()

        restored = asyncio.run(_restore(folder))
        assert restored == count
        assert _files(folder) == _files(expected_dir)
        assert not (folder / RECOVERY_DIR).exists()
        restored_total += restored
    record(
        "app-crash",
        "The terminal app killed by SIGKILL after N edits offers them back on the next start",
        "tests/reliability/test_app_crash.py",
        app_processes_killed=len(counts),
        edits_restored=restored_total,
        edits_lost=0,
    )
