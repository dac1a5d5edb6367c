"""`roadmap score`: rank items under a scoring framework; explain an item's score and rank."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Literal

import click

from roadmap_tui.cli.common import (
    handle_errors,
    open_store,
    print_problems,
    workspace_option,
    workspace_path,
)
from roadmap_tui.cli.output import echo, echo_data, echo_json, inert_console
from roadmap_tui.cli.workspace_cmds import framework_problems
from roadmap_tui.exporters.csv_out import csv_text
from roadmap_tui.models import BACKLOG, Workspace
from roadmap_tui.models.validation import nearest
from roadmap_tui.scoring import (
    FRAMEWORKS,
    TIE_RULE,
    Ranking,
    Scored,
    compare,
    explain,
    framework_for,
    rank,
    sensitivity,
    show_result,
)

ALL = "all"
FORMATS = ("table", "json", "csv")
WIDTH_WHEN_PIPED = 132
COLUMNS = ("id", "title", "quarter", "framework", "value", "score", "rank", "quadrant", "missing")


@click.command()
@workspace_option
@click.option(
    "--framework",
    type=click.Choice(list(FRAMEWORKS)),
    default=None,
    help="Framework to rank by (default: [scoring].framework of roadmap.toml).",
)
@click.option(
    "--quarter",
    "scope",
    default=ALL,
    show_default=True,
    metavar="Q|backlog|all",
    help="Which items to rank: a quarter id, the backlog, or all.",
)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.option(
    "--explain",
    "explain_ids",
    multiple=True,
    metavar="ITEM",
    help="Explain an item's score, rank and sensitivity; give two to compare them.",
)
@click.pass_context
@handle_errors
def score(
    ctx: click.Context,
    workspace: Path | None,
    framework: str | None,
    scope: str,
    fmt: str,
    explain_ids: tuple[str, ...],
) -> None:
    """Rank items by score, highest first; unscored items last with their missing inputs.

    Ties: higher value, then smaller estimate, then id. Nothing is written.
    """
    if explain_ids and fmt != "table":
        raise click.UsageError("--explain prints text; leave out --format")
    path = workspace_path(ctx, workspace)
    store = open_store(path)
    ws = store.workspace
    locations = _scope(ws, scope)
    errors = [p for p in framework_problems(store, framework) if p.is_error]
    if errors:
        print_problems(errors)
        echo(f"{store.source.display}: {len(errors)} scoring error(s); nothing scored", err=True)
        raise SystemExit(1)
    chosen = framework_for(ws.roadmap.scoring, framework)
    items = [item for where, item in ws.located_items() if where in locations]
    ranking = rank(items, chosen)
    where_of = {item.id: where for where, item in ws.located_items()}
    if explain_ids:
        _explain(ws, ranking, explain_ids, where_of, scope)
    elif fmt == "json":
        rows = [_row(entry, ranking, where_of) for entry in ranking]
        echo_json(rows)
    elif fmt == "csv":
        _csv(ranking, where_of)
    else:
        _table(ranking, where_of, scope)


def _scope(ws: Workspace, scope: str) -> set[str]:
    """The locations (quarter ids, `backlog`) of the items to rank."""
    if scope == ALL:
        return {*ws.quarters, BACKLOG}
    if scope == BACKLOG or scope in ws.quarters:
        return {scope}
    known = ", ".join([*ws.quarter_ids(), BACKLOG, ALL])
    raise click.BadParameter(
        f"no quarter `{scope}` in the workspace (one of: {known})", param_hint="--quarter"
    )


def _number(x: float | None) -> float | None:
    """Numbers for JSON and CSV without float noise: 1.65, not 1.6500000000000001."""
    if x is None or isinstance(x, int):
        return x
    return round(x, 9)


def _row(entry: Scored, ranking: Ranking, where_of: dict[str, str]) -> dict[str, Any]:
    item = ranking.item(entry.item_id)
    where = where_of[entry.item_id]
    return {
        "id": entry.item_id,
        "title": item.title,
        "quarter": None if where == BACKLOG else where,
        "framework": ranking.framework.name,
        "value": _number(entry.value),
        "score": _number(entry.score),
        "rank": entry.rank,
        "quadrant": entry.quadrant,
        "missing": list(entry.missing or entry.out_of_range),
    }


def _csv(ranking: Ranking, where_of: dict[str, str]) -> None:
    """One row per item; titles that look like formulas are quoted (see exporters.csv_out)."""
    rows: list[list[Any]] = [list(COLUMNS)]
    for entry in ranking:
        row = _row(entry, ranking, where_of)
        row["missing"] = ";".join(row["missing"])
        rows.append([row[c] for c in COLUMNS])
    echo_data(csv_text(rows))


def _table(ranking: Ranking, where_of: dict[str, str], scope: str) -> None:
    from rich import box
    from rich.table import Table

    console = inert_console(highlight=False)
    if not console.is_terminal and "COLUMNS" not in os.environ:
        console = inert_console(
            highlight=False, width=WIDTH_WHEN_PIPED
        )  # files and pipes: no squeezing
    framework = ranking.framework
    unscored = len(ranking) - ranking.scored_count
    what = "all items" if scope == ALL else scope
    table = Table(
        title=f"{framework.name}: {what}, {len(ranking)} items"
        + (f", {unscored} unscored" if unscored else ""),
        caption=f"{framework.score_label} = {framework.score_formula}; ties: {TIE_RULE}",
        box=box.SIMPLE_HEAD,
    )
    headers = ["#", "id", "quarter", "value", framework.score_label, "quadrant", "missing inputs"]
    rows = []
    titles = []
    for entry in ranking:
        titles.append(ranking.item(entry.item_id).title)
        rows.append(
            [
                "" if entry.rank is None else str(entry.rank),
                entry.item_id,
                where_of[entry.item_id],
                "" if entry.value is None else _value(entry.value),
                "" if entry.score is None else show_result(entry.score),
                entry.quadrant or "",
                _missing(entry),
            ]
        )
    # Columns that would say nothing leave their room to the title: the quarter when one is
    # shown, the missing inputs when every item is scored.
    keep = [
        n
        for n, header in enumerate(headers)
        if not (header == "quarter" and scope != ALL)
        and not (header == "missing inputs" and not any(row[n] for row in rows))
    ]
    headers = [headers[n] for n in keep]
    rows = [[row[n] for n in keep] for row in rows]
    widths = [max([len(h), *(len(row[n]) for row in rows)]) for n, h in enumerate(headers)]
    # The title gets what the other columns leave (padding and the gap between columns).
    title_width = max(12, min(48, console.width - sum(widths) - 3 * (len(headers) + 1)))
    for n, header in enumerate(headers):
        right = header in ("#", "value", framework.score_label)
        if header == "missing inputs":  # the one column that wraps, by name
            table.add_column(header, min_width=min(widths[n], len(header)))
        else:
            justify: Literal["right", "left"] = "right" if right else "left"
            table.add_column(header, justify=justify, no_wrap=True, min_width=widths[n])
        if header == "id":
            table.add_column("title", no_wrap=True, overflow="ellipsis", width=title_width)
    for row, title in zip(rows, titles, strict=True):
        table.add_row(*row[:2], title, *row[2:])
    console.print(table)


def _missing(entry: Scored) -> str:
    if entry.out_of_range:
        return "out of range: " + ", ".join(entry.out_of_range)
    return ", ".join(entry.missing)


def _value(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else show_result(x)


def _explain(
    ws: Workspace, ranking: Ranking, ids: tuple[str, ...], where_of: dict[str, str], scope: str
) -> None:
    for item_id in ids:
        if item_id not in where_of:
            hint = nearest(item_id, where_of)
            raise click.ClickException(
                f"unknown item `{item_id}`" + (f": did you mean `{hint}`?" if hint else "")
            )
        if item_id not in ranking:
            raise click.ClickException(
                f"`{item_id}` is in {where_of[item_id]}, not in {scope} (use --quarter all)"
            )
    what = "all items" if scope == ALL else scope
    for number, item_id in enumerate(ids):
        if number:
            echo("")
        lines = list(explain(ranking, item_id).lines)
        lines.insert(1, f"in: {where_of[item_id]}; ranked among {what}")
        echo("\n".join(lines))
        echo("sensitivity (smallest change of one input to move one place):")
        for line in sensitivity(ranking, item_id).lines():
            echo(f"  {line}")
    if len(ids) > 1:
        echo("")
        for first, second in zip(ids, ids[1:], strict=False):
            if first != second:
                pair = compare(ranking.framework, ranking.item(first), ranking.item(second))
                echo(f"why: {pair}")
