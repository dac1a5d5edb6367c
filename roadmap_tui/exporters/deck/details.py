"""The slides after the pictures: changes, cross-team asks, dependencies at risk, options.

Each is a native table split over as many slides as it needs, with a one-line caption and
speaker notes holding every row in full.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from roadmap_tui.exporters.deck import story
from roadmap_tui.exporters.deck.canvas import Canvas
from roadmap_tui.exporters.deck.clean import one_line
from roadmap_tui.exporters.deck.draw import Margins, Text, fitted_para, notes, text_box
from roadmap_tui.exporters.deck.lanes import team_names
from roadmap_tui.exporters.deck.layout import Box
from roadmap_tui.exporters.deck.measure import LINE
from roadmap_tui.exporters.deck.model import DeckInput
from roadmap_tui.exporters.deck.overview import numbered
from roadmap_tui.exporters.deck.palette import ASK_STYLES, BREAK_STYLES, CHANGE_STYLES
from roadmap_tui.exporters.deck.tables import Cell, Column, TableStyle, table_slides
from roadmap_tui.exporters.deck.words import (
    ARROW,
    days,
    fmt,
    fmt_score,
    move,
    plural,
    quarters,
    signed,
)
from roadmap_tui.impact import AskChange, BrokenDependency, ItemChange, OptionRow, Options
from roadmap_tui.impact.vocabulary import OPTION_HEADINGS, change_word, removed_detail
from roadmap_tui.models import quarter_index

BODY = Margins(0, 0, 0, 0)
CAPTION_SIZE = 14.0
SMALLEST = 12.0
READABLE = TableStyle(size=12.0, header_size=12.0, max_lines=14)  # readable on a projector
LISTED = 120  # rows of a table shown; the rest counted
ORDER = {"added": 0, "pulled-in": 1, "deferred": 2, "removed": 3, "re-estimated": 4, "re-scored": 5}


def tabled(
    canvas: Canvas,
    title: str,
    caption: str | None,
    columns: Sequence[Column],
    rows: Sequence[Sequence[Cell]],
    row_notes: Sequence[str],
    style: TableStyle | None = None,
    empty: str = "Nothing to show.",
    head_notes: Sequence[str] = (),
    limit: int | None = LISTED,
    more: str = "rows",
) -> None:
    """A table over as many slides as it needs, a caption on the first; each slide's notes
    hold `head_notes` and the notes of its own rows (`row_notes[i]` for `rows[i]`).

    Beyond `limit` rows the rest are counted in a last row ("and 812 more changes: see the
    Markdown export"): a deck of hundreds of table slides informs no meeting."""
    if limit is not None and len(rows) > limit:
        cut = len(rows) - limit
        line = f"and {cut:,} more {more}: see the Markdown export (roadmap export markdown)"
        rows = [*rows[:limit], [Cell(line, bold=True), *(Cell("") for _ in columns[1:])]]
        row_notes = [*row_notes[:limit], line]
    page = canvas.page("title_only")
    area = page.content
    caption_para = None
    first = area
    if caption:
        caption_para = fitted_para(
            caption,
            area.w,
            2 * CAPTION_SIZE * LINE,
            CAPTION_SIZE,
            SMALLEST,
            canvas.measure,
            colour=canvas.theme.text,
            max_lines=2,
        )
        _, first = area.take_top(caption_para.height, gap=10)
    if not rows:
        slide, page = canvas.slide(title)
        box = first
        if caption_para is not None:
            text_box(
                slide, Box(area.x, area.y, area.w, caption_para.height), Text([caption_para]), BODY
            )
        message = fitted_para(
            empty,
            box.w,
            40,
            16,
            12,
            canvas.measure,
            colour=canvas.theme.text,
            max_lines=2,
        )
        text_box(slide, Box(box.x, box.y, box.w, message.height), Text([message]), BODY)
        notes(slide, [title, *head_notes, *(row_notes or [empty])])
        return

    def new_slide(index: int, count: int) -> tuple[Any, Box]:
        slide, page_ = canvas.slide(numbered(title, index, count))
        if index == 1 and caption_para is not None:
            text_box(
                slide, Box(area.x, area.y, area.w, caption_para.height), Text([caption_para]), BODY
            )
            return slide, first
        return slide, page_.content

    def drawn(slide: Any, indexes: range) -> None:
        notes(slide, [title, *head_notes, *(row_notes[i] for i in indexes)])
        canvas.done()  # this slide is complete

    table_slides(
        rows, columns, new_slide, style or TableStyle(), canvas.measure, first, area, drawn
    )


# --- 5. changes -------------------------------------------------------------------------------

CHANGE_COLUMNS = (
    Column("Item", 3.3),
    Column("Change", 1.25),
    Column(f"From {ARROW} to", 1.45),
    Column(f"Score before {ARROW} after", 1.35),
    Column("Reason", 2.65),
)


def item_cell(item_id: str, title: str, link: str | None = None, needs: str | None = None) -> Cell:
    """An item as a cell: its title first (bold), its id under it (and what it needs)."""
    shown = one_line(title)
    text = item_id if needs is None else f"{item_id}\nneeds {needs}"
    if not shown:
        return Cell(text, bold=True, link=link)
    return Cell(text, head=shown, link=link)


def reason(row: ItemChange) -> str:
    """Why an item changed: its note, else who asked for it."""
    if row.note:
        return one_line(row.note)
    if row.requested_by:
        return "requested by " + ", ".join(row.requested_by)
    return ""


def _change_label(row: ItemChange) -> str:
    label = change_word(row.change)
    if row.change in ("deferred", "pulled-in") and row.quarters_moved:
        label += f" {quarters(row.quarters_moved)}"
    if row.change == "re-estimated":
        label += f" {fmt(row.estimate_before)} {ARROW} {fmt(row.estimate_after)} d"
    detail = removed_detail(row)
    if detail:
        label += f" ({detail})"
    return label


def _scores(row: ItemChange) -> str:
    before, after = fmt_score(row.score_before), fmt_score(row.score_after)
    return before if before == after else f"{before} {ARROW} {after}"


def change_rows(changed: Sequence[ItemChange]) -> list[ItemChange]:
    def key(row: ItemChange) -> tuple[int, int, str]:
        where = row.to_location or ""
        index = quarter_index(where) if where and where != "backlog" else 1 << 30
        return (ORDER.get(row.change, 9), index, row.id)

    return sorted(changed, key=key)


def changes(canvas: Canvas, deck: DeckInput) -> None:
    impact = deck.impact
    ordered = change_rows(impact.changed_items)
    rows = []
    for row in ordered:
        style = CHANGE_STYLES[row.change]
        rows.append(
            [
                item_cell(row.id, row.title),
                Cell(_change_label(row), fill=style.fill, colour=style.text),
                Cell(move(row.from_location, row.to_location)),
                Cell(_scores(row)),
                Cell(reason(row)),
            ]
        )
    counts = ", ".join(
        f"{sum(1 for r in ordered if r.change == change)} {change_word(change)}"
        for change in ORDER
        if any(r.change == change for r in ordered)
    )
    caption = f"{plural(len(ordered), 'item')} change: {counts}." if ordered else None
    lines = [
        f"{story.item_name(row.id, row.title)}, {_change_label(row)}:"
        f" {move(row.from_location, row.to_location)};"
        f" estimate {fmt(row.estimate_before)} {ARROW} {fmt(row.estimate_after)} d;"
        f" value {fmt(row.value_before)} {ARROW} {fmt(row.value_after)};"
        f" score {fmt_score(row.score_before)} {ARROW} {fmt_score(row.score_after)}."
        + (f" Why: {reason(row)}." if reason(row) else "")
        for row in ordered
    ]
    tabled(
        canvas,
        "Changes",
        caption,
        CHANGE_COLUMNS,
        rows,
        lines,
        READABLE,
        "No item changes.",
        head_notes=[
            "Talking points: each change and why (the Why column); the adds first, then what"
            " moves, then what leaves the plan.",
            "Likely question: why this and not that? The score before and after answers it.",
        ],
        more="changes",
    )


# --- 6. cross-team asks -----------------------------------------------------------------------

ASK_COLUMNS = (
    Column("Team", 2.0),
    Column("Change", 1.2),
    Column("Days", 0.8, "right"),
    Column("Quarter", 1.45),
    Column("Item", 2.6),
    Column("Why", 2.6),
)


def _ask_days(ask: AskChange) -> str:
    if ask.days_before is not None and ask.kind == "changed":
        return f"{fmt(ask.days_before)} {ARROW} {fmt(ask.days)}"
    return fmt(ask.days)


def _ask_quarter(ask: AskChange) -> str:
    """Where the days are: the new quarter, the freed one, or `from → to` for a move."""
    if ask.kind == "moved":
        return move(ask.from_quarter, ask.to_quarter)
    return ask.to_quarter or ask.from_quarter or "-"


def _why(ask: AskChange) -> str:
    parts = [one_line(text) for text in (ask.ask_note, ask.reason) if text]
    return "; ".join(parts)


def asks(canvas: Canvas, deck: DeckInput) -> None:
    impact = deck.impact
    rows = []
    for ask in impact.asks:
        style = ASK_STYLES[ask.kind]
        rows.append(
            [
                Cell(one_line(ask.team_name) or ask.team),
                Cell(style.label, fill=style.fill, colour=style.text),
                Cell(_ask_days(ask)),
                Cell(_ask_quarter(ask)),
                item_cell(ask.item, ask.item_title),
                Cell(_why(ask)),
            ]
        )
    caption = story.teams_sentence(impact) if impact.asks else None
    lines = [_ask_note(ask) for ask in impact.asks]
    tabled(
        canvas,
        "Cross-team asks",
        caption,
        ASK_COLUMNS,
        rows,
        lines,
        empty="No other team is newly asked, released or moved.",
        head_notes=[
            "Talking points: who lends days and who gets them back; agree the days with each"
            " team before the plan is approved.",
            *_team_totals(impact.asks),
        ],
        more="asks",
    )


def _ask_note(ask: AskChange) -> str:
    return (
        f"{ask.team_name}: {ask.item} {ask.kind}, {_ask_days(ask)} d,"
        f" {move(ask.from_quarter, ask.to_quarter)}. {_why(ask)}"
    )


def _team_totals(changes: Sequence[AskChange]) -> list[str]:
    """Per team: days newly asked and days freed, the numbers the lead negotiates with."""
    by_team: dict[str, list[AskChange]] = {}
    for ask in changes:
        by_team.setdefault(ask.team_name or ask.team, []).append(ask)
    return [
        f"{team}: newly asked {days(sum(a.days for a in team_asks if a.kind == 'new'))},"
        f" days freed {days(sum(a.days_freed for a in team_asks))}"
        for team, team_asks in by_team.items()
    ]


# --- 7. dependencies at risk ------------------------------------------------------------------

# What an item needs is said in its cell ("needs X"): long ids side by side in two columns
# would not fit a 4:3 slide at 12 pt without breaking one.
DEPENDENCY_COLUMNS = (
    Column("Item", 3.4),
    Column("Quarter", 1.0),
    Column("Problem", 1.2),
    Column("What happened", 3.0),
    Column("Earliest", 1.1),
)


def dependencies(canvas: Canvas, deck: DeckInput) -> None:
    broken = deck.impact.broken_dependencies
    rows = []
    for row in broken:
        style = BREAK_STYLES[row.kind]
        rows.append(
            [
                item_cell(row.item, row.item_title, needs=row.depends_on),
                Cell(row.quarter),
                Cell(
                    style.label if row.kind != "removed" else "not planned",
                    fill=style.fill,
                    colour=style.text,
                ),
                Cell(one_line(row.reason)),
                Cell(row.earliest or "not planned"),
            ]
        )
    knock = sum(1 for row in broken if row.kind == "knock-on")
    caption = None
    if broken:
        caption = (
            f"{plural(len(broken) - knock, 'broken dependency', 'broken dependencies')}"
            f" and {plural(knock, 'knock-on move')}: these items cannot stay where they are."
        )
    lines = [_dependency_note(row) for row in broken]
    tabled(
        canvas,
        "Dependencies at risk",
        caption,
        DEPENDENCY_COLUMNS,
        rows,
        lines,
        empty="No dependency breaks: every item's dependencies still come first.",
        head_notes=[
            "Talking points: what cannot run where it is planned, and the earliest quarter it"
            " can; the decision on the summary moves it there.",
        ],
        more="dependencies",
    )


def _dependency_note(row: BrokenDependency) -> str:
    return (
        f"{row.item} in {row.quarter} depends on {row.depends_on} ({row.kind}, root {row.root}):"
        f" {row.reason}. Earliest: {row.earliest or 'not until the root is planned again'}."
    )


# --- 8. options -------------------------------------------------------------------------------

OPTIONS_PER_SLIDE = 4  # the baseline plus three alternatives side by side


def _named(ids: Sequence[str]) -> str:
    if not ids:
        return "none"
    shown = ", ".join(ids[:3]) + (f" and {len(ids) - 3} more" if len(ids) > 3 else "")
    return f"{len(ids)}: {shown}"


def _shift(row: OptionRow) -> str:
    if row.delivery_shift is None:
        return "no goal within the plan"
    if row.delivery_shift == 0:
        return "on time"
    sign = "later" if row.delivery_shift > 0 else "earlier"
    return f"{quarters(row.delivery_shift)} {sign}"


def option_lines(options: Options) -> list[tuple[str, list[str]]]:
    """(row label, one cell per option) for the options table."""
    rows = list(options.rows)
    base = rows[0]
    changed = [
        q
        for q in options.quarters
        if any(abs(r.value.get(q, 0.0) - base.value.get(q, 0.0)) > 1e-9 for r in rows)
    ]
    table: list[tuple[str, list[str]]] = [
        (
            "Plan value",
            [
                fmt(r.total_value)
                + ("" if r.is_base else f" ({signed(r.total_value - base.total_value)})")
                for r in rows
            ],
        )
    ]
    for quarter in changed:
        table.append((f"Value {quarter}", [fmt(r.value.get(quarter, 0.0)) for r in rows]))
    table += [
        (OPTION_HEADINGS["adopted"], ["-" if r.is_base else _named(r.adopted) for r in rows]),
        (OPTION_HEADINGS["skipped"], ["-" if r.is_base else _named(r.skipped) for r in rows]),
        (OPTION_HEADINGS["deferred"], ["-" if r.is_base else _named(r.deferred) for r in rows]),
        (OPTION_HEADINGS["pulled_in"], ["-" if r.is_base else _named(r.pulled_in) for r in rows]),
        (
            "Asks of other teams",
            [
                "-" if r.is_base else f"{plural(r.asks_moved, 'change')}, {days(r.ask_days_moved)}"
                for r in rows
            ],
        ),
        ("Goal delivery", ["baseline" if r.is_base else _shift(r) for r in rows]),
        ("Broken dependencies", ["-" if r.is_base else str(r.broken) for r in rows]),
    ]
    return table


def options(canvas: Canvas, deck: DeckInput) -> None:
    if deck.options is None or len(deck.options.rows) < 3:
        return
    opts = deck.options
    table = option_lines(opts)
    alternatives = list(range(1, len(opts.rows)))
    chunks = [
        alternatives[i : i + OPTIONS_PER_SLIDE - 1]
        for i in range(0, len(alternatives), OPTIONS_PER_SLIDE - 1)
    ]
    best = max(opts.rows[1:], key=lambda r: r.total_value)
    caption = (
        f"{plural(len(alternatives), 'option')} against the baseline {opts.base}"
        f" ({opts.framework}); most value: {best.label}."
    )
    lines = [f"{label}: " + " | ".join(cells) for label, cells in table]
    labels = [row.label for row in opts.rows]
    for number, chunk in enumerate(chunks, start=1):
        shown = [0, *chunk]
        columns = [Column("", 1.6)] + [
            Column(("Baseline: " if i == 0 else "") + labels[i], 2.0) for i in shown
        ]
        rows = [
            [Cell(label, bold=True)] + [Cell(cells[i]) for i in shown] for label, cells in table
        ]
        title = numbered("Options", number, len(chunks))
        tabled(canvas, title, caption if number == 1 else None, columns, rows, lines, READABLE)


# --- 9. item details (the team's deck) --------------------------------------------------------

DETAIL_COLUMNS = (
    Column("Item and what it needs", 3.2),
    Column("Change", 1.4),
    Column("Days", 0.9, "right"),
    Column("Asks of other teams", 1.9),
    Column("Why, and who asked", 2.6),
)


def item_details(canvas: Canvas, deck: DeckInput) -> None:
    """Each changed item as the team refines it: estimate, dependencies, asks of other teams,
    who asked for it and why it changed."""
    impact = deck.impact
    found = {}
    if deck.workspace is not None:
        found = {item.id: item for _, item in deck.workspace.located_items()}
    names = team_names(impact)
    if deck.workspace is not None:
        names.update({team.id: team.name for team in deck.workspace.roadmap.teams})
    rows, lines = [], []
    for row in change_rows(impact.changed_items):
        item = found.get(row.id)
        depends = ", ".join(item.depends_on) if item is not None and item.depends_on else None
        asks_ = (
            ", ".join(
                f"{one_line(names.get(ask.team, ask.team))} {fmt(ask.days)} d" for ask in item.asks
            )
            if item is not None and item.asks
            else "-"
        )
        requested = ", ".join(row.requested_by) or "-"
        why = "; ".join(
            part
            for part in (
                row.note and one_line(row.note),
                row.requested_by and f"asked by {requested}",
            )
            if part
        )
        style = CHANGE_STYLES[row.change]
        rows.append(
            [
                item_cell(row.id, row.title, needs=depends),
                Cell(_change_label(row), fill=style.fill, colour=style.text),
                Cell(_pair(row.estimate_before, row.estimate_after)),
                Cell(asks_),
                Cell(why or "-"),
            ]
        )
        lines.append(
            f"{story.item_name(row.id, row.title)}: {_change_label(row)};"
            f" {_pair(row.estimate_before, row.estimate_after)} d; depends on {depends or '-'};"
            f" asks {asks_}; requested by {requested}. Questions for refinement: is the"
            " estimate still right, and can its dependencies land first?"
        )
    caption = "For refinement: what each changed item needs, and who is waiting for it."
    tabled(
        canvas,
        "Item details",
        caption,
        DETAIL_COLUMNS,
        rows,
        lines,
        READABLE,
        "No item changes.",
    )


def _pair(before: float | None, after: float | None) -> str:
    if before == after:
        return fmt(after)
    return f"{fmt(before)} {ARROW} {fmt(after)}"
