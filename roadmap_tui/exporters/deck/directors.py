"""The directors' roadmap: Now / Next / Later (the current quarter, the next, everything after)
with what changed in each, in three columns of 12 pt text.

What does not fit a column is counted ("and 4 more changes"); unchanged items are counted,
never listed: directors decide on the change, the PO deck has the rest.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from roadmap_tui.exporters.deck import story
from roadmap_tui.exporters.deck.canvas import Canvas
from roadmap_tui.exporters.deck.clean import one_line
from roadmap_tui.exporters.deck.draw import (
    BULLET_INDENT,
    Look,
    Margins,
    Para,
    Text,
    fitted_para,
    notes,
    panel,
    para,
    rectangle,
    text_box,
)
from roadmap_tui.exporters.deck.lanes import planned_after
from roadmap_tui.exporters.deck.layout import Box
from roadmap_tui.exporters.deck.measure import LINE, sizes
from roadmap_tui.exporters.deck.model import DeckInput
from roadmap_tui.exporters.deck.palette import CHANGE_STYLES, INK, NOW, TEXT
from roadmap_tui.exporters.deck.risks import quarter_of
from roadmap_tui.exporters.deck.words import days, plural
from roadmap_tui.impact import Impact, ItemChange
from roadmap_tui.impact.vocabulary import change_word
from roadmap_tui.models import BACKLOG, next_quarter, quarter_index

SIZE = 12.0
HEAD = 18.0
ORDER = ("added", "pulled-in", "deferred", "removed", "re-estimated", "re-scored")


@dataclass
class Horizon:
    """One column: its name, the quarters it covers, what changed there, what did not."""

    name: str
    quarters: list[str]
    changes: list[tuple[ItemChange, str]] = field(default_factory=list)  # (row, arrive/leave)
    unchanged: int = 0
    unchanged_days: float = 0.0

    @property
    def span(self) -> str:
        if not self.quarters:
            return "no quarter"
        if len(self.quarters) == 1:
            return self.quarters[0]
        return f"{self.quarters[0]} \u2013 {self.quarters[-1]}"


def horizons(impact: Impact, now: str) -> list[Horizon]:
    """Now (the current quarter), Next (the one after), Later (every quarter after that)."""
    following = next_quarter(now)
    later = [q for q in impact.quarters if quarter_index(q) > quarter_index(following)]
    columns = [
        Horizon("Now", [now]),
        Horizon("Next", [following]),
        Horizon("Later", later),
    ]

    def column(where: str | None) -> Horizon | None:
        if where is None or where == BACKLOG:
            return None
        for horizon in columns:
            if where in horizon.quarters:
                return horizon
        return None

    for row in impact.items:
        if row.change == "unchanged":
            horizon = column(row.to_location)
            if horizon is not None and planned_after(row, impact.quarters):
                horizon.unchanged += 1
                horizon.unchanged_days += row.estimate_after or 0.0
            continue
        # A change shows where the item now is; leaving a quarter shows where it was.
        target = column(row.to_location) if row.change != "removed" else None
        source = column(row.from_location)
        if target is not None:
            target.changes.append((row, "arrive"))
        if source is not None and source is not target and row.change != "re-estimated":
            source.changes.append((row, "leave"))
    for horizon in columns:
        horizon.changes.sort(key=lambda pair: ORDER.index(pair[0].change))
    return columns


def _name(row: ItemChange, with_id: bool) -> str:
    """Title and id; the title alone when the id is wider than the column (never broken)."""
    if with_id or not row.title.strip():
        return story.item_name(row.id, row.title)
    return f"\u201c{one_line(row.title)}\u201d"


def _arrive(row: ItemChange, with_id: bool = True) -> str:
    name = _name(row, with_id)
    if row.change in ("deferred", "pulled-in"):
        return f"{change_word(row.change)} from {row.from_location}: {name}"
    return f"{change_word(row.change)}: {name}"


def _leave(row: ItemChange, with_id: bool = True) -> str:
    name = _name(row, with_id)
    if row.change == "removed":
        return f"{change_word('removed')}: {name}"
    return f"{change_word(row.change)} to {row.to_location}: {name}"


def lines_of(horizon: Horizon, canvas: Canvas, width: float, size: float) -> list[str]:
    """Each change in words; ids left out where one would not fit the column's width."""
    usable = width - BULLET_INDENT
    with_id = all(canvas.measure.width(f"({row.id})", size) <= usable for row, _ in horizon.changes)
    return [
        _arrive(row, with_id) if way == "arrive" else _leave(row, with_id)
        for row, way in horizon.changes
    ]


