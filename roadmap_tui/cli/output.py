"""Everything the CLI prints goes through here, made inert for a terminal (`terminal_text`).

`echo` for lines, `console()` for rich output: its strings (printed or in table cells) pass
`terminal_text` before rich lays them out, and every text segment again before it is written, so no escape sequence from a title, a note or a team
name reaches the terminal whatever the command.
"""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Any

import click

from roadmap_tui.exporters.terminal_text import terminal_json, terminal_text

if TYPE_CHECKING:
    from rich.console import Console


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
