"""Feedback collected with the four questions, and themes that group it and link improvements."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from roadmap_tui.intake.lookup import fail, find_item, team_id, theme_ids
from roadmap_tui.intake.rounds import round_for
from roadmap_tui.models import FOUR_QUESTIONS, Feedback, FeedbackLog, Theme, Workspace
from roadmap_tui.models.quarters import ITEM_ID_RE
from roadmap_tui.models.validation import FEEDBACK_FILE

QUESTIONS: tuple[str, ...] = tuple(FOUR_QUESTIONS)  # experience, liked, disliked, improve


def clean_answer(text: str | None) -> str:
    """An answer without trailing spaces on its lines or empty lines around it."""
    if not text:
        return ""
    stripped = text.strip()
    if "\n" not in stripped and "\r" not in stripped:
        return stripped  # one line, the usual answer: nothing else to do
    return "\n".join(line.rstrip() for line in stripped.splitlines())


def add_feedback(
    ws: Workspace,
    team: str,
    answers: Mapping[str, str | None],
    *,
    on: dt.date | None,
    about: str | None = None,
    themes: Iterable[str] = (),
    round_name: str | None = None,
) -> tuple[Workspace, Feedback]:
    """One entry at the end of feedback.toml (created when the workspace has none yet), in the
    round named (default: the workspace's current quarter)."""
    team = team_id(ws, team)
    if about is not None:
        find_item(ws, about)
    chosen = theme_ids(ws.feedback, themes)
    cleaned = {question: clean_answer(answers.get(question)) for question in QUESTIONS}
    if not any(cleaned.values()):
        raise fail(
            FEEDBACK_FILE,
            "nothing to record: all four answers are empty",
            where="feedback",
        )
    entry = Feedback.model_validate(
        {
            "from": team,
            "on": on,
            "about": about,
            **cleaned,
            "themes": chosen,
            "round": round_for(ws, round_name),
        }
    )
    changed = ws.model_copy(deep=True)
    if changed.feedback is None:
        changed.feedback = FeedbackLog()
    changed.feedback.feedback.append(entry)
    return changed, entry


@dataclass(frozen=True)
class ThemeChange:
    theme: Theme
    created: bool
    linked: tuple[str, ...]  # item ids newly linked
    tagged: tuple[int, ...]  # feedback entries (1-based) newly tagged


def set_theme(
    ws: Workspace,
    theme_id: str,
    *,
    title: str | None = None,
    items: Iterable[str] = (),
    entries: Iterable[int] = (),
) -> tuple[Workspace, ThemeChange]:
    """Create or update a theme: its title, the improvement items that answer it, its entries."""
    where = f"themes[{theme_id}]"
    if not ITEM_ID_RE.match(theme_id):
        raise fail(
            FEEDBACK_FILE,
            f"`{theme_id}` is not a valid theme id (letters, digits, '.', '_', '-')",
            where=where,
        )
    for item_id in items:
        find_item(ws, item_id)
    log = ws.feedback
    count = len(log.feedback) if log is not None else 0
    for number in entries:
        if not 1 <= number <= count:
            raise fail(
                FEEDBACK_FILE,
                f"no feedback entry {number}: entries are numbered 1 to {count}",
                where="feedback",
            )
    changed = ws.model_copy(deep=True)
    if changed.feedback is None:
        changed.feedback = FeedbackLog()
    theme = next((t for t in changed.feedback.themes if t.id == theme_id), None)
    created = theme is None
    if theme is None:
        theme = Theme(id=theme_id, title=" ".join((title or theme_id).split()))
        changed.feedback.themes.append(theme)
    elif title is not None and title.strip():
        theme.title = " ".join(title.split())
    linked = tuple(dict.fromkeys(i for i in items if i not in theme.items))
    theme.items = [*theme.items, *linked]
    tagged: list[int] = []
    for number in dict.fromkeys(entries):
        entry = changed.feedback.feedback[number - 1]
        if theme_id not in entry.themes:
            entry.themes = [*entry.themes, theme_id]
            tagged.append(number)
    return changed, ThemeChange(theme, created, linked, tuple(tagged))
