"""Native (editable) charts: plan value per quarter before and after, and each affected team's
days against its capacity. The numbers are the impact's, unrounded, so that a director who
clicks "Edit data" sees what the tool computed.

Both charts read the same way: every bar labelled, text at 12 pt in explicit colours (a dark
colour map would otherwise make it white on the white panel), theme fonts, and one legend
drawn by the deck in the same order and colours on every slide (`LEGEND`). The capacity chart's
plot area is placed by hand, so the deck knows where 100% is and draws the line there.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.oxml import parse_xml
from pptx.util import Pt

from roadmap_tui.exporters.deck.clean import clean_text, one_line
from roadmap_tui.exporters.deck.draw import (
    Look,
    Margins,
    Para,
    Text,
    rectangle,
    rgb,
    rule,
    text_box,
)
from roadmap_tui.exporters.deck.layout import Box, emu
from roadmap_tui.exporters.deck.measure import LINE, Measure
from roadmap_tui.exporters.deck.palette import ACCENT, BEFORE, INK, OVER, RULE, TEXT
from roadmap_tui.exporters.deck.theme import MINOR
from roadmap_tui.exporters.deck.words import fmt
from roadmap_tui.impact import Impact, TeamEffort

TEAM_LABEL = 24  # characters of a team name in an effort category before an ellipsis
NO_CAPACITY = 200.0  # percent shown for days asked of a team with no capacity that quarter
SIZE = 12.0  # every chart text, as everywhere outside the appendix
LEGEND_H = SIZE * LINE + 4
# The legend of both charts, in this order and these colours everywhere: (label, colour).
LEGEND: tuple[tuple[str, str], ...] = (("Before", BEFORE), ("After", ACCENT))
OVER_LEGEND = ("After, over capacity", OVER)
# Where the capacity chart's plot area sits inside the chart, as shares of its size.
PLOT_X, PLOT_Y, PLOT_W, PLOT_H = 0.44, 0.03, 0.53, 0.86


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float, ...]
    colour: str


@dataclass(frozen=True)
class ChartData:
    """A chart's categories and series, as the tests read them back."""

    categories: tuple[str, ...]
    series: tuple[Series, ...]


def value_data(impact: Impact) -> ChartData:
    return ChartData(
        categories=tuple(row.quarter for row in impact.value),
        series=(
            Series("Before", tuple(row.before for row in impact.value), BEFORE),
            Series("After", tuple(row.after for row in impact.value), ACCENT),
        ),
    )


def effort_rows(impact: Impact) -> list[TeamEffort]:
    """Team-quarters whose load changes, or that are over capacity after the change."""
    return [row for row in impact.effort if abs(row.delta) > 1e-9 or row.over_after]


def effort_label(row: TeamEffort) -> str:
    """`Security platform` over `2027-Q1` (two lines: a chart never breaks the quarter); a
    long team name loses its parenthesis, then its end."""
    name = one_line(row.team_name) or row.team
    if len(name) > TEAM_LABEL // 2 and " (" in name:
        name = name[: name.index(" (")]
    if len(name) > TEAM_LABEL:
        name = name[: TEAM_LABEL - 1].rstrip() + "\u2026"
    return f"{name}\n{row.quarter}"


def share(days: float, capacity: float) -> float:
    """Days as a percentage of capacity; days against no capacity at all count as
    `NO_CAPACITY` percent (off the scale), none as 0."""
    if capacity > 0:
        return days / capacity * 100.0
    return NO_CAPACITY if days > 0 else 0.0


def effort_data(rows: Sequence[TeamEffort]) -> ChartData:
    """Share of capacity used before and after, per team and quarter: teams of 145 and of
    15 days read on one scale, and 100% is full."""
    return ChartData(
        categories=tuple(effort_label(row) for row in rows),
        series=(
            Series("Before", tuple(share(row.before, row.capacity_before) for row in rows), BEFORE),
            Series("After", tuple(share(row.after, row.capacity) for row in rows), ACCENT),
        ),
    )


def after_label(row: TeamEffort) -> str:
    """The days behind an "after" bar: `141 of 145 d`."""
    if row.capacity <= 0:
        return f"{fmt(row.after)} d, no capacity"
    return f"{fmt(row.after)} of {fmt(row.capacity)} d"


def before_label(row: TeamEffort) -> str:
    """The days behind a "before" bar, said as the past: `was 0 of 15 d`."""
    if row.capacity_before <= 0:
        return f"was {fmt(row.before)} d, no capacity"
    return f"was {fmt(row.before)} of {fmt(row.capacity_before)} d"


def scale_top(data: ChartData) -> float:
    """The value axis maximum: at least 150% (room for the labels right of a full bar), then
    the next 25% step above the largest bar with room for its label."""
    largest = max((v for series in data.series for v in series.values), default=0.0)
    top = max(150.0, min(largest, NO_CAPACITY) * 1.55)
    return float(math.ceil(top / 25.0) * 25)


