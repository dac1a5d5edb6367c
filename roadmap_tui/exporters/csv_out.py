"""CSV for spreadsheets: the csv module's quoting, and no cell that a spreadsheet runs as a formula.

A title such as `=HYPERLINK("http://evil.example","docs")` or `@SUM(1)` opened in Excel, Numbers or
LibreOffice would be a live formula (CSV injection). As OWASP recommends, a text cell starting
with `=`, `+`, `-`, `@`, a tab, a carriage return or a line feed gets a leading single quote,
which the spreadsheet shows as text. Numbers stay numbers, negative ones included (`-3` is not a
formula). A cell holding a carriage return or a line feed anywhere is always quoted: the csv
module quotes only the characters of its line terminator, so a lone CR would end the row in a
spreadsheet and start the next one with whatever follows.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Sequence

Cell = str | int | float | None

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
_NEEDS_QUOTES = re.compile(r'[,"\r\n]')
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
    for row in rows:
        out.write(",".join(_field(spreadsheet_cell(value)) for value in row) + "\n")
    return out.getvalue()


def _field(value: str | int | float) -> str:
    """RFC 4180 quoting, with CR and LF always quoted (see the module's docstring)."""
    text = value if isinstance(value, str) else repr(value)
    if _NEEDS_QUOTES.search(text):
        return '"' + text.replace('"', '""') + '"'
    return text
