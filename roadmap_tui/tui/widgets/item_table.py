"""The items of one quarter (or the backlog) as a table: sortable, filterable, updated row by row.

One DataTable, no widget per row. The table shows a live list of the workspace (the list the
session's edits change), so after an edit it only needs to know which items to look at again.
Cells are drawn when shown (`rows.ItemCell`): building the rows of a big quarter makes a small
object per cell, and new scores or dependency states need a redraw, not new rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from rich.text import Text
from textual.binding import Binding
from textual.coordinate import Coordinate
from textual.geometry import Region
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey, RowDoesNotExist

from roadmap_tui.models import Item
from roadmap_tui.tui.rows import COLUMNS, MIN_TITLE, ItemCell, ItemRows, column_widths

SORT_ORDER: tuple[str | None, ...] = (None, *(column.key for column in COLUMNS))


class ItemTable(DataTable[ItemCell]):
    """Items of one location. `sort_column` None is the order of the plan file."""

    BINDINGS = [
        Binding("s", "next_sort", "Sort", id="sort", tooltip="Sort by the next column"),
        Binding(
            "S",
            "reverse_sort",
            "Reverse",
            show=False,
            id="reverse-sort",
            tooltip="Reverse the sort order",
        ),
    ]

    class Arranged(Message):
        """The sort order or the filter changed (the view's heading says which)."""

    sort_column: reactive[str | None] = reactive[str | None](None, init=False)
    sort_reverse: reactive[bool] = reactive(False, init=False)
    filter_text: reactive[str] = reactive("", init=False)

    def __init__(
        self,
        rows: ItemRows,
        *,
        id: str | None = None,  # noqa: A002
        on_cursor: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True, cell_padding=0)
        self.item_rows = rows
        # Called as soon as the cursor moves (see watch_cursor_coordinate).
        self.on_cursor = on_cursor
        self.title_width = MIN_TITLE
        self._laid_out_for = 0  # the width the columns were laid out for
        self._widths: dict[str, int] = {}
        self.location: str | None = None
        self._source: list[Item] = []  # the live list of the location
        self._shown: dict[str, Item] = {}  # item id -> item, for the rows on screen

    def watch_cursor_coordinate(self, old: Coordinate, new: Coordinate) -> None:
        super().watch_cursor_coordinate(old, new)
        # In the same frame, unlike RowHighlighted (a message). DataTable sets the cursor once per
        # added row, so this stays a comparison unless it moved.
        if old != new and self.on_cursor is not None:
            self.on_cursor()

    def on_mount(self) -> None:
        self._add_columns()
        if self.location is not None:
            self.rebuild()

    def on_resize(self) -> None:
        """The title takes the room the other columns leave (cells are drawn at the column's
        width, so the rows stay as they are)."""
        if self._fit_title():
            self._update_dimensions(())
            self.redraw()

    def render_lines(self, crop: Region) -> list[Strip]:
        # The first frame is drawn before the Resize event arrives: fit the title now, or that
        # frame is drawn twice. (The virtual width follows with the next change of rows; until
        # then it is narrower than the table, which only decides the horizontal scrollbar.)
        if self._fit_title():
            self._update_count += 1  # DataTable's render caches are keyed by it
        return super().render_lines(crop)

    def _fit_title(self) -> bool:
        """Lay the columns out for the table's width (see `rows.column_widths`)."""
        available = self.scrollable_content_region.width
        if available == self._laid_out_for or not self.columns or available <= 0:
            return False
        self._laid_out_for = available
        widths = column_widths(available)
        for key, width in widths.items():
            self.columns[ColumnKey(key)].width = width
        self.title_width = widths["title"]
        self.item_rows.team_width = widths["team"]
        self.item_rows.id_width = widths["id"]
        self._widths = widths
        return True

    def _add_columns(self) -> None:
        arrow = " ▼" if self.sort_reverse else " ▲"
        for column in COLUMNS:
            label = column.label + (arrow if column.key == self.sort_column else "")
            text = Text(label, justify="right") if column.right else Text(" " + label)
            width = self._widths.get(column.key, column.width)
            if column.key == "title":
                width = self.title_width
            self.add_column(text, key=column.key, width=width)

    # --- what is shown ---------------------------------------------------------------------
    def show(self, location: str, items: list[Item]) -> None:
        """Show a location's live item list (rebuilds the rows)."""
        self.location = location
        self._source = items
        if self.columns:  # else `on_mount` builds the rows
            self.rebuild()

    def rebuild(self) -> None:
        keep = self.current_item_id()
        index = self.cursor_row
        self.clear()
        self._shown = {}
        wanted = [item for item in self._source if self._wanted(item)]
        ordered = self._ordered(wanted)
        for item in ordered:
            self.add_row(*self.item_rows.cells(item), key=item.id)
            self._shown[item.id] = item
        self._restore_cursor(keep, index)

    def sync(self, item_ids: Iterable[str]) -> None:
        """Look again at these items after an edit: update, add or remove their rows."""
        keep = self.current_item_id()
        index = self.cursor_row
        live = {item.id: item for item in self._source}
        added = False
        for item_id in dict.fromkeys(item_ids):
            item = live.get(item_id)
            if item is None or not self._wanted(item):
                if item_id in self._shown:
                    del self._shown[item_id]
                    self.remove_row(item_id)
                continue
            if item_id in self._shown:
                self._shown[item_id] = item
                for column, cell in zip(COLUMNS, self.item_rows.cells(item), strict=True):
                    self.update_cell(item_id, column.key, cell)
            else:
                self._shown[item_id] = item
                self.add_row(*self.item_rows.cells(item), key=item_id)
                added = True
        if added or self.sort_column is not None:
            self._resort()
        self._restore_cursor(keep, index)

    def refresh_cells(self, item_ids: Iterable[str]) -> None:
        """Redraw if any of these rows is shown (their dependency state or score changed)."""
        if any(item_id in self._shown for item_id in item_ids):
            self.redraw()

    def redraw(self) -> None:
        """Draw the rows on screen again: their cells read scores and facts when drawn."""
        self._update_count += 1  # DataTable's render caches are keyed by it
        self.refresh()

    def _update_dimensions(self, new_rows: Iterable[object]) -> None:
        """Every column has a fixed width and every row one line, so new rows need no measuring
        (DataTable would draw each cell of each new row once to measure it)."""
        super()._update_dimensions(())

    def current_item_id(self) -> str | None:
        if not self.row_count:
            return None
        try:
            row_key, _ = self.coordinate_to_cell_key(self.cursor_coordinate)
        except RowDoesNotExist:
            return None
        return row_key.value

    def current_item(self) -> Item | None:
        item_id = self.current_item_id()
        return self._shown.get(item_id) if item_id is not None else None

    def select_item(self, item_id: str) -> bool:
        if item_id not in self._shown:
            return False
        self.move_cursor(row=self.get_row_index(item_id))
        return True

    @property
    def shown_ids(self) -> list[str]:
        return [str(row.key.value) for row in self.ordered_rows if row.key.value is not None]

    # --- sorting and filtering ---------------------------------------------------------------
    def action_next_sort(self) -> None:
        index = SORT_ORDER.index(self.sort_column)
        self.sort_reverse = False
        self.sort_column = SORT_ORDER[(index + 1) % len(SORT_ORDER)]

    def action_reverse_sort(self) -> None:
        self.sort_reverse = not self.sort_reverse

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        """A click on a column header sorts by it; a second click reverses."""
        event.stop()
        column = str(event.column_key.value)
        if self.sort_column == column:
            self.sort_reverse = not self.sort_reverse
        else:
            self.sort_reverse = False
            self.sort_column = column

    def watch_sort_column(self) -> None:
        self._label_columns()
        self._resort()
        self.post_message(self.Arranged())

    def watch_sort_reverse(self) -> None:
        self._label_columns()
        self._resort()
        self.post_message(self.Arranged())

    def watch_filter_text(self) -> None:
        self.rebuild()
        self.post_message(self.Arranged())

    def _wanted(self, item: Item) -> bool:
        return not self.filter_text or self.item_rows.matches(item, self.filter_text)

    def _ordered(self, items: list[Item]) -> list[Item]:
        positions = {item.id: index for index, item in enumerate(self._source)}
        return sorted(
            items,
            key=lambda item: self.item_rows.sort_key(item, self.sort_column, positions[item.id]),
            reverse=self.sort_reverse,
        )

    def _resort(self) -> None:
        keep = self.current_item_id()
        positions = {item.id: index for index, item in enumerate(self._source)}
        shown = self._shown
        column = self.sort_column
        rows = self.item_rows

        def key(cell: ItemCell) -> object:
            item = shown[cell.item_id]
            return rows.sort_key(item, column, positions.get(item.id, 0))

        self.sort("id", key=key, reverse=self.sort_reverse)
        if keep is not None:
            self.select_item(keep)

    def _label_columns(self) -> None:
        arrow = " ▼" if self.sort_reverse else " ▲"
        for column in COLUMNS:
            label = column.label + (arrow if column.key == self.sort_column else "")
            text = Text(label, justify="right") if column.right else Text(" " + label)
            self.columns[ColumnKey(column.key)].label = text

    def _restore_cursor(self, item_id: str | None, index: int) -> None:
        if not self.row_count:
            return
        if item_id is not None and self.select_item(item_id):
            return
        self.move_cursor(row=min(max(index, 0), self.row_count - 1))
