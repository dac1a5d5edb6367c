"""The roadmap before and after: quarters as columns, swimlanes as rows, native rounded
rectangles coloured by change, dashed ghosts where moved items were, and a legend.

The chip size is chosen so the whole plan fits one slide if it can: two-line chips with full
titles first, then one-line chips, then several narrow chips per row showing ids. A plan too
large even for that shows unchanged items as one count per cell, and lanes continue on the
next slides.
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
    MUTED,
    RULE,
    TEXT,
    WHITE,
    Style,
)

HEADER_H = 30.0
LEGEND_H = 14.0
PAD = 4.0
GAP = 3.0
LANE_GAP = 2.0
LABEL_SIZE = 9.5
LABEL_LINES = 3
CHIP_MARGINS = Margins(4.0, 1.5, 4.0, 1.5)
SUMMARY = Style(WHITE, RULE, MUTED, label="unchanged items, counted")
# (chips per row, lines per chip, font size), most readable first.
CONFIGS: tuple[tuple[int, int, float], ...] = (
    (1, 2, 9.0),
    (1, 2, 8.5),
    (1, 2, 8.0),
    (1, 1, 9.0),
    (1, 1, 8.5),
    (1, 1, 8.0),
    (2, 1, 8.0),
    (3, 1, 8.0),
)
PAGED = (1, 1, 8.5)
MIN_CHIP_W = 42.0


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
    area: Box
    label_w: float
    col_w: float
    grid_h: float


def grid(area: Box, quarters: int) -> Grid:
    label_w = min(150.0, 0.17 * area.w)
    col_w = (area.w - label_w) / max(quarters, 1)
    return Grid(area, label_w, col_w, area.h - HEADER_H - LEGEND_H - 8.0)


def arrangement(config: tuple[int, int, float], col_w: float) -> Arrangement:
    per_row, lines, size = config
    chip_w = (col_w - 2 * PAD - (per_row - 1) * GAP) / per_row
    return Arrangement(per_row, lines, size, chip_w)


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
    lines = min(len(wrap(title, width - 2 * PAD, LABEL_SIZE, True, measure)), LABEL_LINES)
    return lines * LABEL_SIZE * LINE + 2 * PAD


def lane_height(lane: Lane, arr: Arrangement, g: Grid, measure: Measure) -> float:
    cells = max((_stack_height(chips, arr, measure) for chips in lane.cells.values()), default=0.0)
    return max(cells + 2 * PAD, _label_height(lane.title, g.label_w, measure))


def choose(timeline: Timeline, g: Grid, measure: Measure) -> Arrangement | None:
    """The most readable arrangement that fits every lane on one slide, if any."""
    for config in CONFIGS:
        candidate = arrangement(config, g.col_w)
        if candidate.chip_w < MIN_CHIP_W:
            continue
        total = sum(lane_height(lane, candidate, g, measure) for lane in timeline.lanes)
        total += LANE_GAP * max(len(timeline.lanes) - 1, 0)
        if total <= g.grid_h:
            return candidate
    return None


def paged(timeline: Timeline, g: Grid, measure: Measure) -> tuple[Arrangement, list[list[Slice]]]:
    """An arrangement and the lanes split over slides (one slide when it fits).

    Split lanes use one-line chips, so that a slice is a whole number of equal rows.
    """
    chosen = choose(timeline, g, measure)
    if chosen is not None:
        return chosen, [
            [
                Slice(
                    lane, 0, lane.rows(chosen.per_row), lane_height(lane, chosen, g, measure), False
                )
                for lane in timeline.lanes
            ]
        ]
    dense = arrangement(PAGED, g.col_w)
    if dense.chip_w < MIN_CHIP_W:
        dense = arrangement((1, 1, 8.0), g.col_w)
    one_line_label = LABEL_SIZE * LINE + 2 * PAD
    row_h = dense.height(1) + GAP
    pages: list[list[Slice]] = [[]]
    used = 0.0
    for lane in timeline.lanes:
        total = lane.rows(dense.per_row)
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
                height = min(max(height, lane_height(lane, dense, g, measure)), space)
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
    slide: Any, g: Grid, quarters: Sequence[str], stages: Mapping[str, str], measure: Measure
) -> None:
    area = g.area
    for index, quarter in enumerate(quarters):
        box = Box(area.x + g.label_w + index * g.col_w, area.y, g.col_w, HEADER_H)
        inner = box.w - 4
        paras = [
            fitted_para(
                quarter,
                inner,
                14,
                11,
                8,
                measure,
                bold=True,
                colour=INK,
                align="center",
                max_lines=1,
            )
        ]
        stage = stages.get(quarter)
        if stage:
            paras.append(
                fitted_para(
                    stage, inner, 11, 8.5, 7, measure, colour=MUTED, align="center", max_lines=1
                )
            )
        text_box(slide, box, Text(paras), Margins(2, 2, 2, 0), "bottom")
    rule(slide, area.x, area.y + HEADER_H + 1, area.right, area.y + HEADER_H + 1, RULE, 1.0)


def _legend(slide: Any, box: Box, styles: Sequence[Style], measure: Measure) -> None:
    """Swatches and their labels in a row, as many as fit the width."""
    size = 9.0
    x = box.x
    for style in styles:
        label_w = measure.width(style.label, size) + 2
        if x + 20 + label_w > box.right:
            break
        swatch = Box(x, box.y + 2, 16, box.h - 4)
        rectangle(slide, swatch, style.fill, style.line, rounded=True, dashed=style.dashed)
        label = Para([style.label], Look(size, colour=TEXT))
        label_box = Box(x + 20, box.y, label_w + 1, box.h)
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


def draw(
    timeline: Timeline,
    new_slide: Callable[[int, int], tuple[Any, Box]],
    area: Box,
    stages: Mapping[str, str],
    measure: Measure,
    card: bool = False,
) -> list[Any]:
    """Draw the timeline on as many slides as it needs; returns the slides. With `card`, on a
    white panel (for templates whose background is not white)."""
    g = grid(area, len(timeline.quarters))
    if not timeline.lanes or not timeline.quarters:
        slide, box = new_slide(1, 1)
        note = fitted_para(
            "No item is planned in a quarter, before or after.",
            box.w,
            40,
            14,
            12,
            measure,
            colour=MUTED,
            max_lines=2,
        )
        text_box(slide, Box(box.x, box.y, box.w, note.height), Text([note]))
        return [slide]
    arr, pages = paged(timeline, g, measure)
    styles = legend_styles(timeline)
    slides = []
    for number, page in enumerate(pages, start=1):
        slide, box = new_slide(number, len(pages))
        g = grid(box, len(timeline.quarters))
        lanes_h = sum(piece.height for piece in page) + LANE_GAP * (len(page) - 1)
        legend_y = min(box.y + HEADER_H + 4 + lanes_h + 10, box.bottom - LEGEND_H)
        if card:
            panel(slide, Box(box.x, box.y, box.w, legend_y + LEGEND_H - box.y))
        _header(slide, g, timeline.quarters, stages, measure)
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
                LABEL_SIZE,
                7.5,
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
                chips = piece.lane.cells.get(quarter, [])
                shown = chips[piece.start * arr.per_row : piece.end * arr.per_row]
                x0 = box.x + g.label_w + q_index * g.col_w + PAD
                _cell(slide, shown, x0, y + PAD, arr, measure)
            y += piece.height + LANE_GAP
        bottom = y - LANE_GAP
        for q_index in range(len(timeline.quarters)):
            x = box.x + g.label_w + q_index * g.col_w
            rule(slide, x, top, x, bottom, RULE, 0.75)
        legend = Box(box.x, legend_y, box.w, LEGEND_H)  # under the lanes, inside the slide
        _legend(slide, legend, styles, measure)
        slides.append(slide)
    return slides
