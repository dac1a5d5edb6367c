"""The slides directors look at first: cover, summary, the timeline, value and effort."""

from __future__ import annotations

from typing import Any

from roadmap_tui.exporters.deck import charts, lanes, risks, story, timeline
from roadmap_tui.exporters.deck.canvas import Canvas, place
from roadmap_tui.exporters.deck.draw import (
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
    write,
)
from roadmap_tui.exporters.deck.layout import Box
from roadmap_tui.exporters.deck.measure import LINE, sizes
from roadmap_tui.exporters.deck.model import DeckInput
from roadmap_tui.exporters.deck.palette import ACCENT, INK, OVER_TEXT, RISK_FILL, TEXT
from roadmap_tui.exporters.deck.words import ARROW, fmt, signed
from roadmap_tui.impact import Impact
from roadmap_tui.impact.vocabulary import change_word

BODY = Margins(0, 0, 0, 0)
TILE_FILL = "F3F4F6"
DECISION_FILL = "EEF3F8"
SMALLEST = 12.0  # no text under 12 pt outside the appendix: it must read on a projector


def numbered(title: str, index: int, count: int) -> str:
    return title if count == 1 else f"{title} ({index}/{count})"


# --- 1. cover ---------------------------------------------------------------------------------


def cover(canvas: Canvas, deck: DeckInput) -> None:
    title = story.deck_title(deck)
    slide, page = canvas.slide(title, "cover")
    if not canvas.themed:  # the default look: a short accent rule above the title
        bar = Box(page.title.x + 7.2, page.title.y - 10, 72, 5)
        rectangle(slide, bar, ACCENT, None)
    lines = story.title_lines(deck)
    holder = canvas.body_placeholder(slide)
    if holder is not None:
        box = Box(
            holder.left / 12700, holder.top / 12700, holder.width / 12700, holder.height / 12700
        )
    else:
        top = page.title.bottom + 12
        box = Box(page.title.x, top, page.title.w, max(page.height - top - 36, 40))
    margins = Margins(7.2, 3.6, 7.2, 3.6)
    width = box.w - margins.across
    height = box.h - margins.down
    colour = canvas.theme.text
    align = None if canvas.themed else "left"
    text = _fit_lines(canvas, lines, width, height, 20, SMALLEST, colour, align)
    if holder is not None:
        write(holder.text_frame, text, margins, None if canvas.themed else "top")
    else:
        text_box(slide, box, text, margins)
    canvas.drop_empty_placeholders(slide)
    notes(
        slide,
        [
            "Open with the ask: " + story.decision(deck),
            *lines,
            f"Baseline source: {deck.base.label}"
            + (f", commit {deck.base.commit}" if deck.base.commit else ""),
            f"Adjusted source: {deck.adjusted.label}"
            + (f", commit {deck.adjusted.commit}" if deck.adjusted.commit else ""),
            f"Framework: {deck.impact.framework}. Quarters: {', '.join(deck.impact.quarters)}.",
        ],
    )


def _fit_lines(
    canvas: Canvas,
    lines: list[str],
    width: float,
    height: float,
    largest: float,
    smallest: float,
    colour: str | None,
    align: Any,
    gap: float = 4.0,
) -> Text:
    """Paragraphs at the largest common size at which they all fit; the last ones are cut
    (with an ellipsis) if they fit at no size."""
    for size in sizes(largest, smallest):
        paras = [
            para(
                line,
                width,
                Look(size, colour=colour),
                canvas.measure,
                align=align,
                space_before=gap if index else 0.0,
            )
            for index, line in enumerate(lines)
        ]
        if Text(paras).height <= height:
            return Text(paras)
    kept: list[Para] = []
    used = 0.0
    for index, line in enumerate(lines):
        room = height - used - (gap if index else 0.0)
        if room < smallest * LINE:
            break
        piece = fitted_para(
            line, width, room, smallest, smallest, canvas.measure, colour=colour, align=align
        )
        piece.space_before = gap if index else 0.0
        kept.append(piece)
        used += piece.height
    return Text(kept)


# --- 2. summary -------------------------------------------------------------------------------

TILE_H = 72.0
TILE_MIN_W = 130.0  # narrower than this (4:3), the tiles go in two rows


