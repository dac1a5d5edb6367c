"""Impact as Markdown: a page for Confluence or a Slack post, summary first, then the tables.

Everything a person typed (titles, notes, team names, labels) goes through `escape` or `cell`
(roadmap_tui.exporters.markdown_text), so a hostile or unlucky title cannot start a heading, a
link, HTML or a table row.
"""

from __future__ import annotations

from collections.abc import Sequence

from roadmap_tui.exporters.markdown_text import cell, escape, table
from roadmap_tui.impact.model import Impact, Options
from roadmap_tui.impact.summary import goal_cell, goal_quarter, location, summary
from roadmap_tui.impact.vocabulary import ask_word, change_word
from roadmap_tui.models.numbers import fmt, same, signed


def _arrows(text: str) -> str:
    """The summary's plain-text arrows as the page's arrows."""
    return text.replace(" -> ", " → ")


def _days(value: float | None) -> str:
    return fmt(value)


def _moved(before: float, after: float) -> str:
    return " " if same(before, after) else signed(after - before)


def _items(impact: Impact) -> str:
    rows = [
        [
            cell(row.id),
            cell(row.title),
            change_word(row.change),
            cell(location(row.from_location)),
            cell(location(row.to_location)),
            _pair(row.estimate_before, row.estimate_after),
            _pair(row.value_before, row.value_after),
            cell(row.note or ""),
        ]
        for row in impact.changed_items
    ]
    if not rows:
        return "No item changes."
    return table(["Item", "Title", "Change", "From", "To", "Days", "Value", "Reason"], rows)


def _pair(before: float | None, after: float | None) -> str:
    if same(before, after):
        return fmt(after)
    return f"{fmt(before)} → {fmt(after)}"


def _value(impact: Impact) -> str:
    rows = []
    for row in impact.value:
        unscored = sorted({*row.unscored_before, *row.unscored_after})
        rows.append(
            [
                row.quarter,
                fmt(row.before),
                fmt(row.after),
                _moved(row.before, row.after),
                cell(", ".join(unscored)),
            ]
        )
    rows.append(
        [
            "**Total**",
            fmt(impact.value_before),
            fmt(impact.value_after),
            _moved(impact.value_before, impact.value_after),
            " ",
        ]
    )
    return table(["Quarter", "Before", "After", "Change", "Unscored (not counted)"], rows)


def _effort(impact: Impact) -> str:
    rows = [
        [
            cell(row.team_name),
            row.quarter,
            _days(row.before),
            _days(row.after),
            _days(row.capacity),
            ("over by " + fmt(-row.free_after)) if row.over_after else fmt(row.free_after),
        ]
        for row in impact.effort
        if not same(row.before, row.after)
    ]
    if not rows:
        return "No team's days change."
    return table(["Team", "Quarter", "Days before", "Days after", "Capacity", "Free after"], rows)


def _asks(impact: Impact) -> str:
    rows = [
        [
            cell(ask.team_name),
            cell(ask.item),
            ask_word(ask.kind),
            _pair(ask.days_before, ask.days) if ask.days_before is not None else fmt(ask.days),
            ask.from_quarter or "-",
            ask.to_quarter or "-",
            cell(ask.reason or ""),
        ]
        for ask in impact.asks
    ]
    if not rows:
        return "No days of other teams change."
    return table(["Team", "Item", "Change", "Days", "From", "To", "Reason"], rows)


def _broken(impact: Impact) -> str:
    rows = [
        [
            cell(row.item),
            row.quarter,
            cell(row.depends_on),
            row.kind,
            cell(row.reason),
        ]
        for row in impact.broken_dependencies
    ]
    if not rows:
        return "No dependency breaks."
    return table(["Item", "Quarter", "Depends on", "Kind", "Why"], rows)


def _goals(impact: Impact) -> str:
    rows = [
        [
            cell(goal.title),
            cell(goal_cell(goal.before, goal.waiting_before)),
            cell(goal_cell(goal.after, goal.waiting_after)),
            _slip(goal.slip),
        ]
        for goal in impact.goals
    ]
    if not rows:
        return "No goals."
    return table(["Goal", "Delivered before", "Delivered after", "Slip"], rows)


