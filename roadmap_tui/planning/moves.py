"""Moves of items between quarters and the backlog, as Edits (a quarter's review stage: stages.py).

Pure: each function reads the workspace and returns an `Edit` (models/edits.py) for the caller to
apply, undo or journal; nothing here changes the workspace or touches a file. A move that makes no
sense (a done item, a backlog item deferred) raises `MoveRefused` with a sentence for the person.
"""

from __future__ import annotations

from roadmap_tui.models import (
    BACKLOG,
    Item,
    QuarterHeader,
    Workspace,
    is_quarter_id,
    next_quarter,
    previous_quarter,
)
from roadmap_tui.models.edits import Edit, HeaderChange, replace_item


class MoveRefused(ValueError):
    """A move that is not allowed; the message says why, in the users' words."""


def defer(ws: Workspace, item_id: str, note: str | None = None) -> Edit:
    """Move an item to the next quarter, noting why ("deferred to 2027-Q2" unless told)."""
    location, item = _movable(ws, item_id)
    if location == BACKLOG:
        raise MoveRefused(f"{item_id} is in the backlog: plan it into a quarter first")
    target = next_quarter(location)
    return _to_quarter(
        ws, item, target, f"defer {item_id} to {target}", note or f"deferred to {target}"
    )


def pull_in(ws: Workspace, item_id: str, note: str | None = None) -> Edit:
    """Move an item to the previous quarter, noting why ("pulled into 2026-Q4" unless told)."""
    location, item = _movable(ws, item_id)
    if location == BACKLOG:
        raise MoveRefused(f"{item_id} is in the backlog: plan it into a quarter first")
    target = previous_quarter(location)
    return _to_quarter(
        ws, item, target, f"pull {item_id} into {target}", note or f"pulled into {target}"
    )


def to_backlog(ws: Workspace, item_id: str, note: str | None = None) -> Edit:
    """Send a quarter's item to the backlog as `proposed`."""
    location, item = _movable(ws, item_id)
    if location == BACKLOG:
        raise MoveRefused(f"{item_id} is already in the backlog")
    update: dict[str, object] = {"status": "proposed"}
    if note:
        update["note"] = note
    moved = item.model_copy(update=update)
    return replace_item(ws, moved, f"send {item_id} to the backlog", location=BACKLOG)


def plan(ws: Workspace, item_id: str, quarter: str | None = None, note: str | None = None) -> Edit:
    """Plan a backlog item into a quarter (default: the workspace's current quarter) as `planned`."""
    location, item = _movable(ws, item_id)
    if location != BACKLOG:
        raise MoveRefused(f"{item_id} is already planned in {location}: defer or pull it in")
    target = quarter or ws.roadmap.workspace.current_quarter
    if target is None:
        raise MoveRefused("which quarter? the workspace names no current_quarter")
    if not is_quarter_id(target):
        raise MoveRefused(f"{target!r} is not a quarter id (YYYY-Qn, n = 1..4)")
    update: dict[str, object] = {"status": "planned"}
    if note:
        update["note"] = note
    return _to_quarter(
        ws, item.model_copy(update=update), target, f"plan {item_id} into {target}", None
    )


def drop(ws: Workspace, item_id: str, note: str | None = None) -> Edit:
    """Mark an item dropped where it stands, with the reason if one is given."""
    _, item = _movable(ws, item_id)
    if item.status == "dropped":
        raise MoveRefused(f"{item_id} is already dropped")
    update: dict[str, object] = {"status": "dropped"}
    if note:
        update["note"] = note
    return replace_item(ws, item.model_copy(update=update), f"drop {item_id}")


def _movable(ws: Workspace, item_id: str) -> tuple[str, Item]:
    found = ws.find(item_id)
    if found is None:
        raise MoveRefused(f"there is no item {item_id}")
    location, item = found
    if item.status == "done":
        raise MoveRefused(f"{item_id} is done: it stays in the quarter it was delivered in")
    return location, item


def _to_quarter(ws: Workspace, item: Item, target: str, label: str, note: str | None) -> Edit:
    """The item moved to the end of `target`, creating that quarter (in the model) if it is new."""
    moved = item.model_copy(update={"note": note}) if note else item
    edit = replace_item(ws, moved, label, location=target)
    if target in ws.quarters:
        return edit
    created = HeaderChange(target, None, QuarterHeader(id=target))
    return Edit(label, (created, *edit.changes))