def summary(canvas: Canvas, deck: DeckInput) -> None:
    """Tiles (risks in red above zero), the bullets, and the decision asked for. Bullets that
    do not fit at 12 pt continue on a second summary slide."""
    slide, page = canvas.slide("Summary", "title_content")
    area = page.content
    figures = story.tiles(deck)
    per_row = len(figures) if area.w / len(figures) >= TILE_MIN_W else -(-len(figures) // 2)
    rows = -(-len(figures) // per_row)
    tiles_box, rest = area.take_top(rows * TILE_H + (rows - 1) * 8, gap=14)
    for row in range(rows):
        line = Box(tiles_box.x, tiles_box.y + row * (TILE_H + 8), tiles_box.w, TILE_H)
        _tiles(canvas, slide, line, figures[row * per_row : (row + 1) * per_row], per_row)
    decision_text = story.decision(deck)
    decision = fitted_para(
        decision_text,
        rest.w - 28,
        0.5 * rest.h,
        16,
        SMALLEST,
        canvas.measure,
        bold=True,
        colour=INK,
    )
    decision_h = decision.height + 16
    body_box, decision_box = rest.take_bottom(decision_h, gap=12)
    sentences = story.summary(deck)
    body, left = _fit_bullets(canvas, sentences, body_box.w, body_box.h, canvas.theme.text)
    holder = canvas.body_placeholder(slide)
    if holder is not None:
        place(holder, body_box)
        write(holder.text_frame, body, BODY, "top")
    else:
        text_box(slide, body_box, body, BODY)
    rectangle(slide, decision_box, DECISION_FILL, None)
    rectangle(slide, Box(decision_box.x, decision_box.y, 5, decision_box.h), ACCENT, None)
    text_box(slide, decision_box.inset(18, 8, 10, 8), Text([decision]), BODY, "middle")
    canvas.drop_empty_placeholders(slide)
    notes(slide, talking_points(deck))
    if left:
        more, page = canvas.slide("Summary (continued)", "title_only")
        box = page.content
        text, rest_ = _fit_bullets(canvas, left, box.w, box.h, canvas.theme.text)
        text_box(more, box, text, BODY)
        notes(more, ["The rest of the summary, in full:", *left])


def talking_points(deck: DeckInput) -> list[str]:
    """The summary's notes: the ask, the risks and their answers, likely questions with the
    numbers to answer them."""
    impact = deck.impact
    found = risks.risks(deck)
    lines = ["The ask:", "  " + story.decision(deck), "", "What changes:"]
    lines += [f"  {sentence}" for sentence in story.summary(deck)]
    lines += ["", "Risks and their answers:"]
    for row in found.over:
        lines.append(
            f"  {story.over_text(row)}: ask {row.team_name} for the missing days, or move"
            " work out of that quarter."
        )
    for broken in found.broken:
        where = broken.earliest or "nowhere until its dependency is planned again"
        lines.append(f"  {story.order_text(broken)}: the earliest it can run is {where}.")
    for quarter in found.reopened:
        lines.append(
            f"  Reopens {story.reopen_text(quarter)}: say who approved it and who re-approves."
        )
    if not (found.over or found.broken or found.reopened):
        lines.append("  None: the plan runs as written.")
    lines += ["", "Likely questions:"]
    lines.append(
        f"  What do we lose? Plan value {fmt(impact.value_before)} {ARROW}"
        f" {fmt(impact.value_after)} ({signed(impact.value_after - impact.value_before)},"
        f" {impact.framework})."
    )
    lines.append(f"  When do goals land? {story.delivery_sentence(impact)}")
    lines.append(f"  Who is affected? {story.teams_sentence(impact)}")
    if found.told:
        lines.append(f"  Who will be told? {', '.join(found.told)}.")
    lines += ["", *_value_notes(impact)]
    return lines


def _fit_bullets(
    canvas: Canvas, sentences: list[str], width: float, height: float, colour: str | None
) -> tuple[Text, list[str]]:
    """The sentences as bullets at the largest size (18 down to 12 pt) at which they all fit;
    if they do not fit at 12 pt, those that do and the rest (for another slide)."""
    for size in sizes(18, SMALLEST):
        paras = _bullets(canvas, sentences, width, size, colour)
        if Text(paras).height <= height:
            return Text(paras), []
    paras = _bullets(canvas, sentences, width, SMALLEST, colour)
    kept: list[Para] = []
    used = 0.0
    for piece in paras:
        if kept and used + piece.height > height:
            break
        kept.append(piece)
        used += piece.height
    return Text(kept), sentences[len(kept) :]


def _bullets(
    canvas: Canvas, sentences: list[str], width: float, size: float, colour: str | None
) -> list[Para]:
    return [
        para(
            s,
            width,
            Look(size, colour=colour),
            canvas.measure,
            bullet=True,
            space_before=size * 0.5 if index else 0.0,
        )
        for index, s in enumerate(sentences)
    ]


def _tiles(canvas: Canvas, slide: Any, box: Box, figures: list[story.Tile], per_row: int) -> None:
    for tile, shown in zip(box.columns([1] * per_row, gap=8), figures, strict=False):
        alarm = shown.risk and shown.figure not in ("0", "\u00b10")
        rectangle(slide, tile, RISK_FILL if alarm else TILE_FILL, None, rounded=True, radius=0.08)
        inner = tile.inset(8, 5, 6, 5)
        big = fitted_para(
            shown.figure,
            inner.w,
            26,
            22,
            14,
            canvas.measure,
            bold=True,
            colour=OVER_TEXT if alarm else INK,
            max_lines=1,
        )
        small = fitted_para(
            shown.label,
            inner.w,
            inner.h - big.height - 1,
            13,
            SMALLEST,
            canvas.measure,
            colour=TEXT,
            max_lines=2,
        )
        text_box(slide, inner, Text([big, small]), BODY, "middle")


def _value_notes(impact: Impact) -> list[str]:
    lines = [f"Plan value by quarter ({impact.framework}), before {ARROW} after:"]
    for row in impact.value:
        lines.append(
            f"  {row.quarter}: {fmt(row.before)} {ARROW} {fmt(row.after)} ({signed(row.delta)})"
        )
    lines.append(f"  total: {fmt(impact.value_before)} {ARROW} {fmt(impact.value_after)}")
    return lines


# --- 3. roadmap before and after --------------------------------------------------------------


def roadmap(canvas: Canvas, deck: DeckInput) -> None:
    impact = deck.impact
    page = canvas.page("title_only")
    now = risks.quarter_of(deck.on)
    changed = len(impact.changed_items)
    # Hundreds of changes never fit a slide: count them, without measuring them one by one.
    plan = lanes.build(impact, deck.lanes, count_all=changed > FULL_TIMELINE)
    key_h = timeline.legend_height(plan, page.content.w, canvas.measure)
    g = timeline.grid(page.content, impact.quarters, now, key_h)
    if not plan.collapsed and (
        len(plan.chips) > FULL_TIMELINE or timeline.choose(plan, g, canvas.measure) is None
    ):
        plan = lanes.build(impact, deck.lanes, collapse=True)
        if len(timeline.paged(plan, g, canvas.measure)[1]) > 2:
            plan = lanes.build(impact, deck.lanes, count_all=True)
    stages = {}
    if deck.workspace is not None:
        stages = {q: p.quarter.stage for q, p in deck.workspace.quarters.items()}
    made: list[Any] = []

    def new_slide(index: int, count: int) -> tuple[Any, Box]:
        slide, page_ = canvas.slide(numbered("Roadmap before and after", index, count))
        made.append(slide)
        return slide, page_.content

    slides = timeline.draw(
        plan,
        new_slide,
        page.content,
        stages,
        canvas.measure,
        card=True,
        now=now,
    )
    lines = _timeline_notes(impact, plan)
    for slide in slides:
        notes(slide, lines)


FULL_TIMELINE = 300  # chips beyond which the timeline counts rather than shows items
NOTED = 60  # changed items named in the timeline's notes; the Changes slides have them all


def _timeline_notes(impact: Impact, plan: lanes.Timeline) -> list[str]:
    mode = "goal" if plan.mode == "goals" else "team"
    lines = [
        "Talking points: what moves, and where; point at the colours.",
        f"Quarters as columns, one lane per {mode}. Colours: green added, blue pulled in,"
        " amber deferred, red dashed removed, grey unchanged; dashed outlines show where a"
        " moved item was.",
    ]
    if plan.collapsed:
        lines.append("Items are counted per quarter (too many to show one by one).")
    lines.append("Changed items:")
    changed = impact.changed_items
    for row in changed[:NOTED]:
        lines.append(
            f"  {story.item_name(row.id, row.title)}, {change_word(row.change)}:"
            f" {row.from_location or '-'} {ARROW} {row.to_location or '-'}"
        )
    if len(changed) > NOTED:
        lines.append(f"  and {len(changed) - NOTED:,} more: see the Changes slides")
    if not changed:
        lines.append("  none")
    return lines


# --- 4. value and effort ----------------------------------------------------------------------

CHART_ROWS_BESIDE = 8
CHART_ROWS_ALONE = 12


def value_and_effort(canvas: Canvas, deck: DeckInput, continued: bool = True) -> None:
    """Plan value beside capacity used; teams beyond the first chart continue on more slides
    (or, without `continued`, are counted in the caption: the directors' one chart pair)."""
    impact = deck.impact
    rows = charts.effort_rows(impact)
    first, rest = rows[:CHART_ROWS_BESIDE], rows[CHART_ROWS_BESIDE:]
    more = [rest[i : i + CHART_ROWS_ALONE] for i in range(0, len(rest), CHART_ROWS_ALONE)]
    if not continued:
        more = []
    count = 1 + len(more)
    slide, page = canvas.slide(numbered("Value and effort", 1, count))
    left, right = page.content.columns([1, 1], gap=28)
    panel(slide, left)
    panel(slide, right)
    caption = (
        f"Plan value per quarter ({impact.framework}): {fmt(impact.value_before)} {ARROW}"
        f" {fmt(impact.value_after)} ({signed(impact.value_after - impact.value_before)})"
    )
    chart_box = _caption(canvas, slide, left, caption)
    if impact.value:
        chart_box, key = chart_box.take_bottom(charts.LEGEND_H, gap=6)
        charts.value_chart(slide, chart_box, impact)
        charts.legend(slide, key, canvas.measure)
    else:
        _message(canvas, slide, chart_box, "No quarter is planned in either version.")
    over = [row for row in rows if row.over_after]
    effort_caption = "Share of capacity used, teams whose load changes" + (
        f"; {len(over)} over capacity" if over else ""
    )
    if not continued and rest:
        effort_caption += f"; {len(rest)} more in the PO deck"
    chart_box = _caption(canvas, slide, right, effort_caption)
    if first:
        _effort(canvas, slide, chart_box, first)
    else:
        _message(canvas, slide, chart_box, "No team's load changes.")
    lines = [
        "Talking points: value first, then who carries the work.",
        *_value_notes(impact),
        "",
        "Days used against capacity, before " + ARROW + " after:",
    ]
    for row in rows:
        lines.append(
            f"  {row.team_name} {row.quarter}: {fmt(row.before)} {ARROW} {fmt(row.after)}"
            f" of {fmt(row.capacity)}" + (" (over capacity)" if row.over_after else "")
        )
    if not rows:
        lines.append("  no team's load changes")
    notes(slide, lines)
    for index, chunk in enumerate(more, start=2):
        slide, page = canvas.slide(numbered("Value and effort", index, count))
        caption = "Share of capacity used (continued)"
        panel(slide, page.content)
        chart_box = _caption(canvas, slide, page.content, caption)
        _effort(canvas, slide, chart_box, chunk)
        notes(
            slide,
            [
                f"{row.team_name} {row.quarter}: {fmt(row.before)} {ARROW} {fmt(row.after)}"
                f" of {fmt(row.capacity)}"
                for row in chunk
            ],
        )


def _effort(canvas: Canvas, slide: Any, box: Box, rows: list[Any]) -> None:
    """The capacity chart, its 100% line and the legend under it."""
    chart_box, key = box.take_bottom(charts.LEGEND_H, gap=6)
    top = charts.scale_top(charts.effort_data(rows))
    charts.full_line(slide, chart_box, top)  # first: the chart's labels are drawn over it
    charts.effort_chart(slide, chart_box, rows)
    over = any(row.over_after for row in rows)
    charts.legend(slide, key, canvas.measure, over=over, full=True)


def _message(canvas: Canvas, slide: Any, box: Box, text: str) -> None:
    """A calm sentence where a chart would be when there is nothing to chart."""
    note = para(text, box.w, Look(14, colour=TEXT), canvas.measure)
    text_box(slide, Box(box.x, box.y, box.w, note.height), Text([note]), BODY)


def _caption(canvas: Canvas, slide: Any, box: Box, text: str) -> Box:
    """A caption at the top of `box`; returns the box left under it."""
    caption = fitted_para(
        text,
        box.w,
        2 * 14 * LINE,
        14,
        SMALLEST,
        canvas.measure,
        bold=True,
        colour=INK,
        max_lines=2,
    )
    top, rest = box.take_top(caption.height + 2, gap=6)
    text_box(slide, top, Text([caption]), BODY)
    return rest
