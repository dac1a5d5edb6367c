"""The roadmap before and after: quarters as columns, swimlanes as rows, native rounded
rectangles coloured by change, dashed ghosts where moved items were, and a legend.

Chips are up to three lines of 12 pt (two when space is short), so titles read on a projector and are never cut to a stub. A
plan that does not fit one slide shows each cell's unchanged items as one count; if it still
does not fit, lanes continue on the next slides. The current quarter is marked and finished
quarters get narrower columns.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from roadmap_tui.exporters.deck.draw import (
    Look,
    Margins,
    Para,
    Text,
    fitted_para,
    panel,
    rectangle,
    rule,
    text_box,
    write,
)
from roadmap_tui.exporters.deck.lanes import Chip, Lane, Timeline
from roadmap_tui.exporters.deck.layout import Box
from roadmap_tui.exporters.deck.measure import LINE, Measure, fit, wrap
from roadmap_tui.exporters.deck.palette import (
    BAND,
    CHANGE_STYLES,
    GHOST,
    INK,
    NOW,
    RULE,
    TEXT,
    WHITE,
    Style,
)
from roadmap_tui.models import quarter_index

HEADER_H = 40.0
NOW_BAR = 4.0  # the accent bar over the current quarter's header
PAD = 4.0
GAP = 3.0
LANE_GAP = 2.0
SIZE = 12.0  # chips, lane labels, stages and the legend: readable on a projector
QUARTER_SIZE = 14.0
LABEL_LINES = 3
LEGEND_ROW = SIZE * LINE + 4
CHIP_MARGINS = Margins(4.0, 1.5, 4.0, 1.5)
SUMMARY = Style(WHITE, RULE, TEXT, label="unchanged items, counted")
FINISHED = 0.6  # width of a finished quarter's column against the others
# (chips per row, lines per chip, font size): three lines where there is room, else two, so
# a title is never cut to a stub.
# A small plan gets larger chips: the slide should not stay half empty.
CONFIGS: tuple[tuple[int, int, float], ...] = (
    (1, 3, 16.0),
    (1, 3, 14.0),
    (1, 3, SIZE),
    (1, 2, SIZE),
)
PAGED = (1, 2, SIZE)


@dataclass(frozen=True)
class Arrangement:
    """How chips are laid out: `per_row` side by side, up to `lines` lines at `size` points."""

    per_row: int
    lines: int
    size: float
    chip_w: float

    @property
    def short(self) -> bool:
        """Narrow chips show the item id rather than its title."""
        return self.per_row > 1

    def height(self, lines: int) -> float:
        return lines * self.size * LINE + CHIP_MARGINS.down + 1.0


@dataclass(frozen=True)
class Slice:
    """Chips `start`..`end` (in rows of `per_row`) of a lane on one slide."""

    lane: Lane
    start: int
    end: int
    height: float
    continued: bool


@dataclass(frozen=True)
class Grid:
    """The timeline's geometry: the lane labels' width, each quarter's column, the height
    left for lanes. Finished quarters (before `now`) get narrower columns."""

    area: Box
    label_w: float
    widths: tuple[float, ...]
    grid_h: float
    legend_h: float = LEGEND_ROW

    def x(self, index: int) -> float:
        return self.area.x + self.label_w + sum(self.widths[:index])


def finished(quarter: str, now: str | None) -> bool:
    return now is not None and quarter_index(quarter) < quarter_index(now)


def grid(
    area: Box, quarters: Sequence[str], now: str | None = None, legend_h: float = LEGEND_ROW
) -> Grid:
    label_w = min(150.0, 0.17 * area.w)
    weights = [FINISHED if finished(q, now) else 1.0 for q in quarters] or [1.0]
    total = sum(weights)
    widths = tuple((area.w - label_w) * weight / total for weight in weights)
    return Grid(area, label_w, widths, area.h - HEADER_H - legend_h - 8.0, legend_h)


def arrangement(config: tuple[int, int, float], col_w: float) -> Arrangement:
    per_row, lines, size = config
    chip_w = (col_w - 2 * PAD - (per_row - 1) * GAP) / per_row
    return Arrangement(per_row, lines, size, chip_w)


def arrangements(config: tuple[int, int, float], g: Grid) -> list[Arrangement]:
    return [arrangement(config, width) for width in g.widths]


def label_of(chip: Chip, arr: Arrangement) -> str:
    return chip.short if arr.short else chip.label


def chip_lines(chip: Chip, arr: Arrangement, measure: Measure) -> int:
    """Lines a chip needs (1 up to the arrangement's most): a short title keeps a short chip."""
    if arr.lines == 1:
        return 1
    wrapped = wrap(label_of(chip, arr), arr.chip_w - CHIP_MARGINS.across, arr.size, False, measure)
    return max(1, min(arr.lines, len(wrapped)))


def chip_heights(chips: Sequence[Chip], arr: Arrangement, measure: Measure) -> list[float]:
    return [arr.height(chip_lines(chip, arr, measure)) for chip in chips]


def _stack_height(chips: Sequence[Chip], arr: Arrangement, measure: Measure) -> float:
    """Height of a cell's chips: stacked one under another, or in rows of `per_row`."""
    if not chips:
        return 0.0
    if arr.per_row == 1:
        return sum(chip_heights(chips, arr, measure)) + GAP * (len(chips) - 1)
    rows = -(-len(chips) // arr.per_row)
    return rows * (arr.height(1) + GAP) - GAP


def _label_height(title: str, width: float, measure: Measure) -> float:
    lines = min(len(wrap(title, width - 2 * PAD, SIZE, True, measure)), LABEL_LINES)
    return lines * SIZE * LINE + 2 * PAD


def lane_height(
    lane: Lane, arrs: Sequence[Arrangement], g: Grid, quarters: Sequence[str], measure: Measure
) -> float:
    cells = max(
        (
            _stack_height(lane.cells.get(quarter, []), arr, measure)
            for quarter, arr in zip(quarters, arrs, strict=True)
        ),
        default=0.0,
    )
    return max(cells + 2 * PAD, _label_height(lane.title, g.label_w, measure))


def choose(timeline: Timeline, g: Grid, measure: Measure) -> list[Arrangement] | None:
    """The most readable arrangement that fits every lane on one slide, if any."""
    for config in CONFIGS:
        candidate = arrangements(config, g)
        total = sum(
            lane_height(lane, candidate, g, timeline.quarters, measure) for lane in timeline.lanes
        )
        total += LANE_GAP * max(len(timeline.lanes) - 1, 0)
        if total <= g.grid_h:
            return candidate
    return None


def paged(
    timeline: Timeline, g: Grid, measure: Measure
) -> tuple[list[Arrangement], list[list[Slice]]]:
    """An arrangement and the lanes split over slides (one slide when it fits).

    Split lanes count every chip as two lines, so that a slice is a whole number of rows.
    """
    chosen = choose(timeline, g, measure)
    quarters = timeline.quarters
    if chosen is not None:
        return chosen, [
            [
                Slice(
                    lane,
                    0,
                    lane.rows(chosen[0].per_row),
                    lane_height(lane, chosen, g, quarters, measure),
                    False,
                )
                for lane in timeline.lanes
            ]
        ]
    dense = arrangements(PAGED, g)
    one_line_label = SIZE * LINE + 2 * PAD
    row_h = dense[0].height(dense[0].lines) + GAP
    pages: list[list[Slice]] = [[]]
    used = 0.0
    for lane in timeline.lanes:
        total = lane.rows(dense[0].per_row)
        start = 0
        while start < total:
            space = g.grid_h - used - (LANE_GAP if pages[-1] else 0.0)
            fits = int((space - 2 * PAD + GAP) // row_h)
            if fits < 1 or space < one_line_label:
                pages.append([])
                used = 0.0
                continue
            end = min(total, start + fits)
            height = max((end - start) * row_h - GAP + 2 * PAD, one_line_label)
            if end == total:  # the whole rest of the lane: give its label room if there is some
                height = min(max(height, lane_height(lane, dense, g, quarters, measure)), space)
            pages[-1].append(Slice(lane, start, end, height, start > 0))
            used += height + (LANE_GAP if len(pages[-1]) > 1 else 0.0)
            start = end
    return dense, [page for page in pages if page]


def style_of(chip: Chip) -> Style:
    if chip.style == "ghost":
        return GHOST
    if chip.style == "summary":
        return SUMMARY
    return CHANGE_STYLES.get(chip.style, CHANGE_STYLES["unchanged"])


def _cell(
    slide: Any, chips: Sequence[Chip], x: float, y: float, arr: Arrangement, measure: Measure
) -> None:
    """A cell's chips from its top-left corner: stacked, or in rows of `per_row`."""
    if arr.per_row == 1:
        for chip, height in zip(chips, chip_heights(chips, arr, measure), strict=True):
            _chip(slide, Box(x, y, arr.chip_w, height), chip, arr, measure)
            y += height + GAP
        return
    height = arr.height(1)
    for n, chip in enumerate(chips):
        row, col = divmod(n, arr.per_row)
        box = Box(x + col * (arr.chip_w + GAP), y + row * (height + GAP), arr.chip_w, height)
        _chip(slide, box, chip, arr, measure)


def _chip(slide: Any, box: Box, chip: Chip, arr: Arrangement, measure: Measure) -> Any:
    style = style_of(chip)
    shape = rectangle(slide, box, style.fill, style.line, rounded=True, dashed=style.dashed)
    shape.name = f"{chip.style}: {chip.item}" if chip.item else chip.style
    label = label_of(chip, arr)
    text = fitted_para(
        label,
        box.w - CHIP_MARGINS.across,
        box.h - CHIP_MARGINS.down,
        arr.size,
        arr.size,
        measure,
        italic=chip.style in ("ghost", "summary"),
        colour=style.text,
        strike=chip.style == "removed",
        max_lines=arr.lines,
    )
    write(shape.text_frame, Text([text]), CHIP_MARGINS, "middle")
    return shape


def _header(
    slide: Any,
    g: Grid,
    quarters: Sequence[str],
    stages: Mapping[str, str],
    measure: Measure,
    now: str | None,
) -> None:
    """Each quarter's id and stage; the current quarter under an accent bar, saying "now";
    finished quarters (narrowed) say so."""
    area = g.area
    for index, quarter in enumerate(quarters):
        box = Box(g.x(index), area.y, g.widths[index], HEADER_H)
        inner = box.w - 4
        current = quarter == now
        paras = [
            fitted_para(
                quarter,
                inner,
                QUARTER_SIZE * LINE,
                QUARTER_SIZE,
                SIZE,
                measure,
                bold=True,
                colour=NOW if current else INK,
                align="center",
                max_lines=1,
            )
        ]
        stage = stages.get(quarter)
        below = "finished" if finished(quarter, now) else stage
        if current:
            below = f"now, {stage}" if stage else "now"
        if below:
            paras.append(
                fitted_para(
                    below,
                    inner,
                    SIZE * LINE,
                    SIZE,
                    SIZE,
                    measure,
                    colour=TEXT,
                    align="center",
                    max_lines=1,
                )
            )
        text_box(slide, box, Text(paras), Margins(2, 2, 2, 0), "bottom")
        if current:
            rectangle(slide, Box(box.x + 2, area.y - NOW_BAR, box.w - 4, NOW_BAR), NOW, None)
    rule(slide, area.x, area.y + HEADER_H + 1, area.right, area.y + HEADER_H + 1, RULE, 1.0)


def legend_rows(styles: Sequence[Style], width: float, measure: Measure) -> list[list[Style]]:
    """The legend's entries in rows that fit `width`, in order."""
    rows: list[list[Style]] = [[]]
    x = 0.0
    for style in styles:
        entry = 20 + measure.width(style.label, SIZE) + 2
        if rows[-1] and x + entry > width:
            rows.append([])
            x = 0.0
        rows[-1].append(style)
        x += entry + 12
    return rows


def _legend(slide: Any, box: Box, styles: Sequence[Style], measure: Measure) -> None:
    """Swatches and their labels, row after row."""
    for number, row in enumerate(legend_rows(styles, box.w, measure)):
        x = box.x
        y = box.y + number * LEGEND_ROW
        for style in row:
            label_w = measure.width(style.label, SIZE) + 2
            swatch = Box(x, y + 3, 16, LEGEND_ROW - 6)
            rectangle(slide, swatch, style.fill, style.line, rounded=True, dashed=style.dashed)
            label = Para([style.label], Look(SIZE, colour=TEXT))
            label_box = Box(x + 20, y, label_w + 1, LEGEND_ROW)
            text_box(slide, label_box, Text([label]), Margins(0, 0, 0, 0), "middle")
            x += 20 + label_w + 12


def legend_styles(timeline: Timeline) -> list[Style]:
    present = {chip.style for chip in timeline.chips}
    keys = ["added", "pulled-in", "deferred", "removed"]
    if present & {"re-estimated", "re-scored"}:
        keys.append("re-estimated")
    keys.append("unchanged")
    styles = [CHANGE_STYLES[key] for key in keys]
    styles.append(GHOST)
    if "summary" in present:
        styles.append(SUMMARY)
    return styles


def legend_height(timeline: Timeline, width: float, measure: Measure) -> float:
    return len(legend_rows(legend_styles(timeline), width, measure)) * LEGEND_ROW


def draw(
    timeline: Timeline,
    new_slide: Callable[[int, int], tuple[Any, Box]],
    area: Box,
    stages: Mapping[str, str],
    measure: Measure,
    card: bool = False,
    now: str | None = None,
) -> list[Any]:
    """Draw the timeline on as many slides as it needs; returns the slides. With `card`, on a
    white panel (for templates whose background is not white). `now` is the current quarter:
    marked, and the quarters before it narrowed."""
    key_h = legend_height(timeline, area.w, measure)
    g = grid(area, timeline.quarters, now, key_h)
    if not timeline.lanes or not timeline.quarters:
        slide, box = new_slide(1, 1)
        note = fitted_para(
            "No item is planned in a quarter, before or after.",
            box.w,
            40,
            14,
            12,
            measure,
            colour=TEXT,
            max_lines=2,
        )
        if card:
            panel(slide, Box(box.x, box.y, box.w, note.height))
        text_box(slide, Box(box.x, box.y, box.w, note.height), Text([note]))
        return [slide]
    arrs, pages = paged(timeline, g, measure)
    styles = legend_styles(timeline)
    slides = []
    for number, page in enumerate(pages, start=1):
        slide, box = new_slide(number, len(pages))
        g = grid(box, timeline.quarters, now, key_h)
        lanes_h = sum(piece.height for piece in page) + LANE_GAP * (len(page) - 1)
        legend_y = min(box.y + HEADER_H + 4 + lanes_h + 10, box.bottom - key_h)
        if card:
            panel(slide, Box(box.x, box.y - NOW_BAR, box.w, legend_y + key_h - box.y + NOW_BAR))
        _header(slide, g, timeline.quarters, stages, measure, now)
        y = box.y + HEADER_H + 4
        top = y
        for index, piece in enumerate(page):
            band = Box(box.x, y, box.w, piece.height)
            if index % 2 == 0:
                rectangle(slide, band, BAND, None)
            title = piece.lane.title + (" (cont.)" if piece.continued else "")
            label = fit(
                title,
                g.label_w - 2 * PAD,
                piece.height - 2 * PAD,
                SIZE,
                SIZE,
                bold=True,
                max_lines=LABEL_LINES,
                measure=measure,
            )
            para = Para(list(label.lines), Look(label.size, bold=True, colour=INK))
            text_box(
                slide,
                Box(box.x, y, g.label_w, piece.height),
                Text([para]),
                Margins(PAD, PAD, PAD, PAD),
                "top",
            )
            for q_index, quarter in enumerate(timeline.quarters):
                arr = arrs[q_index]
                chips = piece.lane.cells.get(quarter, [])
                shown = chips[piece.start * arr.per_row : piece.end * arr.per_row]
                _cell(slide, shown, g.x(q_index) + PAD, y + PAD, arr, measure)
            y += piece.height + LANE_GAP
        bottom = y - LANE_GAP
        for q_index in range(len(timeline.quarters)):
            x = g.x(q_index)
            rule(slide, x, top, x, bottom, RULE, 0.75)
        legend = Box(box.x, legend_y, box.w, key_h)  # under the lanes, inside the slide
        _legend(slide, legend, styles, measure)
        slides.append(slide)
    return slides
