"""`roadmap move ID... --to QUARTER|backlog`: the app's moves, headless, for scripts and CI.

The rule (what moves, statuses, notes, done items staying) is planning.moves.move_items, the same
function the terminal app's defer, pull in, plan and backlog keys call.
"""

from __future__ import annotations

from pathlib import Path

import click

from roadmap_tui.cli.common import handle_errors, workspace_option
from roadmap_tui.cli.output import echo
from roadmap_tui.cli.planning_common import open_for_planning, source_option
from roadmap_tui.models import BACKLOG, is_quarter_id
from roadmap_tui.models.validation import nearest


def _target(ctx: click.Context, param: click.Parameter, value: str) -> str:
    if value != BACKLOG and not is_quarter_id(value):
        raise click.BadParameter(f"{value!r} is not a quarter id (YYYY-Qn, n = 1..4) or `backlog`")
    return value


@click.command()
@click.argument("item_ids", metavar="ID...", nargs=-1, required=True)
@click.option(
    "--to", "target", required=True, callback=_target, help="A quarter (YYYY-Qn) or `backlog`."
)
@click.option("--note", default=None, help="Why: written into each moved item's `note`.")
@click.option("--create", is_flag=True, help="Create the quarter if it does not exist yet.")
@click.option("--dry-run", is_flag=True, help="Say what would move; write nothing.")
@workspace_option
@source_option
@click.pass_context
@handle_errors
def move(
    ctx: click.Context,
    item_ids: tuple[str, ...],
    target: str,
    note: str | None,
    create: bool,
    dry_run: bool,
    workspace: Path | None,
    spec: str | None,
) -> None:
    """Move items to a quarter or to the backlog, as the app's defer, pull in, plan and backlog do.

    Done items stay where they were delivered. Moving to the backlog makes an item `proposed`, out
    of the backlog `planned`; between quarters the status is kept. The note (default: "deferred
    to ..." or "pulled into ..." between quarters) replaces each moved item's `note`. A move that
    breaks a dependency order is made, and the broken orders are printed; so are teams without
    capacity in the quarter.
    """
    from roadmap_tui.models.edits import apply
    from roadmap_tui.planning.move_report import move_report
    from roadmap_tui.planning.moves import MoveRefused, NoSuchQuarter, move_items

    _, store = open_for_planning(ctx, workspace, spec)
    ws = store.workspace
    known = [item.id for item in ws.all_items()]
    for item_id in item_ids:
        if ws.find(item_id) is None:
            hint = nearest(item_id, known)
            raise click.ClickException(
                f"there is no item {item_id}" + (f": did you mean {hint}?" if hint else "")
            )
    try:
        moved = move_items(ws, item_ids, target, note, create=create)
    except NoSuchQuarter as error:
        raise click.ClickException(f"{error} (add --create to create it)") from None
    except MoveRefused as error:
        raise click.ClickException(str(error)) from None
    report = move_report(ws, moved)
    verb = "Would move" if dry_run else "Moved"
    for each in moved.moves:
        where = "the backlog" if each.source == BACKLOG else each.source
        echo(f"{verb} {each.item} from {where} to {_place(target)}" + _changes(each))
    for item_id, why in moved.stayed:
        echo(f"Stays: {item_id} is {why}")
    if moved.created:
        echo(f"{'Would create' if dry_run else 'Created'} quarter {target} (stage draft)")
    for violation in report.broken:
        echo(f"broken order: {violation.sentence()}", err=True)
    for load in report.without_capacity:
        echo(f"no capacity: {load.sentence()}", err=True)
    for load in report.overloaded:
        if load not in report.without_capacity:
            echo(f"over capacity: {load.sentence()}", err=True)
    if not moved.moves:
        echo("Nothing moved.")
        return
    if dry_run:
        echo("Dry run: nothing written.")
        return
    apply(ws, moved.edit)
    written = store.save(ws).written
    echo("Written: " + ", ".join(str(path) for path in written))


def _place(location: str) -> str:
    return "the backlog" if location == BACKLOG else location


def _changes(each: object) -> str:
    parts = []
    status = getattr(each, "status", None)
    note = getattr(each, "note", None)
    if status:
        parts.append(f"status {status}")
    if note:
        parts.append(f"note {note!r}")
    return f" ({', '.join(parts)})" if parts else ""
