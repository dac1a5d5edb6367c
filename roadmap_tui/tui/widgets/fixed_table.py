"""A DataTable whose columns all have fixed widths, so that rows are added without measuring.

Textual measures every cell of every new row to size auto-width columns; with fixed widths
that work is thrown away, and it dominates filling a table of hundreds of items (about 0.15 ms
a row). Tables that give every column a width use this one.

`add_keyed_rows` adds many rows in one step: `add_row` costs about 20 us a row even here (it
sets the cursor again and sorts the columns for each row), 20 ms of a view's first visit at
1,000 items; the rows below the screen were most of it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import zip_longest

from textual._two_way_dict import TwoWayDict
from textual.geometry import Size
from textual.widgets import DataTable
from textual.widgets.data_table import CellType, DuplicateKey, Row, RowKey


class FixedTable(DataTable[CellType]):
    def add_keyed_rows(self, rows: Iterable[tuple[str, Sequence[CellType]]]) -> None:
        """`add_row(*cells, key=key)` for each (key, cells), rows of height 1 without labels,
        in one step. Textual is pinned: this writes the row tables `add_row` writes, as it
        writes them (tests/tui/test_first_visits.py compares the two tables), and leaves the
        cursor to the first row's `add_row` (it highlights the first row of an empty table)."""
        rows = iter(rows)
        for key, cells in rows:
            self.add_row(*cells, key=key)
            break
        columns = [column.key for column in self.ordered_columns]
        locations = self._row_locations
        data = self._data
        index = len(self.rows)
        for key, cells in rows:
            row_key = RowKey(key)
            if row_key in locations:
                raise DuplicateKey(f"The row key {row_key!r} already exists.")
            if len(cells) > len(columns):
                raise ValueError("More values provided than there are columns.")
            locations[row_key] = index
            index += 1
            data[row_key] = dict(zip_longest(columns, cells))
            self.rows[row_key] = Row(row_key, 1)
            self._new_rows.add(row_key)
        self._require_update_dimensions = True
        self._update_count += 1
        self.check_idle()

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
