"""The value/effort matrix drawn in text: four labelled quadrants, items placed by their inputs.

Presentation only: each point comes with its quadrant from the scoring layer; this widget decides
where to draw it. Value runs up (10 at the top), effort to the right (1 at the left), so quick
wins sit top left. A cell shows ● for one item, the count for several; the selected item's cell
is highlighted.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from rich.text import Text
from textual.widgets import Static

from roadmap_tui.models.numbers import fmt_input

SCALE = range(1, 11)
CELL = 4  # characters per effort column
LABEL = 4  # the value axis labels
QUADRANT_STYLE = {
    "quick win": "green",
    "big bet": "cyan",
    "fill-in": "yellow",
    "time sink": "red",
}


@dataclass(frozen=True)
class Point:
    item_id: str
    value: float
    effort: float
    quadrant: str


def _cell(x: float, threshold: float, high: bool) -> int:
    """The grid step (1-10) to draw an input at, on the side of the threshold it belongs to."""
    step = min(10, max(1, round(x)))
    if high and step <= threshold:
        step = min(10, math.floor(threshold) + 1)
    elif not high and step > threshold:
        step = max(1, math.floor(threshold))
    return step


class ValueMatrix(Static):
    """`show(points, selected)` draws the matrix; `cells` keeps what each cell holds (tests)."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.cells: dict[tuple[int, int], list[str]] = {}  # (value step, effort step) -> ids
        self.value_threshold: float = 5
        self.effort_threshold: float = 5
        # The points last placed and where: the same list shown again (another item selected,
        # another framework in the ranking) is not placed again, 4,000 backlog items included.
        self._placed: tuple[list[Point], float, float] | None = None
        self._drawn: tuple[float, float, str | None, int] | None = None  # see `show`
        self._quadrant_of: dict[tuple[int, int], str] = {}
        self._counts: dict[str, int] = {}
        self._where: dict[str, tuple[tuple[int, int], Point]] = {}

    def say(self, message: Text) -> None:
        """A message instead of the matrix (the next `show` draws the matrix again)."""
        self._drawn = None
        self.update(message)

    def place(self, point: Point) -> tuple[int, int]:
        high_value = point.quadrant in ("quick win", "big bet")
        high_effort = point.quadrant in ("big bet", "time sink")
        return (
            _cell(point.value, self.value_threshold, high_value),
            _cell(point.effort, self.effort_threshold, high_effort),
        )

    def show(
        self,
        points: list[Point],
        selected: str | None,
        *,
        value_threshold: float,
        effort_threshold: float,
        unplaced: int = 0,
    ) -> None:
        placed = (points, value_threshold, effort_threshold)
        drawn = (value_threshold, effort_threshold, selected, unplaced)
        if self._placed is not None and self._placed[0] is points and self._drawn == drawn:
            return  # what is shown already (a framework switch): not drawn again
        self._drawn = drawn
        if self._placed is None or self._placed[0] is not points or self._placed[1:] != placed[1:]:
            self.value_threshold = value_threshold
            self.effort_threshold = effort_threshold
            self.cells = {}
            self._quadrant_of = {}
            self._counts = dict.fromkeys(QUADRANT_STYLE, 0)
            self._where = {}
            for point in points:
                cell = self.place(point)
                self.cells.setdefault(cell, []).append(point.item_id)
                self._quadrant_of[cell] = point.quadrant
                self._counts[point.quadrant] = self._counts.get(point.quadrant, 0) + 1
                self._where.setdefault(point.item_id, (cell, point))
            self._placed = placed
        quadrant_of, counts = self._quadrant_of, self._counts
        chosen: tuple[int, int] | None = None
        chosen_point: Point | None = None
        if selected is not None and selected in self._where:
            chosen, chosen_point = self._where[selected]
        low_columns = [e for e in SCALE if e <= effort_threshold]
        split_column = len(low_columns)  # effort columns left of the divider
        text = Text("value ↑\n", "dim")
        width = CELL * 10 + 1
        left_width = CELL * split_column
        text.append(" " * LABEL)
        text.append(_label("QUICK WIN", counts["quick win"], left_width), "bold green")
        text.append("│", "dim")
        text.append(_label("BIG BET", counts["big bet"], width - left_width - 1), "bold cyan")
        text.append("\n")
        for value in reversed(SCALE):
            if value == math.floor(value_threshold) and value < 10:
                text.append(" " * LABEL)
                text.append("─" * left_width + "┼" + "─" * (width - left_width - 1), "dim")
                text.append("\n")
            text.append(f"{value:>3} ", "dim")
            for effort in SCALE:
                if effort == split_column + 1:
                    text.append("│", "dim")
                ids = self.cells.get((value, effort), [])
                cell = (value, effort)
                text.append(_mark(ids, cell == chosen, quadrant_of.get(cell, "")))
            text.append("\n")
        text.append(" " * LABEL)
        text.append(_label("FILL-IN", counts["fill-in"], left_width), "bold yellow")
        text.append("│", "dim")
        text.append(_label("TIME SINK", counts["time sink"], width - left_width - 1), "bold red")
        text.append("\n")
        text.append(" " * LABEL)
        text.append("".join(f"{e:^{CELL}}" for e in SCALE[:split_column]), "dim")
        text.append(" ")
        text.append("".join(f"{e:^{CELL}}" for e in SCALE[split_column:]), "dim")
        text.append("\n" + " " * LABEL)
        text.append(f"{'effort →':^{width}}", "dim")
        text.append("\n")
        if chosen_point is not None and chosen is not None:
            others = [i for i in self.cells[chosen] if i != chosen_point.item_id]
            text.append("◆", "bold reverse")
            text.append(f" {chosen_point.item_id}: ", "bold")
            text.append(chosen_point.quadrant, QUADRANT_STYLE.get(chosen_point.quadrant, ""))
            shown = (
                f"value {fmt_input(chosen_point.value)}, effort {fmt_input(chosen_point.effort)}"
            )
            text.append(f" ({shown})")
            if others:
                text.append(f"\n  same cell: {', '.join(others)}", "dim")
        elif selected is not None:
            text.append(f"{selected}: no value/effort inputs, not placed", "dim")
        if unplaced:
            text.append(f"\n{unplaced} item(s) without value and effort are not placed", "dim")
        self.update(text)


def _mark(ids: list[str], chosen: bool, quadrant: str) -> Text:
    if not ids:
        return Text(f"{'·':^{CELL}}", "dim")
    mark = "●" if len(ids) == 1 else str(len(ids)) if len(ids) < 10 else "+"
    if chosen:
        return Text(f"{'◆' if len(ids) == 1 else mark:^{CELL}}", "bold reverse")
    return Text(f"{mark:^{CELL}}", f"bold {QUADRANT_STYLE.get(quadrant, '')}".strip())


def _label(name: str, count: int, width: int) -> str:
    return f"{name} ({count})"[:width].center(width)
