"""Person-days as people write them: 20, not 20.0; 2.5 stays 2.5."""

from __future__ import annotations


def clean(days: float) -> float:
    """Rounded away from float noise (0.1 + 0.2), whole numbers as int."""
    rounded = round(days, 6)
    return int(rounded) if rounded == int(rounded) else rounded


def show(days: float) -> str:
    value = clean(days)
    return str(value) if isinstance(value, int) else f"{value:g}"


def days(count: float) -> str:
    """`1 day`, `5 days`, `2.5 days`."""
    return f"{show(count)} day" + ("" if clean(count) == 1 else "s")
