"""Figures and lists as the deck writes them: 4 days, +16 (+6%), "A, B and C"."""

from __future__ import annotations

import math
from collections.abc import Sequence

ARROW = "\u2192"  # →
DASH = "\u2013"  # –


def fmt(value: float | None) -> str:
    """4, 2.5, 0.33; '-' for none."""
    if value is None:
        return "-"
    if math.isclose(value, round(value), abs_tol=1e-9):
        return str(int(round(value)))
    return f"{value:.2f}".rstrip("0").rstrip(".")


def fmt_score(value: float | None) -> str:
    """A ratio score with two decimals (1.29), fewer digits lost for tiny ones; '-' for none."""
    if value is None:
        return "-"
    if value != 0 and abs(value) < 0.1:
        return f"{value:.3g}"
    return f"{value:.2f}"


def signed(value: float) -> str:
    """+16, -3, ±0."""
    if math.isclose(value, 0.0, abs_tol=1e-9):
        return "\u00b10"
    return ("+" if value > 0 else "-") + fmt(abs(value))


def percent_change(before: float, after: float) -> str | None:
    """'+6%' (rounded), None when the base is zero."""
    if math.isclose(before, 0.0, abs_tol=1e-9):
        return None
    change = (after - before) / abs(before) * 100
    rounded = round(change)
    if rounded == 0 and not math.isclose(change, 0.0, abs_tol=1e-9):
        return f"{'+' if change > 0 else '-'}<1%"
    return f"{'+' if rounded > 0 else ''}{rounded}%" if rounded else "\u00b10%"


def days(value: float) -> str:
    return f"{fmt(value)} day" if math.isclose(value, 1.0) else f"{fmt(value)} days"


def plural(count: int, word: str, many: str | None = None) -> str:
    return f"{count} {word if count == 1 else (many or word + 's')}"


def quarters(count: int) -> str:
    return "1 quarter" if abs(count) == 1 else f"{abs(count)} quarters"


def join(names: Sequence[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    if not names:
        return ""
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def some(names: Sequence[str], limit: int = 3) -> str:
    """At most `limit` names, then 'and N more'."""
    if len(names) <= limit:
        return join(names)
    return ", ".join(names[:limit]) + f" and {len(names) - limit} more"


def place(where: str | None) -> str:
    """A location as a cell: a quarter id, 'backlog', or '-' when absent."""
    return where if where is not None else "-"


def move(before: str | None, after: str | None) -> str:
    """'2027-Q1 → 2027-Q2'; one side when both are the same."""
    if before == after:
        return place(after)
    return f"{place(before)} {ARROW} {place(after)}"