def inert_workbook(data: ChartData, number_format: str) -> bytes:
    """The chart's embedded workbook ("Edit data" in PowerPoint) with every text written as
    text: python-pptx writes labels with xlsxwriter's `write`, which makes a team named
    `=HYPERLINK(...)` a live formula and an `http://` title a link. Same layout as python-pptx's
    (categories in column A from row 2, one column per series, its name in row 1), which the
    chart's references point at."""
    import io

    from xlsxwriter import Workbook  # type: ignore[import-untyped]  # python-pptx's own writer

    out = io.BytesIO()
    options = {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
    workbook = Workbook(out, {**options, "strings_to_numbers": False})
    sheet = workbook.add_worksheet()
    number = workbook.add_format({"num_format": number_format})
    sheet.set_column(0, 0, 10)
    for row, category in enumerate(data.categories, start=1):
        sheet.write_string(row, 0, category)
    for column, series in enumerate(data.series, start=1):
        sheet.write_string(0, column, series.name)
        for row, value in enumerate(series.values, start=1):
            sheet.write_number(row, column, value, number)
    workbook.close()
    return out.getvalue()


def _style_axis(axis: Any, size: float) -> None:
    axis.tick_labels.font.size = Pt(size)
    axis.tick_labels.font.name = MINOR
    axis.tick_labels.font.color.rgb = rgb(TEXT)
    axis.format.line.color.rgb = rgb(RULE)


def _style_labels(font: Any) -> None:
    font.size = Pt(SIZE)
    font.name = MINOR
    font.color.rgb = rgb(TEXT)


def _chart(slide: Any, box: Box, kind: Any, data: ChartData, number_format: str) -> Any:
    chart_data = CategoryChartData(number_format=number_format)  # type: ignore[no-untyped-call]
    chart_data.categories = list(data.categories)
    for series in data.series:
        chart_data.add_series(series.name, list(series.values))  # type: ignore[no-untyped-call]
    frame = slide.shapes.add_chart(kind, emu(box.x), emu(box.y), emu(box.w), emu(box.h), chart_data)
    chart = frame.chart
    chart.part.chart_workbook.update_from_xlsx_blob(inert_workbook(data, number_format))
    chart.has_title = False
    chart.has_legend = False  # the deck draws one legend, the same on every slide
    chart.font.name = MINOR
    chart.font.size = Pt(SIZE)
    chart.font.color.rgb = rgb(TEXT)
    _no_fill(chart)
    for plot_series, series in zip(chart.plots[0].series, data.series, strict=True):
        plot_series.format.fill.solid()
        plot_series.format.fill.fore_color.rgb = rgb(series.colour)
        plot_series.format.line.fill.background()
    value_axis = chart.value_axis
    value_axis.has_major_gridlines = True
    value_axis.major_gridlines.format.line.color.rgb = rgb("E5E7EB")
    value_axis.minimum_scale = 0
    _style_axis(value_axis, SIZE)
    _style_axis(chart.category_axis, SIZE)
    return frame


def _no_fill(chart: Any) -> None:
    """No fill behind the chart or its plot: the deck's white panel is the background, and a
    line drawn under the chart (the 100% line) shows through."""
    space = chart._chartSpace  # noqa: SLF001 - python-pptx has no public API for the chart area's fill (bounded <1.1)
    c = "http://schemas.openxmlformats.org/drawingml/2006/chart"
    none = (
        f'<c:spPr xmlns:c="{c}" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        "<a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>"
    )
    for owner in (space, space.chart.plotArea):
        for old in owner.findall(f"{{{c}}}spPr"):
            owner.remove(old)
        element = parse_xml(none)
        # spPr comes after the chart (chartSpace) or after the axes (plotArea) in the schema
        anchor = owner.find(f"{{{c}}}txPr") if owner is space else None
        if anchor is not None:
            anchor.addprevious(element)
        else:
            owner.append(element)


def value_chart(slide: Any, box: Box, impact: Impact) -> Any:
    """Clustered columns: each quarter's plan value before and after, labelled."""
    frame = _chart(slide, box, XL_CHART_TYPE.COLUMN_CLUSTERED, value_data(impact), "General")
    plot = frame.chart.plots[0]
    plot.gap_width = 60
    plot.overlap = -10
    plot.has_data_labels = True  # both series: each bar says its value
    labels = plot.data_labels
    _style_labels(labels.font)
    labels.number_format = "General"
    labels.number_format_is_linked = False
    labels.position = XL_LABEL_POSITION.OUTSIDE_END
    return frame


def effort_chart(slide: Any, box: Box, rows: Sequence[TeamEffort]) -> Any:
    """Horizontal bars per team and quarter: share of capacity used before and after; an
    "after" bar over capacity is red and every "after" bar says its days."""
    data = effort_data(rows)
    frame = _chart(slide, box, XL_CHART_TYPE.BAR_CLUSTERED, data, "General")
    chart = frame.chart
    chart.category_axis.reverse_order = True  # first team at the top, as it reads
    axis = chart.value_axis
    axis.maximum_scale = scale_top(data)
    axis.major_unit = 25
    axis.tick_labels.number_format = '0"%"'
    axis.tick_labels.number_format_is_linked = False
    plot = chart.plots[0]
    plot.gap_width = 40
    plot.overlap = 0
    before, after = plot.series[0], plot.series[1]
    for index, row in enumerate(rows):
        point = after.points[index]
        if row.over_after:
            point.format.fill.solid()
            point.format.fill.fore_color.rgb = rgb(OVER)
        for series, text in ((before, before_label(row)), (after, after_label(row))):
            label = series.points[index].data_label
            label.position = XL_LABEL_POSITION.OUTSIDE_END
            frame_ = label.text_frame
            frame_.text = clean_text(text)
            for run in frame_.paragraphs[0].runs:
                _style_labels(run.font)
    _place_plot(chart)
    _label_backgrounds(chart)
    return frame


def _label_backgrounds(chart: Any) -> None:
    """A white background behind each bar's label, so the 100% line never runs through it."""
    space = chart._chartSpace  # noqa: SLF001 - python-pptx has no public API for a data label's fill (bounded <1.1)
    c = "http://schemas.openxmlformats.org/drawingml/2006/chart"
    fill = (
        f'<c:spPr xmlns:c="{c}" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        '<a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill></c:spPr>'
    )
    for label in space.iter(f"{{{c}}}dLbl"):
        if label.find(f"{{{c}}}spPr") is not None:
            continue
        # schema order: idx, layout, tx, numFmt, spPr, txPr, dLblPos, ...
        after = None
        for name in ("idx", "layout", "tx", "numFmt"):
            found = label.find(f"{{{c}}}{name}")
            if found is not None:
                after = found
        if after is not None:
            after.addnext(parse_xml(fill))


def _place_plot(chart: Any) -> None:
    """Put the plot area (the bars, without the labels of the axes) at PLOT_X.. of the chart,
    so the 100% line can be drawn where 100% is."""
    plot_area = chart._chartSpace.chart.plotArea  # noqa: SLF001 - python-pptx has no public API for the plot area's layout (bounded <1.1)
    for old in plot_area.findall("{http://schemas.openxmlformats.org/drawingml/2006/chart}layout"):
        plot_area.remove(old)
    layout = parse_xml(
        '<c:layout xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart">'
        '<c:manualLayout><c:layoutTarget val="inner"/><c:xMode val="edge"/><c:yMode val="edge"/>'
        f'<c:x val="{PLOT_X}"/><c:y val="{PLOT_Y}"/><c:w val="{PLOT_W}"/><c:h val="{PLOT_H}"/>'
        "</c:manualLayout></c:layout>"
    )
    plot_area.insert(0, layout)


def full_line(slide: Any, box: Box, top: float) -> Any:
    """The dashed 100% line over a capacity chart drawn in `box` with axis maximum `top`."""
    x = box.x + box.w * (PLOT_X + PLOT_W * 100.0 / top)
    y1, y2 = box.y + box.h * PLOT_Y, box.y + box.h * (PLOT_Y + PLOT_H)
    line = rule(slide, x, y1, x, y2, INK, 1.5)
    line.line.dash_style = MSO_LINE_DASH_STYLE.DASH
    line.name = "100% of capacity"
    return line


def legend(slide: Any, box: Box, measure: Measure, over: bool = False, full: bool = False) -> None:
    """The charts' one legend, left to right in `LEGEND` order (then over capacity, then the
    100% line), as many entries as fit the width."""
    entries: list[tuple[str, str | None]] = [(label, colour) for label, colour in LEGEND]
    if over:
        entries.append(OVER_LEGEND)
    if full:
        entries.append(("100% of capacity", None))
    x = box.x
    for label, colour in entries:
        label_w = measure.width(label, SIZE) + 2
        if x + 20 + label_w > box.right:
            break
        if colour is None:
            mark = rule(slide, x, box.y + box.h / 2, x + 16, box.y + box.h / 2, INK, 1.5)
            mark.line.dash_style = MSO_LINE_DASH_STYLE.DASH
        else:
            rectangle(slide, Box(x, box.y + 3, 16, box.h - 6), colour, None)
        look = Look(SIZE, colour=TEXT)
        text_box(
            slide,
            Box(x + 20, box.y, label_w + 1, box.h),
            Text([Para([label], look)]),
            Margins(0, 0, 0, 0),
            "middle",
        )
        x += 20 + label_w + 12
