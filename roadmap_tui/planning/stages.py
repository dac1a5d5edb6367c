"""A quarter's review stage: draft -> team-reviewed -> po-approved -> directors-approved ->
published, each step logged in the quarter's `reviews` with who, when and why.

The one rule for the app's stage dialog and `roadmap stage`: a stage moves forward (a step may
be skipped: not every quarter goes to the directors); going back to an earlier stage reopens the
review and must be asked for (`reopen`); setting the stage a quarter already has changes nothing
and is refused. Pure: returns Edits for the caller to apply, undo or save.
"""

from __future__ import annotations

import datetime as dt

from roadmap_tui.models import STAGES, Review, Workspace
from roadmap_tui.models.edits import Edit, set_header


class StageError(ValueError):
    """A stage change that is not allowed; the message says why, in the users' words."""


class ReopenNeeded(StageError):
    """Going back to an earlier stage: allowed only when reopening is asked for."""


def next_stage(stage: str) -> str | None:
    """The review stage after `stage`, or None after `published`."""
    index = STAGES.index(stage)
    return STAGES[index + 1] if index + 1 < len(STAGES) else None


def set_stage(
    ws: Workspace,
    quarter: str,
    stage: str,
    by: str,
    note: str | None = None,
    on: dt.date | None = None,
    reopen: bool = False,
) -> list[Edit]:
    """Set a quarter's review stage and log who did it, when (default today) and why."""
    plan = ws.quarters.get(quarter)
    if plan is None:
        known = ", ".join(ws.quarters) or "none"
        raise StageError(f"there is no quarter {quarter} (quarters: {known})")
    if stage not in STAGES:
        raise StageError(f"{stage!r} is not a stage ({', '.join(STAGES)})")
    who = " ".join(by.split())
    if not who:
        raise StageError("say who reviewed it (by)")
    header = plan.quarter
    now = header.stage
    if stage == now:
        raise StageError(f"{quarter} is {now} already")
    if STAGES.index(stage) < STAGES.index(now) and not reopen:
        raise ReopenNeeded(f"{quarter} is {now}: going back to {stage} reopens its review")
    text = " ".join(note.split()) if note else ""
    review = Review.model_validate(
        {"stage": stage, "by": who, "on": on or dt.date.today(), **({"note": text} if text else {})}
    )
    updated = header.model_copy(update={"stage": stage, "reviews": [*header.reviews, review]})
    verb = "reopen" if STAGES.index(stage) < STAGES.index(now) else "set"
    label = (
        f"{verb} {quarter} stage to {stage}" if verb == "set" else f"reopen {quarter} as {stage}"
    )
    return [set_header(ws, updated, label)]


def last_review(ws: Workspace, quarter: str) -> Review | None:
    """The latest entry of a quarter's review log (None: never reviewed)."""
    plan = ws.quarters.get(quarter)
    if plan is None or not plan.quarter.reviews:
        return None
    return plan.quarter.reviews[-1]
