"""Everything the CLI prints goes through here: rich on a terminal, plain rows written as
produced elsewhere, and every character a person wrote made inert for a terminal first
(`terminal_text`).

On a pipe or into a file, a table is plain text (columns padded with spaces), written row by
row; rich (and its import) is kept for a person at a terminal. JSON and CSV are written item by
item, never built as one string first. No escape sequence from a title, a note or a team name
reaches the terminal, whatever the command: `echo` for lines, `Printer` for styled lines and
tables, `inert_console()` for rich output (its strings pass `terminal_text` before layout, and
every segment again before it is written).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from typing import IO, TYPE_CHECKING, Any

import click

from roadmap_tui.exporters.csv_out import Cell, csv_text
from roadmap_tui.exporters.terminal_text import terminal_json, terminal_text

if TYPE_CHECKING:
    from rich.console import Console

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
        text = terminal_json(json.dumps(row, indent=2, ensure_ascii=False)).replace("\n", "\n  ")
        out.write(("[\n  " if first else ",\n  ") + text)
        first = False
    out.write("[]\n" if first else "\n]\n")


def write_csv(rows: Iterable[Sequence[Cell]]) -> None:
    """Rows (the header first) as CSV, row by row, by the one CSV rule (`exporters.csv_out`:
    formulas quoted, CR and LF always inside quotes); made inert on a terminal only."""
    out = stdout()
    shown = on_terminal()  # exact for a program reading a pipe or file
    for row in rows:
        line = csv_text([row])
        out.write(terminal_text(line[:-1]) + "\n" if shown else line)


def write_plain_table(
    headers: Sequence[str], rows: Sequence[Sequence[str]], right: Iterable[int] = ()
) -> None:
    """Columns padded to their widest cell, two spaces apart; no trailing spaces."""
    aligned_right = set(right)
    headers = [terminal_text(header) for header in headers]
    rows = [[terminal_text(cell) for cell in row] for row in rows]
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
        text = terminal_text(text)
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
        inert_console(
            file=stdout(), width=PIPE_WIDTH, color_system=None, highlight=False, soft_wrap=False
        ).print(renderable)

    def pieces(self, pieces: Iterable[tuple[str, str]]) -> None:
        """Text in (text, style) pieces, as `exporters.draft_words` makes them: drawn by rich on
        a terminal; on a pipe or into a file the plain text, its trailing blanks trimmed, and
        rich never imported."""
        if self.terminal:
            from rich.text import Text

            text = Text()
            for piece, style in pieces:
                text.append(piece, style)
            text.rstrip()
            self.console.print(text)
            return
        plain = terminal_text("".join(piece for piece, _ in pieces)).rstrip()
        stdout().write("".join(line.rstrip() + "\n" for line in plain.split("\n")))

    @property
    def console(self) -> Any:
        if self._console is None:
            self._console = inert_console(highlight=False, soft_wrap=True)
        return self._console


def echo(message: object = "", *, err: bool = False, nl: bool = True) -> None:
    click.echo(terminal_text(str(message)), err=err, nl=nl)


def echo_data(text: str) -> None:
    """A data format for another program (CSV): exact when piped or redirected (a title keeps
    every character it has, the CSV writer made it inert for spreadsheets), made inert like any
    other text when it is shown on a terminal."""
    click.echo(terminal_text(text) if sys.stdout.isatty() else text, nl=False)


def echo_json(data: Any) -> None:
    """`data` as indented JSON, non-ASCII text as it is, controls as JSON escapes."""
    click.echo(terminal_json(json.dumps(data, indent=2, sort_keys=False, ensure_ascii=False)))


def inert_console(**options: Any) -> Console:
    """A rich Console whose every string is made inert first."""
    from rich.console import Console
    from rich.segment import Segment

    class InertConsole(Console):
        def render_str(self, text: str, **kwargs: Any) -> Any:
            # Strings before layout, so widths are measured on what is shown.
            return super().render_str(terminal_text(text), **kwargs)

        def render(self, renderable: Any, options: Any = None) -> Any:
            # And every segment after it: rich Text objects built from user text too.
            for segment in super().render(renderable, options):
                if segment.control is None:
                    shown = terminal_text(segment.text)
                    if shown != segment.text:
                        segment = Segment(shown, segment.style)
                yield segment

    return InertConsole(**options)


def wide_console() -> Console:
    """An inert console; piped output gets a wide page instead of 80 columns of folded text."""
    import os

    console = inert_console()
    if not console.is_terminal and "COLUMNS" not in os.environ:
        console = inert_console(width=160)
    return console
