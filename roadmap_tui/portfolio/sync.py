"""`reservations sync`: the lender's reservation items made to match what is asked of it.

For each asking item: a reservation in each quarter it asks days there (created, moved from a
quarter no longer asked, or resized), and reservations no ask stands behind removed. Only
proposed or planned reservations are changed (in-progress and done ones are days already
given). Days that do not fit the lender's free capacity are not reserved: those asks are listed
for the lender to decide.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from roadmap_tui.models import Item, Workspace, quarter_index
from roadmap_tui.models.edits import Edit, add_item, apply, remove_item, replace_item
from roadmap_tui.models.numbers import clean
from roadmap_tui.models.numbers import days as in_days
from roadmap_tui.models.numbers import fmt as show
from roadmap_tui.planning.capacity import load_of
from roadmap_tui.planning.graph import PlanGraph
from roadmap_tui.portfolio.asks import AskStatus, Reservation, reservations_of
from roadmap_tui.portfolio.report import PortfolioReport

EDITABLE = ("proposed", "planned")


@dataclass(frozen=True)
class SyncAction:
    kind: str  # create | move | resize | remove
    item: str  # the reservation id
    for_: str
    quarter: str  # where it ends (remove: where it was)
    days: float  # days it ends with (remove: days it held)
    from_quarter: str | None = None  # move
    days_before: float | None = None  # move, resize
    title: str = ""

    def sentence(self) -> str:
        if self.kind == "create":
            return f"create {self.item} in {self.quarter}: {in_days(self.days)} for {self.for_}"
        if self.kind == "move":
            return (
                f"move {self.item} from {self.from_quarter} to {self.quarter}"
                f" ({show(self.days_before or 0)} -> {in_days(self.days)}) for {self.for_}"
            )
        if self.kind == "resize":
            return (
                f"resize {self.item} in {self.quarter}: {show(self.days_before or 0)} ->"
                f" {in_days(self.days)} for {self.for_}"
            )
        return f"remove {self.item} from {self.quarter} ({in_days(self.days)}): {self.for_} no longer asks"


@dataclass(frozen=True)
class NotFitting:
    ask: AskStatus
    needed: float  # days more the lender would have to reserve in the quarter
    free: float  # days free there

    def sentence(self) -> str:
        return (
            f"not reserved: {self.ask.key} asks {in_days(self.ask.days)} in {self.ask.quarter};"
            f" {show(self.needed)} more do not fit ({show(self.free)} free)"
        )


@dataclass
class SyncPlan:
    lender: str
    actions: list[SyncAction] = field(default_factory=list)
    not_fitting: list[NotFitting] = field(default_factory=list)
    left: list[str] = field(default_factory=list)  # reservations not changed, and why

    @property
    def empty(self) -> bool:
        return not self.actions


def plan_sync(ws: Workspace, report: PortfolioReport) -> SyncPlan:
    """What the lender (`ws`, checked in `report` as a member) should change."""
    lender = ws.owner
    plan = SyncPlan(lender)
    held = reservations_of(ws)
    asked: dict[str, list[AskStatus]] = defaultdict(list)
    for ask in report.asks:
        if ask.team == lender:
            asked[ask.key].append(ask)
    free = _Free(PlanGraph(ws), lender)
    uses: list[tuple[AskStatus, Reservation | None, float]] = []  # (ask, reservation, need)
    for key in sorted(asked, key=lambda k: (min(quarter_index(a.quarter) for a in asked[k]), k)):
        mine = held.get(key, [])
        fixed = [r for r in mine if r.item.status not in EDITABLE]
        editable = [r for r in mine if r.item.status in EDITABLE]
        plan.left += [
            f"{r.item.id} ({r.quarter}, {r.item.status}) for {key}: not changed, days already given"
            for r in fixed
        ]
        spare = [r for r in editable if r.quarter not in {a.quarter for a in asked[key]}]
        for ask in sorted(asked[key], key=lambda a: quarter_index(a.quarter)):
            given = sum(r.item.days for r in fixed if r.quarter == ask.quarter)
            need = clean(max(0.0, ask.days - given))
            here = [r for r in editable if r.quarter == ask.quarter]
            for extra in here[1:]:
                _remove(plan, free, extra, key)
            target = here[0] if here else (spare.pop(0) if spare and need > 0 else None)
            if target is not None and target.quarter == ask.quarter:
                if need == 0:
                    _remove(plan, free, target, key)
                elif target.item.days > need:
                    free.add(ask.quarter, target.item.days - need)
                    plan.actions.append(
                        SyncAction(
                            "resize", target.item.id, key, ask.quarter, need, None, target.item.days
                        )
                    )
                elif target.item.days < need:
                    uses.append((ask, target, need))
            elif need > 0:
                uses.append((ask, target, need))
        for extra in spare:
            _remove(plan, free, extra, key)
    for orphan in report.orphaned:
        if orphan.team != lender:
            continue
        for reservation in held.get(orphan.for_, []):
            if reservation.item.id == orphan.item and reservation.item.status in EDITABLE:
                if reservation.item.id not in {a.item for a in plan.actions}:
                    _remove(plan, free, reservation, orphan.for_)
            elif reservation.item.id == orphan.item:
                plan.left.append(
                    f"{orphan.item} ({orphan.quarter}, {reservation.item.status}) for {orphan.for_}:"
                    " no longer asked, but days already given; not removed"
                )
    taken = {item.id for item in ws.all_items()}
    for ask, target, need in uses:
        _use(plan, report, free, taken, ask, target, need)
    return plan


class _Free:
    """The lender's free days per quarter, as the plan takes and gives them back."""

    def __init__(self, graph: PlanGraph, lender: str) -> None:
        self.graph = graph
        self.lender = lender
        self.days: dict[str, float] = {}

    def __getitem__(self, quarter: str) -> float:
        if quarter not in self.days:
            self.days[quarter] = load_of(self.graph, self.lender, quarter).free
        return self.days[quarter]

    def add(self, quarter: str, days: float) -> None:
        self.days[quarter] = self[quarter] + days


