"""Native (editable) charts: plan value per quarter before and after, and each affected team's
days against its capacity. The numbers are the impact's, unrounded, so that a director who
clicks "Edit data" sees what the tool computed."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION
from pptx.util import Pt

from roadmap_tui.exporters.deck.clean import clean_text, one_line
from roadmap_tui.exporters.deck.draw import rgb
from roadmap_tui.exporters.deck.layout import Box, emu
from roadmap_tui.exporters.deck.measure import FONT
from roadmap_tui.exporters.deck.palette import ACCENT, BEFORE, OVER, RULE, TEXT
from roadmap_tui.exporters.deck.words import fmt
from roadmap_tui.impact import Impact, TeamEffort

TEAM_LABEL = 30  # characters of a team name in an effort category before an ellipsis
NO_CAPACITY = 200.0  # percent shown for days asked of a team with no capacity that quarter


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
    """`Security platform 2027-Q1`; a long team name loses its parenthesis, then its end."""
    name = one_line(row.team_name) or row.team
    if len(name) > TEAM_LABEL // 2 and " (" in name:
        name = name[: name.index(" (")]
    if len(name) > TEAM_LABEL:
        name = name[: TEAM_LABEL - 1].rstrip() + "\u2026"
    return f"{name} {row.quarter}"


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


def scale_top(data: ChartData) -> float:
    """The value axis maximum: at least 100%, then the next 25% step above the largest bar."""
    largest = max((v for series in data.series for v in series.values), default=0.0)
    top = max(100.0, min(largest, NO_CAPACITY))
    return float(math.ceil((top + 15.0) / 25.0) * 25)


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
    axis.tick_labels.font.name = FONT
    axis.tick_labels.font.color.rgb = rgb(TEXT)
    axis.format.line.color.rgb = rgb(RULE)


def _chart(slide: Any, box: Box, kind: Any, data: ChartData, number_format: str) -> Any:
    chart_data = CategoryChartData(number_format=number_format)  # type: ignore[no-untyped-call]
    chart_data.categories = list(data.categories)
    for series in data.series:
        chart_data.add_series(series.name, list(series.values))  # type: ignore[no-untyped-call]
    frame = slide.shapes.add_chart(kind, emu(box.x), emu(box.y), emu(box.w), emu(box.h), chart_data)
    chart = frame.chart
    chart.part.chart_workbook.update_from_xlsx_blob(inert_workbook(data, number_format))
    chart.has_title = False
    chart.has_legend = True
    chart.legend.position = XL_LEGEND_POSITION.BOTTOM
    chart.legend.include_in_layout = False
    chart.legend.font.size = Pt(10)
    chart.legend.font.name = FONT
    chart.font.name = FONT
    chart.font.size = Pt(10)
    for plot_series, series in zip(chart.plots[0].series, data.series, strict=True):
        plot_series.format.fill.solid()
        plot_series.format.fill.fore_color.rgb = rgb(series.colour)
        plot_series.format.line.fill.background()
    value_axis = chart.value_axis
    value_axis.has_major_gridlines = True
    value_axis.major_gridlines.format.line.color.rgb = rgb("E5E7EB")
    value_axis.minimum_scale = 0
    _style_axis(value_axis, 9)
    _style_axis(chart.category_axis, 10)
    return frame


def value_chart(slide: Any, box: Box, impact: Impact) -> Any:
    """Clustered columns: each quarter's plan value before and after, labelled."""
    frame = _chart(slide, box, XL_CHART_TYPE.COLUMN_CLUSTERED, value_data(impact), "General")
    plot = frame.chart.plots[0]
    plot.gap_width = 60
    plot.overlap = -10
    plot.has_data_labels = True
    labels = plot.data_labels
    labels.font.size = Pt(9)
    labels.font.name = FONT
    labels.number_format = "General"
    labels.number_format_is_linked = False
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
    after = plot.series[1]
    for index, row in enumerate(rows):
        point = after.points[index]
        if row.over_after:
            point.format.fill.solid()
            point.format.fill.fore_color.rgb = rgb(OVER)
        label = point.data_label
        label.position = XL_LABEL_POSITION.OUTSIDE_END
        frame_ = label.text_frame
        frame_.text = clean_text(after_label(row))
        for run in frame_.paragraphs[0].runs:
            run.font.size = Pt(8)
            run.font.name = FONT
            run.font.color.rgb = rgb(TEXT)
    return frame
