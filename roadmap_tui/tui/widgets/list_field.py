"""A list edited row by row in a form: each row a few inputs (with completion), ✕ removes it,
the + button adds one. Used for an item's dependencies and its asks of other teams."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.suggester import Suggester
from textual.widgets import Button, Input


@dataclass(frozen=True)
class Part:
    """One input of a row."""

    name: str
    placeholder: str
    width: int | None = None  # None: takes the room left
    suggester: Suggester | None = None


class ListRow(Horizontal):
    def __init__(
        self, parts: tuple[Part, ...], values: dict[str, str], extra: object = None
    ) -> None:
        super().__init__(classes="list-row")
        self.parts = parts
        self.values = values
        self.extra = extra  # what the row stands for beyond its inputs (kept by the caller)

    def compose(self) -> ComposeResult:
        for part in self.parts:
            box = Input(
                self.values.get(part.name, ""),
                placeholder=part.placeholder,
                suggester=part.suggester,
                compact=True,
                validate_on=(),  # the form checks the rows; Input's own check restyles each
                classes=f"list-part part-{part.name}",
            )
            if part.width is not None:
                box.styles.width = part.width
            yield box
        yield Button("✕", classes="remove-row", compact=True, tooltip="Remove this row")

    def read(self) -> dict[str, str]:
        boxes = self.query(Input)
        return {part.name: box.value for part, box in zip(self.parts, boxes, strict=True)}


class ListField(Vertical):
    """Rows of inputs; `rows()` reads them back in order."""

    class Changed(Message):
        """A row was added or removed (typing in a row sends Input.Changed)."""

    def __init__(
        self,
        parts: tuple[Part, ...],
        rows: list[tuple[dict[str, str], object]],
        add_label: str,
        *,
        id: str | None = None,  # noqa: A002
    ) -> None:
        super().__init__(id=id, classes="list-field")
        self.parts = parts
        self.initial = rows
        self.add_label = add_label
        self._leaving: set[ListRow] = set()

    def compose(self) -> ComposeResult:
        for values, extra in self.initial:
            yield ListRow(self.parts, values, extra)
        yield Button(self.add_label, classes="add-row", compact=True)

    def rows(self) -> list[tuple[dict[str, str], object]]:
        return [(row.read(), row.extra) for row in self.query(ListRow) if row not in self._leaving]

    def set_rows(self, rows: list[tuple[dict[str, str], object]]) -> None:
        """Show these rows instead (the form filled for another item). Call it once the field
        is mounted; before, the rows given to the constructor are shown."""
        self.initial = rows
        leaving = list(self.query(ListRow))
        self._leaving = set(leaving)  # removed in a moment; not read meanwhile
        for row in leaving:
            row.remove()
        if rows:
            self.mount_all(
                [ListRow(self.parts, values, extra) for values, extra in rows],
                before=self.query_one(".add-row"),
            )

    @on(Button.Pressed, ".remove-row")
    async def _remove(self, event: Button.Pressed) -> None:
        event.stop()
        row = event.button.parent
        if isinstance(row, ListRow):
            await row.remove()
            self.post_message(self.Changed())

    @on(Button.Pressed, ".add-row")
    async def _add(self, event: Button.Pressed) -> None:
        event.stop()
        await self.add_row()

    async def add_row(self) -> None:
        row = ListRow(self.parts, {})
        await self.mount(row, before=self.query_one(".add-row"))
        row.query_one(Input).focus()
        self.post_message(self.Changed())
