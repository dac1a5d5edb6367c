"""Child process: switching views and frameworks in the app, against a bare app switching screens.

`python -m benchmarks.tui_views_child app|bare WORKSPACE` prints JSON with the times (seconds) of
each key press under Textual's Pilot, which waits until the screen has settled: the first visit
of each view, later visits, and framework switches in the prioritise view. The bare app switches
between two modes of plain DataTables, so the Pilot's own cost shows in the baseline too.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import DataTable


class _TableScreen(Screen[None]):
    def __init__(self, rows: int) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        yield DataTable()

    def on_mount(self) -> None:
        table: DataTable[Any] = self.query_one(DataTable)
        table.add_columns("id", "title", "value")
        for n in range(self.rows):
            table.add_row(f"ITEM-{n:05d}", "a title of some words", str(n))


class BareModes(App[None]):
    """Two modes of 40-row tables switched with 1 and 2: Textual's own cost of a switch."""

    BINDINGS = [("1", "switch_mode('a')"), ("2", "switch_mode('b')")]
    MODES = {"a": lambda: _TableScreen(40), "b": lambda: _TableScreen(40)}  # noqa: RUF012

    def on_mount(self) -> None:
        self.switch_mode("a")


async def _timed(pilot: Pilot[Any], key: str) -> float:
    start = time.perf_counter()
    await pilot.press(key)
    await pilot.pause()
    return time.perf_counter() - start


def main() -> None:
    kind, folder = sys.argv[1], Path(sys.argv[2])
    out: dict[str, list[float]] = {"first": [], "again": [], "framework": []}

    async def drive(pilot: Pilot[Any]) -> None:
        app = pilot.app
        if kind == "app":
            await app.shown.wait()  # type: ignore[attr-defined]
            await app.derived_ready.wait()  # type: ignore[attr-defined]
            await pilot.pause()
            for key in "23456":
                out["first"].append(await _timed(pilot, key))
                await app.workers.wait_for_complete()
            for _ in range(2):
                for key in "123456":
                    out["again"].append(await _timed(pilot, key))
            await _timed(pilot, "2")
            for _ in range(10):
                out["framework"].append(await _timed(pilot, "f"))
        else:
            await pilot.pause()
            out["first"].append(await _timed(pilot, "2"))
            for _ in range(6):
                out["again"].append(await _timed(pilot, "1"))
                out["again"].append(await _timed(pilot, "2"))
        app.exit()

    app: App[Any]
    if kind == "app":
        from roadmap_tui.tui.app import make_app

        app = make_app(folder, cursor_blink=False, journal=False, tune_collector=True)
    else:
        app = BareModes()
    app.run(headless=True, size=(140, 40), auto_pilot=drive)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
