"""`roadmap announce`: done work back to the channels as release notes (since a date or a git
revision), with the plan's changes. The Markdown lives in roadmap_tui.exporters.announcements.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from roadmap_tui.cli.common import (
    handle_errors,
    open_store,
    workspace_option,
    workspace_path,
)
from roadmap_tui.cli.documents import markdown_output, write_document
from roadmap_tui.cli.output import echo
from roadmap_tui.exporters.announcements import release_notes
from roadmap_tui.intake import (
    decisions_since,
    done_since_date,
    done_since_version,
    plan_changes,
)


@click.command()
@click.option(
    "--since",
    "since",
    required=True,
    metavar="DATE|git:REV",
    help="A date (YYYY-MM-DD) or a git revision of the workspace (git:v2026-Q3).",
)
@markdown_output
@workspace_option
@click.pass_context
@handle_errors
def announce(
    ctx: click.Context, since: str, output: Path | None, force: bool, workspace: Path | None
) -> None:
    """Release notes of the items done since DATE or git:REV, and plan changes since git:REV.

    Markdown to paste into a channel, the weekly stand-up notes or the Friday update.
    """
    path = workspace_path(ctx, workspace)
    store = open_store(path)
    ws = store.workspace
    if since.startswith("git:"):
        before_store = open_store(path, since)
        before = before_store.workspace
        commit = before_store.source.commit
        label = f"{since} ({commit[:10]})" if commit else since
        text = release_notes(
            ws,
            done_since_version(ws, before),
            label,
            changes=plan_changes(ws, before),
            decisions=decisions_since(ws, before),
        )
    else:
        try:
            day = dt.date.fromisoformat(since)
        except ValueError:
            raise click.BadParameter(
                f"{since!r}: expected a date (YYYY-MM-DD) or git:REV", param_hint="'--since'"
            ) from None
        done, undated = done_since_date(ws, day)
        if undated:
            ids = ", ".join(item.id for item in undated)
            echo(
                f"{store.source.display}: {len(undated)} done item(s) without done_on left out:"
                f" {ids} (set done_on = YYYY-MM-DD)",
                err=True,
            )
        text = release_notes(ws, done, day.isoformat())
    write_document(text, output, force, path)
