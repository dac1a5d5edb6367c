"""The combined feedback document: by theme, with counts, linked improvements and quotes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from roadmap_tui.intake.feedback import QUESTIONS
from roadmap_tui.intake.markdown import code, fragment, inline
from roadmap_tui.models import BACKLOG, FOUR_QUESTIONS, Feedback, Workspace

NO_THEME = "No theme"


@dataclass
class ThemeGroup:
    """Feedback entries of one theme (or of none), in the order they were given."""

    id: str | None
    title: str
    items: list[str] = field(default_factory=list)
    entries: list[Feedback] = field(default_factory=list)


def group_by_theme(ws: Workspace) -> list[ThemeGroup]:
    """Themes by number of entries (most first, then as listed); entries without one last.

    An entry with two themes counts in both.
    """
    log = ws.feedback
    if log is None:
        return []
    groups = {t.id: ThemeGroup(t.id, t.title or t.id, list(t.items)) for t in log.themes}
    loose = ThemeGroup(None, NO_THEME)
    for entry in log.feedback:
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


def feedback_report(ws: Workspace) -> str:
    """The Markdown document; every text a person wrote is escaped."""
    log = ws.feedback
    entries = log.feedback if log is not None else []
    lines = [f"# Feedback: {inline(ws.roadmap.workspace.name)}", ""]
    if not entries:
        lines += ["No feedback recorded yet (`roadmap feedback add` or `roadmap feedback import`)."]
        return "\n".join(lines) + "\n"
    teams = {entry.from_team for entry in entries}
    dates = sorted(entry.on for entry in entries if entry.on is not None)
    span = f", {dates[0].isoformat()} to {dates[-1].isoformat()}" if dates else ""
    lines += [
        f"{_count(len(entries), 'entry', 'entries')} from {_count(len(teams), 'team')}{span}."
    ]
    groups = group_by_theme(ws)
    lines += ["", "| Theme | Entries |", "| --- | ---: |"]
    lines += [f"| {inline(g.title)} | {len(g.entries)} |" for g in groups]
    if any(len(entry.themes) > 1 for entry in entries):
        lines += ["", "An entry with several themes counts under each."]
    for group in groups:
        lines += ["", f"## {inline(group.title)} ({len(group.entries)})"]
        if group.id is not None:
            lines += ["", *_improvements(ws, group)]
        lines += _quotes(ws, group.entries)
    return "\n".join(lines) + "\n"


def _improvements(ws: Workspace, group: ThemeGroup) -> list[str]:
    if not group.items:
        hint = code(f"roadmap feedback theme {group.id} --link ID")
        return [f"No improvement item linked yet ({hint})."]
    lines = ["Improvement items:", ""]
    for item_id in group.items:
        found = ws.find(item_id)
        title = f" {fragment(found[1].title)}" if found else ""
        lines.append(f"- {code(item_id)}{title}: {where_planned(ws, item_id)}")
    return lines


def _quotes(ws: Workspace, entries: list[Feedback]) -> list[str]:
    ordered = sorted(entries, key=lambda e: (e.on is None, e.on or dt.date.min))
    lines: list[str] = []
    for question in QUESTIONS:
        answers = [(e, getattr(e, question)) for e in ordered if getattr(e, question).strip()]
        if not answers:
            continue
        lines += ["", f"### {FOUR_QUESTIONS[question]}", ""]
        lines += [f"- {inline(text)} ({_who(ws, entry)})" for entry, text in answers]
    return lines


def _who(ws: Workspace, entry: Feedback) -> str:
    team = ws.team(entry.from_team)
    parts = [fragment(team.name if team is not None and team.name else entry.from_team)]
    if entry.on is not None:
        parts.append(entry.on.isoformat())
    if entry.about:
        parts.append(f"about {fragment(entry.about)}")
    return ", ".join(parts)


def _count(number: int, word: str, plural: str | None = None) -> str:
    return f"{number} {word if number == 1 else plural or word + 's'}"
