"""`roadmap request`: requests from other teams, from a channel message to an item in the
backlog and a decision. The rules live in roadmap_tui.intake; this module reads and prints.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from roadmap_tui.cli.changing import changing as _changing
from roadmap_tui.cli.common import (
    handle_errors,
    open_store,
    today,
    workspace_option,
    workspace_path,
)
from roadmap_tui.cli.output import echo, wide_console
from roadmap_tui.intake import (
    ACTIONS,
    RequestRow,
    add_request,
    decide,
    score_input,
)
from roadmap_tui.intake.lookup import unknown_requester
from roadmap_tui.intake.requests import days_input, parse_ask
from roadmap_tui.models import Ask, file_of
from roadmap_tui.models.edits import applied
from roadmap_tui.models.numbers import fmt_input
from roadmap_tui.models.validation import BACKLOG_FILE
from roadmap_tui.storage import WorkspaceStore


def _score(ctx: click.Context, param: click.Parameter, value: str | None) -> int | float | None:
    """A value-effort input, 1 to 10; 8 stays 8 in the file, 2.5 stays 2.5."""
    if value is None:
        return None
    try:
        return score_input(param.name or "value", value)
    except ValueError as error:
        raise click.BadParameter(str(error), ctx=ctx, param=param) from None


def _channels(store: WorkspaceStore, teams: list[str]) -> str:
    ws = store.workspace
    found = []
    for ident in teams:
        team = ws.team(ident)
        label = team.channel if team is not None and team.channel else ident
        if label not in found:
            found.append(label)
    return ", ".join(found)


@click.group()
def request() -> None:
    """Requests from other teams: add them as they arrive, list them, decide on each.

    No request is lost: declined and merged ones stay in the backlog with their reason.
    """


def _asks(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> list[Ask]:
    found = []
    for text in values:
        try:
            found.append(parse_ask(text))
        except ValueError as error:
            raise click.BadParameter(str(error), ctx=ctx, param=param) from None
    return found


def _days(ctx: click.Context, param: click.Parameter, value: str | None) -> int | float | None:
    if value is None:
        return None
    try:
        return days_input(value)
    except ValueError as error:
        raise click.BadParameter(str(error), ctx=ctx, param=param) from None


@request.command("add")
@click.argument("title")
@click.option(
    "--from",
    "team",
    required=True,
    metavar="TEAM",
    help="Team asking: any team (a team of roadmap.toml, or not: a warning names the closest).",
)
@click.option(
    "--source", default=None, help='Where it came from: "#infra-requests thread, 2026-09-03".'
)
@click.option(
    "--value", callback=_score, metavar="1-10", help="Value, 1-10 (value-effort framework)."
)
@click.option(
    "--effort", callback=_score, metavar="1-10", help="Effort, 1-10 (value-effort framework)."
)
@click.option(
    "--estimate", callback=_days, metavar="DAYS", help="Person-days of our team it would take."
)
@click.option(
    "--ask",
    "asks",
    multiple=True,
    callback=_asks,
    metavar="TEAM:DAYS[:QUARTER]",
    help="Days it needs of another team of roadmap.toml (in its quarter unless QUARTER); repeatable.",
)
@click.option(
    "--depends-on",
    "depends_on",
    multiple=True,
    metavar="ID",
    help="An item it needs first (OWNER/ID: another workspace's); repeatable.",
)
@click.option("--goal", "goals", multiple=True, metavar="GOAL", help="Goal it serves; repeatable.")
@click.option("--link", default=None, metavar="URL", help="Tracker link.")
@click.option(
    "--id", "item_id", default=None, help="Choose the id (default: REQ- and the title's words)."
)
@workspace_option
@click.pass_context
@handle_errors
def request_add(
    ctx: click.Context,
    title: str,
    team: str,
    source: str | None,
    value: int | float | None,
    effort: int | float | None,
    estimate: int | float | None,
    asks: list[Ask],
    depends_on: tuple[str, ...],
    goals: tuple[str, ...],
    link: str | None,
    item_id: str | None,
    workspace: Path | None,
) -> None:
    """Add a request to the backlog as it arrives, with an open decision.

    With --estimate and --ask, `roadmap adopt` and `roadmap draft` count its days right away.
    """
    path = workspace_path(ctx, workspace)
    with _changing(path) as store:
        edit, item = add_request(
            store.workspace,
            title,
            team,
            today(),
            source=source,
            value=value,
            effort=effort,
            item_id=item_id,
            estimate=estimate,
            asks=asks,
            depends_on=depends_on,
            goals=goals,
            link=link,
        )
        ws = applied(store.workspace, edit)
        store.save(ws)
    requester = item.requested_by[0]
    warning = unknown_requester(ws, requester)
    if warning is not None:
        echo(f"{store.source.shown(BACKLOG_FILE)}: warning: {warning}", err=True)
    echo(
        f"{store.source.shown(BACKLOG_FILE)}: added {item.id} from {requester}"
        f" (open, received {item.received})"
    )
    facts = []
    if item.estimate is not None:
        facts.append(f"estimate {fmt_input(item.estimate)} days")
    facts += [
        f"asks {ask.team} {fmt_input(ask.days)}" + (f" in {ask.quarter}" if ask.quarter else "")
        for ask in item.asks
    ]
    if item.depends_on:
        facts.append(f"depends on {', '.join(item.depends_on)}")
    if item.goals:
        facts.append(f"serves {', '.join(item.goals)}")
    if facts:
        echo(f"  {'; '.join(facts)}")
    echo(f"Decide with: roadmap request decide {item.id} accept|decline|merge")


@request.command("list")
@click.option(
    "--open", "open_only", is_flag=True, help="Only requests still waiting for a decision."
)
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@workspace_option
@click.pass_context
@handle_errors
def request_list(ctx: click.Context, open_only: bool, fmt: str, workspace: Path | None) -> None:
    """Requests with their age and score: open ones first, oldest first."""
    from roadmap_tui.intake import request_rows, scoring_for

    store = open_store(workspace_path(ctx, workspace))
    rows = request_rows(store.workspace, today(), open_only=open_only)
    if fmt == "json":
        echo(json.dumps([row.as_json() for row in rows], indent=2, sort_keys=False))
        return
    if not rows:
        what = "open requests" if open_only else "requests"
        echo(f"{store.source.display}: no {what} (add one with `roadmap request add`)")
        return
    label, _ = scoring_for(store.workspace)
    _print_requests(rows, label)


def _print_requests(rows: list[RequestRow], score_label: str) -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from roadmap_tui.models.numbers import fmt, fmt_score

    table = Table(
        box=box.SIMPLE_HEAD,
        caption=f"age: days since received; score = {score_label} ('-': not scored yet)",
        caption_justify="left",
    )
    table.add_column("id", no_wrap=True)  # ids are copied into the next command: never folded
    table.add_column("title / reason", overflow="fold")
    table.add_column("from", overflow="fold")
    table.add_column("received", no_wrap=True)
    for name in ("age", "decision", "value", "effort", "score"):
        table.add_column(name, justify="left" if name == "decision" else "right")
    for row in rows:
        decision = row.decision
        if row.merged_into:
            decision += f" into {row.merged_into}"
        title = Text(row.title)
        if row.note:
            title.append(f"\n{row.note}", style="dim")
        table.add_row(
            row.id,
            title,
            ", ".join(row.requested_by),
            row.received.isoformat() if row.received else "-",
            fmt(row.age_days),
            decision,
            fmt(row.value),
            fmt(row.effort),
            fmt_score(row.score),
        )
    wide_console().print(table)


@request.command("decide")
@click.argument("item_id", metavar="ID")
@click.argument("action", type=click.Choice(ACTIONS))
@click.option(
    "--into", default=None, metavar="ID", help="merge: the item that covers this request."
)
@click.option("--note", default=None, help="Why (required to decline): people see it.")
@click.option("--force", is_flag=True, help="Change the decision on a request decided already.")
@workspace_option
@click.pass_context
@handle_errors
def request_decide(
    ctx: click.Context,
    item_id: str,
    action: str,
    into: str | None,
    note: str | None,
    force: bool,
    workspace: Path | None,
) -> None:
    """Accept, decline (with --note) or merge (--into ID) a request."""
    if action == "decline" and not (note and note.strip()):
        raise click.UsageError("decline needs --note: the reason is what the requesting team sees")
    if action == "merge" and not into:
        raise click.UsageError("merge needs --into ID: the item that covers this request")
    if action != "merge" and into:
        raise click.UsageError("--into is only for merge")
    path = workspace_path(ctx, workspace)
    with _changing(path) as store:
        edit, done = decide(
            store.workspace,
            item_id,
            action,  # type: ignore[arg-type]  # one of ACTIONS, checked by click.Choice
            into=into,
            note=note,
            force=force,
        )
        store.save(applied(store.workspace, edit))
    item = done.item
    shown = store.source.shown(file_of(done.location))
    if action == "accept":
        echo(f"{shown}: {item.id} accepted; it stays in the backlog until it is planned")
        echo("Plan it with `roadmap draft` (a quarter from the ranked backlog) or `roadmap adopt`.")
    elif action == "decline":
        echo(f"{shown}: {item.id} declined ({item.note}); kept in the backlog as dropped")
    else:
        target = done.target
        assert target is not None
        echo(f"{shown}: {item.id} merged into {target.id} ({target.title}); kept as dropped")
        if done.added_teams:
            echo(f"{target.id} is now also requested by {', '.join(done.added_teams)}")
    tell = _channels(store, list(item.requested_by))
    if tell:
        echo(f"Tell: {tell}")
