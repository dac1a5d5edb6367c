"""Dates as forms and spreadsheets write them."""

from __future__ import annotations

import datetime as dt

# Day first: the team's forms are European. An American M/D/YYYY export needs --map to a
# YYYY-MM-DD column (or fixing in the sheet): guessing would silently swap day and month.
_FORMATS = (
    "%Y-%m-%d",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y/%m/%d",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
    "%d/%m/%Y",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d.%m.%Y",
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y %H:%M",
)
DATE_FORMS = "YYYY-MM-DD, YYYY-MM-DD HH:MM:SS or DD/MM/YYYY"


def parse_date(text: str) -> dt.date | None:
    """A date from YYYY-MM-DD, a form timestamp or DD/MM/YYYY; None when not understood."""
    value = " ".join(text.split())
    if not value:
        return None
    if len(value) == 10 and value[4] == "-":  # YYYY-MM-DD, most exports: no strptime
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    for form in _FORMATS:
        try:
            return dt.datetime.strptime(value, form).date()
        except ValueError:
            continue
    try:
        # ISO timestamps with a T, fractions of seconds or a zone: 2026-10-01T09:30:00Z
        return dt.datetime.fromisoformat(value).date()
    except ValueError:
        return None
