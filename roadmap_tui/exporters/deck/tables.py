"""Native tables whose rows are measured first, then split over as many slides as they need.

A row's height is its tallest cell's wrapped text; a slide takes rows until the next would
cross the bottom of the content area, and the header repeats on every slide. A cell longer
than `max_lines` is cut with an ellipsis (the speaker notes carry the full rows).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from pptx.oxml import parse_xml

from roadmap_tui.exporters.deck.draw import (
    _NS,
    Align,
    Look,
    Margins,
    Para,
    Text,
    paragraphs_xml,
)
from roadmap_tui.exporters.deck.layout import Box, emu
from roadmap_tui.exporters.deck.measure import Measure, fit, wrap
from roadmap_tui.exporters.deck.palette import HEADER, INK, RULE, TEXT, WHITE

CELL = Margins(5.0, 3.0, 5.0, 3.0)
NO_GRID_STYLE = "{2D5ABB26-0587-4C30-8999-92F81FD0307C}"  # "No Style, No Grid"
SLACK = 1.0  # points added to each row so rounding never makes a row grow


@dataclass(frozen=True)
class Column:
    name: str
    weight: float
    align: Align = "left"


@dataclass(frozen=True)
class Cell:
    """A cell: an optional bold first part (an id) and text (a title), links and colours."""

    text: str
    head: str | None = None
    link: str | None = None
    fill: str | None = None
    colour: str | None = TEXT
    bold: bool = False
    italic: bool = False
    strike: bool = False


@dataclass
class Laid:
    """A row laid out: each cell's text and the row's height."""

    cells: list[Text]
    fills: list[str | None]
    height: float


@dataclass
class TableStyle:
    size: float = 12.0
    header_size: float = 12.0
    max_lines: int = 12
    zebra: str | None = None


@dataclass
class Pages:
    """Rows split into slides: the header, and the rows of each slide."""

    header: Laid
    pages: list[list[Laid]] = field(default_factory=list)


def column_widths(
    columns: Sequence[Column],
    width: float,
    rows: Sequence[Sequence[Cell]] = (),
    style: TableStyle | None = None,
    measure: Measure | None = None,
) -> list[float]:
    """Widths in proportion to the columns' weights, each at least as wide as its longest
    word (an id, a quarter), taken from the columns with room to spare: a line breaks only
    between words."""
    total = sum(column.weight for column in columns)
    widths = [width * column.weight / total for column in columns]
    if not rows or style is None or measure is None:
        return widths
    least = [
        max(
            (
                measure.width(word, style.size, bold) + CELL.across + 1.0
                for row in rows
                for text, bold in ((row[i].head or "", True), (row[i].text, row[i].bold))
                for word in text.split()
            ),
            default=0.0,
        )
        for i in range(len(columns))
    ]
    header = [
        max((measure.width(w, style.header_size, True) for w in c.name.split()), default=0.0)
        + CELL.across
        + 1.0
        for c in columns
    ]
    least = [min(max(a, b), width / 2) for a, b in zip(least, header, strict=True)]
    for _ in range(len(columns)):
        short = [i for i, w in enumerate(widths) if w < least[i] - 1e-6]
        if not short:
            break
        need = sum(least[i] - widths[i] for i in short)
        spare = {i: widths[i] - least[i] for i in range(len(columns)) if widths[i] > least[i]}
        room = sum(spare.values())
        if room <= 0:
            break
        take = min(need, room)
        for i in short:
            widths[i] += (least[i] - widths[i]) * take / need
        for i, extra in spare.items():
            widths[i] -= extra * take / room
    return widths


def _cell_text(cell: Cell, width: float, style: TableStyle, measure: Measure, align: Align) -> Text:
    usable = width - CELL.across
    paras: list[Para] = []
    budget = style.max_lines
    if cell.head:
        look = Look(style.size, True, False, cell.colour)
        lines = list(
            fit(
                cell.head,
                usable,
                1e9,
                style.size,
                style.size,
                bold=True,
                max_lines=max(1, budget - 1),
                measure=measure,
            ).lines
        )
        paras.append(Para(lines, look, align, link=cell.link))  # the title carries the link
        budget -= len(lines)
    if cell.text or not paras:
        look = Look(style.size, cell.bold, cell.italic, cell.colour, cell.strike)
        fitted = fit(
            cell.text,
            usable,
            1e9,
            style.size,
            style.size,
            bold=cell.bold,
            max_lines=max(1, budget),
            measure=measure,
        )
        link = None if cell.head else cell.link
        paras.append(Para(list(fitted.lines), look, align, link=link))
    return Text(paras)


def lay_row(
    cells: Sequence[Cell],
    columns: Sequence[Column],
    widths: Sequence[float],
    style: TableStyle,
    measure: Measure,
) -> Laid:
    texts = [
        _cell_text(cell, width, style, measure, column.align)
        for cell, width, column in zip(cells, widths, columns, strict=True)
    ]
    height = max(text.height for text in texts) + CELL.down + SLACK
    return Laid(texts, [cell.fill for cell in cells], height)


def lay_header(
    columns: Sequence[Column], widths: Sequence[float], style: TableStyle, measure: Measure
) -> Laid:
    texts = []
    for column, width in zip(columns, widths, strict=True):
        lines = wrap(column.name, width - CELL.across, style.header_size, True, measure)
        texts.append(Text([Para(lines, Look(style.header_size, True, False, INK), column.align)]))
    height = max(text.height for text in texts) + CELL.down + SLACK
    return Laid(texts, [HEADER] * len(columns), height)


def paginate(
    rows: Sequence[Sequence[Cell]],
    columns: Sequence[Column],
    width: float,
    first_height: float,
    next_height: float,
    style: TableStyle,
    measure: Measure,
) -> Pages:
    """Rows laid out and split: the first slide has `first_height` points for the table, the
    following ones `next_height`. Every slide holds at least one row."""
    widths = column_widths(columns, width, rows, style, measure)
    header = lay_header(columns, widths, style, measure)
    pages = Pages(header)
    current: list[Laid] = []
    used = header.height
    limit = first_height
    for cells in rows:
        laid = lay_row(cells, columns, widths, style, measure)
        if current and used + laid.height > limit:
            pages.pages.append(current)
            current, used, limit = [], header.height, next_height
        current.append(laid)
        used += laid.height
    if current or not pages.pages:
        pages.pages.append(current)
    return pages


def _border(colour: str) -> str:
    return f'<a:lnB w="6350"><a:solidFill><a:srgbClr val="{colour}"/></a:solidFill></a:lnB>'


def _tc(text: Text, fill: str | None, part: Any) -> str:
    margins = (
        f'marL="{emu(CELL.left)}" marR="{emu(CELL.right)}"'
        f' marT="{emu(CELL.top)}" marB="{emu(CELL.bottom)}" anchor="t"'
    )
    none = "<a:noFill/>"
    sides = "".join(f'<a:{side} w="0">{none}</a:{side}>' for side in ("lnL", "lnR", "lnT"))
    background = f'<a:solidFill><a:srgbClr val="{fill}"/></a:solidFill>' if fill else none
    body = (
        f'<a:txBody><a:bodyPr wrap="square"/><a:lstStyle/>{paragraphs_xml(text, part)}</a:txBody>'
    )
    return f"<a:tc>{body}<a:tcPr {margins}>{sides}{_border(RULE)}{background}</a:tcPr></a:tc>"


def draw_table(
    slide: Any, box: Box, widths: Sequence[float], header: Laid, rows: Sequence[Laid]
) -> Any:
    """A native table at the top of `box`, its rows at their measured heights."""
    all_rows = [header, *rows]
    height = sum(row.height for row in all_rows)
    frame = slide.shapes.add_table(
        len(all_rows), len(widths), emu(box.x), emu(box.y), emu(box.w), emu(height)
    )
    part = slide.part
    grid = "".join(f'<a:gridCol w="{emu(width)}"/>' for width in widths)
    trs = []
    for row in all_rows:
        cells = "".join(
            _tc(text, fill or WHITE, part) for text, fill in zip(row.cells, row.fills, strict=True)
        )
        trs.append(f'<a:tr h="{emu(row.height)}">{cells}</a:tr>')
    tbl = parse_xml(
        f'<a:tbl {_NS}><a:tblPr firstRow="1"><a:tableStyleId>{NO_GRID_STYLE}</a:tableStyleId>'
        f"</a:tblPr><a:tblGrid>{grid}</a:tblGrid>{''.join(trs)}</a:tbl>"
    )
    old = frame._element.graphic.graphicData.tbl  # noqa: SLF001 - python-pptx has no public API for this XML (bounded <1.1)
    old.getparent().replace(old, tbl)
    # The frame's size is the sum of what was measured (rounding to EMU aside).
    frame.width = emu(sum(widths))
    return frame


def table_slides(
    rows: Sequence[Sequence[Cell]],
    columns: Sequence[Column],
    new_slide: Callable[[int, int], tuple[Any, Box]],
    style: TableStyle,
    measure: Measure,
    first_box: Box,
    next_box: Box,
    drawn: Callable[[Any, range], None],
) -> int:
    """Draw `rows` over as many slides as they need; `new_slide(index, count)` makes the slide
    (index from 1) and returns it with the box for the table, and `drawn(slide, indexes)` is
    told each slide once its table is drawn, with the indexes of the rows on it (no slide is
    held here after that: a long table's slides can be let go one by one). Returns how many
    slides were made."""
    pages = paginate(rows, columns, first_box.w, first_box.h, next_box.h, style, measure)
    widths = column_widths(columns, first_box.w, rows, style, measure)
    start = 0
    for index, page_rows in enumerate(pages.pages, start=1):
        slide, box = new_slide(index, len(pages.pages))
        draw_table(slide, box, widths, pages.header, page_rows)
        drawn(slide, range(start, start + len(page_rows)))
        start += len(page_rows)
    return len(pages.pages)
