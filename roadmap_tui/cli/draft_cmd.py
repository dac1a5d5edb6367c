"""`roadmap draft QUARTER`: the most valuable quarter that fits every team (planning.draft),
shown or written through storage."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from roadmap_tui.cli.common import (
    handle_errors,
    workspace_option,
)
from roadmap_tui.cli.output import Printer, echo, echo_json
from roadmap_tui.cli.planning_common import (
    format_option,
    open_for_planning,
    quarter_value,
    save_plan,
    source_option,
    value_of,
)
from roadmap_tui.models import Workspace


@click.command()
@click.argument("quarter", callback=quarter_value)
@workspace_option
@source_option
@click.option("--write", is_flag=True, help='Write the quarter file (stage = "draft").')
@format_option
@click.pass_context
@handle_errors
def draft(
    ctx: click.Context,
    quarter: str,
    workspace: Path | None,
    spec: str | None,
    write: bool,
    output: str,
) -> None:
    """Propose a plan for QUARTER: leftovers first, then the backlog items worth most that fit
    every team's free capacity, never before what they depend on. Says why each item left out
    was left out."""
    from roadmap_tui.planning.draft import draft_quarter

    _, store = open_for_planning(ctx, workspace, spec)
    ws = store.workspace
    result = draft_quarter(ws, quarter, value_of(ws))
    if output == "json":
        echo_json(result.to_json())
    else:
        _print_draft(result, ws)
    if write:
        written = save_plan(store, ws, result.plan)
        message = "Written: " + ", ".join(str(path) for path in written)
        echo(message, err=output == "json")
    elif output != "json":
        echo("Not written (add --write to write the quarter file as a draft).")


def _print_draft(result: Any, ws: Workspace) -> None:
    from roadmap_tui.exporters.draft_words import draft_pieces

    console = Printer()
    console.line(f"Draft of {result.quarter}", "bold")
    console.pieces(draft_pieces(result))
