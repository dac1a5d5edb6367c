"""Child process: how fast each dialog and each view's first visit answers in the app, against a
bare Textual app pushing a ModalScreen.

`python -m benchmarks.tui_dialogs_child app|bare WORKSPACE` prints JSON: seconds per key, timed as
`tui_child.Answers` times keys (from posting the key to the end of the last screen refresh it
causes; no Pilot sleeps), and the process's CPU time over the same span (on a loaded machine the
wall time includes waiting for a core). Each dialog is closed with escape (not timed) before the next key.
The dialogs of the other views (decide a request, export, scenario name, make room) are timed
from their views. The draft dialog (capacity view, `d`) is worked out in a thread: timed until
it is drawn.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from pathlib import Path
from typing import Any

from textual.app import App, ComposeResult
from textual.containers import Horizontal, Vertical
from textual.pilot import Pilot
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Static

from benchmarks.tui_child import Answers

# key -> what it opens, on the plan view (2026-Q4's first item selected)
PLAN_DIALOGS = {
    "greater_than_sign": "defer (reason)",
    "less_than_sign": "pull in (reason)",
    "b": "backlog (reason)",
    "x": "drop (reason)",
    "e": "edit form",
    "a": "add form",
    "r": "review stage",
    "question_mark": "help",
    "p": "plan into (backlog item)",
}
READING = 0.5  # seconds between the first frame and the first key (the app preloads dialogs)
# (view key or "" to stay, key, what it opens) after the first visits, which end on the inbox
VIEW_DIALOGS = [
    ("", "a", "decide request (inbox)"),
    ("5", "x", "export (compare)"),
    ("", "n", "scenario name (compare)"),
    ("3", "m", "make room (capacity)"),
]
VIEW_KEYS = {"2": "prioritise", "3": "capacity", "4": "dependencies", "5": "compare", "6": "inbox"}


class _Dialog(ModalScreen[None]):
    BINDINGS = [("escape", "dismiss")]

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("A question?")
            with Horizontal():
                yield Button("Yes")
                yield Button("No")


class BareModal(App[None]):
    """The baseline: `m` pushes a ModalScreen with a line and two buttons over a table."""

    BINDINGS = [("m", "open")]

    def compose(self) -> ComposeResult:
        yield DataTable()

    def on_mount(self) -> None:
        table: DataTable[str] = self.query_one(DataTable)
        table.add_columns("id", "title")
        for n in range(40):
            table.add_row(f"ITEM-{n:05d}", "a title of some words")
        table.focus()

    def action_open(self) -> None:
        self.push_screen(_Dialog())


async def _until_screen(pilot: Pilot[Any], answers: Answers, key: str, name: str) -> float:
    """Seconds from `key` until a screen of class `name` is drawn (work in a thread between)."""
    start = time.perf_counter()
    await answers.key(key)
    while type(pilot.app.screen).__name__ != name:
        await asyncio.sleep(0.002)
    await pilot.pause()
    return (answers.last_refresh or time.perf_counter()) - start


async def _close(pilot: Pilot[Any]) -> None:
    await pilot.press("escape")
    await pilot.pause()


class Timed:
    """Answer times (wall) and the process's CPU time over the same span: on a loaded machine the
    wall time includes waiting for a core, the CPU time is the app's own work."""

    def __init__(self, answers: Answers) -> None:
        self.answers = answers
        self.cpu: dict[str, float] = {}

    async def key(self, key: str, name: str) -> float:
        start = time.process_time()
        wall = await self.answers.key(key)
        self.cpu[name] = time.process_time() - start
        return wall


def main() -> None:
    kind, folder = sys.argv[1], Path(sys.argv[2])
    out: dict[str, float] = {}
    cpu_out: dict[str, float] = {}

    async def drive(pilot: Pilot[Any]) -> None:
        app = pilot.app
        answers = Answers(pilot)
        timed = Timed(answers)
        if kind == "bare":
            await pilot.pause()
            times, cpu = [], []
            for _ in range(5):
                times.append(await timed.key("m", "modal"))
                cpu.append(timed.cpu["modal"])
                await _close(pilot)
            out["modal"] = sorted(times)[len(times) // 2]
            cpu_out["modal"] = sorted(cpu)[len(cpu) // 2]
            app.exit()
            return
        await app.shown.wait()  # type: ignore[attr-defined]
        await app.derived_ready.wait()  # type: ignore[attr-defined]
        await pilot.pause()
        await asyncio.sleep(READING)  # a person reads the first screen before the first key
        await pilot.pause()
        for key, name in PLAN_DIALOGS.items():
            if key == "p":
                await pilot.press("right_square_bracket", "right_square_bracket")
                await pilot.press("right_square_bracket", "right_square_bracket")  # backlog
                await pilot.pause()
            out[name] = await timed.key(key, name)
            await _close(pilot)
        for key, view in VIEW_KEYS.items():
            out[f"first visit: {view}"] = await timed.key(key, f"first visit: {view}")
            await app.workers.wait_for_complete()
            await pilot.pause()
        # The dialogs of the other views, each from its view (the inbox is shown now).
        for view_key, key, name in VIEW_DIALOGS:
            if view_key:
                await answers.key(view_key)
                await app.workers.wait_for_complete()
                await pilot.pause()
            seconds = await timed.key(key, name)
            if isinstance(app.screen, ModalScreen):
                out[name] = seconds
                await _close(pilot)
            else:  # nothing to decide here (no request in this workspace, say): no row
                print(f"{name}: no dialog opened", file=sys.stderr)
                timed.cpu.pop(name, None)
        await answers.key("3")
        start = time.process_time()
        out["draft"] = await _until_screen(pilot, answers, "d", "DraftReviewScreen")
        timed.cpu["draft"] = time.process_time() - start
        await _close(pilot)
        cpu_out.update(timed.cpu)
        app.exit()

    app: App[Any]
    if kind == "app":
        from roadmap_tui.tui.app import make_app

        app = make_app(folder, cursor_blink=False, journal=False, tune_collector=True)
    else:
        app = BareModal()
    app.run(headless=True, size=(140, 40), auto_pilot=drive)
    print(json.dumps({"wall": out, "cpu": cpu_out}))


if __name__ == "__main__":
    main()
