"""Writing what a command prints: rich on a terminal, plain rows written as produced elsewhere.

On a pipe or into a file, a table is plain text (columns padded with spaces, numbers to the
right), written row by row; rich (and its import) is kept for a person at a terminal. JSON and
CSV are written item by item, never built as one string first.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Sequence
from typing import IO, Any

from roadmap_tui.exporters.csv_out import Cell, spreadsheet_cell

GAP = "  "
PIPE_WIDTH = 200  # shared renderables on a pipe: wide enough that rows do not fold


def stdout() -> IO[str]:
    """The standard output as it is now (tests replace it)."""
    return sys.stdout


def on_terminal() -> bool:
    """Is a person reading stdout at a terminal (rather than a pipe, a file or a test)?"""
    return stdout().isatty()


def write_json_list(rows: Iterable[Any]) -> None:
    """The same text as `json.dumps(list(rows), indent=2, ensure_ascii=False)`, one item at a
    time."""
    out = stdout()
    first = True
    for row in rows:
        text = json.dumps(row, indent=2, ensure_ascii=False).replace("\n", "\n  ")
        out.write(("[\n  " if first else ",\n  ") + text)
        first = False
    out.write("[]\n" if first else "\n]\n")


def write_csv(rows: Iterable[Sequence[Cell]]) -> None:
    """Rows (the header first) as CSV, each cell safe for a spreadsheet (`spreadsheet_cell`)."""
    writer = csv.writer(stdout(), lineterminator="\n")
    for row in rows:
        writer.writerow([spreadsheet_cell(value) for value in row])


def write_plain_table(
    headers: Sequence[str], rows: Sequence[Sequence[str]], right: Iterable[int] = ()
) -> None:
    """Columns padded to their widest cell, two spaces apart; no trailing spaces."""
    aligned_right = set(right)
    widths = [len(header) for header in headers]
    for row in rows:
        for n, cell in enumerate(row):
            if len(cell) > widths[n]:
                widths[n] = len(cell)
    last = len(headers) - 1
    out = stdout()

    def line(cells: Sequence[str]) -> str:
        parts = [
            cell.rjust(widths[n])
            if n in aligned_right
            else (cell if n == last else cell.ljust(widths[n]))
            for n, cell in enumerate(cells)
        ]
        return GAP.join(parts).rstrip() + "\n"

    out.write(line(headers))
    for row in rows:
        out.write(line(row))


class Printer:
    """Lines of text with an optional style: drawn by rich on a terminal, plain otherwise.

    Text is never read as rich markup, so `[x]` in a title stays as written."""

    def __init__(self) -> None:
        self.terminal = on_terminal()
        self._console: Any = None

    def line(self, text: str = "", style: str | None = None) -> None:
        if not self.terminal:
            stdout().write(text + "\n")
            return
        from rich.text import Text

        self.console.print(Text(text, style=style or ""))

    def show(self, renderable: Any) -> None:
        """A renderable both faces share (`exporters.rich_views`): drawn on a terminal; on a pipe
        or into a file the same rows as plain text, without colour, wide enough not to fold."""
        if self.terminal:
            self.console.print(renderable)
            return
        from rich.console import Console

        Console(
            file=stdout(), width=PIPE_WIDTH, color_system=None, highlight=False, soft_wrap=False
        ).print(renderable)

    @property
    def console(self) -> Any:
        if self._console is None:
            from rich.console import Console

            self._console = Console(highlight=False, soft_wrap=True)
        return self._console
