"""`roadmap reservations sync --portfolio FILE [--write]`: a lending team's reservation items made
to match what other teams ask of it. The plan comes from roadmap_tui.portfolio; the files are
written by storage (comments kept)."""

from __future__ import annotations

from pathlib import Path

import click

from roadmap_tui.cli.common import handle_errors, open_store, workspace_option, workspace_path
from roadmap_tui.cli.output import echo
from roadmap_tui.cli.portfolio_cmds import no_fetch_option


def load_name(file: Path) -> str:
    from roadmap_tui.storage.portfolio import read_portfolio_file

    return read_portfolio_file(file)[0]


@click.group()
def reservations() -> None:
    """Reservations: the days your team lends to other teams' asks, as items of your plan."""


@reservations.command()
@workspace_option
@click.option(
    "--portfolio",
    "file",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The portfolio.toml that lists the asking teams' workspaces.",
)
@click.option("--write", is_flag=True, help="Save the changes (without it: only print the plan).")
@no_fetch_option
@click.pass_context
@handle_errors
def sync(
    ctx: click.Context, workspace: Path | None, file: Path, write: bool, no_fetch: bool
) -> None:
    """Create, move, resize and remove this workspace's reservations to match the asks of it.

    Run in the lending team's workspace (-w). Prints the plan first; --write saves it. Asks that
    do not fit the free capacity are not reserved: they are listed for you to decide. In-progress
    and done reservations are never changed.
    """
    from roadmap_tui.cli.portfolio_cmds import with_local
    from roadmap_tui.portfolio.sync import apply_sync, plan_sync

    path = workspace_path(ctx, workspace)
    store = open_store(path)
    ws = store.workspace
    # This workspace, as it is on disk here, stands in for its member (or joins the portfolio).
    _, report = with_local(file, path, None, no_fetch)
    for line in report.unreadable:
        echo(f"warning: member {line.source}: {line.error}", err=True)
    name = load_name(file)
    plan = plan_sync(ws, report)
    echo(f"Reservations of {ws.owner} for the asks in {name}:")
    for action in plan.actions:
        echo(f"  {action.sentence()}")
    if plan.empty:
        echo("  nothing to change: every ask that fits is reserved")
    for left in plan.not_fitting:
        echo(f"  {left.sentence()}")
    for note in plan.left:
        echo(f"  left: {note}")
    if plan.empty:
        return
    if not write:
        echo("Nothing written (add --write to save these changes).")
        return
    apply_sync(ws, plan)
    result = store.save(ws)
    names = ", ".join(p.name for p in result.written) or "nothing"
    echo(f"Saved: {names}")
