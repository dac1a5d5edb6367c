"""One word for each kind of change, decided here and used by every face.

The CLI's tables, the Markdown page and the deck all name a change with `CHANGE_WORDS` (and
ask at the decision with `CHANGE_VERBS`), so that an item that leaves the plan is "removed"
everywhere: never "skipped" in one place, "back to the backlog" in another and "out of plan"
in a third. A removed item's destination is a detail (`removed_detail`), not another name.
"""

from __future__ import annotations

from roadmap_tui.impact.model import ItemChange

CHANGE_WORDS: dict[str, str] = {  # keys: impact.model.Change
    "added": "added",
    "removed": "removed",
    "deferred": "deferred",
    "pulled-in": "pulled in",
    "re-estimated": "re-estimated",
    "re-scored": "re-scored",
    "unchanged": "unchanged",
}

# What the decision asks for, per kind of change: "add X to 2027-Q1", "remove Y from the plan".
CHANGE_VERBS: dict[str, str] = {
    "added": "add",
    "removed": "remove",
    "deferred": "defer",
    "pulled-in": "pull in",
    "re-estimated": "re-estimate",
    "re-scored": "re-score",
    "unchanged": "keep",
}

# The options table's rows and headers, in the same words.
OPTION_HEADINGS: dict[str, str] = {
    "adopted": "Added",
    "skipped": "Removed",
    "deferred": "Deferred",
    "pulled_in": "Pulled in",
}

ASK_WORDS: dict[str, str] = {  # keys: impact.model.AskKind
    "new": "newly asked",
    "released": "released",
    "moved": "moved",
    "changed": "resized",
}


def change_word(change: str) -> str:
    """`pulled in` for "pulled-in"; an unknown kind as it is."""
    return CHANGE_WORDS.get(change, change)


def ask_word(kind: str) -> str:
    return ASK_WORDS.get(kind, kind)


def removed_detail(row: ItemChange) -> str | None:
    """Where a removed item went: "dropped", "to the backlog" or "deleted"; None otherwise."""
    if row.change != "removed":
        return None
    if row.status_after == "dropped":
        return "dropped"
    if row.to_location is None:
        return "deleted"
    return "to the backlog"
