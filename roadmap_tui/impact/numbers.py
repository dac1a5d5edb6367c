"""How figures read in impact text: 4 days, not 4.0; value +17, not +17.0."""

from __future__ import annotations

import math


def same(a: float | None, b: float | None) -> bool:
    """Equal figures (None equals only None); float noise is not a change."""
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def fmt(value: float | None) -> str:
    """A figure as people write it: 4, 2.5, 0.33; '-' for none."""
    if value is None:
        return "-"
    if math.isclose(value, round(value), abs_tol=1e-9):
        return str(int(round(value)))
    return f"{value:.2f}".rstrip("0").rstrip(".")


def signed(value: float) -> str:
    """A difference with its sign: +17, -3, ±0."""
    if math.isclose(value, 0.0, abs_tol=1e-9):
        return "±0"
    return ("+" if value > 0 else "-") + fmt(abs(value))


def days(value: float) -> str:
    """'1 day', '4 days', '2.5 days'."""
    return f"{fmt(value)} day" if math.isclose(value, 1.0) else f"{fmt(value)} days"


def quarters(count: int) -> str:
    return "1 quarter" if abs(count) == 1 else f"{abs(count)} quarters"
