"""Figures as people write them, for every layer: 20 days, not 20.0; value +17; score 1.29.

The one rounding rule for a figure shown as text: at most two decimals, trailing zeros dropped
(2.5, 0.33, 4), '-' for none. Inputs the person typed are shown as written (`fmt_input`), scores
with two decimals (`fmt_score`). JSON keeps more digits: `clean` only removes float noise.
"""

from __future__ import annotations

import math


def clean(value: float) -> float:
    """For JSON: rounded away from float noise (0.1 + 0.2), whole numbers as int."""
    rounded = round(value, 6)
    return int(rounded) if rounded == int(rounded) else rounded


def fmt(value: float | None) -> str:
    """A figure: 4, 2.5, 0.33 (at most two decimals); '-' for none."""
    if value is None:
        return "-"
    rounded = round(value, 2)
    if rounded == int(rounded):
        return str(int(rounded))  # also turns -0.0 into 0
    return f"{rounded:.2f}".rstrip("0")


def fmt_input(value: float) -> str:
    """An input as the person wrote it: 8, 0.9, 0.125 (never 8.0 or 0.9000000001)."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, float):
        return f"{value:.10g}"
    return str(value)


def fmt_score(value: float | None) -> str:
    """A computed score: two decimals (3.20), more for tiny ones (0.0125); '-' for none."""
    if value is None:
        return "-"
    if value != 0 and abs(value) < 0.1:
        return f"{value:.3g}"
    return f"{value:.2f}"


def same(a: float | None, b: float | None) -> bool:
    """Equal figures (None equals only None); float noise is not a change."""
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def signed(value: float) -> str:
    """A difference with its sign: +17, -3, ±0."""
    if fmt(abs(value)) == "0":
        return "\u00b10"
    return ("+" if value > 0 else "-") + fmt(abs(value))


def days(value: float) -> str:
    """'1 day', '4 days', '2.5 days'."""
    shown = fmt(value)
    return f"{shown} day" if shown == "1" else f"{shown} days"


def quarters(count: int) -> str:
    """'1 quarter', '3 quarters' (a move back or forth: the sign is dropped)."""
    return "1 quarter" if abs(count) == 1 else f"{abs(count)} quarters"
