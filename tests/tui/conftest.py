"""Pilot and snapshot tests of the terminal app: a fixed day, a steady cursor, no user config."""

from __future__ import annotations

import asyncio
import datetime as dt
import inspect
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from roadmap_tui.tui.app import RoadmapApp, make_app

TODAY = dt.date(2026, 11, 27)
SIZE = (120, 36)
# The frozen fixture workspace's 2026-Q4 items, in file order.
Q4 = [
    "SPACELIFT-DR",
    "HELM-INTEGRATION-TESTS",
    "APP-MODULE-GA",
    "TAGGING",
    "SPACELIFT-MIGRATION",
    "CI-SLO-QUEUE-TIME",
    "SPACELIFT-WORKSHOP",
    "DATADOG-MONITORS-AS-CODE",
    "CHART-MUSEUM-SUNSET",
    "REQ-SPACELIFT-NOTIFICATIONS",
]


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run `async def` tests in a fresh event loop (Pilot tests need one; no plugin needed)."""
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    names = pyfuncitem._fixtureinfo.argnames  # noqa: SLF001 - pytest has no public per-test fixture names
    asyncio.run(pyfuncitem.obj(**{name: pyfuncitem.funcargs[name] for name in names}))
    return True


@pytest.fixture(autouse=True)
def _no_user_config(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The person's own config, theme and terminal settings must not reach the tests."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    for name in ("TEXTUAL", "TEXTUAL_THEME", "TEXTUAL_ANIMATIONS", "NO_COLOR", "COLUMNS", "LINES"):
        monkeypatch.delenv(name, raising=False)


def app_on(path: Path, *, editor_ahead: bool = False) -> RoadmapApp:
    # Files changed outside are looked for by hand in tests (see test_refinement), not on a timer.
    # The item editor is built at its first opening, not ahead (~0.4 s of CPU per app, 20 s of
    # the suite); test_editor tests building it ahead.
    return make_app(
        path, today=lambda: TODAY, cursor_blink=False, poll_seconds=3600, editor_ahead=editor_ahead
    )


async def opened(pilot: Pilot[None]) -> None:
    """Wait until the workspace is read and its scores and capacity derived (two workers, the
    second started by the first), and the view is drawn."""
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
    await pilot.pause()


async def type_text(pilot: Pilot[None], text: str) -> None:
    """Put `text` into the focused field at its cursor in one step, as a paste does: the field
    reacts once (validation, suggestions), not once per character. Anything but a text field
    gets the keys."""
    await pilot.pause()  # a focus() just asked for takes effect first
    focused = pilot.app.focused
    if isinstance(focused, Input):
        focused.insert_text_at_cursor(text)
    elif isinstance(focused, TextArea):
        focused.insert(text)
    else:
        await pilot.press(*text)
    await pilot.pause()
