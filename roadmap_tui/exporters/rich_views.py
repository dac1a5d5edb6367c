"""Rich renderables both faces show: an impact's tables, the options side by side, a make-room
proposal and a drafted quarter. `roadmap impact`/`adopt`/`draft` print them; the terminal app
puts them in its views and dialogs, so the two never drift apart (arrows, figures, wording).

Every cell holding user text is a `Text`, never markup. Imports rich: import this module
inside the function that needs it on start-up paths.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from roadmap_tui.exporters.draft_words import draft_pieces
from roadmap_tui.exporters.impact_rows import impact_sections
from roadmap_tui.impact.vocabulary import OPTION_HEADINGS
from roadmap_tui.models.numbers import fmt, signed

if TYPE_CHECKING:
    from roadmap_tui.impact import Impact, Options
    from roadmap_tui.planning.adoption import Adoption
    from roadmap_tui.planning.draft import Draft


def table(headers: list[str]) -> Table:
    found = Table(
        box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, header_style="bold", expand=False
    )
    for header in headers:
        # "re-estimated" is the longest change: the column never squeezes it into the next one.
        found.add_column(header, overflow="fold", min_width=12 if header == "Change" else None)
    return found


def _cell(value: str | Text) -> Text:
    return value if isinstance(value, Text) else Text(value)


def section(
    title: str,
    headers: list[str],
    rows: list[list[str | Text]],
    empty: str,
    *,
    spaced: bool = True,
) -> RenderableType:
    """A bold title over its table, or over `empty` when there is no row; after a blank line
    unless not `spaced`."""
    heading = Text(title, style="bold")
    gap = [Text("")] if spaced else []
    if not rows:
        return Group(*gap, heading, Text(empty))
    found = table(headers)
    for row in rows:
        found.add_row(*(_cell(value) for value in row))
    return Group(*gap, heading, found)


def impact_tables(
    impact: Impact, *, all_items: bool = False, compact: bool = False
) -> list[RenderableType]:
    """Items, value per quarter, days per team, asks, broken dependencies and goals
    (`impact_rows.impact_sections`) drawn. `compact` (the app's narrower pane) leaves out the
    days and reasons columns and the days per team."""
    drawn: list[RenderableType] = []
    for part in impact_sections(impact, all_items=all_items, compact=compact):
        if isinstance(part, str):
            drawn.append(Text(part))
            continue
        rows: list[list[str | Text]] = [
            [Text(cell.text, style=cell.style) for cell in row] for row in part.rows
        ]
        drawn.append(section(part.title, part.headers, rows, part.empty))
    return drawn


def options_table(options: Options) -> RenderableType:
    """One row per version, the baseline first: value per quarter, what each adopts, skips
    and defers, asks moved and the largest goal slip."""
    rows: list[list[str | Text]] = [
        [
            row.label + (" (base)" if row.is_base else ""),
            *(fmt(row.value[q]) for q in options.quarters),
            fmt(row.total_value),
            ", ".join(row.adopted) or "-",
            ", ".join(row.skipped) or "-",
            ", ".join(row.deferred) or "-",
            str(row.asks_moved),
            "-" if row.delivery_shift is None else signed(row.delivery_shift),
        ]
        for row in options.rows
    ]
    headers = [
        "Option",
        *options.quarters,
        "Total",
        OPTION_HEADINGS["adopted"],
        OPTION_HEADINGS["skipped"],
        OPTION_HEADINGS["deferred"],
    ]
    return Group(
        section(
            f"Options against {options.base}", [*headers, "Asks", "Shift"], rows, "", spaced=False
        ),
        Text("Shift: the largest goal slip against the base, in quarters.", style="dim"),
    )


def adoption_text(result: Adoption) -> Text:
    """A make-room proposal in words: adopted, over capacity, deferred and why, after."""
    text = Text()
    if result.note:
        text.append(result.note + "\n", "bold yellow")
    for warning in result.warnings:
        text.append(f"note: {warning}\n", "yellow")
    if result.adopted:
        text.append("Adopted:\n")
        for move in result.adopted:
            text.append(f"  + {move.item}", "bold green")
            text.append(f" ({move.reason})\n")
    if result.over:
        over = ", ".join(f"{team} by {fmt(days)} days" for team, days in result.over.items())
        text.append(f"With them in, {result.quarter} is over capacity: {over}\n")
    else:
        text.append(f"With them in, every team still fits in {result.quarter}.\n")
    for shortfall in result.shortfalls:
        text.append(f"cannot make room: {shortfall}\n", "bold red")
    if not result.feasible:
        return _trimmed(text)
    if result.deferred:
        text.append(
            f"Deferred ({len(result.deferred)}, value lost {fmt(result.lost_value)}):\n", "bold"
        )
        for entry in result.deferred:
            where = "the backlog" if entry.target == "backlog" else entry.target
            text.append(f"  - {entry.item}", "bold yellow")
            text.append(f" to {where} (value {fmt(entry.value)}; frees {entry.frees})\n")
            for reason in entry.reasons:
                text.append(f"      {reason}\n", "dim")
    elif result.over:
        text.append("Nothing deferred.\n")
    if result.kept_unscored:
        text.append(f"Kept, unscored (cannot be weighed): {', '.join(result.kept_unscored)}\n")
    text.append("Capacity after:\n", "bold")
    for load in result.loads:
        if load.used or load.overloaded:
            text.append(f"  {load.sentence()}\n", "bold red" if load.overloaded else "")
    for violation in result.broken:
        text.append(f"breaks an order: {violation.sentence()}\n", "red")
    return _trimmed(text)


def draft_text(result: Draft, *, moves: bool = True) -> Text:
    """A drafted quarter in words (`draft_words`: the same pieces a pipe gets as plain lines)."""
    text = Text()
    for piece, style in draft_pieces(result, moves=moves):
        text.append(piece, style)
    return _trimmed(text)


def _trimmed(text: Text) -> Text:
    text.rstrip()
    return text
