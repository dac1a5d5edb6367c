"""Snapshots at the narrowest (80x24) and a wide (200x60) terminal: the plan and the inbox keep
their key columns, and every dialog's buttons are on screen. (120x36: test_snapshots.py and
test_view_snapshots.py.)

Update with `pytest tests/tui/test_size_snapshots.py --snapshot-update` only after looking at
the report of the differences.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from tests.tui.conftest import app_on, opened

SMALL = (80, 24)
LARGE = (200, 60)


def _after(*keys: str, change: tuple[str, str, str] | None = None) -> Any:
    async def run_before(pilot: Pilot[Any]) -> None:
        await opened(pilot)
        if change is not None:  # a file changed outside the app
            path, old, new = change
            text = Path(path).read_text(encoding="utf-8")
            Path(path).write_text(text.replace(old, new, 1), encoding="utf-8")
        await pilot.press(*keys)
        await pilot.pause()
        pilot.app.clear_notifications()
        await pilot.pause()

    return run_before


def test_plan_80x24(example: Path, snap_compare: Any) -> None:
    assert snap_compare(app_on(example), terminal_size=SMALL, run_before=_after())


def test_plan_200x60(example: Path, snap_compare: Any) -> None:
    assert snap_compare(app_on(example), terminal_size=LARGE, run_before=_after())


def test_inbox_80x24(example: Path, snap_compare: Any) -> None:
    assert snap_compare(app_on(example), terminal_size=SMALL, run_before=_after("6"))


def test_inbox_200x60(example: Path, snap_compare: Any) -> None:
    assert snap_compare(app_on(example), terminal_size=LARGE, run_before=_after("6"))


def test_move_reason_80x24(example: Path, snap_compare: Any) -> None:
    run_before = _after("greater_than_sign")  # SPACELIFT-DR of published 2026-Q4
    assert snap_compare(app_on(example), terminal_size=SMALL, run_before=run_before)


def test_external_change_80x24(example: Path, snap_compare: Any) -> None:
    change = (str(example / "2027-Q1.toml"), "estimate = 18", "estimate = 19")
    run_before = _after(
        "right_square_bracket", "greater_than_sign", "enter", "ctrl+s", change=change
    )
    assert snap_compare(app_on(example), terminal_size=SMALL, run_before=run_before)


def test_unsaved_changes_80x24(example: Path, snap_compare: Any) -> None:
    run_before = _after("right_square_bracket", "greater_than_sign", "enter", "q")
    assert snap_compare(app_on(example), terminal_size=SMALL, run_before=run_before)


def test_help_80x24(example: Path, snap_compare: Any) -> None:
    assert snap_compare(app_on(example), terminal_size=SMALL, run_before=_after("question_mark"))
