"""Moves of items between quarters and the backlog, as Edits (a quarter's review stage: stages.py).

Pure: each function reads the workspace and returns an `Edit` (models/edits.py) for the caller to
apply, undo or journal; nothing here changes the workspace or touches a file. A move that makes no
sense (a done item, a backlog item deferred) raises `MoveRefused` with a sentence for the person.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from roadmap_tui.models import (
    BACKLOG,
    Item,
    QuarterHeader,
    Workspace,
    is_quarter_id,
    next_quarter,
    previous_quarter,
    quarter_index,
)
from roadmap_tui.models.edits import Edit, HeaderChange, replace_item
from roadmap_tui.planning.move_plan import Move, MovePlan, plan_edit, target_status


class MoveRefused(ValueError):
    """A move that is not allowed; the message says why, in the users' words."""


@dataclass(frozen=True)
class Moved:
    """The result of `move_items`: the edit to apply, and what stayed where it was and why."""

    edit: Edit
    target: str
    moves: tuple[Move, ...]
    stayed: tuple[tuple[str, str], ...] = ()  # (item id, why it stays)
    created: bool = False  # the target quarter is new


class NoSuchQuarter(MoveRefused):
    """The target quarter does not exist yet and the caller did not ask to create it."""

    def __init__(self, quarter: str) -> None:
        self.quarter = quarter
        super().__init__(f"there is no quarter {quarter} yet")


def move_items(
    ws: Workspace,
    item_ids: Sequence[str],
    target: str,
    note: str | None = None,
    *,
    create: bool = False,
    label: str | None = None,
) -> Moved:
    """The one rule for moving items between quarters and the backlog (the app's defer, pull in,
    plan and backlog, and `roadmap move`).

    Done items stay in the quarter they were delivered in; an item already at `target` stays.
    Moving to the backlog makes an item `proposed`; out of the backlog, `planned`; between
    quarters the status is kept. `note` is the reason, written into each moved item's `note`;
    without one, a move between quarters notes "deferred to ..." or "pulled into ...". A quarter
    that does not exist yet is made only when `create` is set. Broken dependency orders and
    capacity are for `move_report`: a move that breaks an order is still made.
    """
    if target != BACKLOG and not is_quarter_id(target):
        raise MoveRefused(f"{target!r} is not a quarter id (YYYY-Qn, n = 1..4) or `backlog`")
    created = target != BACKLOG and target not in ws.quarters
    if created and not create:
        raise NoSuchQuarter(target)
    moves: list[Move] = []
    stayed: list[tuple[str, str]] = []
    for item_id in dict.fromkeys(item_ids):
        found = ws.find(item_id)
        if found is None:
            raise MoveRefused(f"there is no item {item_id}")
        location, item = found
        if item.status == "done":
            stayed.append(
                (item_id, f"done: it stays in {_place(location)}, where it was delivered")
            )
        elif location == target:
            stayed.append((item_id, f"already in {_place(target)}"))
        else:
            moves.append(
                Move(
                    item_id,
                    location,
                    target,
                    status=target_status(item, location, target),
                    note=note or _default_note(location, target),
                )
            )
    names = ", ".join(move.item for move in moves)
    text = label or f"move {names} to {_place(target)}"
    edit = plan_edit(ws, MovePlan(text, moves))
    if created and moves:
        edit = Edit(text, (HeaderChange(target, None, QuarterHeader(id=target)), *edit.changes))
    return Moved(edit, target, tuple(moves), tuple(stayed), created and bool(moves))


def _place(location: str) -> str:
    return "the backlog" if location == BACKLOG else location


def _default_note(source: str, target: str) -> str | None:
    if BACKLOG in (source, target):
        return None
    if quarter_index(target) > quarter_index(source):
        return f"deferred to {target}"
    return f"pulled into {target}"


def _one(ws: Workspace, item_id: str, target: str, note: str | None, label: str) -> Edit:
    """A single move from the app: refused with the reason when the item stays."""
    moved = move_items(ws, [item_id], target, note, create=True, label=label)
    if moved.stayed:
        raise MoveRefused(f"{item_id} is {moved.stayed[0][1]}")
    return moved.edit


def defer(ws: Workspace, item_id: str, note: str | None = None) -> Edit:
    """Move an item to the next quarter, noting why ("deferred to 2027-Q2" unless told)."""
    location = _location(ws, item_id)
    if location == BACKLOG:
        raise MoveRefused(f"{item_id} is in the backlog: plan it into a quarter first")
    target = next_quarter(location)
    return _one(ws, item_id, target, note, f"defer {item_id} to {target}")


def pull_in(ws: Workspace, item_id: str, note: str | None = None) -> Edit:
    """Move an item to the previous quarter, noting why ("pulled into 2026-Q4" unless told)."""
    location = _location(ws, item_id)
    if location == BACKLOG:
        raise MoveRefused(f"{item_id} is in the backlog: plan it into a quarter first")
    target = previous_quarter(location)
    return _one(ws, item_id, target, note, f"pull {item_id} into {target}")


def to_backlog(ws: Workspace, item_id: str, note: str | None = None) -> Edit:
    """Send a quarter's item to the backlog as `proposed`."""
    if _location(ws, item_id) == BACKLOG:
        raise MoveRefused(f"{item_id} is already in the backlog")
    return _one(ws, item_id, BACKLOG, note, f"send {item_id} to the backlog")


def plan(ws: Workspace, item_id: str, quarter: str | None = None, note: str | None = None) -> Edit:
    """Plan a backlog item into a quarter (default: the workspace's current quarter) as `planned`."""
    location = _location(ws, item_id)
    if location != BACKLOG:
        raise MoveRefused(f"{item_id} is already planned in {location}: defer or pull it in")
    target = quarter or ws.roadmap.workspace.current_quarter
    if target is None:
        raise MoveRefused("which quarter? the workspace names no current_quarter")
    if not is_quarter_id(target):
        raise MoveRefused(f"{target!r} is not a quarter id (YYYY-Qn, n = 1..4)")
    return _one(ws, item_id, target, note, f"plan {item_id} into {target}")


def drop(ws: Workspace, item_id: str, note: str | None = None) -> Edit:
    """Mark an item dropped where it stands, with the reason if one is given."""
    _, item = _movable(ws, item_id)
    if item.status == "dropped":
        raise MoveRefused(f"{item_id} is already dropped")
    update: dict[str, object] = {"status": "dropped"}
    if note:
        update["note"] = note
    return replace_item(ws, item.model_copy(update=update), f"drop {item_id}")


def _location(ws: Workspace, item_id: str) -> str:
    found = ws.find(item_id)
    if found is None:
        raise MoveRefused(f"there is no item {item_id}")
    return found[0]


def _movable(ws: Workspace, item_id: str) -> tuple[str, Item]:
    found = ws.find(item_id)
    if found is None:
        raise MoveRefused(f"there is no item {item_id}")
    location, item = found
    if item.status == "done":
        raise MoveRefused(f"{item_id} is done: it stays in the quarter it was delivered in")
    return location, item
