"""`roadmap capacity`: each team's load against its capacity per quarter (planning.capacity),
as a table or JSON; `--check` fails CI when a team is overloaded."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from roadmap_tui.cli.common import (
    handle_errors,
    workspace_option,
)
from roadmap_tui.cli.output import Printer, echo, write_json_list, write_plain_table
from roadmap_tui.cli.planning_common import (
    fail_if_unread,
    format_option,
    open_for_planning,
    quarter_value,
    source_option,
)


@click.command()
@workspace_option
@source_option
@click.option(
    "--quarter", callback=quarter_value, default=None, help="Only this quarter (YYYY-Qn)."
)
@format_option
@click.option("--check", is_flag=True, help="Exit 1 when any team is overloaded (for CI).")
@click.pass_context
@handle_errors
def capacity(
    ctx: click.Context,
    workspace: Path | None,
    spec: str | None,
    quarter: str | None,
    output: str,
    check: bool,
) -> None:
    """Capacity per team and quarter: own work, asks of other teams, used, free, overloaded.

    Done items count as spent; dropped items do not count; unestimated items count 0 and are
    named.
    """
    from roadmap_tui.planning.capacity import team_loads
    from roadmap_tui.planning.graph import PlanGraph

    _, store = open_for_planning(ctx, workspace, spec)
    ws = store.workspace
    graph = PlanGraph(ws)
    loads = team_loads(graph, quarter)
    over = [load for load in loads if load.overloaded]
    complete = not store.loaded.unread
    if output == "json":
        write_json_list(load.to_json() for load in loads)
    else:
        _print_capacity(loads, complete)
    fail_if_unread(store)
    if check and over:
        if output == "json":
            for load in over:
                echo(f"overloaded: {load.sentence()}", err=True)
        raise SystemExit(1)


def _print_capacity(loads: list[Any], complete: bool) -> None:

    from roadmap_tui.models.numbers import fmt as show

    console = Printer()
    headers = ["quarter", "team", "capacity", "own", "asked", "used", "free", "note"]
    rows = []
    for load in loads:
        flags = []
        if load.overloaded:
            flags.append(f"over by {show(-load.free)}")
        if not load.known_team:
            flags.append("not a team in roadmap.toml")
        elif not load.has_capacity:
            flags.append("no capacity given")
        if load.unestimated:
            flags.append(f"{len(load.unestimated)} unestimated")
        if load.done:
            flags.append(f"{show(load.done)} done")
        if load.dropped:
            flags.append(f"{show(load.dropped)} dropped, not counted")
        rows.append(
            [
                load.quarter,
                load.team,
                show(load.capacity),
                show(load.own),
                show(load.asked),
                show(load.used),
                show(load.free),
                ", ".join(flags),
            ]
        )
    if console.terminal:
        _rich_capacity(console, headers, rows, [load.overloaded for load in loads])
    else:
        write_plain_table(headers, rows, right=range(2, 7))
    over = [load for load in loads if load.overloaded]
    for load in over:
        console.line(f"overloaded: {load.sentence()}")
    for load in loads:
        if load.unestimated:
            console.line(
                f"unestimated (counted 0): {load.team} {load.quarter}: {', '.join(load.unestimated)}"
            )
    if not over and complete:
        console.line("No team is over capacity.")
    elif not over:
        console.line("No team is over capacity in what could be read.")


def _rich_capacity(
    console: Printer, headers: list[str], rows: list[list[str]], over: list[bool]
) -> None:
    """The capacity table on a terminal: a section per quarter, overloads in red."""
    from rich.table import Table
    from rich.text import Text

    table = Table(show_edge=False, pad_edge=False)
    for name in headers:
        table.add_column(name, justify="left" if name in ("quarter", "team", "note") else "right")
    previous = None
    for row, overloaded in zip(rows, over, strict=True):
        if previous is not None and row[0] != previous:
            table.add_section()
        previous = row[0]
        note = Text(row[-1])
        if overloaded:
            note.stylize("bold red", 0, row[-1].index(",") if "," in row[-1] else len(row[-1]))
        table.add_row(*row[:-1], note)
    console.console.print(table)
