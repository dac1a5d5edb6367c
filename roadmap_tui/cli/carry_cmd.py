"""`roadmap carry FROM TO`: the open items of a quarter carried into the next (planning.carry),
written through storage."""

from __future__ import annotations

from pathlib import Path

import click

from roadmap_tui.cli.common import (
    handle_errors,
    workspace_option,
)
from roadmap_tui.cli.output import echo
from roadmap_tui.cli.planning_common import (
    open_for_planning,
    quarter_value,
    save_plan,
    source_option,
)


@click.command()
@click.argument("source", metavar="FROM", callback=quarter_value)
@click.argument("target", metavar="TO", callback=quarter_value)
@workspace_option
@source_option
@click.option("--dry-run", is_flag=True, help="Show what would move; write nothing.")
@click.pass_context
@handle_errors
def carry(
    ctx: click.Context,
    source: str,
    target: str,
    workspace: Path | None,
    spec: str | None,
    dry_run: bool,
) -> None:
    """Move every item of FROM that is not done or dropped into TO (sets carried_from; keeps
    ids, asks and dependencies)."""
    from roadmap_tui.planning.carry import carry_plan
    from roadmap_tui.planning.common import PlanningError

    _, store = open_for_planning(ctx, workspace, spec)
    ws = store.workspace
    try:
        plan = carry_plan(ws, source, target)
    except PlanningError as error:
        raise click.ClickException(str(error)) from None
    if not plan.moves:
        echo(f"Nothing to carry: every item of {source} is done or dropped.")
        return
    verb = "Would carry" if dry_run else "Carried"
    echo(f"{verb} {len(plan.moves)} item(s) from {source} to {target}:")
    for move in plan.moves:
        echo(f"  {move.item} ({move.reason})")
    if dry_run:
        echo("Dry run: nothing written.")
        return
    written = save_plan(store, ws, plan)
    echo("Written: " + ", ".join(str(path) for path in written))
