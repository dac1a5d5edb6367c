"""Child processes for the terminal-app benchmark: the real app, and a bare Textual baseline.

`python -m benchmarks.tui_child app|bare WORKSPACE [--keys N]` starts the app headless, and
when the first screen is up and idle (the pilot's start: the first interactive frame) notes the
time (`frame_at`, wall clock: the parent knows when it started the process), presses `down` N
times (and with `--frameworks N` switches the prioritise view's framework N times), then prints
JSON: that time, key press times and peak memory (VmHWM of the child itself, KiB).
`--tty` runs the app in the terminal it is given, for the pseudo-terminal timing (pty_frame.py).
Kinds: `app`, `bare` (every row in one DataTable), `bare-quarter` (every file parsed, the
current quarter's rows shown).

Two key press times, both for the real app and the bare one alike:

- `presses`: `await pilot.press("down")`. Pilot polls for idleness in 20 ms sleeps (twice per key
  at least), so these come in steps of about 20 ms and a bare DataTable already takes 40-60 ms.
- `answers`: from posting the key event to the end of the last screen refresh it causes, once
  every widget has handled what the key set off (the messages it posted, the repaint they asked
  for). No sleeping: this is the time until the screen shows the whole answer. Screens refresh
  at most 60 times a second, so a bare DataTable answers in about one frame (16 ms).
"""

from __future__ import annotations

import asyncio
import glob
import json
import resource
import sys
import time
import tomllib
from pathlib import Path
from typing import Any

from textual import events
from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import DataTable


class BareTable(App[None]):
    """The baseline: the same rows in one DataTable, read with tomllib.

    With `quarter_only`, every file is still parsed but only the current quarter's rows are
    shown, as the app's first view does: the fair baseline for its first frame."""

    def __init__(self, folder: Path, *, quarter_only: bool = False) -> None:
        super().__init__()
        self.folder = folder
        self.quarter_only = quarter_only

    def compose(self) -> ComposeResult:
        yield DataTable()

    def on_mount(self) -> None:
        table: DataTable[Any] = self.query_one(DataTable)
        table.add_columns("id", "title", "team", "status", "estimate", "score")
        parsed = {
            Path(path).stem: tomllib.loads(Path(path).read_text(encoding="utf-8"))
            for path in sorted(glob.glob(str(self.folder / "*.toml")))
        }
        current = parsed.get("roadmap", {}).get("workspace", {}).get("current_quarter")
        for name, data in parsed.items():
            if self.quarter_only and name != current:
                continue
            for item in data.get("items", []):
                score = item.get("score", {})
                ratio = score["value"] / score["effort"] if score.get("effort") else None
                table.add_row(
                    item["id"],
                    item["title"],
                    item.get("team", ""),
                    item.get("status", ""),
                    str(item.get("estimate", "")),
                    f"{ratio:.2f}" if ratio is not None else "",
                )
        table.focus()


class Answers:
    """Times from posting a key to the end of the last screen refresh it causes."""

    def __init__(self, pilot: Pilot[Any]) -> None:
        self.pilot = pilot
        self.app = pilot.app
        self.refreshed = asyncio.Event()
        self.last_refresh = 0.0
        display = self.app._display  # noqa: SLF001 - the benchmark times Textual's own frame and idle (textual is pinned)

        def timed_display(screen: Any, renderable: Any) -> None:
            display(screen, renderable)
            self.last_refresh = time.perf_counter()
            self.refreshed.set()

        self.app._display = timed_display  # type: ignore[method-assign]  # noqa: SLF001 - the benchmark times Textual's own frame and idle (textual is pinned)

    def _pending(self) -> tuple[bool, bool]:
        """(messages waiting anywhere, a repaint waiting) on the current screen."""
        screen = self.app.screen
        nodes = [self.app, *screen.walk_children(with_self=True)]
        busy = any(node._message_queue.qsize() for node in nodes)  # noqa: SLF001 - the benchmark times Textual's own frame and idle (textual is pinned)
        dirty = bool(
            screen._layout_required  # noqa: SLF001 - the benchmark times Textual's own frame and idle (textual is pinned)
            or screen._repaint_required  # noqa: SLF001 - the benchmark times Textual's own frame and idle (textual is pinned)
            or screen._scroll_required  # noqa: SLF001 - the benchmark times Textual's own frame and idle (textual is pinned)
            or screen._dirty_widgets  # noqa: SLF001 - the benchmark times Textual's own frame and idle (textual is pinned)
        )
        return busy, dirty

    async def key(self, key: str) -> float:
        """Seconds until the screen shows the answer to `key`."""
        app = self.app
        self.refreshed.clear()
        self.last_refresh = 0.0
        start = time.perf_counter()
        event = events.Key(key, key if len(key) == 1 else None)
        event.set_sender(app)
        assert app._driver is not None  # noqa: SLF001 - the benchmark times Textual's own frame and idle (textual is pinned)
        app._driver.send_message(event)  # noqa: SLF001 - the benchmark times Textual's own frame and idle (textual is pinned)
        while True:
            await self.pilot._wait_for_screen()  # noqa: SLF001 - the benchmark times Textual's own frame and idle (textual is pinned)
            busy, dirty = self._pending()
            if not busy and not dirty:
                break
            if dirty and not busy:
                self.refreshed.clear()
                await asyncio.wait_for(self.refreshed.wait(), timeout=30)
        end = self.last_refresh or time.perf_counter()
        return end - start


def peak_kib() -> int:
    """This process's own peak resident memory (VmHWM), in KiB: unlike ru_maxrss, never the
    high-water mark of the process it was started from."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # pragma: no cover - not Linux


def make(kind: str, folder: Path) -> App[Any]:
    if kind == "app":
        from roadmap_tui.tui.app import make_app

        return make_app(folder, cursor_blink=False, tune_collector=True)
    return BareTable(folder, quarter_only=kind == "bare-quarter")


def main() -> None:
    kind, folder = sys.argv[1], Path(sys.argv[2])
    args = sys.argv[3:]
    if "--tty" in args:
        # In a (pseudo-)terminal, as a person starts it: the parent times the first drawn row.
        make(kind, folder).run()
        return
    keys = int(args[args.index("--keys") + 1]) if "--keys" in args else 0
    switches = int(args[args.index("--frameworks") + 1]) if "--frameworks" in args else 0
    app = make(kind, folder)
    presses: list[float] = []
    answered: list[float] = []
    frameworks: list[float] = []
    frame_at: list[float] = []

    async def pilot(pilot: Pilot[Any]) -> None:
        shown = getattr(pilot.app, "shown", None)
        if shown is not None:
            # The app reads the workspace in a worker: its first interactive frame is when the
            # plan view is drawn with its rows (`shown`); scores fill in right after.
            await shown.wait()
            await pilot.app.derived_ready.wait()
        await pilot.pause()
        frame_at.append(time.time())
        for _ in range(keys):
            start = time.perf_counter()
            await pilot.press("down")
            presses.append(time.perf_counter() - start)
        answers = Answers(pilot)
        for _ in range(keys):
            answered.append(await answers.key("down"))
        if switches:
            await answers.key("2")  # the prioritise view, built once
            await pilot.app.workers.wait_for_complete()
            await answers.key("f")
            for _ in range(switches):
                frameworks.append(await answers.key("f"))
        pilot.app.exit()

    app.run(headless=True, size=(140, 40), auto_pilot=pilot)
    print(
        json.dumps(
            {
                "frame_at": frame_at[0],
                "presses": presses,
                "answers": answered,
                "frameworks": frameworks,
                "peak_kib": peak_kib(),
            }
        )
    )


if __name__ == "__main__":
    main()
