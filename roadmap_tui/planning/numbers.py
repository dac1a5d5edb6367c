"""Kept only so that code written against the old home still imports: the figures now live in
`roadmap_tui.models.numbers` (one rounding rule for every layer). Import from there."""

from __future__ import annotations

from roadmap_tui.models.numbers import clean as clean
from roadmap_tui.models.numbers import days as days
from roadmap_tui.models.numbers import fmt as show

__all__ = ["clean", "days", "show"]
