"""CSV for spreadsheets: the csv module's quoting, and no cell that a spreadsheet runs as a formula.

A title such as `=HYPERLINK("http://evil.example","docs")` or `@SUM(1)` opened in Excel, Numbers or
LibreOffice would be a live formula (CSV injection). As OWASP recommends, a text cell starting
with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading single quote, which the
spreadsheet shows as text. Numbers stay numbers, negative ones included (`-3` is not a formula).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence

Cell = str | int | float | None

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# A plain decimal number as a spreadsheet reads one: -3, +2.5, -.5, 1e-3.
_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")


def spreadsheet_cell(value: Cell) -> str | int | float:
    """`value` as written to a CSV cell: None as empty, numbers as they are, and text that a
    spreadsheet would run as a formula quoted with a leading `'`."""
    if value is None:
        return ""
    if isinstance(value, bool):  # a bool is an int to Python; in a sheet it is a word
        return str(value).lower()
    if isinstance(value, int | float):
        if _NUMBER.fullmatch(str(value)):
            return value
        value = str(value)  # inf, -inf, nan: words to a spreadsheet
    if value.startswith(_FORMULA_START) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def csv_text(rows: Iterable[Sequence[Cell]]) -> str:
    """Rows (the header first) as CSV text, every cell through `spreadsheet_cell`."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for row in rows:
        writer.writerow([spreadsheet_cell(value) for value in row])
    return out.getvalue()
