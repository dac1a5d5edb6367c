"""Where each quarter stands: its review stage and last review, its items, the load of each team
against its capacity, and what is still open (overloads, broken orders, unestimated items, file
problems). What `roadmap status` prints; pure.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from roadmap_tui.models import STATUSES, Problem, Review, Workspace, file_of, quarter_index
from roadmap_tui.models.numbers import fmt as show
from roadmap_tui.planning.capacity import TeamLoad, team_loads
from roadmap_tui.planning.dependencies import order_violations
from roadmap_tui.planning.graph import PlanGraph
from roadmap_tui.planning.stages import next_stage


@dataclass(frozen=True)
class QuarterStatus:
    quarter: str
    stage: str
    next_stage: str | None
    last_review: Review | None
    items: dict[str, int]  # status -> count (statuses in their usual order, zeros left out)
    loads: tuple[TeamLoad, ...]  # every team with capacity or work in the quarter
    owner: str
    problems: tuple[str, ...]  # sentences; empty: nothing open

    @property
    def item_count(self) -> int:
        return sum(self.items.values())

    @property
    def owner_load(self) -> TeamLoad | None:
        return next((load for load in self.loads if load.team == self.owner), None)

    def to_json(self) -> dict[str, Any]:
        review = self.last_review
        return {
            "quarter": self.quarter,
            "stage": self.stage,
            "next_stage": self.next_stage,
            "last_review": None
            if review is None
            else {
                "stage": review.stage,
                "by": review.by,
                "on": review.on.isoformat() if review.on else None,
                "note": review.note,
            },
            "items": self.item_count,
            "by_status": dict(self.items),
            "load": [load.to_json() for load in self.loads],
            "problems": list(self.problems),
        }


def quarter_statuses(ws: Workspace, problems: Iterable[Problem] = ()) -> list[QuarterStatus]:
    """Every quarter of the workspace in time order. `problems`: the workspace's file problems
    (from reading and validating it); those of a quarter's file are counted as open there."""
    graph = PlanGraph(ws)
    violations = order_violations(graph)
    seen = list(problems)
    found = []
    for quarter in sorted(ws.quarters, key=quarter_index):
        plan = ws.quarters[quarter]
        counts: Counter[str] = Counter(item.status for item in plan.items)
        loads = tuple(
            load
            for load in team_loads(graph, quarter)
            if load.used or load.capacity or load.team == ws.owner
        )
        open_: list[str] = []
        for load in loads:
            if load.overloaded:
                open_.append(
                    f"{load.team} over capacity by {show(-load.free)} days"
                    f" ({show(load.used)} of {show(load.capacity)})"
                )
        unestimated = [
            item.id
            for item in plan.items
            if item.estimate is None and item.status not in ("done", "dropped")
        ]
        if unestimated:
            open_.append(f"unestimated: {', '.join(unestimated)}")
        open_ += [v.sentence() for v in violations if v.quarter == quarter]
        file = file_of(quarter)
        mine = [p for p in seen if p.file == file or p.file.endswith(f"/{file}")]
        for severity in ("error", "warning"):
            count = sum(1 for p in mine if p.severity == severity)
            if count:
                open_.append(f"{count} {severity}{'s' if count != 1 else ''} in {file}")
        header = plan.quarter
        found.append(
            QuarterStatus(
                quarter=quarter,
                stage=header.stage,
                next_stage=next_stage(header.stage),
                last_review=header.reviews[-1] if header.reviews else None,
                items={status: counts[status] for status in STATUSES if counts[status]},
                loads=loads,
                owner=ws.owner,
                problems=tuple(open_),
            )
        )
    return found
