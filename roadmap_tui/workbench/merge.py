"""Merging the session's unsaved edits onto files changed outside the app.

No Textual here. `disk_changes` says, per item, what changed on disk since the app read the files;
`rebase` replays the session's edits on the workspace read again, the way crash recovery replays
its journal, but field by field: an edit and a change on disk that touch different items or
different fields both stay; the same field changed on both sides is a `Conflict`, resolved by the
person's choice (theirs unless they keep mine).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from roadmap_tui.models import Workspace
from roadmap_tui.models.edits import (
    Change,
    Edit,
    HeaderChange,
    ItemChange,
    Placement,
    apply,
    placement_of,
)

ConflictKey = tuple[str, str]  # (item id or quarter id, field)


@dataclass(frozen=True)
class Conflict:
    """One field changed both here and on disk, to different values."""

    subject: str  # item id, or quarter id for a quarter's header
    field: str
    mine: Any
    theirs: Any

    @property
    def key(self) -> ConflictKey:
        return (self.subject, self.field)

    def sentence(self) -> str:
        return f"{self.subject} {self.field}: mine {_show(self.mine)}, theirs {_show(self.theirs)}"


@dataclass
class Rebased:
    edits: list[Edit] = field(default_factory=list)  # my edits, rebuilt on theirs
    conflicts: list[Conflict] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # what could not be re-applied, and why


def disk_changes(read: Workspace, disk: Workspace) -> list[str]:
    """Per item (and quarter header), what changed between what the app read and the disk."""
    lines: list[str] = []
    old = {item.id: (loc, item) for loc, item in read.located_items()}
    new = {item.id: (loc, item) for loc, item in disk.located_items()}
    for item_id, (location, item) in new.items():
        if item_id not in old:
            lines.append(f"{item_id}: added in {location}")
            continue
        old_location, old_item = old[item_id]
        said = []
        if old_location != location:
            said.append(f"moved {old_location} → {location}")
        for name, (before, after) in _differences(_fields(old_item), _fields(item)).items():
            said.append(f"{name} {_show(before)} → {_show(after)}")
        if said:
            lines.append(f"{item_id}: {', '.join(said)}")
    lines += [f"{item_id}: removed from {old[item_id][0]}" for item_id in old if item_id not in new]
    for quarter, plan in disk.quarters.items():
        before = read.quarters.get(quarter)
        if before is None:
            lines.append(f"{quarter}: new quarter")
            continue
        for name, (was, now) in _differences(
            _fields(before.quarter), _fields(plan.quarter)
        ).items():
            if name != "reviews":
                lines.append(f"{quarter}: {name} {_show(was)} → {_show(now)}")
            else:
                lines.append(f"{quarter}: review log changed")
    return lines


def rebase(edits: Iterable[Edit], ws: Workspace, keep_mine: set[ConflictKey]) -> Rebased:
    """Replay `edits` onto `ws` (changed in place), each rebuilt against what `ws` holds now."""
    result = Rebased()
    seen: dict[ConflictKey, int] = {}
    for edit in edits:
        changes: list[Change] = []
        for change in edit.changes:
            if isinstance(change, HeaderChange):
                rebuilt_header = _header(change, ws, keep_mine, result, seen)
                if rebuilt_header is not None:
                    changes.append(rebuilt_header)
                continue
            rebuilt = _item(change, ws, keep_mine, result, seen)
            if rebuilt is not None:
                changes.append(rebuilt)
        if not changes:
            result.skipped.append(f"{edit.label}: nothing left to change")
            continue
        rebuilt_edit = Edit(edit.label, tuple(changes))
        try:
            apply(ws, rebuilt_edit)
        except (KeyError, IndexError) as error:
            result.skipped.append(f"{edit.label}: {error}")
            continue
        result.edits.append(rebuilt_edit)
    return result


def _item(
    change: ItemChange,
    ws: Workspace,
    keep_mine: set[ConflictKey],
    result: Rebased,
    seen: dict[ConflictKey, int],
) -> ItemChange | None:
    before, after = change.before, change.after
    item_id = change.item_id
    found = ws.find(item_id)
    if before is None:  # added here
        if found is not None:
            result.skipped.append(f"add {item_id}: an item {item_id} was added on disk too")
            return None
        assert after is not None
        size = len(_items(ws, after.location))
        return ItemChange(None, Placement(after.location, min(after.index, size), after.item))
    if found is None:
        result.skipped.append(f"{item_id}: removed on disk, my change to it not re-applied")
        return None
    current = placement_of(ws, item_id)
    if after is None:  # removed here
        return ItemChange(current, None)
    mine = _differences(_fields(before.item), _fields(after.item))
    theirs = _differences(_fields(before.item), _fields(current.item))
    update: dict[str, Any] = {}
    for name, (_, value) in mine.items():
        if name in theirs and theirs[name][1] != value:
            conflict = Conflict(item_id, name, value, theirs[name][1])
            _note(conflict, result, seen)
            if conflict.key not in keep_mine:
                continue
        update[name] = getattr(after.item, name)
    merged = current.item.model_copy(update=update) if update else current.item
    if before.location == after.location or current.location == after.location:
        return ItemChange(current, Placement(current.location, current.index, merged))
    size = len(_items(ws, after.location))
    return ItemChange(current, Placement(after.location, min(after.index, size), merged))


def _header(
    change: HeaderChange,
    ws: Workspace,
    keep_mine: set[ConflictKey],
    result: Rebased,
    seen: dict[ConflictKey, int],
) -> HeaderChange | None:
    plan = ws.quarters.get(change.quarter)
    if change.before is None:  # the edit created this quarter
        return None if plan is not None else change
    if plan is None:
        return HeaderChange(change.quarter, None, change.after)
    current = plan.quarter
    mine = _differences(_fields(change.before), _fields(change.after))
    theirs = _differences(_fields(change.before), _fields(current))
    update: dict[str, Any] = {}
    for name, (_, value) in mine.items():
        if name in theirs and theirs[name][1] != value:
            conflict = Conflict(change.quarter, name, value, theirs[name][1])
            _note(conflict, result, seen)
            if conflict.key not in keep_mine:
                continue
        if name == "reviews":  # a review log only grows: mine appended to theirs
            added = [r for r in change.after.reviews if r not in change.before.reviews]
            update[name] = [*current.reviews, *added]
        else:
            update[name] = getattr(change.after, name)
    if not update:
        return None
    return HeaderChange(change.quarter, current, current.model_copy(update=update))


def _note(conflict: Conflict, result: Rebased, seen: dict[ConflictKey, int]) -> None:
    """One conflict per field: a later edit of the same field says what mine is now."""
    index = seen.get(conflict.key)
    if index is None:
        seen[conflict.key] = len(result.conflicts)
        result.conflicts.append(conflict)
    else:
        result.conflicts[index] = conflict


def _items(ws: Workspace, location: str) -> list[Any]:
    if location == "backlog" or location in ws.quarters:
        return ws.items_in(location)
    return []


def _fields(model: Any) -> dict[str, Any]:
    data: dict[str, Any] = model.model_dump()
    return data


def _differences(before: dict[str, Any], after: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    names = dict.fromkeys([*before, *after])
    return {
        name: (before.get(name), after.get(name))
        for name in names
        if before.get(name) != after.get(name)
    }


def _show(value: Any) -> str:
    if value is None or value == [] or value == "":
        return "(none)"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    text = str(value)
    return text if len(text) <= 40 else text[:39] + "…"
