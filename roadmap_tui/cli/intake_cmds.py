"""`roadmap request`, `roadmap feedback` and `roadmap announce`: the team's intake and the way back.

Requests go from a channel message to an item in the backlog and a decision; feedback from the
four questions (typed in, or a form's CSV export) to a document by theme; done work back to the
channels as release notes. The rules live in roadmap_tui.intake, the Markdown in
roadmap_tui.exporters; this module reads and prints.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from roadmap_tui.cli.changing import changing as _changing
from roadmap_tui.cli.changing import located as _located
from roadmap_tui.cli.common import (
    F,
    date_value,
    handle_errors,
    open_store,
    today,
    workspace_option,
    workspace_path,
)
from roadmap_tui.cli.output import echo, inert_console
from roadmap_tui.exporters.announcements import release_notes
from roadmap_tui.exporters.feedback_report import feedback_report
from roadmap_tui.intake import (
    ACTIONS,
    QUESTIONS,
    RequestRow,
    add_feedback,
    add_request,
    decide,
    decisions_since,
    done_since_date,
    done_since_version,
    import_feedback,
    parse_map,
    plan_changes,
    read_feedback_csv,
    score_input,
    set_theme,
)
from roadmap_tui.intake.lookup import find_item, team_id, theme_ids, unknown_requester
from roadmap_tui.intake.requests import days_input, parse_ask
from roadmap_tui.intake.rounds import select
from roadmap_tui.models import FOUR_QUESTIONS, Ask, file_of
from roadmap_tui.models.edits import applied
from roadmap_tui.models.numbers import fmt_input
from roadmap_tui.models.validation import BACKLOG_FILE, FEEDBACK_FILE
from roadmap_tui.storage import WorkspaceStore
from roadmap_tui.storage.outputs import write_output

if TYPE_CHECKING:
    from rich.console import Console

# --- shared helpers ------------------------------------------------------------------------


def _score(ctx: click.Context, param: click.Parameter, value: str | None) -> int | float | None:
    """A value-effort input, 1 to 10; 8 stays 8 in the file, 2.5 stays 2.5."""
    if value is None:
        return None
    try:
        return score_input(param.name or "value", value)
    except ValueError as error:
        raise click.BadParameter(str(error), ctx=ctx, param=param) from None


def _interactive() -> bool:
    """Whether a person is at the keyboard to answer questions (tests replace this)."""
    return sys.stdin.isatty()


def _today() -> dt.date:
    return today()


def _write_document(text: str, output: Path | None, force: bool, workspace: Path) -> None:
    """Print a Markdown document, or write it to a file (storage.outputs' rules)."""
    if output is None:
        echo(text, nl=False)
        return
    write_output(output, text.encode("utf-8"), force=force, workspace=workspace)
    echo(f"{output}: written")


def _channels(store: WorkspaceStore, teams: list[str]) -> str:
    ws = store.workspace
    found = []
    for ident in teams:
        team = ws.team(ident)
        label = team.channel if team is not None and team.channel else ident
        if label not in found:
            found.append(label)
    return ", ".join(found)


# --- roadmap request -----------------------------------------------------------------------


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
            _today(),
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
    rows = request_rows(store.workspace, _today(), open_only=open_only)
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
    _console().print(table)


def _console() -> Console:
    """Rich's console; piped output gets a wide page instead of 80 columns of folded text."""
    import os

    console = inert_console()
    if not console.is_terminal and "COLUMNS" not in os.environ:
        console = inert_console(width=160)
    return console


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


# --- roadmap feedback ----------------------------------------------------------------------


@click.group()
def feedback() -> None:
    """Feedback from the four questions: add, import a form export, group by theme, report."""


@feedback.command("add")
@click.option("--from", "team", required=True, metavar="TEAM", help="Team giving feedback.")
@click.option("--about", default=None, metavar="ITEM", help="The item it is about.")
@click.option(
    "--on", "on", callback=date_value, metavar="YYYY-MM-DD", help="Date given (default: today)."
)
@click.option("--experience", default=None, help=FOUR_QUESTIONS["experience"])
@click.option("--liked", default=None, help=FOUR_QUESTIONS["liked"])
@click.option("--disliked", default=None, help=FOUR_QUESTIONS["disliked"])
@click.option("--improve", default=None, help=FOUR_QUESTIONS["improve"])
@click.option("--theme", "themes", multiple=True, metavar="THEME", help="Theme id (repeatable).")
@click.option(
    "--round",
    "round_name",
    default=None,
    metavar="NAME",
    help="Feedback round (default: the workspace's current quarter).",
)
@workspace_option
@click.pass_context
@handle_errors
def feedback_add(
    ctx: click.Context,
    team: str,
    about: str | None,
    on: dt.date | None,
    experience: str | None,
    liked: str | None,
    disliked: str | None,
    improve: str | None,
    themes: tuple[str, ...],
    round_name: str | None,
    workspace: Path | None,
) -> None:
    """Record one team's answers to the four questions (asked for any not given as options)."""
    path = workspace_path(ctx, workspace)
    answers = {"experience": experience, "liked": liked, "disliked": disliked, "improve": improve}
    missing = [q for q in QUESTIONS if answers[q] is None]
    if missing and _interactive():
        # Check names before asking, so a typo does not cost the answers; no lock while typing.
        store = open_store(path)
        with _located(store):
            ws = store.workspace
            team_id(ws, team)
            if about is not None:
                find_item(ws, about)
            theme_ids(ws.feedback, themes)
        for question in missing:
            answers[question] = click.prompt(
                FOUR_QUESTIONS[question], default="", show_default=False
            )
    with _changing(path) as store:
        ws, entry = add_feedback(
            store.workspace,
            team,
            answers,
            on=on or _today(),
            about=about,
            themes=themes,
            round_name=round_name,
        )
        store.save(ws)
    count = len(ws.feedback.feedback) if ws.feedback is not None else 0
    echo(
        f"{store.source.shown(FEEDBACK_FILE)}: feedback from {entry.from_team} recorded"
        f" (entry {count}" + (f", round {entry.round_name})" if entry.round_name else ")")
    )


@feedback.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--map",
    "maps",
    multiple=True,
    metavar='"COLUMN=FIELD"',
    help="Which field a column fills (from, on, about, experience, liked, disliked, improve,"
    " themes, or ignore); repeatable.",
)
@click.option("--dry-run", is_flag=True, help="Show what would be imported; write nothing.")
@click.option(
    "--round",
    "round_name",
    default=None,
    metavar="NAME",
    help="Feedback round (default: the workspace's current quarter).",
)
@workspace_option
@click.pass_context
@handle_errors
def feedback_import(
    ctx: click.Context,
    file: Path,
    maps: tuple[str, ...],
    dry_run: bool,
    round_name: str | None,
    workspace: Path | None,
) -> None:
    """Import a survey or form export (CSV): one entry per row, with a note on each row left out."""
    overrides: dict[str, str] = {}
    for spec in maps:
        try:
            column, target = parse_map(spec)
        except ValueError as error:
            raise click.BadParameter(str(error), param_hint="'--map'") from None
        overrides[column] = target
    path = workspace_path(ctx, workspace)
    with _changing(path) as store:
        result = read_feedback_csv(
            _csv_text(file), store.workspace, name=str(file), overrides=overrides
        )
        mapped = ", ".join(f"{column} -> {field}" for field, column in result.columns.items())
        echo(f"{file}: columns: {mapped}")
        for message in result.report():
            echo(f"{file}: {message}", err=True)
        if not result.entries:
            if result.duplicates:
                echo(
                    f"{file}: nothing new; {result.duplicates} row(s) are in feedback.toml already"
                )
                return
            raise click.ClickException(f"{file}: no usable rows; nothing imported")
        if dry_run:
            for row, entry in result.entries:
                when = entry.on.isoformat() if entry.on else "no date"
                first = next(getattr(entry, q) for q in QUESTIONS if getattr(entry, q))
                echo(f"row {row}: {entry.from_team}, {when}: {_short(first)}")
        else:
            imported = import_feedback(store.workspace, (e for _, e in result.entries), round_name)
            store.save(imported)
            landed = imported.feedback.feedback[-1].round_name if imported.feedback else None
    skipped = f"; {len(result.skipped)} row(s) skipped" if result.skipped else ""
    count = len(result.entries)
    if dry_run:
        echo(
            f"dry run: would import {count} entr{'y' if count == 1 else 'ies'}{skipped}; nothing written"
        )
    else:
        into = f" into round {landed}" if landed else ""
        echo(
            f"{store.source.shown(FEEDBACK_FILE)}: imported {count}"
            f" entr{'y' if count == 1 else 'ies'} from {file}{into}{skipped}"
        )


