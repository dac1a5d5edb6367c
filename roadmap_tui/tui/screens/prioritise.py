"""View 2, prioritise: the backlog or a quarter ranked by a framework, the selected item's
explanation and sensitivity, and the value/effort matrix.

`f` cycles the framework for this view only (roadmap.toml keeps its own); the ranks, the
explanation and the "moved" column follow. Ranking, explanations and sensitivity come from
`roadmap_tui.scoring`; scoreboards per framework are kept current edit by edit (`Boards`).
The table's cells read the ranking shown when they are drawn (`RankCell`): a framework switch
or an edit re-orders the rows and draws the ones on screen, never builds every row again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.coordinate import Coordinate
from textual.widgets import DataTable, Header, Static
from textual.widgets.data_table import RowKey

from roadmap_tui.models import BACKLOG
from roadmap_tui.tui.messages import WorkspaceEdited, WorkspaceReloaded
from roadmap_tui.tui.screens.redraw import RedrawnWhenShown
from roadmap_tui.tui.widgets.fixed_table import FixedTable
from roadmap_tui.tui.widgets.footer import KeysFooter
from roadmap_tui.tui.widgets.table_cursor import key_at_cursor, move_to_key
from roadmap_tui.tui.widgets.value_matrix import Point, ValueMatrix
from roadmap_tui.workbench.session import Session

if TYPE_CHECKING:
    from roadmap_tui.scoring import Framework, Ranking, Scored
    from roadmap_tui.workbench.boards import Boards
    from roadmap_tui.workbench.derived import Derived

MATRIX_FRAMEWORK = "value-effort"  # the matrix places items by these inputs
ID_WIDTH = 21
NOTE_WIDTH = 14
COLUMN_KEYS = ("rank", "moved", "id", "value", "score", "note")
NOTHING = Text("")


class RankCell:
    """One cell of the ranking table, drawn only when shown: it reads the view's ranking then.
    A framework switch over the 4,000 items of a big backlog re-orders the rows and draws the
    few on screen; building six cells per row again was most of the switch. `str()` is the text
    as shown."""

    __slots__ = ("column", "item_id", "view")

    def __init__(self, view: PrioritiseScreen, item_id: str, column: str) -> None:
        self.view = view
        self.item_id = item_id
        self.column = column

    def __rich__(self) -> Text:
        return self.view.cell_text(self.item_id, self.column)

    def __str__(self) -> str:
        return self.view.cell_text(self.item_id, self.column).plain


class PrioritiseScreen(RedrawnWhenShown):
    """Rank, explain and place items; nothing here changes the workspace."""

    BINDINGS = [
        Binding(
            "f",
            "framework(1)",
            "Framework",
            id="next-framework",
            tooltip="Rank by the next scoring framework (roadmap.toml is not changed)",
        ),
        Binding(
            "F",
            "framework(-1)",
            "Previous framework",
            show=False,
            id="previous-framework",
            tooltip="Rank by the previous scoring framework",
        ),
        Binding(
            "left_square_bracket",
            "step(-1)",
            "Previous",
            key_display="[",
            id="prioritise-previous",
            tooltip="Rank the previous quarter (or the backlog)",
        ),
        Binding(
            "right_square_bracket",
            "step(1)",
            "Next",
            key_display="]",
            id="prioritise-next",
            tooltip="Rank the next quarter (or the backlog)",
        ),
        Binding(
            "g", "go", "Go to item", id="prioritise-go", tooltip="Show the item in the plan view"
        ),
    ]

    AUTO_FOCUS = "#ranking"

    def __init__(self, session: Session, derived: Derived) -> None:
        super().__init__()
        self.session = session
        self.derived = derived
        self.location = BACKLOG
        self.framework_name: str | None = None  # None: the workspace's own
        self.boards: Boards | None = None
        self.ranking: Ranking | None = None
        self.previous: Ranking | None = None  # the ranking under the framework shown before
        self._entries: dict[str, Scored] = {}  # of `ranking`, for the rows drawn so far
        self._matrix: Framework | None = None  # the matrix's framework (see _matrix_framework)
        self._row_keys: dict[str, RowKey] = {}  # the table's rows, by item id
        self._cells: dict[tuple[str, str, str | None, bool], Text] = {}  # see _cell
        self._points: tuple[tuple[int, str], list[Point], int] | None = None  # see _show_matrix
        self._stale = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="prioritise-heading")
        with Horizontal(id="prioritise-body"):
            yield FixedTable(id="ranking", cursor_type="row", zebra_stripes=True)
            yield ValueMatrix(id="matrix")
        with Horizontal(id="prioritise-why"):
            yield Static(id="explanation")
            yield Static(id="sensitivity")
        yield KeysFooter()

    def on_mount(self) -> None:
        table = self.table
        table.add_column("#", key="rank", width=3)
        table.add_column("move", key="moved", width=4)
        table.add_column("id", key="id", width=ID_WIDTH)
        table.add_column("value", key="value", width=5)
        table.add_column("score", key="score", width=6)
        table.add_column("quadrant", key="note", width=NOTE_WIDTH)
        self.show_all()

    @property
    def table(self) -> FixedTable[RankCell]:
        return self.query_one("#ranking", FixedTable)

    # --- what is shown -------------------------------------------------------------------------
    def _boards(self) -> Boards | None:
        if not self.derived.ready:
            return None
        ws = self.session.workspace
        if self.boards is None or self.boards.ws is not ws:
            from roadmap_tui.workbench.boards import Boards

            self.boards = Boards(ws, self.derived.scores)
            self._points = None
        return self.boards

    @property
    def active_framework(self) -> str:
        return self.framework_name or self.session.workspace.roadmap.scoring.framework

    def show_all(self) -> None:
        """Rank the location under the active framework and redraw everything."""
        self._stale = False
        boards = self._boards()
        heading = self.query_one("#prioritise-heading", Static)
        if boards is None:
            heading.update(Text("Working out the scores…", style="dim"))
            return
        board = boards.board(self.active_framework)
        ws = self.session.workspace
        if self.location != BACKLOG and self.location not in ws.quarters:
            self.location = BACKLOG
        ids = [item.id for item in ws.items_in(self.location)]
        self.ranking = board.ranking(ids) if board is not None else None
        self._entries = {}
        self._matrix = self._matrix_framework()
        self._fill_table()
        self._show_heading()
        self._show_selected()

    def _fill_table(self) -> None:
        """The rows in rank order. When the same items are shown (another framework, an edit),
        the rows are re-ordered and the cells, which read the ranking when drawn, stay."""
        table = self.table
        selected = self.selected_id()
        ranking = self.ranking
        if ranking is None:
            table.clear()
            self._row_keys = {}
            return
        order = ranking.ids()
        row_keys = self._row_keys
        if len(order) == len(row_keys) and row_keys.keys() == set(order):
            table.reorder([row_keys[item_id] for item_id in order])
        else:
            table.clear()
            self._row_keys = {
                item_id: table.add_row(
                    *(RankCell(self, item_id, key) for key in COLUMN_KEYS), key=item_id
                )
                for item_id in order
            }
        if selected is not None:
            self.select(selected)

    def cell_text(self, item_id: str, column: str) -> Text:
        """A cell of the table as shown now (see `RankCell`)."""
        from roadmap_tui.models.numbers import fmt_score as show_result
        from roadmap_tui.scoring.explain import show_value

        ranking = self.ranking
        if ranking is None or item_id not in ranking:
            return NOTHING
        entry = self._entries.get(item_id)
        if entry is None:
            entry = self._entries[item_id] = ranking.entry(item_id)
        cell = self._cell
        if column == "rank":
            return cell(str(entry.rank) if entry.rank is not None else "-", "", "right")
        if column == "moved":
            previous = self.previous
            before = previous.rank_of(item_id) if previous and item_id in previous else None
            return _moved(before, entry.rank)
        if column == "id":
            return cell(item_id, "bold", clip=True)
        if column == "value":
            return cell(show_value(entry.value) if entry.value is not None else "")
        if column == "score":
            return cell(show_result(entry.score) if entry.score is not None else "")
        if entry.rank is None:
            why = entry.missing and f"needs {', '.join(entry.missing)}"
            why = why or f"{', '.join(entry.out_of_range)} out of range"
            return cell(why, "yellow", clip=True)
        quadrant = entry.quadrant
        if quadrant is None and self._matrix is not None:
            quadrant = self._matrix.quadrant(ranking.item(item_id).score)  # for other frameworks
        return cell(quadrant or "")

    def _cell(
        self, text: str, style: str = "", justify: str | None = None, *, clip: bool = False
    ) -> Text:
        """One shared, unchanging Text per distinct cell (ranks, ids, figures, quadrants);
        `clip`: cut with an ellipsis rather than wrapped."""
        key = (text, style, justify, clip)
        found = self._cells.get(key)
        if found is None:
            if clip:
                found = Text(text, style=style, overflow="ellipsis", no_wrap=True)
            else:
                found = Text(text, style=style, justify=justify)  # type: ignore[arg-type]
            self._cells[key] = found
        return found

    def _show_heading(self) -> None:
        ws = self.session.workspace
        ranking = self.ranking
        text = Text()
        where = "Backlog" if self.location == BACKLOG else self.location
        text.append(where, style="bold")
        count = len(ws.items_in(self.location))
        text.append(f" · {count} item{'s' * (count != 1)} ranked by ")
        text.append(self.active_framework, style="bold cyan")
        if self.framework_name and self.framework_name != ws.roadmap.scoring.framework:
            text.append(f" (roadmap.toml: {ws.roadmap.scoring.framework})", style="dim")
        if ranking is not None:
            unscored = len(ranking) - ranking.scored_count
            if unscored:
                text.append(f" · {unscored} unscored", style="yellow")
        else:
            text.append(" · this framework cannot read the workspace's settings", style="red")
        text.append(" · f framework · [ ] quarter", style="dim")
        self.query_one("#prioritise-heading", Static).update(text)

    def selected_id(self) -> str | None:
        return key_at_cursor(self.table)

    def select(self, item_id: str) -> bool:
        return move_to_key(self.table, item_id)

    def shown_ids(self) -> list[str]:
        table = self.table
        return [
            str(table.coordinate_to_cell_key(Coordinate(row, 0)).row_key.value)
            for row in range(table.row_count)
        ]

    def _show_selected(self) -> None:
        from roadmap_tui.scoring import explain, sensitivity

        item_id = self.selected_id()
        ranking = self.ranking
        explanation = self.query_one("#explanation", Static)
        moves = self.query_one("#sensitivity", Static)
        if item_id is None or ranking is None or item_id not in ranking:
            explanation.update(Text("Nothing to explain: no item here.", style="dim"))
            moves.update("")
        else:
            explanation.update(Text("\n".join(explain(ranking, item_id).lines)))
            lines = ["To move one place:", *sensitivity(ranking, item_id).lines()]
            moves.update(Text("\n".join(lines)))
        self._show_matrix(item_id)

    def _show_matrix(self, selected: str | None) -> None:
        matrix = self.query_one(ValueMatrix)
        if self.boards is None:
            return  # scores are not worked out yet
        framework = self._matrix_framework()
        if framework is None:
            matrix.say(Text("The value/effort thresholds in roadmap.toml are unusable.", "red"))
            return
        from roadmap_tui.scoring import quadrant_thresholds

        points, unplaced = self._matrix_points(framework)
        value_threshold, effort_threshold = quadrant_thresholds(framework)
        title = f"value/effort · {self.location}"
        if matrix.border_title != title:  # setting it redraws the matrix, even when the same
            matrix.border_title = title
        matrix.show(
            points,
            selected,
            value_threshold=value_threshold,
            effort_threshold=effort_threshold,
            unplaced=unplaced,
        )

    def _matrix_points(self, framework: Framework) -> tuple[list[Point], int]:
        """The location's items on the matrix, and how many cannot be placed; worked out again
        only when the workspace, the location or the boards change (not per cursor move or
        framework switch)."""
        key = (id(self.boards), self.location)
        if self._points is not None and self._points[0] == key:
            return self._points[1], self._points[2]
        points = []
        unplaced = 0
        for item in self.session.workspace.items_in(self.location):
            quadrant = framework.quadrant(item.score)
            value, effort = item.score.get("value"), item.score.get("effort")
            if quadrant is None or value is None or effort is None:
                unplaced += 1
                continue
            points.append(Point(item.id, value, effort, quadrant))
        self._points = (key, points, unplaced)
        return points, unplaced

    def _matrix_framework(self) -> Framework | None:
        from roadmap_tui.models import WorkspaceError

        if self.boards is None:
            return None
        try:
            return self.boards.framework(MATRIX_FRAMEWORK)
        except WorkspaceError:
            return None

    # --- reacting to the session ---------------------------------------------------------------
    @on(WorkspaceEdited)
    def _edited(self, message: WorkspaceEdited) -> None:
        self._points = None
        if self.boards is not None:
            self.boards.apply_edit(message.edit)
        self.redraw_when_shown()

    @on(WorkspaceReloaded)
    def _reloaded(self) -> None:
        self._points = None
        self.boards = None
        self.previous = None
        self.redraw_when_shown()

    @on(DataTable.RowHighlighted, "#ranking")
    def _row_highlighted(self) -> None:
        self._show_selected()

    @on(DataTable.RowSelected, "#ranking")
    def _row_selected(self) -> None:
        self.action_go()

    # --- actions ---------------------------------------------------------------------------------
    def action_framework(self, step: int) -> None:
        boards = self._boards()
        if boards is None:
            self.notify("Scores are still being worked out.", timeout=2)
            return
        names = boards.names()
        current = self.active_framework
        index = names.index(current) if current in names else -1
        self.previous = self.ranking
        self.framework_name = names[(index + step) % len(names)]
        self.show_all()

    def action_step(self, step: int) -> None:
        locations = [BACKLOG, *self.session.workspace.quarter_ids()]
        index = locations.index(self.location) if self.location in locations else 0
        self.location = locations[(index + step) % len(locations)]
        self.previous = None
        self.show_all()

    def action_go(self) -> None:
        item_id = self.selected_id()
        show_item = getattr(self.app, "show_item", None)
        if item_id is not None and show_item is not None:
            show_item(item_id)


def _moved(before: int | None, after: int | None) -> Text:
    """`▲3`: up three places since the framework shown before."""
    if before is None or after is None or before == after:
        return Text("")
    if after < before:
        return Text(f"▲{before - after}", style="green")
    return Text(f"▼{after - before}", style="red")
