"""`roadmap score`: rank items under a scoring framework; explain an item's score and rank."""

from __future__ import annotations

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
from roadmap_tui.cli.output import (
    echo,
    on_terminal,
    write_csv,
    write_json_list,
    write_plain_table,
)
from roadmap_tui.cli.workspace_cmds import framework_problems
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
# Lines of a terminal the table's title, header, caption and the "more" note take.
TABLE_CHROME = 8
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
@click.option(
    "--all",
    "all_rows",
    is_flag=True,
    help="On a terminal, every item (default: the first screenful). Pipes and files get all.",
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
    all_rows: bool,
) -> None:
    """Rank items by score, highest first; unscored items last with their missing inputs.

    Ties: higher value, then smaller estimate, then id. Nothing is written. On a terminal the
    table shows the first screenful (--all for every item); piped, every row, as plain text.
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
        write_json_list(_row(entry, ranking, where_of) for entry in ranking)
    elif fmt == "csv":
        _csv(ranking, where_of)
    else:
        _table(ranking, where_of, scope, all_rows=all_rows)


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

    def rows() -> Any:
        yield list(COLUMNS)
        for entry in ranking:
            row = _row(entry, ranking, where_of)
            row["missing"] = ";".join(row["missing"])
            yield [row[c] for c in COLUMNS]

    write_csv(rows())


def _table(
    ranking: Ranking, where_of: dict[str, str], scope: str, *, all_rows: bool = False
) -> None:
    framework = ranking.framework
    unscored = len(ranking) - ranking.scored_count
    what = "all items" if scope == ALL else scope
    title = f"{framework.name}: {what}, {len(ranking)} items" + (
        f", {unscored} unscored" if unscored else ""
    )
    caption = f"{framework.score_label} = {framework.score_formula}; ties: {TIE_RULE}"
    headers = ["#", "id", "title", "quarter", "value", framework.score_label, "quadrant"]
    headers.append("missing inputs")
    rows = [
        [
            "" if entry.rank is None else str(entry.rank),
            entry.item_id,
            ranking.item(entry.item_id).title,
            where_of[entry.item_id],
            "" if entry.value is None else _value(entry.value),
            "" if entry.score is None else show_result(entry.score),
            entry.quadrant or "",
            _missing(entry),
        ]
        for entry in ranking
    ]
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
    right = [n for n, h in enumerate(headers) if h in ("#", "value", framework.score_label)]
    if not on_terminal():
        echo(title)
        write_plain_table(headers, rows, right)
        echo(caption)
        return
    _rich_table(title, caption, headers, rows, right, all_rows=all_rows)


def _rich_table(
    title: str,
    caption: str,
    headers: list[str],
    rows: list[list[str]],
    right: list[int],
    *,
    all_rows: bool,
) -> None:
    """The table for a person at a terminal: the first screenful unless --all."""
    from rich import box
    from rich.console import Console
    from rich.table import Table

    console = Console(highlight=False)
    more = 0
    if not all_rows:
        shown = max(5, console.height - TABLE_CHROME)
        more = max(0, len(rows) - shown)
        rows = rows[:shown]
    table = Table(title=title, caption=caption, box=box.SIMPLE_HEAD)
    widths = [max([len(h), *(len(row[n]) for row in rows)]) for n, h in enumerate(headers)]
    others = sum(w for n, w in enumerate(widths) if headers[n] != "title")
    # The title gets what the other columns leave (padding and the gap between columns).
    title_width = max(12, min(48, console.width - others - 3 * len(headers)))
    for n, header in enumerate(headers):
        justify: Literal["right", "left"] = "right" if n in right else "left"
        if header == "missing inputs":  # the one column that wraps, by name
            table.add_column(header, min_width=min(widths[n], len(header)))
        elif header == "title":
            table.add_column(header, no_wrap=True, overflow="ellipsis", width=title_width)
        else:
            table.add_column(header, justify=justify, no_wrap=True, min_width=widths[n])
    for row in rows:
        table.add_row(*row)
    console.print(table)
    if more:
        console.print(
            f"... and {more} more items: `--all` shows every one; piped, all are written."
        )


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
