"""View 3, capacity: teams x quarters, each cell days used of capacity, coloured by load.

Selecting a cell lists the items and asks that fill it. `d` drafts a quarter (the selected one
when it lies ahead, else the one after the current quarter) and `m` makes room for backlog items;
both are reviewed in a dialog and applied as one undoable edit. The numbers come from
`roadmap_tui.planning.capacity` on the app's PlanGraph, kept current edit by edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.coordinate import Coordinate
from textual.widgets import DataTable, Header, Static

from roadmap_tui.models import next_quarter, quarter_index
from roadmap_tui.models.numbers import fmt
from roadmap_tui.tui.background import WorkingScreen
from roadmap_tui.tui.messages import WorkspaceEdited, WorkspaceReloaded
from roadmap_tui.tui.screens.redraw import RedrawnWhenShown
from roadmap_tui.tui.widgets.fixed_table import FixedTable
from roadmap_tui.tui.widgets.footer import KeysFooter
from roadmap_tui.workbench.session import Session

if TYPE_CHECKING:
    from roadmap_tui.planning.capacity import TeamLoad
    from roadmap_tui.planning.graph import PlanGraph
    from roadmap_tui.workbench.derived import Derived

CELL_WIDTH = 12
BUSY = 0.9  # a share of capacity above which a cell turns yellow


def cell_text(load: TeamLoad) -> Text:
    """`106/130` green, `125/130` yellow, `143/130 !` bold red; `-` when nothing is there."""
    if not load.capacity and not load.used:
        return Text("-", style="dim", justify="right")
    figures = f"{fmt(load.used)}/{fmt(load.capacity)}"
    if load.overloaded:
        return Text(f"{figures} !", style="bold red", justify="right")
    share = load.used / load.capacity if load.capacity else 0
    return Text(figures, style="yellow" if share > BUSY else "green", justify="right")


class CapacityScreen(WorkingScreen, RedrawnWhenShown):
    BINDINGS = [
        Binding("d", "draft", "Draft", id="draft", tooltip="Draft a quarter and review it"),
        Binding(
            "m",
            "make_room",
            "Make room",
            id="make-room",
            tooltip="Adopt backlog items into a quarter; the least valuable make room",
        ),
    ]

    AUTO_FOCUS = "#capacity-grid"

    def __init__(self, session: Session, derived: Derived) -> None:
        super().__init__()
        self.session = session
        self.derived = derived
        self.teams: list[str] = []
        self.quarters: list[str] = []
        self.loads: dict[tuple[str, str], TeamLoad] = {}
        self._stale = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="capacity-heading", classes="view-heading")
        yield FixedTable(id="capacity-grid", cursor_type="cell", zebra_stripes=True)
        yield Static(id="cell-heading", classes="view-heading")
        yield FixedTable(id="cell-items", cursor_type="row", zebra_stripes=True)
        yield KeysFooter()

    def on_mount(self) -> None:
        items = self.query_one("#cell-items", DataTable)
        items.add_column("item", key="item", width=26)
        items.add_column("title", key="title", width=40)
        items.add_column("days", key="days", width=5)
        items.add_column("what", key="what", width=22)
        items.add_column("status", key="status", width=12)
        self.show_all()
        self._prepare_solver()

    def _prepare_solver(self) -> None:
        """The solver's libraries are imported in a thread while the person reads the view (the
        first `d` waited 0.45 s for them): once it is drawn, so as not to slow its drawing. The
        worker starts now, so that it is known as the view's work from the start."""
        import threading

        from roadmap_tui.planning.solver import prepare

        drawn = threading.Event()
        self.call_after_refresh(drawn.set)

        def when_drawn() -> None:
            drawn.wait(timeout=5)
            prepare()

        self.run_worker(when_drawn, name="prepare-solver", thread=True, exit_on_error=False)

    @property
    def grid(self) -> DataTable[Text]:
        return self.query_one("#capacity-grid", DataTable)

    @property
    def graph(self) -> PlanGraph | None:
        return self.derived.facts.graph

    # --- drawing ---------------------------------------------------------------------------------
    def show_all(self) -> None:
        from roadmap_tui.planning.capacity import team_loads

        self._stale = False
        graph = self.graph
        heading = self.query_one("#capacity-heading", Static)
        if graph is None:
            heading.update(Text("Working out the capacity…", style="dim"))
            return
        self.loads = {(load.team, load.quarter): load for load in team_loads(graph)}
        quarters = sorted({quarter for _, quarter in self.loads}, key=quarter_index)
        teams = list(graph.teams)
        teams += sorted({team for team, _ in self.loads if team not in graph.teams})
        grid = self.grid
        at = grid.cursor_coordinate
        if quarters != self.quarters or teams != self.teams:
            self.quarters, self.teams = quarters, teams
            grid.clear(columns=True)
            grid.add_column("team", key="team", width=max(12, *(len(t) for t in teams)))
            for quarter in quarters:
                grid.add_column(quarter, key=quarter, width=CELL_WIDTH)
            for team in teams:
                grid.add_row(Text(team, style="bold"), *self._cells(team), key=team)
            if at.row == 0 and at.column == 0:
                at = self._first_cell()
        else:
            for team in teams:
                for quarter, cell in zip(quarters, self._cells(team), strict=True):
                    grid.update_cell(team, quarter, cell)
        grid.cursor_coordinate = at if at.column > 0 else at._replace(column=1)
        self._show_heading()
        self._show_cell()

    def _cells(self, team: str) -> list[Text]:
        cells = []
        for quarter in self.quarters:
            load = self.loads.get((team, quarter))
            cells.append(cell_text(load) if load is not None else Text("-", "dim", justify="right"))
        return cells

    def _first_cell(self) -> Coordinate:
        """The owner in the current quarter."""
        ws = self.session.workspace
        row = self.teams.index(ws.owner) if ws.owner in self.teams else 0
        current = ws.roadmap.workspace.current_quarter
        column = self.quarters.index(current) + 1 if current in self.quarters else 1
        return Coordinate(row, column)

    def selected(self) -> tuple[str, str] | None:
        """(team, quarter) of the selected cell."""
        at = self.grid.cursor_coordinate
        if not self.teams or not self.quarters or at.column < 1:
            return None
        return self.teams[at.row], self.quarters[at.column - 1]

    def select(self, team: str, quarter: str) -> None:
        self.grid.cursor_coordinate = Coordinate(
            self.teams.index(team), self.quarters.index(quarter) + 1
        )

    def _show_heading(self) -> None:
        over = [load for load in self.loads.values() if load.overloaded]
        text = Text("Capacity", style="bold")
        text.append(" · days used/capacity per team and quarter")
        if over:
            text.append(f" · {len(over)} overloaded", style="bold red")
        else:
            text.append(" · no team over capacity", style="green")
        text.append(f" · d drafts {self.draft_quarter()} · m makes room", style="dim")
        self.query_one("#capacity-heading", Static).update(text)

    def _show_cell(self) -> None:
        from roadmap_tui.models.numbers import fmt as show

        heading = self.query_one("#cell-heading", Static)
        table = self.query_one("#cell-items", DataTable)
        table.clear()
        cell = self.selected()
        graph = self.graph
        if cell is None or graph is None:
            heading.update("")
            return
        load = self.loads.get(cell)
        if load is None:
            heading.update(Text(f"{cell[0]} {cell[1]}: nothing planned", style="dim"))
            return
        heading.update(Text(load.sentence(), style="bold red" if load.overloaded else "bold"))
        uses = sorted(graph.uses_in(cell), key=lambda use: (not use.own, graph.rank(use.item)))
        for use in uses:
            item = graph.items[use.item]
            if use.own:
                what = "own work" + (", unestimated" if use.unestimated else "")
            else:
                what = f"ask of {graph.team_of(use.item)}"
            status = use.status if use.counts else f"{use.status}, not counted"
            table.add_row(
                Text(use.item, style="bold"),
                Text(item.title, overflow="ellipsis", no_wrap=True),
                Text(show(use.days), justify="right"),
                Text(what, style="" if use.own else "cyan"),
                Text(status, style="" if use.counts else "dim"),
            )

    def listed_items(self) -> list[str]:
        table = self.query_one("#cell-items", DataTable)
        return [str(table.get_row_at(row)[0]) for row in range(table.row_count)]

    # --- reacting ------------------------------------------------------------------------------
    @on(DataTable.CellHighlighted, "#capacity-grid")
    def _cell_highlighted(self, event: DataTable.CellHighlighted) -> None:
        at = self.grid.cursor_coordinate
        if at.column == 0:  # the team names: their first quarter instead
            self.grid.cursor_coordinate = at._replace(column=1)
            return
        self._show_cell()
        self._show_heading()

    @on(WorkspaceEdited)
    @on(WorkspaceReloaded)
    def _changed(self) -> None:
        self.redraw_when_shown()

    # --- actions -------------------------------------------------------------------------------
    def draft_quarter(self) -> str:
        """The selected quarter when it lies after the current one, else the one after it."""
        ws = self.session.workspace
        current = ws.roadmap.workspace.current_quarter
        if current is None:
            quarters = ws.quarter_ids()
            current = quarters[0] if quarters else "2026-Q1"
        cell = self.selected()
        if cell is not None and quarter_index(cell[1]) > quarter_index(current):
            return cell[1]
        return next_quarter(current)

    def action_draft(self) -> None:
        if self.graph is None:
            self.notify("Capacity is still being worked out.", timeout=2)
            return
        self.start_draft(self.draft_quarter())

    def room_quarter(self) -> str | None:
        cell = self.selected()
        return cell[1] if cell is not None else None
