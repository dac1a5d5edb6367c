"""Dates as forms write them."""

from __future__ import annotations

import datetime as dt

import pytest

from roadmap_tui.intake.dates import parse_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-20", dt.date(2026, 11, 20)),
        ("2026-11-20 10:15:32", dt.date(2026, 11, 20)),
        ("2026-11-20 10:15", dt.date(2026, 11, 20)),
        ("2026/11/20 10:15:32", dt.date(2026, 11, 20)),
        ("20/11/2026", dt.date(2026, 11, 20)),
        ("02/11/2026 08:00:00", dt.date(2026, 11, 2)),  # day first: 2 November
        ("20.11.2026", dt.date(2026, 11, 20)),
        ("2026-11-20T10:15:32Z", dt.date(2026, 11, 20)),
        ("2026-11-20T10:15:32.123+01:00", dt.date(2026, 11, 20)),
        ("  2026-11-20  ", dt.date(2026, 11, 20)),
    ],
)
def test_dates_are_read(text: str, expected: dt.date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["", "yesterday", "2026-13-01", "11/20/2026", "31/02/2026"])
def test_other_text_is_not_a_date(text: str) -> None:
    assert parse_date(text) is None
