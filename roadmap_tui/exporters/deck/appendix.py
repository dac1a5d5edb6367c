"""The appendix: the planned items of the adjusted plan with their score explanations, titles
linked to the item's tracker link (http, https and mailto only; others dropped with a warning).

At most `LISTED` items, the changed ones first: a 10,000-item plan would otherwise make a
thousand slides nobody reads. The rest are counted in a last row that points to the Markdown
export.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from roadmap_tui.exporters.deck import story
from roadmap_tui.exporters.deck.canvas import Canvas
from roadmap_tui.exporters.deck.clean import one_line, safe_link
from roadmap_tui.exporters.deck.details import tabled
from roadmap_tui.exporters.deck.lanes import planned_after, team_names
from roadmap_tui.exporters.deck.model import DeckInput
from roadmap_tui.exporters.deck.tables import Cell, Column, TableStyle
from roadmap_tui.exporters.deck.words import fmt, fmt_score
from roadmap_tui.impact import ItemChange
from roadmap_tui.models import Item, quarter_index

COLUMNS = (
    Column("Quarter", 0.75),
    Column("Item", 3.3),
    Column("Team", 1.5),
    Column("Days", 0.6, "right"),
    Column("Score explanation", 4.0),
)
STYLE = TableStyle(size=10.0, header_size=10.0, max_lines=12)  # the appendix: 10 pt at least
LISTED = 100


@dataclass(frozen=True)
class Entry:
    row: ItemChange
    item: Item | None
    link: str | None
    explanation: str


def entries(deck: DeckInput, warnings: list[str], limit: int | None = None) -> list[Entry]:
    """Planned items of the adjusted plan, by quarter then score (unscored last), with their
    explanations; a link that is not http, https or mailto is dropped with a warning. With
    `limit` and more items than that, the changed items come first and only the first
    `limit` are explained (the rest are counted, not shown)."""
    impact = deck.impact
    found: dict[str, Item] = {}
    weights: Sequence[str] = ()
    if deck.workspace is not None:
        found = {item.id: item for _, item in deck.workspace.located_items()}
        weights = tuple(deck.workspace.roadmap.scoring.weights)
    rows = [row for row in impact.items if planned_after(row, impact.quarters)]
    rows.sort(
        key=lambda row: (
            quarter_index(row.to_location or ""),
            row.score_after is None,
            -(row.score_after or 0.0),
            row.id,
        )
    )
    if limit is not None and len(rows) > limit:
        rows.sort(key=lambda row: not row.is_change)  # stable: changed first, same order
    out = []
    for number, row in enumerate(rows):
        if limit is not None and number >= limit:
            out.append(Entry(row, None, None, ""))
            continue
        item = found.get(row.id)
        link = None
        if item is not None and item.link:
            link = safe_link(item.link)
            if link is None:
                shown = one_line(item.link)
                shown = shown if len(shown) <= 60 else shown[:59] + "\u2026"
                warnings.append(
                    f"{row.id}: link {shown!r} left out of the deck"
                    " (only http, https and mailto links are kept)"
                )
        out.append(Entry(row, item, link, _explanation(deck, row, item, weights)))
    return out


def _explanation(
    deck: DeckInput, row: ItemChange, item: Item | None, weights: Sequence[str]
) -> str:
    if item is not None and deck.explain is not None:
        return one_line(deck.explain(item))
    score = dict(item.score) if item is not None else None
    return story.inputs_text(
        deck.impact.framework, score, weights, row.value_after, row.score_after
    )


def appendix(canvas: Canvas, deck: DeckInput) -> None:
    names = team_names(deck.impact)
    every = entries(deck, canvas.warnings, LISTED)
    listed, more = every[:LISTED], len(every) - LISTED
    rows = [
        [
            Cell(entry.row.to_location or "-"),
            Cell(entry.row.id, head=one_line(entry.row.title) or None, link=entry.link),
            Cell(one_line(names.get(entry.row.team, entry.row.team))),
            Cell(fmt(entry.row.estimate_after)),
            Cell(entry.explanation),
        ]
        for entry in listed
    ]
    caption = (
        f"Every planned item of {deck.adjusted.label} ({deck.impact.framework}), by quarter"
        " and score; titles link to the tracker."
    )
    if more > 0:
        caption = (
            f"{LISTED} of the {len(every):,} planned items of {deck.adjusted.label}"
            f" ({deck.impact.framework}): changed ones first, then by quarter and score."
        )
        rows.append([Cell(""), Cell(_more(more), bold=True), Cell(""), Cell(""), Cell("")])
    lines = [
        f"{e.row.to_location} {e.row.id}: {e.row.title}. {fmt(e.row.estimate_after)} d,"
        f" value {fmt(e.row.value_after)}, score {fmt_score(e.row.score_after)}."
        f" {e.explanation}" + (f" Link: {e.link}" if e.link else "")
        for e in listed
    ]
    if more > 0:
        lines.append(_more(more))
    tabled(
        canvas,
        "Appendix: planned items",
        caption,
        COLUMNS,
        rows,
        lines,
        STYLE,
        empty="No item is planned in the adjusted plan.",
    )


def _more(count: int) -> str:
    return f"and {count:,} more items: see the Markdown export (roadmap export markdown)"
