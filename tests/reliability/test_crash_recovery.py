"""Unsaved edits survive a killed process: the next start offers them back, exactly."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

from roadmap_tui.models.edits import replace_item
from roadmap_tui.storage.recovery import RECOVERY_DIR
from roadmap_tui.workbench.session import Session
from tests.reliability.figures import record

REPO = Path(__file__).resolve().parents[2]
CHILD = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    sys.path.insert(0, sys.argv[3])
    from roadmap_tui.workbench.session import Session
    from tests.reliability.test_crash_recovery import edit_number
    session = Session.open(Path(sys.argv[1]), journal=True)
    for n in range(int(sys.argv[2])):
        edit_number(session, n)
    os.kill(os.getpid(), signal.SIGKILL)
    """
)


def edit_number(session: Session, n: int) -> None:
    """The n-th edit of a scripted session: re-estimates, moves, and an undo now and then."""
    ws = session.workspace
    if n % 5 == 4:
        session.undo()
        return
    quarters = ws.quarter_ids()
    location = quarters[n % len(quarters)]
    items = ws.items_in(location)
    item = items[n % len(items)]
    if n % 3 == 0:
        target = quarters[(n + 1) % len(quarters)]
        session.do(
            replace_item(
                ws, item.model_copy(update={"note": f"moved in edit {n}"}), location=target
            )
        )
    else:
        session.do(replace_item(ws, item.model_copy(update={"estimate": 10 + n})))


def _state(session: Session) -> list[tuple[str, str, float | None, str | None]]:
    return [(loc, i.id, i.estimate, i.note) for loc, i in session.workspace.located_items()]


def test_killed_session_is_recovered_for_many_n(example: Path, tmp_path: Path, slow: bool) -> None:
    counts = range(1, 41) if slow else (1, 2, 5, 9, 14)
    recovered_edits = 0
    for count in counts:
        folder = tmp_path / f"ws-{count}"
        shutil.copytree(example, folder)
        result = subprocess.run(
            [sys.executable, "-c", CHILD, str(folder), str(count), str(REPO)], check=False
        )
        assert result.returncode == -9
        expected = Session.open(example)
        for n in range(count):
            edit_number(expected, n)

        session = Session.open(folder, journal=True)
        found = session.find_recovery()
        if not expected.history:
            assert found is None
            continue
        assert found is not None and found.files_changed_since == []
        assert session.restore(found) == len(expected.history)
        assert _state(session) == _state(expected)
        recovered_edits += len(found.edits)
        session.save()
        session.close()
        assert not (folder / RECOVERY_DIR).exists()
    record(
        "recovery",
        "Unsaved edits survive a SIGKILL: the next start restores them exactly; save or quit removes the journal",
        "tests/reliability/test_crash_recovery.py",
        sessions_killed=len(counts),
        edits_recovered=recovered_edits,
        edits_lost=0,
    )


def test_clean_quit_leaves_no_journal(example: Path) -> None:
    session = Session.open(example, journal=True)
    edit_number(session, 1)
    assert (example / RECOVERY_DIR / "journal.jsonl").exists()
    session.close()
    assert not (example / RECOVERY_DIR).exists()
    assert Session.open(example).find_recovery() is None
