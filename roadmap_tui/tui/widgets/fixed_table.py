"""A DataTable whose columns all have fixed widths, so that rows are added without measuring.

Textual measures every cell of every new row to size auto-width columns; with fixed widths
that work is thrown away, and it dominates filling a table of hundreds of items (about 0.15 ms
a row). Tables that give every column a width use this one.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual._two_way_dict import TwoWayDict
from textual.geometry import Size
from textual.widgets import DataTable
from textual.widgets.data_table import CellType, RowKey


class FixedTable(DataTable[CellType]):
    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        new_rows = list(new_rows)
        if any(column.auto_width for column in self.columns.values()) or any(
            self.rows[key].label is not None or self.rows[key].auto_height
            for key in new_rows
            if key in self.rows
        ):
            super()._update_dimensions(new_rows)
            return
        width = sum(column.get_render_width(self) for column in self.columns.values())
        header = self.header_height if self.show_header else 0
        self.virtual_size = Size(
            width + self._row_label_column_width, self._total_row_height + header
        )

    def replace_rows(self, rows: dict[str, list[CellType]]) -> None:
        """New cells for the rows with these keys, shown in this order; the same keys as the
        table holds. One refresh instead of one per cell (`update_cell` refreshes each time)."""
        data = self._data
        columns = [column.key for column in self.ordered_columns]
        for key, cells in rows.items():
            row = data[RowKey(key)]
            for column, cell in zip(columns, cells, strict=True):
                row[column] = cell
        # What `sort` does, with the order given.
        self._row_locations = TwoWayDict({RowKey(key): index for index, key in enumerate(rows)})
        self._update_count += 1
        self.refresh()
