"""Guard rails of a quarter's review stage: which changes reopen a settled quarter, and reopening.

A change to a quarter that is po-approved or later, or to the current or a past quarter, is not
refused: the faces ask first, and confirming reopens the quarter (its stage back to draft, a
review entry with the reason). A stage going back, and a move into a quarter that does not exist
yet or has no capacity for the item's team, are questions too. Pure: Edits and sentences.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from roadmap_tui.models import BACKLOG, STAGES, Review, Workspace
from roadmap_tui.models.edits import Edit, HeaderChange, ItemChange

SETTLED_FROM = "po-approved"  # from this stage on, a change reopens the quarter


@dataclass(frozen=True)
class Reopening:
    """A quarter an edit touches that is settled, and why (for the question)."""

    quarter: str
    reason: str  # "2026-Q3 is po-approved: this reopens it"
    stage_back: bool  # confirming sets its stage back to draft


def is_settled(stage: str) -> bool:
    return STAGES.index(stage) >= STAGES.index(SETTLED_FROM)


def goes_back(before: str, after: str) -> bool:
    """True when a stage moves back (published -> draft)."""
    return STAGES.index(after) < STAGES.index(before)


def quarters_touched(edit: Edit) -> list[str]:
    """The quarters whose items an edit changes (in order, once each)."""
    seen: dict[str, None] = {}
    for change in edit.changes:
        if isinstance(change, ItemChange):
            for placement in (change.before, change.after):
                if placement is not None and placement.location != BACKLOG:
                    seen[placement.location] = None
    return list(seen)


def reopenings(ws: Workspace, edit: Edit) -> list[Reopening]:
    """The settled quarters (po-approved or later, current or past) an edit changes."""
    current = ws.roadmap.workspace.current_quarter
    found = []
    for quarter in quarters_touched(edit):
        plan = ws.quarters.get(quarter)
        if plan is None:
            continue
        stage = plan.quarter.stage
        if is_settled(stage):
            found.append(Reopening(quarter, f"{quarter} is {stage}: this reopens it", True))
        elif current is not None and quarter == current:
            found.append(Reopening(quarter, f"{quarter} is the current quarter", False))
        elif current is not None and quarter < current:
            found.append(Reopening(quarter, f"{quarter} is in the past", False))
    return found


def target_warnings(ws: Workspace, edit: Edit) -> list[str]:
    """Sentences for items moved into a quarter that does not exist yet or gives their team no
    capacity (the move creates it, or loads a team that has no days there)."""
    warnings: list[str] = []
    for change in edit.changes:
        if not isinstance(change, ItemChange) or change.after is None:
            continue
        quarter = change.after.location
        if quarter == BACKLOG or (change.before and change.before.location == quarter):
            continue
        if quarter not in ws.quarters:
            warnings.append(f"{quarter} does not exist yet: this creates it")
        team_id = ws.team_of(change.after.item)
        team = ws.team(team_id)
        if team is not None and quarter not in team.capacity:
            warnings.append(f"{team_id} has no capacity in {quarter}")
    return list(dict.fromkeys(warnings))


def reopen(ws: Workspace, quarter: str, by: str, on: dt.date, reason: str) -> Edit:
    """Set a quarter's stage back to draft and log a review entry with the reason."""
    plan = ws.quarters.get(quarter)
    if plan is None:
        raise KeyError(f"there is no quarter {quarter}")
    header = plan.quarter
    review = Review.model_validate(
        {"stage": "draft", "by": by.strip() or ws.owner, "on": on, "note": f"reopened: {reason}"}
    )
    updated = header.model_copy(update={"stage": "draft", "reviews": [*header.reviews, review]})
    return Edit(f"reopen {quarter}", (HeaderChange(quarter, header, updated),))


def with_reopened(ws: Workspace, edit: Edit, by: str, on: dt.date, reason: str) -> Edit:
    """The edit, plus reopening each settled quarter it changes, as one edit (one undo)."""
    reopened = [
        change
        for found in reopenings(ws, edit)
        if found.stage_back
        for change in reopen(ws, found.quarter, by, on, reason).changes
    ]
    if not reopened:
        return edit
    return Edit(edit.label, (*reopened, *edit.changes))
