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

    def reorder(self, keys: list[RowKey]) -> None:
        """Show the rows in this order (the keys `add_row` returned, every row's once), cells
        unchanged: what `sort` does, with the order given. Cells that read what they show
        when drawn then show it in one refresh."""
        self._row_locations = TwoWayDict({key: index for index, key in enumerate(keys)})
        self._update_count += 1  # DataTable's render caches are keyed by it
        # The rows in order, as `ordered_rows` would work them out again from the locations.
        rows = self.rows
        self._ordered_row_cache[(len(keys), self._update_count)] = [rows[key] for key in keys]
        self.refresh()
