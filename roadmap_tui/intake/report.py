"""The combined feedback document's contents: themes by count, linked improvements, quotes.

This module groups and selects (`FeedbackReport`); roadmap_tui.exporters.feedback_report
writes it as Markdown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from roadmap_tui.intake.feedback import QUESTIONS
from roadmap_tui.intake.rounds import Selection, select
from roadmap_tui.models import BACKLOG, FOUR_QUESTIONS, Feedback, Workspace

NO_THEME = "No theme"


@dataclass
class ThemeGroup:
    """Feedback entries of one theme (or of none), in the order they were given."""

    id: str | None
    title: str
    items: list[str] = field(default_factory=list)
    entries: list[Feedback] = field(default_factory=list)


def group_by_theme(ws: Workspace, entries: Iterable[Feedback] | None = None) -> list[ThemeGroup]:
    """Themes by number of entries (most first, then as listed); entries without one last.

    An entry with two themes counts in both. `entries`: those to group (default: all).
    """
    log = ws.feedback
    if log is None:
        return []
    groups = {t.id: ThemeGroup(t.id, t.title or t.id, list(t.items)) for t in log.themes}
    loose = ThemeGroup(None, NO_THEME)
    for entry in log.feedback if entries is None else entries:
        if not entry.themes:
            loose.entries.append(entry)
        for theme_id in dict.fromkeys(entry.themes):
            groups.setdefault(theme_id, ThemeGroup(theme_id, theme_id)).entries.append(entry)
    ordered = sorted(groups.values(), key=lambda g: -len(g.entries))
    return ordered + ([loose] if loose.entries else [])


def where_planned(ws: Workspace, item_id: str) -> str:
    """`2026-Q4, planned`, `backlog, proposed` or `done 2026-10-23`."""
    found = ws.find(item_id)
    if found is None:
        return "not in the workspace"
    location, item = found
    place = "backlog" if location == BACKLOG else location
    if item.status == "done":
        return f"done {item.done_on.isoformat()} ({place})" if item.done_on else f"done ({place})"
    return f"{place}, {item.status}"


@dataclass(frozen=True)
class Improvement:
    """An item linked to a theme, and where it stands (`2026-Q4, planned`)."""

    id: str
    title: str | None  # None: the item is not in the workspace
    where: str


@dataclass(frozen=True)
class Quote:
    """One answer, with who gave it: the team's name (its id when it has none)."""

    text: str
    team: str
    on: dt.date | None
    about: str | None


@dataclass(frozen=True)
class Answers:
    """The answers to one of the four questions, oldest first (undated last)."""

    question: str  # as asked (FOUR_QUESTIONS)
    quotes: tuple[Quote, ...]


@dataclass(frozen=True)
class ThemeSection:
    """One theme (or no theme): its entry count, improvement items and answers."""

    id: str | None
    title: str
    entries: int
    improvements: tuple[Improvement, ...]
    answers: tuple[Answers, ...]


@dataclass(frozen=True)
class ThemeTrend:
    """One theme's entries in a round and in the round before."""

    title: str
    now: int
    before: int


@dataclass(frozen=True)
class FeedbackReport:
    """Everything the feedback document shows, in its order; no text is escaped here."""

    workspace: str
    entries: int
    teams: int
    first: dt.date | None  # first and last dated entry
    last: dt.date | None
    several_themes: bool  # some entry counts under more than one theme
    themes: tuple[ThemeSection, ...]
    covers: str | None = None  # "round 2026-Q4", "since 2026-10-01"; None: all feedback
    round_name: str | None = None  # the round reported on, if one
    previous_round: str | None = None  # the round it is compared with
    trends: tuple[ThemeTrend, ...] = ()  # every theme of either round


def report_of(ws: Workspace, selection: Selection | None = None) -> FeedbackReport:
    """The feedback of `ws` (or of a selection: a round, entries since a date) by theme, most
    entries first, entries without a theme last; a round compared with the previous one."""
    if selection is None:
        selection = select(ws)
    entries = selection.entries
    dates = sorted(entry.on for entry in entries if entry.on is not None)
    return FeedbackReport(
        workspace=ws.roadmap.workspace.name,
        entries=len(entries),
        teams=len({entry.from_team for entry in entries}),
        first=dates[0] if dates else None,
        last=dates[-1] if dates else None,
        several_themes=any(len(entry.themes) > 1 for entry in entries),
        themes=tuple(
            ThemeSection(
                id=group.id,
                title=group.title,
                entries=len(group.entries),
                improvements=tuple(_improvement(ws, item_id) for item_id in group.items),
                answers=_answers(ws, group.entries),
            )
            for group in group_by_theme(ws, entries)
            # a part of the feedback shows the themes it has; all of it, every theme
            if group.entries or selection.label is None
        ),
        covers=selection.label,
        round_name=selection.round_name,
        previous_round=selection.previous_round,
        trends=_trends(ws, entries, selection.previous) if selection.previous_round else (),
    )


def _trends(
    ws: Workspace, entries: list[Feedback], previous: tuple[Feedback, ...]
) -> tuple[ThemeTrend, ...]:
    """Each theme's count now and in the previous round: most now first, then most before;
    entries without a theme last."""
    now = {group.title: len(group.entries) for group in group_by_theme(ws, entries)}
    before = {group.title: len(group.entries) for group in group_by_theme(ws, previous)}
    titles = [
        t
        for t in dict.fromkeys([*now, *before])
        if t != NO_THEME and (now.get(t, 0) or before.get(t, 0))
    ]
    titles.sort(key=lambda t: (-now.get(t, 0), -before.get(t, 0)))
    if now.get(NO_THEME) or before.get(NO_THEME):
        titles.append(NO_THEME)
    return tuple(ThemeTrend(t, now.get(t, 0), before.get(t, 0)) for t in titles)


def _improvement(ws: Workspace, item_id: str) -> Improvement:
    found = ws.find(item_id)
    return Improvement(item_id, found[1].title if found else None, where_planned(ws, item_id))


def _answers(ws: Workspace, entries: list[Feedback]) -> tuple[Answers, ...]:
    ordered = sorted(entries, key=lambda e: (e.on is None, e.on or dt.date.min))
    found = []
    for question in QUESTIONS:
        quotes = tuple(
            _quote(ws, entry, getattr(entry, question))
            for entry in ordered
            if getattr(entry, question).strip()
        )
        if quotes:
            found.append(Answers(FOUR_QUESTIONS[question], quotes))
    return tuple(found)


def _quote(ws: Workspace, entry: Feedback, text: str) -> Quote:
    team = ws.team(entry.from_team)
    name = team.name if team is not None and team.name else entry.from_team
    return Quote(text, name, entry.on, entry.about)
