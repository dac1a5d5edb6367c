"""Snapshots at 120x36: the plan view, the editor with an error shown, the unsaved-changes prompt.

Update with `pytest tests/tui/test_snapshots.py --snapshot-update` only after looking at the
report of the differences.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input

from tests.tui.conftest import SIZE, app_on, opened, type_text


async def _ready(pilot: Pilot[Any]) -> None:
    await opened(pilot)


def test_plan_view(example: Path, snap_compare: Any) -> None:
    assert snap_compare(app_on(example), terminal_size=SIZE, run_before=_ready)


def test_editor_with_an_error(example: Path, snap_compare: Any) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await opened(pilot)
        await pilot.press("enter")
        estimate = pilot.app.screen.query_one("#field-estimate", Input)
        estimate.focus()
        estimate.value = ""
        await type_text(pilot, "-4")
        await pilot.pause()

    assert snap_compare(app_on(example), terminal_size=SIZE, run_before=run_before)


def test_unsaved_changes_prompt(example: Path, snap_compare: Any) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await opened(pilot)
        await pilot.press("right_square_bracket", "greater_than_sign", "enter", "b", "enter")
        pilot.app.clear_notifications()
        await pilot.press("q")
        await pilot.pause()

    assert snap_compare(app_on(example), terminal_size=SIZE, run_before=run_before)
