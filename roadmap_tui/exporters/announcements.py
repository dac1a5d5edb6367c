"""Release notes as Markdown: done items by goal, plan changes, decisions on requests.

What to tell is chosen by roadmap_tui.intake.announce; this module only writes it, every text a
person wrote escaped by roadmap_tui.exporters.markdown_text.
"""

from __future__ import annotations

import re

from roadmap_tui.exporters.markdown_text import cell, code, escape
from roadmap_tui.intake.announce import Announcement, PlanChange, announcement
from roadmap_tui.models import Item, Workspace

# Tracker links shown as `<url>` autolinks: web links only, nothing that could end the
# autolink early or hide a control character (other links are left out, not shown as text).
_SAFE_URL = re.compile(r"^https?://[^\s<>\x00-\x1f\x7f]+$")


def release_notes(
    ws: Workspace,
    done: list[Item],
    since: str,
    *,
    changes: list[PlanChange] | None = None,
    decisions: list[Item] | None = None,
) -> str:
    """The announcement of `done` (and plan changes and decisions when given) as Markdown."""
    return announcement_markdown(
        announcement(ws, done, since, changes=changes, decisions=decisions)
    )


def announcement_markdown(notes: Announcement) -> str:
    """The page: heading, count, done items by goal, then plan changes and decisions."""
    lines = [f"# {escape(notes.workspace)}: done since {cell(notes.since)}", ""]
    count = len(notes.done)
    lines.append(
        f"{count} item{'s' if count != 1 else ''} done." if notes.done else "Nothing done since."
    )
    for goal in notes.goals:
        lines += ["", f"## {escape(goal.title)}", ""]
        lines += [_done_line(item) for item in goal.items]
    if notes.changes:
        lines += ["", "## Plan changes", ""]
        lines += [_change_line(change) for change in notes.changes]
    if notes.decisions:
        lines += ["", "## Decisions on requests", ""]
        lines += [_decision_line(item) for item in notes.decisions]
    if notes.channels:
        lines += ["", f"Teams who asked: {', '.join(cell(c) for c in notes.channels)}"]
    return "\n".join(lines) + "\n"


def _done_line(item: Item) -> str:
    facts = [code(item.id)]
    if item.done_on is not None:
        facts.append(f"done {item.done_on.isoformat()}")
    line = f"- **{escape(item.title)}** ({', '.join(facts)})"
    if item.requested_by:
        line += f", asked for by {cell(', '.join(item.requested_by))}"
    if item.link and _SAFE_URL.match(item.link):
        line += f" <{item.link}>"
    if item.description:
        line += f"\n  {escape(item.description)}"
    return line


def _change_line(change: PlanChange) -> str:
    line = f"- {code(change.item.id)} {cell(change.item.title)}: {change.change}"
    return line + (f" ({cell(change.item.note)})" if change.item.note else "")


def _decision_line(item: Item) -> str:
    word: str = item.decision or "open"
    outcome = word + (f" into {code(item.merged_into)}" if item.merged_into else "")
    if item.note:
        # Notes are written "declined: why" (see requests.decide); do not say "declined" twice.
        why = item.note.removeprefix(f"{word}:").strip()
        outcome += f": {cell(why)}" if why else ""
    teams = f", asked for by {cell(', '.join(item.requested_by))}" if item.requested_by else ""
    return f"- {code(item.id)} {cell(item.title)}{teams}: {outcome}"
