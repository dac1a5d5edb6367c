"""Scores kept per item, so that one changed item is re-scored alone.

The terminal app owns one Scoreboard per open workspace. After an edit it calls `update(item)`
(or `remove(item_id)`) for each changed item: that item's inputs are read and its formula computed
once, O(1); `ranking()` then re-sorts the kept sort keys, without reading any other item or file.
Changing the framework or its settings (weights, thresholds) re-scores every item, since every
score changes. A `lazy` board scores an item when a ranking first includes it: ranking the
backlog under another framework scores the backlog, not the whole workspace.
"""

from __future__ import annotations

from collections.abc import Iterable

from roadmap_tui.models import Item
from roadmap_tui.models.edits import Edit, ItemChange
from roadmap_tui.scoring.base import Framework, Key
from roadmap_tui.scoring.ranking import Ranking


class Scoreboard:
    """Per-item scores of a set of items under one framework, ranked on demand."""

    def __init__(
        self, framework: Framework, items: Iterable[Item] = (), *, lazy: bool = False
    ) -> None:
        self.framework = framework
        given = items if isinstance(items, list) else list(items)
        self._items: dict[str, Item] = {item.id: item for item in given}
        self._keys: dict[str, Key] = {}
        self._unscored: dict[str, Item] = {}
        self._ranking: Ranking | None = None
        self._complete = False  # every item scored
        if not lazy:
            self._score_missing(given)

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, item_id: object) -> bool:
        return item_id in self._items

    def update(self, item: Item) -> None:
        """Re-score one item (new or changed); the next ranking reflects it."""
        self._forget(item.id)
        self._score(item)
        self._ranking = None

    def remove(self, item_id: str) -> None:
        self._forget(item_id)
        self._items.pop(item_id, None)
        self._ranking = None

    def apply_edit(self, edit: Edit) -> None:
        """Follow an edit of the workspace: re-score only the items it touched (an item whose
        id changed, or that was removed, leaves the board)."""
        for change in edit.changes:
            if not isinstance(change, ItemChange):
                continue
            before, after = change.before, change.after
            if before is not None and (after is None or after.item.id != before.item.id):
                self.remove(before.item.id)
            if after is not None:
                self.update(after.item)

    def set_framework(self, framework: Framework) -> None:
        """Switch framework (or its settings): every item is re-scored."""
        self.framework = framework
        items = list(self._items.values())
        self._items.clear()
        self._keys.clear()
        self._unscored.clear()
        for item in items:
            self._score(item)
        self._ranking = None

    def ranking(self, ids: Iterable[str] | None = None) -> Ranking:
        """The ranking of every item, or of the items with these ids (a quarter, the backlog)."""
        if ids is None:
            if self._ranking is None:
                self._score_missing(self._items.values())
                keys = sorted(self._keys.values())
                unscored = list(self._unscored.values())
                self._ranking = Ranking(self.framework, keys, unscored, self._items)
            return self._ranking
        wanted = [item_id for item_id in dict.fromkeys(ids) if item_id in self._items]
        if not self._complete:
            self._score_missing(self._items[i] for i in wanted)
        keys = sorted(self._keys[i] for i in wanted if i in self._keys)
        unscored = [self._unscored[i] for i in wanted if i in self._unscored]
        return Ranking(self.framework, keys, unscored, {i: self._items[i] for i in wanted})

    def _score_missing(self, items: Iterable[Item]) -> None:
        """Score the items not scored yet, in one pass of the framework's hot loop."""
        if self._complete:
            return
        keys, unscored = self._keys, self._unscored
        missing = [item for item in items if item.id not in keys and item.id not in unscored]
        found, left = self.framework.evaluate(missing)
        keys.update((key[3], key) for key in found)
        unscored.update((item.id, item) for item in left)
        self._complete = len(keys) + len(unscored) == len(self._items)

    def _score(self, item: Item) -> None:
        self._items[item.id] = item
        key = self.framework.key(item)
        if key is None:
            self._unscored[item.id] = item
        else:
            self._keys[item.id] = key

    def _forget(self, item_id: str) -> None:
        self._keys.pop(item_id, None)
        self._unscored.pop(item_id, None)
