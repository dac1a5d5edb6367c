"""Feedback rounds: each entry's `round` (the quarter it was collected in, unless named), the
rounds in the order they were held, and the entries a report covers (a round, or a date on).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from roadmap_tui.intake.lookup import did_you_mean, fail
from roadmap_tui.models import Feedback, FeedbackLog, Workspace
from roadmap_tui.models.validation import FEEDBACK_FILE


def round_for(ws: Workspace, given: str | None) -> str | None:
    """The round new feedback goes to: the one named, else the workspace's current quarter."""
    if given is not None:
        name = " ".join(given.split())
        if not name:
            raise fail(FEEDBACK_FILE, "a feedback round needs a name", where="feedback")
        return name
    return ws.roadmap.workspace.current_quarter


def rounds(log: FeedbackLog | None) -> list[str]:
    """Round names in the order they were held: by their first dated entry (rounds without a
    date after, in the order they appear in feedback.toml)."""
    if log is None:
        return []
    first: dict[str, dt.date | None] = {}
    for entry in log.feedback:
        name = entry.round_name
        if name is None:
            continue
        if name not in first:
            first[name] = entry.on
        elif entry.on is not None:
            held = first[name]
            first[name] = entry.on if held is None else min(held, entry.on)
    position = {name: index for index, name in enumerate(first)}
    return sorted(first, key=lambda n: (first[n] is None, first[n] or dt.date.min, position[n]))


@dataclass(frozen=True)
class Selection:
    """The entries a report covers, and those of the round before for a comparison."""

    entries: list[Feedback]
    label: str | None  # "round 2026-Q4", "since 2026-10-01"; None: all feedback
    round_name: str | None = None
    previous_round: str | None = None
    previous: tuple[Feedback, ...] = ()


def select(
    ws: Workspace, *, round_name: str | None = None, since: dt.date | None = None
) -> Selection:
    """Every entry; or a round's (with the previous round's, to compare); or those from a date
    on (undated entries left out)."""
    log = ws.feedback
    entries = list(log.feedback) if log is not None else []
    if round_name is not None and since is not None:
        raise ValueError("a round or a date, not both")
    if since is not None:
        dated = [e for e in entries if e.on is not None and e.on >= since]
        return Selection(dated, f"since {since.isoformat()}")
    if round_name is None:
        return Selection(entries, None)
    held = rounds(log)
    if round_name not in held:
        known = f" (rounds: {', '.join(held)})" if held else " (no entry names a round yet)"
        raise fail(
            FEEDBACK_FILE,
            f"no feedback round `{round_name}`{did_you_mean(round_name, held)}{known}",
            where="feedback",
        )
    index = held.index(round_name)
    before = held[index - 1] if index > 0 else None
    return Selection(
        [e for e in entries if e.round_name == round_name],
        f"round {round_name}",
        round_name,
        before,
        tuple(e for e in entries if before is not None and e.round_name == before),
    )
