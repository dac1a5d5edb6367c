"""Each item's one change between the baseline and the adjusted plan, matched by id."""

from __future__ import annotations

from roadmap_tui.impact.model import Change, ItemChange
from roadmap_tui.impact.versions import Version
from roadmap_tui.models.numbers import same


def classify(base: Version, adjusted: Version, item_id: str) -> Change:
    """The change of one item; the first rule that applies wins.

    Dropped counts as out of the plan, so "dropped in the same quarter" is removed and a
    backlog item scheduled into a quarter is added. An item in the plan in neither version
    (backlog to backlog, say) is unchanged: the plan did not change.
    """
    before = base.planned.get(item_id)
    after = adjusted.planned.get(item_id)
    if before is None and after is None:
        return "unchanged"
    if before is None:
        return "added"
    if after is None:
        return "removed"
    if after > before:
        return "deferred"
    if after < before:
        return "pulled-in"
    old, new = base.items[item_id], adjusted.items[item_id]
    if not same(old.estimate, new.estimate):
        return "re-estimated"
    # Value is the framework's output as much as the ratio: a new value is a new score.
    if not same(base.scores[item_id], adjusted.scores[item_id]) or not same(
        base.values[item_id], adjusted.values[item_id]
    ):
        return "re-scored"
    return "unchanged"


def item_changes(base: Version, adjusted: Version, owner: str) -> list[ItemChange]:
    """Every item of either version: adjusted's order first, then items only in base."""
    order = list(adjusted.items)
    order.extend(item_id for item_id in base.items if item_id not in adjusted.items)
    rows: list[ItemChange] = []
    for item_id in order:
        old = base.items.get(item_id)
        new = adjusted.items.get(item_id)
        shown = new if new is not None else old
        assert shown is not None
        change = classify(base, adjusted, item_id)
        moved: int | None = None
        if change in ("deferred", "pulled-in"):
            moved = adjusted.planned[item_id] - base.planned[item_id]
        note = (new.note if new is not None else None) or (old.note if old is not None else None)
        rows.append(
            ItemChange(
                id=item_id,
                title=shown.title,
                change=change,
                from_location=base.locations.get(item_id),
                to_location=adjusted.locations.get(item_id),
                team=shown.team or owner,
                kind=shown.kind,
                status_before=old.status if old is not None else None,
                status_after=new.status if new is not None else None,
                estimate_before=old.estimate if old is not None else None,
                estimate_after=new.estimate if new is not None else None,
                value_before=base.values.get(item_id),
                value_after=adjusted.values.get(item_id),
                score_before=base.scores.get(item_id),
                score_after=adjusted.scores.get(item_id),
                requested_by=tuple(shown.requested_by),
                goals=tuple(shown.goals),
                note=note,
                quarters_moved=moved,
            )
        )
    return rows