def _remove(plan: SyncPlan, free: _Free, reservation: Reservation, key: str) -> None:
    free.add(reservation.quarter, reservation.item.days)
    plan.actions.append(
        SyncAction("remove", reservation.item.id, key, reservation.quarter, reservation.item.days)
    )


def _use(
    plan: SyncPlan,
    report: PortfolioReport,
    free: _Free,
    taken: set[str],
    ask: AskStatus,
    target: Reservation | None,
    need: float,
) -> None:
    quarter = ask.quarter
    already = target.item.days if target is not None and target.quarter == quarter else 0
    more = clean(need - already)
    available = free[quarter]
    if more > available + 1e-9:
        plan.not_fitting.append(NotFitting(ask, more, max(0, clean(available))))
        return
    free.add(quarter, -more)
    if target is None:
        item_id = _new_id(ask, taken)
        taken.add(item_id)
        asker = report.workspaces.get(ask.asker)
        name = asker.roadmap.workspace.name if asker is not None else ask.asker
        title = f"Days for {name}: {ask.title}"
        plan.actions.append(SyncAction("create", item_id, ask.key, quarter, need, title=title))
    elif target.quarter == quarter:
        plan.actions.append(
            SyncAction("resize", target.item.id, ask.key, quarter, need, None, already)
        )
    else:
        free.add(target.quarter, target.item.days)
        plan.actions.append(
            SyncAction(
                "move", target.item.id, ask.key, quarter, need, target.quarter, target.item.days
            )
        )


def _new_id(ask: AskStatus, taken: set[str]) -> str:
    base = re.sub(r"[^A-Za-z0-9._-]+", "-", f"RES-{ask.asker}-{ask.item}".upper())
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def apply_sync(ws: Workspace, plan: SyncPlan) -> list[Edit]:
    """Apply the plan's actions to the workspace in place; the edits made, in order."""
    edits = []
    for action in plan.actions:
        if action.kind == "create":
            item = Item.model_validate(
                {
                    "id": action.item,
                    "title": action.title,
                    "kind": "reservation",
                    "for": action.for_,
                    "status": "planned",
                    "estimate": action.days,
                }
            )
            edit = add_item(ws, item, action.quarter, action.sentence())
        elif action.kind == "remove":
            edit = remove_item(ws, action.item, action.sentence())
        else:
            found = ws.find(action.item)
            assert found is not None
            changed = found[1].model_copy(update={"estimate": action.days})
            location = action.quarter if action.kind == "move" else None
            edit = replace_item(ws, changed, action.sentence(), location=location)
        apply(ws, edit)
        edits.append(edit)
    return edits