def _fits(canvas: Canvas, horizon: Horizon, width: float, height: float, size: float) -> bool:
    lines = [*lines_of(horizon, canvas, width, size), "unchanged items"]
    used = sum(_bullet(canvas, line, width, TEXT, size=size).height for line in lines)
    return used <= height


def _column_text(
    canvas: Canvas, horizon: Horizon, width: float, height: float, size: float = SIZE
) -> Text:
    """The changes as bullets while they fit, then a count of the rest and the unchanged."""
    tail = []
    if horizon.unchanged:
        tail.append(
            f"{plural(horizon.unchanged, 'unchanged item')} ({days(horizon.unchanged_days)})"
        )
    paras: list[Para] = []
    used = 0.0
    tail_paras = [_bullet(canvas, line, width, TEXT, italic=True, size=size) for line in tail]
    room = height - sum(p.height for p in tail_paras)
    changes = horizon.changes
    words = lines_of(horizon, canvas, width, size)
    for index, ((row, _), line) in enumerate(zip(changes, words, strict=True)):
        piece = _bullet(canvas, line, width, CHANGE_STYLES[row.change].text, size=size)
        rest = len(changes) - index - 1
        reserve = size * LINE * 2 + 4 if rest else 0.0  # room for "and N more changes"
        if used + piece.height + reserve > room:
            more = len(changes) - index
            paras.append(
                _bullet(canvas, f"and {plural(more, 'more change')}", width, TEXT, size=size)
            )
            break
        paras.append(piece)
        used += piece.height
    if not changes:
        paras.append(_bullet(canvas, "no change", width, TEXT, italic=True, size=size))
    return Text(paras + tail_paras)


def _bullet(
    canvas: Canvas,
    text: str,
    width: float,
    colour: str,
    italic: bool = False,
    size: float = SIZE,
) -> Para:
    look = Look(size, italic=italic, colour=colour)
    return para(text, width, look, canvas.measure, bullet=True, space_before=4)


def now_next_later(canvas: Canvas, deck: DeckInput) -> None:
    now = quarter_of(deck.on)
    columns = horizons(deck.impact, now)
    slide, page = canvas.slide("Now, next, later: what changes")
    area = page.content
    boxes = area.columns([1, 1, 1], gap=16)
    head_h = HEAD * LINE + SIZE * LINE + 6
    size = next(
        (
            size
            for size in sizes(16, SIZE)
            if all(
                _fits(canvas, horizon, box.w - 8, box.h - head_h - 12, size)
                for box, horizon in zip(boxes, columns, strict=True)
            )
        ),
        SIZE,
    )
    for box, horizon in zip(boxes, columns, strict=True):
        panel(slide, box, pad=4)
        head, body = box.take_top(head_h, gap=8)
        rectangle(
            slide, Box(head.x, head.y, head.w, 4), NOW if horizon.name == "Now" else INK, None
        )
        title = fitted_para(
            horizon.name,
            head.w - 8,
            HEAD * LINE,
            HEAD,
            SIZE,
            canvas.measure,
            bold=True,
            colour=INK,
            max_lines=1,
        )
        span = fitted_para(
            horizon.span,
            head.w - 8,
            SIZE * LINE,
            SIZE,
            SIZE,
            canvas.measure,
            colour=TEXT,
            max_lines=1,
        )
        text_box(slide, head.inset(4, 6, 4, 0), Text([title, span]), Margins(0, 0, 0, 0))
        text = _column_text(canvas, horizon, body.w - 8, body.h - 4, size)
        text_box(slide, body.inset(4, 0, 4, 4), text, Margins(0, 0, 0, 0))
    notes(slide, _notes(columns))


def _notes(columns: Sequence[Horizon]) -> list[str]:
    lines = ["Talking points: what changes now, next and later; everything else stays."]
    for horizon in columns:
        lines.append(f"{horizon.name} ({horizon.span}):")
        for row, way in horizon.changes:
            lines.append(f"  {_arrive(row) if way == 'arrive' else _leave(row)}")
        if horizon.unchanged:
            lines.append(
                f"  {plural(horizon.unchanged, 'unchanged item')} ({days(horizon.unchanged_days)})"
            )
        if not horizon.changes:
            lines.append("  no change")
    return lines