def _slip(slip: int | None) -> str:
    if slip is None:
        return "-"
    if slip == 0:
        return "none"
    return f"{signed(slip)} quarter{'s' if abs(slip) != 1 else ''}"


def _notices(impact: Impact) -> str:
    if not impact.notices:
        return "No other team is affected."
    blocks = []
    for notice in impact.notices:
        channel = f" ({cell(notice.channel)})" if notice.channel else ""
        lines = [f"**{cell(notice.team_name)}**{channel}", ""]
        for line in notice.message.splitlines():
            if line.startswith("- "):
                lines.append("> - " + escape(line[2:]))
            else:
                lines.append("> " + escape(line))
            lines.append(">")
        blocks.append("\n".join(lines[:-1]))
    return "\n\n".join(blocks)


def impact_markdown(impact: Impact, *, title: str | None = None) -> str:
    """One comparison as a page: heading, summary, then a section per table."""
    heading = title or f"Roadmap impact: {impact.base} → {impact.adjusted}"
    sections = [
        f"# {cell(heading)}",
        f"**Summary.** {cell(_arrows(summary(impact)))}",
        f"Framework: {cell(impact.framework)}. Days are person-days.",
        "## Changes\n\n" + _items(impact),
        "## Value per quarter\n\n" + _value(impact),
        "## Days per team against capacity\n\n" + _effort(impact),
        "## Days of other teams (asks)\n\n" + _asks(impact),
        "## Broken dependencies\n\n" + _broken(impact),
        "## Goals\n\n" + _goals(impact),
        "## Notices\n\n" + _notices(impact),
    ]
    return "\n\n".join(sections) + "\n"


def _ids(ids: Sequence[str]) -> str:
    return cell(", ".join(ids)) if ids else "-"


def options_markdown(options: Options) -> str:
    """Alternatives side by side: the options table first, then each one's summary."""
    headers = [
        "Option",
        *options.quarters,
        "Total value",
        "Added",
        "Removed",
        "Deferred",
        "Asks changed",
        "Delivery shift",
    ]
    rows = []
    for row in options.rows:
        label = cell(row.label) + (" (base)" if row.is_base else "")
        rows.append(
            [
                label,
                *(fmt(row.value.get(quarter, 0.0)) for quarter in options.quarters),
                fmt(row.total_value),
                _ids(row.adopted),
                _ids(row.skipped),
                _ids(row.deferred),
                str(row.asks_moved),
                _slip(row.delivery_shift),
            ]
        )
    goal_ids = list(
        dict.fromkeys(
            goal
            for row in options.rows
            for goal, where in row.goals_delivered.items()
            if where is not None  # a goal no item serves in any option says nothing
        )
    )
    goal_rows = [
        [
            cell(row.label) + (" (base)" if row.is_base else ""),
            *(goal_quarter(row.goals_delivered.get(goal)) for goal in goal_ids),
        ]
        for row in options.rows
    ]
    sections = [
        f"# {cell(f'Roadmap options against {options.base}')}",
        "**Summary.**\n\n"
        + "\n".join(
            f"- {escape(impact.adjusted)}: {cell(_arrows(summary(impact)))}"
            for impact in options.impacts
        ),
        f"Framework: {cell(options.framework)}. Value is the framework's value of the items"
        " planned in each quarter.",
        "## Options\n\n" + table(headers, rows),
    ]
    if goal_ids:
        sections.append(
            "## Goals delivered\n\n"
            + table(["Option", *(cell(goal) for goal in goal_ids)], goal_rows)
        )
    return "\n\n".join(sections) + "\n"


def result_markdown(result: Impact | Options, *, title: str | None = None) -> str:
    """The page of a comparison: the options side by side when there are several alternatives,
    else the one impact (`title` heads it)."""
    if isinstance(result, Options):
        return options_markdown(result)
    return impact_markdown(result, title=title)
