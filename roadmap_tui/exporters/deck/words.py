"""Figures and lists as the deck writes them: 4 days, +16 (+6%), "A, B and C"."""

from __future__ import annotations

import math
from collections.abc import Sequence

# The figures are the ones every layer writes (one rounding rule): models.numbers.
from roadmap_tui.models.numbers import days as days
from roadmap_tui.models.numbers import fmt as fmt
from roadmap_tui.models.numbers import fmt_score as fmt_score
from roadmap_tui.models.numbers import quarters as quarters
from roadmap_tui.models.numbers import signed as signed

ARROW = "\u2192"  # →
DASH = "\u2013"  # –


def percent_change(before: float, after: float) -> str | None:
    """'+6%' (rounded), None when the base is zero."""
    if math.isclose(before, 0.0, abs_tol=1e-9):
        return None
    change = (after - before) / abs(before) * 100
    rounded = round(change)
    if rounded == 0 and not math.isclose(change, 0.0, abs_tol=1e-9):
        return f"{'+' if change > 0 else '-'}<1%"
    return f"{'+' if rounded > 0 else ''}{rounded}%" if rounded else "\u00b10%"


def plural(count: int, word: str, many: str | None = None) -> str:
    return f"{count} {word if count == 1 else (many or word + 's')}"


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
