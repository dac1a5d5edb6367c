"""How far each input of an item would have to move to change its rank by one place.

For each input the item carries, along the input's own scale (whole numbers on 1-10 scales, the
allowed values for RICE impact and WSJF job size, tenths for RICE confidence, half days for
person-days) and within its range:

- up one place: the value nearest the current one at which the item passes the item ranked just
  above it ("value 6 -> 8 would pass NAMING");
- down one place: the value nearest the current one at which the item ranked just below passes it.

Every formula is monotone in each input, so each direction is a binary search over the scale:
a few dozen formula evaluations per input, against the same ranking (the same set of items).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from roadmap_tui.models import Item
from roadmap_tui.scoring.base import Framework, Key
from roadmap_tui.scoring.inputs import INF, Input, Ladder, Number
from roadmap_tui.scoring.ranking import Ranking


@dataclass(frozen=True)
class Move:
    """The smallest change of one input that moves the item one place up or down."""

    input: Input
    current: Number
    upward: bool
    other: str  # the item passed (up) or passing (down)
    to: Number | None  # None: no value within the range does it
    origin: str = "score"

    def __str__(self) -> str:
        name = self.input.name
        now = self.input.shown(self.current)
        if self.origin == "estimate":
            now += " (estimate)"
        goal = f"pass {self.other}" if self.upward else f"drop below {self.other}"
        if self.to is None:
            return f"{name} {now}: cannot {goal} within range ({self.input.describe()})"
        return f"{name} {now} -> {self.input.shown(self.to)} would {goal}"


@dataclass(frozen=True)
class Sensitivity:
    item_id: str
    rank: int | None
    above: str | None
    below: str | None
    moves: tuple[Move, ...] = field(default_factory=tuple)

    def lines(self) -> list[str]:
        if self.rank is None:
            return ["unscored: give it the missing inputs to rank it"]
        lines = []
        if self.above is None:
            lines.append("up: already first")
        else:
            lines += [f"up: {move}" for move in self.moves if move.upward]
        if self.below is None:
            lines.append("down: already last of the scored items")
        else:
            lines += [f"down: {move}" for move in self.moves if not move.upward]
        return lines

    def __str__(self) -> str:
        return "\n".join(self.lines())


def sensitivity(ranking: Ranking, item_id: str) -> Sensitivity:
    """For each input of a scored item, the smallest move that changes its rank by one place."""
    framework = ranking.framework
    rank = ranking.rank_of(item_id)
    if rank is None:
        return Sensitivity(item_id, None, None, None)
    item = ranking.item(item_id)
    above, below = ranking.above(item_id), ranking.below(item_id)
    values, origin = framework.resolve(item)
    moves: list[Move] = []
    for spec in framework.inputs:
        if spec.name not in values:
            continue  # an optional input the item does not carry
        current = values[spec.name]
        for other, upward in ((above, True), (below, False)):
            if other is None:
                continue
            target = ranking.key_of(other)
            assert target is not None
            to = _smallest_move(framework, item, spec, current, target, upward)
            moves.append(Move(spec, current, upward, other, to, origin[spec.name]))
    return Sensitivity(item_id, rank, above, below, tuple(moves))


def _smallest_move(
    framework: Framework, item: Item, spec: Input, current: Number, target: Key, upward: bool
) -> Number | None:
    """The scale value nearest `current` that puts the item before (upward) or after `target`."""

    def moved(x: Number) -> bool:
        score, estimate = framework.with_input(item.score, item.estimate, spec.name, x)
        result = framework.compute(score, estimate)
        if result is None:
            return False
        key = (-result[1], -result[0], INF if estimate is None else estimate, item.id)
        return key < target if upward else key > target

    best: Number | None = None
    for direction in (True, False):
        found = _first(spec.ladder(current, direction), moved)
        if found is not None and (best is None or abs(found - current) < abs(best - current)):
            best = found
    return best


def _first(ladder: Ladder, moved: Callable[[Number], bool]) -> Number | None:
    """The first rung at which `moved` holds, assuming once it holds it keeps holding."""
    count = len(ladder)
    if count == 0 or not moved(ladder[count - 1]):
        return None
    low, high = 0, count - 1
    while low < high:
        middle = (low + high) // 2
        if moved(ladder[middle]):
            high = middle
        else:
            low = middle + 1
    return ladder[low]
