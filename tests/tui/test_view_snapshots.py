"""Snapshots at 120x36 of views 2-6 on the example workspace.

Update with `pytest tests/tui/test_view_snapshots.py --snapshot-update` only after looking at the
report of the differences.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from roadmap_tui.tui.screens.compare import CompareScreen
from roadmap_tui.workbench.impact_sources import SAVED
from tests.tui.conftest import SIZE, app_on, opened


def _view(*keys: str) -> Any:
    async def run_before(pilot: Pilot[Any]) -> None:
        await opened(pilot)
        await pilot.press(*keys)
        await pilot.pause()

    return run_before


def test_prioritise_view(example: Path, snap_compare: Any) -> None:
    run_before = _view("2", "down")
    assert snap_compare(app_on(example), terminal_size=SIZE, run_before=run_before)


def test_prioritise_view_by_rice(example: Path, snap_compare: Any) -> None:
    run_before = _view("2", "f")
    assert snap_compare(app_on(example), terminal_size=SIZE, run_before=run_before)


def test_capacity_view(example: Path, snap_compare: Any) -> None:
    run_before = _view("3", "down", "down", "down")
    assert snap_compare(app_on(example), terminal_size=SIZE, run_before=run_before)


def test_dependencies_view(example: Path, snap_compare: Any) -> None:
    run_before = _view("4", "down", "down", "down", "down", "down", "down", "down")
    assert snap_compare(app_on(example), terminal_size=SIZE, run_before=run_before)


def test_compare_view(example: Path, snap_compare: Any) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await opened(pilot)
        await pilot.press("5")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, CompareScreen)
        screen.choose(SAVED, ["scenario:adopt-account-structure"])
        screen.query_one("#compare-main").focus()
        for _ in range(3):  # the comparison runs in a worker
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()

    assert snap_compare(app_on(example), terminal_size=SIZE, run_before=run_before)


def test_inbox_view(example: Path, snap_compare: Any) -> None:
    run_before = _view("6")
    assert snap_compare(app_on(example), terminal_size=SIZE, run_before=run_before)
