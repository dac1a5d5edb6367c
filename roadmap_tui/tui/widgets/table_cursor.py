"""The row under a table's cursor, by key, and moving the cursor to a row by key."""

from __future__ import annotations

from typing import Any

from textual.widgets import DataTable
from textual.widgets.data_table import RowDoesNotExist


def key_at_cursor(table: DataTable[Any]) -> str | None:
    """The key of the row under the cursor (an item id in the views), None on an empty table."""
    if not table.row_count:
        return None
    try:
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
    except RowDoesNotExist:
        return None
    return key.value


def move_to_key(table: DataTable[Any], key: str) -> bool:
    """Put the cursor on the row with this key; False when the table has no such row."""
    try:
        table.move_cursor(row=table.get_row_index(key))
    except RowDoesNotExist:
        return False
    return True
