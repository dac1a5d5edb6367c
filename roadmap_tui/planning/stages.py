"""A quarter's review stage: draft -> team-reviewed -> po-approved -> directors-approved ->
published, each step logged in the quarter's `reviews` with who, when and why; and the guard
rails of a settled quarter.

The one rule for the app's stage dialog and `roadmap stage`: a stage moves forward (a step may
be skipped: not every quarter goes to the directors); going back to an earlier stage reopens the
review and must be asked for; setting the stage a quarter already has changes nothing and is
refused.

A change to a quarter that is po-approved or later, or to the current or a past quarter, is not
refused: the faces ask first, and confirming reopens the quarter (its stage back to draft, a
review entry with the reason). A move into a quarter that does not exist yet or has no capacity
for the item's team is a question too. Pure: Edits and sentences.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from roadmap_tui.models import BACKLOG, STAGES, Problem, Review, Workspace, is_quarter_id
from roadmap_tui.models.edits import Edit, ItemChange, set_header
from roadmap_tui.models.validation import file_of, nearest


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
    if goes_back(now, stage) and not reopen:
        raise ReopenNeeded(f"{quarter} is {now}: going back to {stage} reopens its review")
    text = " ".join(note.split()) if note else ""
    review = Review.model_validate(
        {"stage": stage, "by": who, "on": on or dt.date.today(), **({"note": text} if text else {})}
    )
    updated = header.model_copy(update={"stage": stage, "reviews": [*header.reviews, review]})
    verb = "reopen" if goes_back(now, stage) else "set"
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
    """True when a stage moves back (published -> draft): `set_stage` asks for `reopen`."""
    return stage_rank(after) < stage_rank(before)


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
    """Set a settled quarter's stage back to draft and log a review entry with the reason
    (`set_stage`, going back)."""
    (edit,) = set_stage(
        ws, quarter, "draft", by.strip() or ws.owner, f"reopened: {reason}", on, reopen=True
    )
    return Edit(f"reopen {quarter}", edit.changes)


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


# --- the gate: a quarter has reached at least the stage required of it ---------------------
Requirement = tuple[str, str]  # (quarter id, least stage)


def stage_rank(stage: str) -> int:
    """0 for draft ... 4 for published (ValueError for a name that is not a stage)."""
    return STAGES.index(stage)


def parse_requirement(text: str) -> Requirement:
    """`2027-Q1=po-approved` as (quarter, stage); ValueError says what is wrong with it."""
    quarter, sep, stage = text.partition("=")
    quarter, stage = quarter.strip(), stage.strip()
    if not sep or not quarter or not stage:
        raise ValueError(f"{text!r} is not QUARTER=STAGE (e.g. 2027-Q1=po-approved)")
    if not is_quarter_id(quarter):
        raise ValueError(f"{quarter!r} is not a quarter id (YYYY-Qn, n = 1..4)")
    if stage not in STAGES:
        hint = nearest(stage, STAGES)
        raise ValueError(
            f"{stage!r} is not a stage (one of: {', '.join(STAGES)})"
            + (f"; did you mean {hint}?" if hint else "")
        )
    return quarter, stage


def stage_problems(ws: Workspace, requirements: Iterable[Requirement]) -> list[Problem]:
    """One error per required quarter that is missing or has not reached its stage yet."""
    problems: list[Problem] = []
    for quarter, least in requirements:
        plan = ws.quarters.get(quarter)
        wanted = f"must have reached {least} (order: {' < '.join(STAGES)})"
        if plan is None:
            problems.append(
                Problem(file_of(quarter), f"{wanted}, but there is no {quarter} quarter file")
            )
            continue
        stage = plan.quarter.stage
        if stage_rank(stage) < stage_rank(least):
            problems.append(
                Problem(
                    file_of(quarter),
                    f"{wanted}, but it is at {stage}",
                    where="quarter.stage",
                    field="stage",
                )
            )
    return problems
