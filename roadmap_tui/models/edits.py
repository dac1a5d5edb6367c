"""Edits of a workspace as data: applied, inverted (undo), replayed (crash recovery).

Every change the terminal app makes (an item edited, moved, added, removed; a quarter's stage set)
is an `Edit` of item placements and quarter headers, each with its before and after. Undo applies
the inverse; a journal of edits can be written as JSON and replayed after a crash.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from roadmap_tui.models.item import Item
from roadmap_tui.models.workspace import BACKLOG, QuarterHeader, QuarterPlan, Workspace


@dataclass(frozen=True)
class Placement:
    """An item at a position of a location (a quarter id or `backlog`)."""

    location: str
    index: int
    item: Item


@dataclass(frozen=True)
class ItemChange:
    before: Placement | None  # None: the item is new
    after: Placement | None  # None: the item is removed

    def inverse(self) -> ItemChange:
        return ItemChange(before=self.after, after=self.before)

    @property
    def item_id(self) -> str:
        placement = self.after or self.before
        assert placement is not None
        return placement.item.id


@dataclass(frozen=True)
class HeaderChange:
    quarter: str
    before: QuarterHeader | None  # None: the quarter is new
    after: QuarterHeader

    def inverse(self) -> HeaderChange:
        # Undoing the creation of a quarter keeps an empty quarter: files are never deleted.
        return HeaderChange(self.quarter, before=self.after, after=self.before or self.after)


Change = ItemChange | HeaderChange


@dataclass(frozen=True)
class Edit:
    label: str  # in the users' words: "defer NAMING to 2027-Q2"
    changes: tuple[Change, ...] = field(default_factory=tuple)

    def inverse(self) -> Edit:
        return Edit(f"undo {self.label}", tuple(c.inverse() for c in reversed(self.changes)))

    @property
    def item_ids(self) -> list[str]:
        return [c.item_id for c in self.changes if isinstance(c, ItemChange)]

    def to_json(self) -> dict[str, Any]:
        return {"label": self.label, "changes": [_change_json(c) for c in self.changes]}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Edit:
        return cls(str(data["label"]), tuple(_change_from_json(c) for c in data["changes"]))


def apply(ws: Workspace, edit: Edit) -> None:
    """Apply an edit in place. Removals first (last position first), then insertions in order."""
    item_changes = [c for c in edit.changes if isinstance(c, ItemChange)]
    for change in edit.changes:
        if isinstance(change, HeaderChange):
            plan = ws.quarters.get(change.quarter)
            if plan is None:
                ws.quarters[change.quarter] = QuarterPlan.model_construct(
                    quarter=change.after, items=[]
                )
            else:
                plan.quarter = change.after
    removals = [c.before for c in item_changes if c.before is not None]
    for placement in sorted(removals, key=lambda p: p.index, reverse=True):
        items = ws.items_in(placement.location)
        index = _index_of(items, placement.item.id, placement.index)
        del items[index]
    # Insertions by position: an undo inserts its items back in the reverse order of a
    # multi-item edit (accept a draft, make room), and each needs the ones before it in place.
    insertions = [c.after for c in item_changes if c.after is not None]
    for placement in sorted(insertions, key=lambda p: p.index):
        items = _items_for(ws, placement.location)
        items.insert(min(placement.index, len(items)), placement.item)


def applied(ws: Workspace, edit: Edit) -> Workspace:
    """A copy of `ws` with the edit applied; `ws` itself is left as it was."""
    changed = ws.model_copy(deep=True)
    apply(changed, edit)
    return changed


def _items_for(ws: Workspace, location: str) -> list[Item]:
    if location != BACKLOG and location not in ws.quarters:
        ws.quarters[location] = QuarterPlan.model_construct(
            quarter=QuarterHeader(id=location), items=[]
        )
    return ws.items_in(location)


def _index_of(items: list[Item], item_id: str, hint: int) -> int:
    if 0 <= hint < len(items) and items[hint].id == item_id:
        return hint
    for index, item in enumerate(items):
        if item.id == item_id:
            return index
    raise KeyError(f"item {item_id} is not where the edit expects it")


def placement_of(ws: Workspace, item_id: str) -> Placement:
    for location, item in ws.located_items():
        if item.id == item_id:
            items = ws.items_in(location)
            return Placement(location, items.index(item), item)
    raise KeyError(f"no item {item_id}")


def replace_item(
    ws: Workspace, new: Item, label: str | None = None, location: str | None = None
) -> Edit:
    """An edit that puts `new` in place of the item with the same id (optionally elsewhere)."""
    before = placement_of(ws, new.id)
    if location is None or location == before.location:
        after = Placement(before.location, before.index, new)
    else:
        after = Placement(location, len(_peek(ws, location)), new)
    return Edit(label or f"edit {new.id}", (ItemChange(before, after),))


def add_item(ws: Workspace, item: Item, location: str, label: str | None = None) -> Edit:
    return Edit(
        label or f"add {item.id}",
        (ItemChange(None, Placement(location, len(_peek(ws, location)), item)),),
    )


def remove_item(ws: Workspace, item_id: str, label: str | None = None) -> Edit:
    return Edit(label or f"remove {item_id}", (ItemChange(placement_of(ws, item_id), None),))


def set_header(ws: Workspace, header: QuarterHeader, label: str) -> Edit:
    plan = ws.quarters.get(header.id)
    return Edit(label, (HeaderChange(header.id, plan.quarter if plan else None, header),))


def _peek(ws: Workspace, location: str) -> list[Item]:
    if location == BACKLOG or location in ws.quarters:
        return ws.items_in(location)
    return []


def _placement_json(p: Placement | None) -> dict[str, Any] | None:
    if p is None:
        return None
    return {
        "location": p.location,
        "index": p.index,
        "item": p.item.model_dump(mode="json", by_alias=True),
    }


def _placement_from_json(data: dict[str, Any] | None) -> Placement | None:
    if data is None:
        return None
    return Placement(str(data["location"]), int(data["index"]), _item_from_json(data["item"]))


def _item_from_json(data: dict[str, Any]) -> Item:
    # Dates come back as text from JSON; the strict model wants dates.
    fixed = dict(data)
    for key in ("received", "done_on"):
        if isinstance(fixed.get(key), str):
            fixed[key] = dt.date.fromisoformat(fixed[key])
    fixed = {k: v for k, v in fixed.items() if v is not None}
    return Item.model_validate(fixed)


def _change_json(change: Change) -> dict[str, Any]:
    if isinstance(change, ItemChange):
        return {
            "type": "item",
            "before": _placement_json(change.before),
            "after": _placement_json(change.after),
        }
    return {
        "type": "header",
        "quarter": change.quarter,
        "before": change.before.model_dump(mode="json") if change.before else None,
        "after": change.after.model_dump(mode="json"),
    }


def _change_from_json(data: dict[str, Any]) -> Change:
    if data["type"] == "item":
        return ItemChange(_placement_from_json(data["before"]), _placement_from_json(data["after"]))
    before = data["before"]
    return HeaderChange(
        str(data["quarter"]),
        QuarterHeader.model_validate(_header_dates(before)) if before else None,
        QuarterHeader.model_validate(_header_dates(data["after"])),
    )


def _header_dates(data: dict[str, Any]) -> dict[str, Any]:
    reviews = []
    for review in data.get("reviews", []):
        review = {k: v for k, v in review.items() if v is not None}
        if isinstance(review.get("on"), str):
            review["on"] = dt.date.fromisoformat(review["on"])
        reviews.append(review)
    return {**data, "reviews": reviews}
