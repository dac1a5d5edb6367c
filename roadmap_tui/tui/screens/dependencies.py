"""View 4, dependencies: for the selected item, the tree of what it needs and of what needs it,
with quarters and problems (cycles, broken orders, unknown ids); and who asks whom for how many
days, per quarter.

Facts from `roadmap_tui.planning.dependencies` and `.asks` on the app's PlanGraph.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Header, Static

from roadmap_tui.tui.messages import WorkspaceEdited, WorkspaceReloaded
from roadmap_tui.tui.screens.redraw import RedrawnWhenShown
from roadmap_tui.tui.widgets.dependency_tree import DependencyTree
from roadmap_tui.tui.widgets.fixed_table import FixedTable
from roadmap_tui.tui.widgets.footer import KeysFooter
from roadmap_tui.tui.widgets.table_cursor import key_at_cursor, move_to_key
from roadmap_tui.workbench.session import Session

ItemRow = tuple[str, tuple[Text, Text, Text]]

if TYPE_CHECKING:
    from roadmap_tui.planning.dependencies import DependencyProblems
    from roadmap_tui.planning.graph import PlanGraph
    from roadmap_tui.workbench.derived import Derived


class DependenciesScreen(RedrawnWhenShown):
    BINDINGS = [
        Binding(
            "p",
            "next_problem",
            "Next problem",
            id="next-problem",
            tooltip="Select the next item with a dependency problem",
        ),
        Binding(
            "t",
            "team_only",
            "This team's asks",
            id="team-asks",
            tooltip="Show only the asks of the selected item's team (again: all)",
        ),
        Binding("g", "go", "Go to item", id="dependencies-go", tooltip="Show it in the plan view"),
    ]

    AUTO_FOCUS = "#dep-items"

    def __init__(self, session: Session, derived: Derived) -> None:
        super().__init__()
        self.session = session
        self.derived = derived
        self.problems: DependencyProblems | None = None
        self.in_cycle: set[str] = set()
        self.broken: dict[tuple[str, str], str] = {}  # (item, dependency) -> why
        self.flagged: set[str] = set()  # items with a problem of their own
        self.team_filter: str | None = None
        self._tree_of: str | None = None  # the item whose tree is shown
        self._stale = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="dependencies-heading", classes="view-heading")
        with Horizontal(id="dependencies-body"):
            yield FixedTable(id="dep-items", cursor_type="row", zebra_stripes=True)
            with Vertical(id="dependencies-main"):
                yield DependencyTree(id="dep-tree")
                yield Static(id="asks-heading", classes="view-heading")
                yield FixedTable(id="team-asks", cursor_type="row", zebra_stripes=True)
        yield KeysFooter()

    def on_mount(self) -> None:
        items = self.items_table
        items.add_column("", key="mark", width=1)
        items.add_column("item", key="item", width=24)
        items.add_column("where", key="where", width=8)
        asks = self.query_one("#team-asks", DataTable)
        asks.add_column("quarter", key="quarter", width=7)
        asks.add_column("who", key="from", width=17)
        asks.add_column("asks", key="to", width=17)
        asks.add_column("days", key="days", width=4)
        asks.add_column("for", key="items", width=17)
        self.show_all()

    @property
    def items_table(self) -> FixedTable[Text]:
        return self.query_one("#dep-items", FixedTable)

    @property
    def graph(self) -> PlanGraph | None:
        return self.derived.facts.graph

    # --- drawing ---------------------------------------------------------------------------------
    def show_all(self) -> None:
        from roadmap_tui.planning.dependencies import dependency_problems

        self._stale = False
        graph = self.graph
        heading = self.query_one("#dependencies-heading", Static)
        if graph is None:
            heading.update(Text("Working out the dependencies…", style="dim"))
            return
        problems = dependency_problems(graph)
        self.problems = problems
        self.in_cycle = {item for cycle in problems.cycles for item in cycle}
        self.broken = {(v.item, v.depends_on): v.reason for v in problems.order_violations}
        self.broken.update({(d.item, d.depends_on): "no such item" for d in problems.dangling})
        self.flagged = self.in_cycle | {item for item, _ in self.broken}
        self._fill_items(graph)
        self._show_heading()
        self._show_tree()
        self._show_asks()

    def _fill_items(self, graph: PlanGraph) -> None:
        table = self.items_table
        selected = self.selected_id()
        table.clear()
        table.add_keyed_rows(_item_rows(sorted(graph.items, key=graph.rank), graph, self.flagged))
        if selected is not None:
            self.select(selected)

    def _show_heading(self) -> None:
        problems = self.problems
        text = Text("Dependencies", style="bold")
        if problems is None or not problems.count:
            text.append(" · no cycles, no unknown ids, no broken orders", style="green")
        else:
            text.append(
                f" · {len(problems.cycles)} cycle(s), {len(problems.dangling)} unknown id(s),"
                f" {len(problems.order_violations)} broken order(s)",
                style="bold red",
            )
        text.append(" · p next problem · t one team's asks", style="dim")
        self.query_one("#dependencies-heading", Static).update(text)

    def _problem(self, item: str, dependency: str) -> str | None:
        return self.broken.get((item, dependency))

    def _show_tree(self) -> None:
        graph = self.graph
        item_id = self._tree_of = self.selected_id()
        tree = self.query_one(DependencyTree)
        if graph is None or item_id is None or item_id not in graph.items:
            tree.clear()
            tree.root.set_label(Text("No item selected.", style="dim"))
            return
        tree.show(graph, item_id, self._problem, self.in_cycle)

    def _show_asks(self) -> None:
        from roadmap_tui.models.numbers import fmt as show
        from roadmap_tui.planning.asks import team_asks

        graph = self.graph
        table = self.query_one("#team-asks", DataTable)
        table.clear()
        if graph is None:
            return
        groups = team_asks(graph, team=self.team_filter)
        total = 0.0
        for group in groups:
            total += group.days
            to_team = Text(group.to_team)
            if not group.known_team:
                to_team.append(" (unknown)", "bold red")
            table.add_row(
                Text(group.quarter),
                Text(group.from_team, overflow="ellipsis", no_wrap=True),
                to_team,
                Text(show(group.days), justify="right"),
                Text(
                    ", ".join(line.item for line in group.asks),
                    overflow="ellipsis",
                    no_wrap=True,
                ),
            )
        who = f" of or by {self.team_filter}" if self.team_filter else ""
        self.query_one("#asks-heading", Static).update(
            Text.assemble(
                ("Team asks", "bold"),
                f"{who}: {len(groups)} (who asks whom, per quarter), {show(total)} days",
            )
        )

    def selected_id(self) -> str | None:
        return key_at_cursor(self.items_table)

    def select(self, item_id: str) -> bool:
        return move_to_key(self.items_table, item_id)

    # --- reacting ------------------------------------------------------------------------------
    @on(DataTable.RowHighlighted, "#dep-items")
    def _item_highlighted(self) -> None:
        if self.selected_id() != self._tree_of:  # the first row's highlight as the table fills
            self._show_tree()
        if self.team_filter is not None:
            self._follow_team()

    @on(WorkspaceEdited)
    @on(WorkspaceReloaded)
    def _changed(self) -> None:
        self.redraw_when_shown()

    # --- actions -------------------------------------------------------------------------------
    def action_next_problem(self) -> None:
        graph = self.graph
        if graph is None or not self.flagged:
            self.notify("No dependency problems.", timeout=2)
            return
        ordered = sorted(graph.items, key=graph.rank)
        current = self.selected_id()
        start = ordered.index(current) + 1 if current in ordered else 0
        for item_id in [*ordered[start:], *ordered[:start]]:
            if item_id in self.flagged:
                self.select(item_id)
                return

    def action_team_only(self) -> None:
        if self.team_filter is not None:
            self.team_filter = None
            self._show_asks()
            return
        self._follow_team()

    def _follow_team(self) -> None:
        graph = self.graph
        item_id = self.selected_id()
        if graph is None or item_id is None or item_id not in graph.items:
            return
        self.team_filter = graph.team_of(item_id)
        self._show_asks()

    def action_go(self) -> None:
        item_id = self.selected_id()
        show_item = getattr(self.app, "show_item", None)
        if item_id is not None and show_item is not None:
            show_item(item_id)


def _item_rows(ordered: list[str], graph: PlanGraph, flagged: set[str]) -> Iterator[ItemRow]:
    """The items table's rows: a mark for an item with a problem, its id, where it is."""
    problem = Text("⚠", style="bold red")
    none = Text("")
    places: dict[str, Text] = {}  # a few quarters and the backlog: one cell each
    for item_id in ordered:
        location = graph.location[item_id]
        place = places.get(location)
        if place is None:
            place = places[location] = Text(location, style="dim")
        name = Text(item_id, style="bold", overflow="ellipsis", no_wrap=True)
        yield item_id, (problem if item_id in flagged else none, name, place)
