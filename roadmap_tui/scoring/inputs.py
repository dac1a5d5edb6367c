"""A score input of a framework: its name, its range and its scale, and how numbers are shown.

The scale is what sensitivity steps along: whole numbers on 1-10 scales, the allowed values for
RICE impact and WSJF job size, tenths for RICE confidence, half days for person-days.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

from roadmap_tui.models.numbers import fmt_input as show

Number = int | float
INF = math.inf


@dataclass(frozen=True)
class Input:
    """One input a framework reads from an item's `score` table."""

    name: str
    low: float = -INF  # inclusive, unless low_open
    high: float = INF  # inclusive; INF means no upper bound (infinity itself is never in range)
    allowed: tuple[float, ...] = ()  # a fixed set of values instead of a range
    low_open: bool = False  # `> low` instead of `>= low` (person-days of effort > 0)
    step: float = 1  # the scale sensitivity moves along, from `low` (or from `step` if open)
    unit: str = ""  # "d" for person-days
    optional: bool = False  # weighted effort: used when given, never missing

    def contains(self, x: Number) -> bool:
        if not math.isfinite(x):
            return False
        if self.allowed:
            return x in self.allowed
        above = x > self.low if self.low_open else x >= self.low
        return above and x <= self.high

    def describe(self) -> str:
        """The range in words: `1-10`, `one of 1, 2, 3, 5, 8, 13, 20`, `> 0 person-days`."""
        if self.allowed:
            return "one of " + ", ".join(show(v) for v in self.allowed)
        unit = " person-days" if self.unit == "d" else ""
        if self.high == INF:
            return f"{'>' if self.low_open else '>='} {show(self.low)}{unit}"
        return f"{show(self.low)}-{show(self.high)}{unit}"

    def shown(self, x: Number) -> str:
        """A value of this input with its unit: `20 d` for person-days, `8` otherwise."""
        return f"{show(x)} d" if self.unit == "d" else show(x)

    # --- the scale, for sensitivity --------------------------------------------------------------
    def ladder(self, x: Number, upward: bool) -> Ladder:
        """Values on this input's scale beyond `x` in one direction, nearest first."""
        if self.allowed:
            if upward:
                return Ladder(values=tuple(v for v in self.allowed if v > x))
            return Ladder(values=tuple(v for v in reversed(self.allowed) if v < x))
        start = self.step if self.low_open else self.low

        def at(k: int) -> float:
            return _tidy(start + k * self.step)

        def first_index(beyond: bool) -> int:
            """The first scale index above `x` (beyond) or at-or-above `x`."""
            k = max(0, math.floor((x - start) / self.step) - 1)
            while at(k) < x or (beyond and at(k) == x):
                k += 1
            return k

        if upward:
            first = first_index(beyond=True)
            if self.high == INF:
                count = _ENDLESS
            else:
                count = max(0, math.floor((self.high - start) / self.step + 1e-9) + 1 - first)
            return Ladder(start=start, step=self.step, first=first, count=count, sign=1)
        below = first_index(beyond=False)  # indices below this one hold values under `x`
        return Ladder(start=start, step=self.step, first=below - 1, count=below, sign=-1)


# A scale without an upper bound is searched up to this many steps (reach 2^31 is plenty).
_ENDLESS = 2**31


@dataclass(frozen=True)
class Ladder:
    """Scale values in one direction: either a fixed tuple or `start + (first ± i) * step`."""

    values: tuple[float, ...] = ()
    start: float = 0
    step: float = 1
    first: int = 0
    count: int = 0
    sign: int = 1

    def __len__(self) -> int:
        return len(self.values) if self.values else self.count

    def __iter__(self) -> Iterator[float]:
        return (self[index] for index in range(len(self)))

    def __getitem__(self, index: int) -> float:
        if self.values:
            return self.values[index]
        if not 0 <= index < self.count:
            raise IndexError(index)
        return _tidy(self.start + (self.first + self.sign * index) * self.step)


def _tidy(x: float) -> float:
    rounded = round(x, 9)
    return int(rounded) if rounded == int(rounded) else rounded
