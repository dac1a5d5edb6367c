"""Child processes for the terminal-app benchmark: the real app, and a bare Textual baseline.

`python -m benchmarks.tui_child app|bare WORKSPACE [--keys N]` starts the app headless, and
when the first screen is up and idle (the pilot's start: the first interactive frame) presses
`down` N times, then prints JSON: key press times and peak memory (ru_maxrss, KiB).
"""

from __future__ import annotations

import glob
import json
import resource
import sys
import time
import tomllib
from pathlib import Path
from typing import Any

from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import DataTable


class BareTable(App[None]):
    """The baseline: the same rows in one DataTable, read with tomllib."""

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder

    def compose(self) -> ComposeResult:
        yield DataTable()

    def on_mount(self) -> None:
        table: DataTable[Any] = self.query_one(DataTable)
        table.add_columns("id", "title", "team", "status", "estimate", "score")
        for path in sorted(glob.glob(str(self.folder / "*.toml"))):
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
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


def main() -> None:
    kind, folder = sys.argv[1], Path(sys.argv[2])
    keys = int(sys.argv[4]) if len(sys.argv) > 4 else 0
    if kind == "app":
        from roadmap_tui.tui.app import make_app

        app: App[Any] = make_app(folder, cursor_blink=False)
    else:
        app = BareTable(folder)
    presses: list[float] = []

    async def pilot(pilot: Pilot[Any]) -> None:
        shown = getattr(pilot.app, "shown", None)
        if shown is not None:
            # The app reads the workspace in a worker: its first interactive frame is when the
            # plan view is drawn with its rows (`shown`); scores fill in right after.
            await shown.wait()
            await pilot.app.derived_ready.wait()
        await pilot.pause()
        for _ in range(keys):
            start = time.perf_counter()
            await pilot.press("down")
            presses.append(time.perf_counter() - start)
        pilot.app.exit()

    app.run(headless=True, size=(140, 40), auto_pilot=pilot)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"presses": presses, "peak_kib": peak}))


if __name__ == "__main__":
    main()