def _csv_text(file: Path) -> str:
    """The CSV file as text (dropped by the caller once parsed: 100,000 rows are megabytes)."""
    from roadmap_tui.storage.sources import read_input

    data = read_input(file)
    try:
        # utf-8-sig drops the byte-order mark Excel writes; the csv module splits the lines,
        # so newlines inside quoted answers stay part of the answer.
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        at = error.start + (len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0)
        line = data[:at].count(b"\n") + 1
        raise click.ClickException(
            f"{file}: line {line}: not UTF-8 text (byte {at + 1}); export the CSV as UTF-8"
        ) from None
    return text


def _short(text: str, width: int = 70) -> str:
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1] + "…"


@feedback.command("theme")
@click.argument("theme_id", metavar="THEME")
@click.option("--title", default=None, help="What the theme is, in the users' words.")
@click.option(
    "--link", "items", multiple=True, metavar="ITEM", help="Improvement item that answers it."
)
@click.option(
    "--entry",
    "entries",
    multiple=True,
    type=click.IntRange(min=1),
    metavar="N",
    help="Feedback entry (as numbered by `feedback list`) to put under the theme.",
)
@workspace_option
@click.pass_context
@handle_errors
def feedback_theme(
    ctx: click.Context,
    theme_id: str,
    title: str | None,
    items: tuple[str, ...],
    entries: tuple[int, ...],
    workspace: Path | None,
) -> None:
    """Create or update a theme: its title, its improvement items and its feedback entries."""
    path = workspace_path(ctx, workspace)
    with _changing(path) as store:
        ws, change = set_theme(store.workspace, theme_id, title=title, items=items, entries=entries)
        store.save(ws)
    parts = [f"theme {theme_id} {'created' if change.created else 'updated'}"]
    if change.linked:
        parts.append(f"linked {', '.join(change.linked)}")
    if change.tagged:
        parts.append(f"entries {', '.join(str(n) for n in change.tagged)} tagged")
    echo(f"{store.source.shown(FEEDBACK_FILE)}: {'; '.join(parts)}")


