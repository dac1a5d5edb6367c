"""`roadmap feedback`: the four questions (typed in, or a form's CSV export), themes, and the
document by theme. The rules live in roadmap_tui.intake, the Markdown in
roadmap_tui.exporters.feedback_report; this module reads and prints.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
from pathlib import Path

import click

from roadmap_tui.cli import common
from roadmap_tui.cli.changing import changing as _changing
from roadmap_tui.cli.changing import located as _located
from roadmap_tui.cli.common import (
    date_value,
    handle_errors,
    open_store,
    today,
    workspace_option,
    workspace_path,
)
from roadmap_tui.cli.documents import markdown_output, write_document
from roadmap_tui.cli.output import echo, wide_console
from roadmap_tui.exporters.feedback_report import feedback_report
from roadmap_tui.intake import (
    QUESTIONS,
    add_feedback,
    import_feedback,
    parse_map,
    read_feedback_csv,
    set_theme,
)
from roadmap_tui.intake.lookup import find_item, team_id, theme_ids
from roadmap_tui.intake.rounds import select
from roadmap_tui.models import FOUR_QUESTIONS
from roadmap_tui.models.validation import FEEDBACK_FILE


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
    if missing and common.interactive():
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
            on=on or today(),
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
    wide_console().print(table)


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
    write_document(
        feedback_report(store.workspace, chosen), output, force, workspace_path(ctx, workspace)
    )
