"""An impact's tables as plain data: the rows both faces show.

`rich_views.impact_tables` draws them for a terminal and the app; `roadmap impact` on a pipe
writes them as plain rows (no rich). Both read the same rows, so they cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from roadmap_tui.impact.summary import goal_cell, location
from roadmap_tui.impact.vocabulary import ask_word, change_word
from roadmap_tui.models.numbers import fmt, same, signed

if TYPE_CHECKING:
    from roadmap_tui.impact import Impact

ARROW = "\u2192"  # →
CHANGE_STYLE = {"added": "green", "removed": "red", "deferred": "yellow", "pulled-in": "cyan"}


@dataclass(frozen=True)
class Cell:
    text: str
    style: str = ""  # a rich style, for the faces that draw colour


@dataclass(frozen=True)
class Section:
    """A titled table, or its `empty` sentence when it has no row."""

    title: str
    headers: list[str]
    rows: list[list[Cell]] = field(default_factory=list)
    empty: str = ""


Part = Section | str  # a table, or a line of text between them


def pair(before: float | None, after: float | None) -> str:
    """`4` when unchanged, `4 → 6` when changed."""
    return fmt(after) if same(before, after) else f"{fmt(before)} {ARROW} {fmt(after)}"


def _cells(values: list[str | Cell]) -> list[Cell]:
    return [value if isinstance(value, Cell) else Cell(value) for value in values]


def _section(title: str, headers: list[str], rows: list[list[str | Cell]], empty: str) -> Section:
    return Section(title, headers, [_cells(row) for row in rows], empty)


def impact_sections(
    impact: Impact, *, all_items: bool = False, compact: bool = False
) -> list[Part]:
    """Items, value per quarter, days per team, asks, broken dependencies and goals. `compact`
    (the app's narrower pane) leaves out the days and reasons columns and the days per team."""
    items = impact.items if all_items else impact.changed_items
    wide = not compact
    parts: list[Part] = [
        _section(
            "Items",
            ["Item", "Change", "From", "To", *(["Days"] if wide else []), "Value"]
            + (["Reason"] if wide else []),
            [
                [
                    Cell(row.id, "bold"),
                    Cell(change_word(row.change), CHANGE_STYLE.get(row.change, "")),
                    location(row.from_location),
                    location(row.to_location),
                    *([pair(row.estimate_before, row.estimate_after)] if wide else []),
                    pair(row.value_before, row.value_after),
                    *([row.note or ""] if wide else []),
                ]
                for row in items
            ],
            "No item changes.",
        )
    ]
    value_rows: list[list[str | Cell]] = [
        [row.quarter, fmt(row.before), fmt(row.after), signed(row.delta)] for row in impact.value
    ]
    value_rows.append(
        [
            Cell("total", "bold"),
            fmt(impact.value_before),
            fmt(impact.value_after),
            signed(impact.value_after - impact.value_before),
        ]
    )
    parts.append(
        _section("Value per quarter", ["Quarter", "Before", "After", "Change"], value_rows, "")
    )
    unscored = sorted(
        {i for row in impact.value for i in (*row.unscored_before, *row.unscored_after)}
    )
    if unscored:
        parts.append(f"Unscored, not counted: {', '.join(unscored)}")
    if wide:
        parts.append(
            _section(
                "Days per team against capacity (changed only)",
                ["Team", "Quarter", "Before", "After", "Capacity", "Free after"],
                [
                    [
                        row.team,
                        row.quarter,
                        fmt(row.before),
                        fmt(row.after),
                        fmt(row.capacity),
                        f"over by {fmt(-row.free_after)}"
                        if row.over_after
                        else fmt(row.free_after),
                    ]
                    for row in impact.effort
                    if not same(row.before, row.after)
                ],
                "No team's days change.",
            )
        )
    parts.append(
        _section(
            "Days of other teams (asks)",
            ["Team", "Item", "Change", "Days", "From", "To"],
            [
                [
                    ask.team,
                    ask.item,
                    ask_word(ask.kind),
                    pair(ask.days_before, ask.days)
                    if ask.days_before is not None
                    else fmt(ask.days),
                    ask.from_quarter or "-",
                    ask.to_quarter or "-",
                ]
                for ask in impact.asks
            ],
            "No days of other teams change.",
        )
    )
    parts.append(
        _section(
            "Broken dependencies",
            ["Item", "Quarter", "Depends on", *(["Kind"] if wide else []), "Why"],
            [
                [
                    row.item,
                    row.quarter,
                    row.depends_on,
                    *([row.kind] if wide else []),
                    row.reason,
                ]
                for row in impact.broken_dependencies
            ],
            "No dependency breaks.",
        )
    )
    parts.append(
        _section(
            "Goals",
            ["Goal", "Before", "After", "Slip"],
            [
                [
                    goal.goal,
                    goal_cell(goal.before, goal.waiting_before),
                    goal_cell(goal.after, goal.waiting_after),
                    Cell(
                        "-" if goal.slip is None else signed(goal.slip) if goal.slip else "none",
                        "bold red" if goal.slip else "",
                    ),
                ]
                for goal in impact.goals
            ],
            "No goals.",
        )
    )
    return parts
