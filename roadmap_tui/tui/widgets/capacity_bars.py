"""A capacity bar per team for the shown quarter: days used of the days it has."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from roadmap_tui.models.numbers import fmt

if TYPE_CHECKING:
    from roadmap_tui.planning.capacity import TeamLoad

BAR_WIDTH = 16
NARROW = 100  # terminal cells: narrower than this, bars are half as long
TEAM_WIDTH = 20  # a team name wider than this is shortened


def bar(used: float, capacity: float, width: int = BAR_WIDTH) -> Text:
    """`█████████░░░░░░░` filled to used/capacity; over capacity the whole bar turns red."""
    over = used > capacity
    share = 1.0 if over or not capacity else used / capacity
    filled = round(share * width) if used else 0
    style = "red" if over else ("yellow" if share > 0.9 else "green")
    return Text.assemble(("█" * filled, style), ("░" * (width - filled), "dim"))


class CapacityBars(Static):
    """Two columns of bars; hidden when there is nothing to show (no planning layer)."""

    figures: dict[str, str] = {}  # team -> "106/130", as shown

    def show_loads(self, loads: list[TeamLoad] | None) -> None:
        self.figures = {}
        self.display = bool(loads)
        if not loads:
            return
        grid = Table.grid(padding=(0, 1), expand=self.app.size.width < NARROW * 2)
        # The figures are never cut (the team name gives way first); a narrow screen gets
        # shorter bars.
        longest = max(len(_figures(load)) for load in loads)
        width = BAR_WIDTH if self.app.size.width >= NARROW else BAR_WIDTH // 2
        for _ in range(2):
            grid.add_column(ratio=1, max_width=TEAM_WIDTH, no_wrap=True, overflow="ellipsis")
            grid.add_column(width=width, no_wrap=True)
            grid.add_column(min_width=longest, no_wrap=True)
        cells: list[Text] = []
        for load in loads:
            figures = _figures(load)
            self.figures[load.team] = figures
            cells += [
                Text(load.team, style="bold" if load.overloaded else ""),
                bar(load.used, load.capacity, width),
                Text(figures, style="bold red" if load.overloaded else ""),
            ]
        half = (len(loads) + 1) // 2
        left, right = cells[: half * 3], cells[half * 3 :]
        for row in range(half):
            line = left[row * 3 : row * 3 + 3]
            line += right[row * 3 : row * 3 + 3] or [Text(""), Text(""), Text("")]
            grid.add_row(*line)
        self.update(grid)


def _figures(load: TeamLoad) -> str:
    figures = f"{fmt(load.used)}/{fmt(load.capacity)}"
    if load.overloaded:
        figures += f" over {fmt(load.used - load.capacity)}"
    if load.unestimated:
        figures += f" ?{len(load.unestimated)}"
    return figures
