"""Kept only so that code written against the old home still imports: the figures now live in
`roadmap_tui.models.numbers` (one rounding rule for every layer). Import from there."""

from __future__ import annotations

from roadmap_tui.models.numbers import days, fmt, quarters, same, signed

__all__ = ["days", "fmt", "quarters", "same", "signed"]
