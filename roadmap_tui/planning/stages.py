"""Where each quarter stands in the review (draft -> team -> PO -> directors -> published),
against the stages a gate requires. Pure: no files, no UI.

The order is `models.STAGES`; a quarter "has reached" a stage when its own stage is that one or
a later one, so requiring `po-approved` accepts `directors-approved` and `published` too.
"""

from __future__ import annotations

from collections.abc import Iterable

from roadmap_tui.models import STAGES, Problem, Workspace, is_quarter_id
from roadmap_tui.models.validation import file_of, nearest

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