@feedback.command("list")
@click.option("--no-theme", "untagged", is_flag=True, help="Only entries without a theme.")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@workspace_option
@click.pass_context
@handle_errors
def feedback_list(ctx: click.Context, untagged: bool, fmt: str, workspace: Path | None) -> None:
    """Feedback entries, numbered as `feedback theme --entry N` takes them."""
    store = open_store(workspace_path(ctx, workspace))
    log = store.workspace.feedback
    numbered = list(enumerate(log.feedback if log is not None else [], start=1))
    if untagged:
        numbered = [(n, e) for n, e in numbered if not e.themes]
    if fmt == "json":
        data = [
            {"entry": n, **e.model_dump(mode="json", by_alias=True, exclude_none=True)}
            for n, e in numbered
        ]
        echo(json.dumps(data, indent=2, sort_keys=False))
        return
    if not numbered:
        echo(f"{store.source.display}: no feedback entries")
        return
    from rich.table import Table

    table = Table()
    for name in ("entry", "from", "on", "round", "about", "themes", "experience"):
        table.add_column(name, overflow="fold", justify="right" if name == "entry" else "left")
    for number, entry in numbered:
        table.add_row(
            str(number),
            entry.from_team,
            entry.on.isoformat() if entry.on else "-",
            entry.round_name or "",
            entry.about or "",
            ", ".join(entry.themes),
            _short(entry.experience or entry.improve or entry.liked or entry.disliked, 60),
        )
    _console().print(table)


def markdown_output(command: F) -> F:
    """`-o FILE.md` and `--force`, for the commands that write a Markdown document."""
    command = click.option("--force", is_flag=True, help="Overwrite FILE.md if it exists.")(command)
    return click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help="Write the Markdown to FILE.md instead of printing it.",
    )(command)


@feedback.command("report")
@click.option(
    "--round",
    "round_name",
    default=None,
    metavar="NAME",
    help="Only this round's feedback, its themes compared with the previous round's.",
)
@click.option(
    "--since",
    "since",
    callback=date_value,
    metavar="YYYY-MM-DD",
    help="Only feedback given on or after the date.",
)
@markdown_output
@workspace_option
@click.pass_context
@handle_errors
def feedback_report_cmd(
    ctx: click.Context,
    round_name: str | None,
    since: dt.date | None,
    output: Path | None,
    force: bool,
    workspace: Path | None,
) -> None:
    """The combined feedback document, by theme, with counts, improvement items and quotes."""
    if round_name is not None and since is not None:
        raise click.UsageError("--round or --since, not both")
    store = open_store(workspace_path(ctx, workspace))
    with _located(store):
        chosen = select(store.workspace, round_name=round_name, since=since)
    _write_document(
        feedback_report(store.workspace, chosen), output, force, workspace_path(ctx, workspace)
    )


# --- roadmap announce ----------------------------------------------------------------------


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
    _write_document(text, output, force, path)
