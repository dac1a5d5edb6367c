"""Ranking any set of items (a quarter, the backlog, everything) under one framework.

The rule, stable and the same everywhere (table, JSON, terminal app, deck):

1. higher score first;
2. on equal score, higher value first;
3. then smaller estimate first (an unestimated item after every estimated one);
4. then item id, in plain character order ("APP" before "NAMING", "Z" before "a").

Items missing an input, or with an input outside the framework's range, are *unscored*: listed
after every scored item, by id, each with the names of its missing (or out-of-range) inputs. They
get no rank and are never counted as zero.

Ranks are 1-based and only scored items have one. Because the last tie-break is the id, which is
unique in a workspace, the order does not depend on the order items were given in.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from roadmap_tui.models import Item
from roadmap_tui.scoring.base import Framework, Key
from roadmap_tui.scoring.inputs import Number

TIE_RULE = "score, then value, then smaller estimate (unestimated last), then id"


@dataclass(frozen=True, slots=True)
class Unscored:
    """An item the framework cannot score, and why."""

    item_id: str
    missing: tuple[str, ...] = ()
    out_of_range: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Scored:
    """One line of a ranking. `rank`, `value` and `score` are None for an unscored item."""

    item_id: str
    rank: int | None
    value: Number | None
    score: float | None
    quadrant: str | None = None
    missing: tuple[str, ...] = ()
    out_of_range: tuple[str, ...] = ()

    @property
    def is_scored(self) -> bool:
        return self.score is not None


def unscored_entry(framework: Framework, item: Item) -> Unscored:
    """Why an item is unscored: its missing inputs or, when none is missing, those out of range.

    Out-of-range inputs of an item that also misses one are not named: with `ease` missing,
    ice has nothing to say about a RICE-scale `confidence = 0.7` (see check.py)."""
    missing, outside = framework.diagnose(item)
    return Unscored(item.id, missing, () if missing else outside)


class Ranking:
    """Items in rank order under one framework: scored first (by the rule), then unscored."""

    def __init__(
        self,
        framework: Framework,
        keys: list[Key],
        unscored: list[Item],
        items: Mapping[str, Item] | Sequence[Item],
    ) -> None:
        self.framework = framework
        self.keys = keys  # sorted by the rule
        self._unscored_items = unscored
        self._unscored: list[Unscored] | None = None
        self._items: Mapping[str, Item] | None = None
        self._given: Sequence[Item] = ()
        if isinstance(items, Mapping):
            self._items = items
        else:
            self._given = items
        self._positions: dict[str, int] | None = None
        self._entries: list[Scored] | None = None

    @property
    def unscored(self) -> list[Unscored]:
        """Unscored items by id, with why. Worked out when first asked for: ranking a set where
        nothing is scored (ice on the example workspace) costs no more than ranking it."""
        if self._unscored is None:
            entries = [unscored_entry(self.framework, item) for item in self._unscored_items]
            entries.sort(key=_by_id)
            self._unscored = entries
        return self._unscored

    # --- sizes and order ------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.keys) + len(self._unscored_items)

    @property
    def scored_count(self) -> int:
        return len(self.keys)

    def ids(self) -> list[str]:
        """Item ids in rank order, unscored last (by id: nothing diagnosed to list them)."""
        unscored = sorted(item.id for item in self._unscored_items)
        return [key[3] for key in self.keys] + unscored

    def __iter__(self) -> Iterator[Scored]:
        """The entries in rank order, worked out once: a view walks a ranking several times
        (its rows, the ranks before a framework switch, the explanation)."""
        if self._entries is None:
            quadrant = self.framework.quadrant
            items = self.items
            entries = [
                Scored(key[3], position + 1, -key[1], -key[0], quadrant(items[key[3]].score))
                for position, key in enumerate(self.keys)
            ]
            entries.extend(
                Scored(e.item_id, None, None, None, None, e.missing, e.out_of_range)
                for e in self.unscored
            )
            self._entries = entries
        return iter(self._entries)

    # --- lookups ----------------------------------------------------------------------------------
    @property
    def items(self) -> Mapping[str, Item]:
        if self._items is None:
            self._items = {item.id: item for item in self._given}
        return self._items

    def item(self, item_id: str) -> Item:
        return self.items[item_id]

    def __contains__(self, item_id: object) -> bool:
        return item_id in self.items

    def rank_of(self, item_id: str) -> int | None:
        """1-based rank of a scored item; None when unscored (KeyError when not in the set)."""
        if item_id not in self.items:
            raise KeyError(item_id)
        position = self._position_map().get(item_id)
        return None if position is None else position + 1

    def key_of(self, item_id: str) -> Key | None:
        position = self._position_map().get(item_id)
        return None if position is None else self.keys[position]

    def entry(self, item_id: str) -> Scored:
        key = self.key_of(item_id)
        if key is not None:
            rank = self._position_map()[item_id] + 1
            score = self.items[item_id].score
            return Scored(item_id, rank, -key[1], -key[0], self.framework.quadrant(score))
        # One unscored item is diagnosed alone: a view draws the entries of the rows it shows.
        entry = unscored_entry(self.framework, self.items[item_id])
        return Scored(item_id, None, None, None, None, entry.missing, entry.out_of_range)

    def above(self, item_id: str) -> str | None:
        """The item ranked just above (None for the first or an unscored item)."""
        position = self._position_map().get(item_id)
        if position is None or position == 0:
            return None
        return self.keys[position - 1][3]

    def below(self, item_id: str) -> str | None:
        """The scored item ranked just below (None for the last scored or an unscored item)."""
        position = self._position_map().get(item_id)
        if position is None or position + 1 >= len(self.keys):
            return None
        return self.keys[position + 1][3]

    def _position_map(self) -> dict[str, int]:
        if self._positions is None:
            self._positions = {key[3]: index for index, key in enumerate(self.keys)}
        return self._positions


def rank(items: Iterable[Item], framework: Framework) -> Ranking:
    """Rank a set of items under a framework (see the module docstring for the rule)."""
    given = items if isinstance(items, list) else list(items)
    keys, unscored = framework.evaluate(given)
    keys.sort()
    return Ranking(framework, keys, unscored, given)


def _by_id(entry: Unscored) -> str:
    return entry.item_id
