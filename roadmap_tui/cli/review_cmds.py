"""`roadmap stage` and `roadmap status`: the review flow from the command line.

The rule (which stage may follow which, the review log) is roadmap_tui.planning.stages, the same
the terminal app's stage dialog calls; what each quarter's status holds is planning.status.
"""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from pathlib import Path

import click

from roadmap_tui.cli.changing import changing
from roadmap_tui.cli.common import (
    date_value,
    handle_errors,
    open_store,
    today,
    workspace_option,
    workspace_path,
)
from roadmap_tui.cli.output import echo
from roadmap_tui.models import STAGES, file_of
from roadmap_tui.models.edits import apply
from roadmap_tui.models.numbers import fmt as show
from roadmap_tui.planning.stages import ReopenNeeded, StageError, next_stage, set_stage
from roadmap_tui.planning.status import QuarterStatus, quarter_statuses


@click.command()
@click.argument("quarter")
@click.argument("stage_name", metavar="STAGE", type=click.Choice(STAGES))
@click.option("--by", required=True, metavar="WHO", help="Who reviewed or approved it.")
@click.option("--note", default=None, help="What was decided (goes to the review log).")
@click.option(
    "--on",
    "on",
    callback=date_value,
    metavar="YYYY-MM-DD",
    help="Date of the review (default: today).",
)
@click.option("--reopen", is_flag=True, help="Go back to an earlier stage (reopens the review).")
@workspace_option
@click.pass_context
@handle_errors
def stage(
    ctx: click.Context,
    quarter: str,
    stage_name: str,
    by: str,
    note: str | None,
    on: dt.date | None,
    reopen: bool,
    workspace: Path | None,
) -> None:
    """Set QUARTER's review stage and log who did it, when and why.

    Stages: draft, team-reviewed, po-approved, directors-approved, published. Forward to any
    later stage; back to an earlier one only with --reopen.
    """
    path = workspace_path(ctx, workspace)
    with changing(path) as store:
        ws = store.workspace
        before = ws.quarters[quarter].quarter.stage if quarter in ws.quarters else None
        try:
            edits = set_stage(ws, quarter, stage_name, by, note, on or today(), reopen)
        except ReopenNeeded as refused:
            raise click.ClickException(
                f"{refused}; nothing changed (--reopen to go back)"
            ) from None
        except StageError as refused:
            raise click.ClickException(f"{refused}; nothing changed") from None
        for edit in edits:
            apply(ws, edit)
        store.save(ws)
    review = ws.quarters[quarter].quarter.reviews[-1]
    when = review.on.isoformat() if review.on else "?"
    echo(
        f"{store.source.shown(file_of(quarter))}: {quarter} {before} -> {stage_name}"
        f" (by {review.by}, {when})"
    )
    following = next_stage(stage_name)
    if following is not None:
        echo(f"Next: roadmap stage {quarter} {following} --by WHO")


@click.command()
@click.option("--quarter", default=None, metavar="QUARTER", help="Only this quarter.")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@workspace_option
@click.pass_context
@handle_errors
def status(ctx: click.Context, quarter: str | None, fmt: str, workspace: Path | None) -> None:
    """Where each quarter stands: review stage, last review, items, load against capacity and
    what is still open."""
    from roadmap_tui.intake import request_rows

    store = open_store(workspace_path(ctx, workspace))
    ws = store.workspace
    if quarter is not None and quarter not in ws.quarters:
        known = ", ".join(sorted(ws.quarters)) or "none"
        raise click.BadParameter(
            f"no quarter {quarter} in {store.source.display} (quarters: {known})",
            param_hint="'--quarter'",
        )
    rows = [
        row
        for row in quarter_statuses(ws, store.problems)
        if quarter is None or row.quarter == quarter
    ]
    open_requests = [r.id for r in request_rows(ws, today(), open_only=True)]
    if fmt == "json":
        data = {
            "workspace": ws.roadmap.workspace.name,
            "current_quarter": ws.roadmap.workspace.current_quarter,
            "quarters": [row.to_json() for row in rows],
            "open_requests": open_requests,
        }
        echo(json.dumps(data, indent=2))
        return
    current = ws.roadmap.workspace.current_quarter
    echo(
        f"{ws.roadmap.workspace.name} ({store.source.display})"
        + (f": current quarter {current}" if current else "")
    )
    for row in rows:
        echo("")
        echo("\n".join(_lines(row)))
    echo("")
    if open_requests:
        text = f"Open requests ({len(open_requests)}): {', '.join(open_requests)}"
        echo("\n".join(textwrap.wrap(text, width=96, subsequent_indent="  ")))
        echo("  (roadmap request list --open)")
    else:
        echo("Open requests: none")


def _lines(row: QuarterStatus) -> list[str]:
    review = row.last_review
    head = f"{row.quarter}  {row.stage}"
    if review is not None:
        when = f" on {review.on.isoformat()}" if review.on else ""
        head += f"  (last review: {review.stage} by {review.by or '?'}{when})"
    else:
        head += "  (not reviewed yet)"
    counts = ", ".join(f"{n} {status}" for status, n in row.items.items())
    lines = [head, f"  items: {row.item_count}" + (f" ({counts})" if counts else "")]
    own = row.owner_load
    if own is not None:
        lines.append(
            f"  load: {own.team} {show(own.used)} of {show(own.capacity)} days"
            + (f", over by {show(-own.free)}" if own.overloaded else f", {show(own.free)} free")
        )
    others = [load for load in row.loads if load.team != row.owner and load.used]
    if others:
        asked = ", ".join(f"{load.team} {show(load.used)}/{show(load.capacity)}" for load in others)
        lines += textwrap.wrap(
            asked, width=96, initial_indent="  asked of: ", subsequent_indent="    "
        )
    if row.problems:
        lines.append("  open:")
        lines += [f"    - {problem}" for problem in row.problems]
    else:
        lines.append("  open: nothing")
    if row.next_stage is not None:
        lines.append(f"  next: {row.next_stage}")
    return lines
