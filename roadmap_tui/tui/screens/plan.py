"""View 1, the plan: quarters and backlog in a sidebar, the selected one's items in a table,
capacity bars per team, problems; editing and moving items."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.console import Group
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.widgets import DataTable, Header, OptionList, Static

from roadmap_tui.models import BACKLOG, Item, next_quarter, previous_quarter
from roadmap_tui.models.edits import Edit, add_item, replace_item
from roadmap_tui.models.numbers import fmt_input
from roadmap_tui.planning.moves import (
    MoveRefused,
    defer,
    drop,
    plan,
    pull_in,
    to_backlog,
)
from roadmap_tui.planning.stages import ReopenNeeded, StageError, next_stage, set_stage
from roadmap_tui.tui.messages import WorkspaceEdited, WorkspaceReloaded
from roadmap_tui.tui.rows import ItemRows
from roadmap_tui.tui.screens.view_screen import ViewScreen
from roadmap_tui.tui.widgets.capacity_bars import CapacityBars
from roadmap_tui.tui.widgets.filter_input import FilterInput
from roadmap_tui.tui.widgets.footer import KeysFooter
from roadmap_tui.tui.widgets.item_table import ItemTable
from roadmap_tui.tui.widgets.problems_panel import ProblemsPanel
from roadmap_tui.tui.widgets.quarter_list import QuarterList
from roadmap_tui.workbench.session import Session

if TYPE_CHECKING:
    from roadmap_tui.tui.screens.review_stage import StageChoice
    from roadmap_tui.workbench.derived import Derived

# Dialogs are imported when first opened: the first frame of the view does not wait for them.
MOVE = Binding.Group("Move", compact=True)


class PlanScreen(ViewScreen):
    """Browse quarters, edit and move items. Every change goes through the session."""

    BINDINGS = [
        Binding("slash", "filter", "Filter", id="filter", tooltip="Filter the items as you type"),
        Binding("e", "edit", "Edit", id="edit", tooltip="Edit the selected item (or enter)"),
        Binding("a", "add", "Add", id="add", tooltip="Add an item here"),
        Binding(
            "greater_than_sign",
            "defer",
            "Defer",
            key_display=">",
            id="defer",
            tooltip="Defer the item to the next quarter",
            group=MOVE,
        ),
        Binding(
            "less_than_sign",
            "pull_in",
            "Pull in",
            key_display="<",
            id="pull-in",
            tooltip="Pull the item into the previous quarter",
            group=MOVE,
        ),
        Binding("b", "backlog", "Backlog", id="backlog", tooltip="Send to the backlog", group=MOVE),
        Binding(
            "p", "plan", "Plan", id="plan", tooltip="Plan a backlog item into a quarter", group=MOVE
        ),
        Binding("x", "drop", "Drop", id="drop", tooltip="Mark the item dropped", group=MOVE),
        Binding(
            "r", "review", "Stage", id="review", tooltip="Advance or set the quarter's review stage"
        ),
        Binding(
            "exclamation_mark",
            "problems",
            "Problems",
            key_display="!",
            id="problems",
            tooltip="Show or hide the workspace's problems",
        ),
        Binding(
            "left_square_bracket",
            "step(-1)",
            "Previous quarter",
            key_display="[",
            show=False,
            id="previous-quarter",
            tooltip="Show the previous quarter",
        ),
        Binding(
            "right_square_bracket",
            "step(1)",
            "Next quarter",
            key_display="]",
            show=False,
            id="next-quarter",
            tooltip="Show the next quarter",
        ),
    ]

    AUTO_FOCUS = "#items"

    location: reactive[str] = reactive(BACKLOG, init=False)

    def __init__(self, session: Session, derived: Derived, today: Callable[[], dt.date]) -> None:
        super().__init__()
        self.session = session
        self.derived = derived
        self.today = today
        self.rows = ItemRows(session, derived)
        self.last_quarter: str | None = None  # where `p` plans into by default
        self._detail_item: Item | None = None  # the item the detail strip shows
        self.detail_text = ""  # what it says, as plain text

    # --- layout ------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="plan-body"):
            yield QuarterList(self.session, self.derived, id="quarters")
            with Vertical(id="plan-main"):
                yield Static(id="quarter-heading")
                yield FilterInput(placeholder="filter: id, title, team, status, tag…", id="filter")
                yield ItemTable(self.rows, id="items", on_cursor=self._follow_cursor)
                yield Static(id="item-detail")
                yield CapacityBars(id="capacity")
                yield ProblemsPanel(id="problems")
        # Its item table, focused once the view is composed, shows a key of its own (s): the
        # footer is built once the focus is set, after the app's first frame.
        yield KeysFooter(keys_at_mount=False)

    def on_mount(self) -> None:
        self.query_one(FilterInput).display = False
        self._show_problems(auto=True)
        self._show_all(self._first_location())

    @property
    def table(self) -> ItemTable:
        return self.query_one(ItemTable)

    @property
    def quarters(self) -> QuarterList:
        return self.query_one(QuarterList)

    def _first_location(self) -> str:
        ws = self.session.workspace
        current = ws.roadmap.workspace.current_quarter
        if current in ws.quarters:
            return current
        return ws.quarter_ids()[0] if ws.quarters else BACKLOG

    def _show_all(self, location: str) -> None:
        self.quarters.show(location)
        if location == self.location:
            self.watch_location(location)
        self.location = location

    def watch_location(self, location: str) -> None:
        if location != BACKLOG:
            self.last_quarter = location
        self.table.show(location, self.session.workspace.items_in(location))
        self.quarters.highlight_location(location)
        self._show_heading()
        self._show_capacity()
        self._show_detail()

    def _show_heading(self) -> None:
        ws = self.session.workspace
        location = self.location
        heading = Text()
        if location == BACKLOG:
            heading.append("Backlog", style="bold")
            count = len(ws.backlog.items)
            heading.append(f"  {_items(count)} · unscheduled work and requests")
        else:
            header = ws.quarters[location].quarter
            heading.append(location, style="bold")
            if location == ws.roadmap.workspace.current_quarter:
                heading.append(" ● current", style="green")
            heading.append(f"  stage {header.stage}", style="bold")
            heading.append(f" · {_items(len(ws.items_in(location)))}")
            if header.goals:
                heading.append(f" · goals: {', '.join(header.goals)}", style="dim")
        table = self.table
        if table.sort_column is not None:
            arrow = "▼" if table.sort_reverse else "▲"
            heading.append(f" · sorted by {table.sort_column} {arrow}", style="cyan")
        if table.filter_text:
            heading.append(
                f" · filter “{table.filter_text}”: {table.row_count} shown", style="cyan"
            )
        self.query_one("#quarter-heading", Static).update(heading)

    def _show_capacity(self) -> None:
        bars = self.query_one(CapacityBars)
        if self.location == BACKLOG:
            bars.show_loads(None)
        else:
            bars.show_loads(self.derived.facts.team_loads(self.location))

    def _show_detail(self) -> None:
        item = self.table.current_item()
        self._detail_item = item
        detail = self.query_one("#item-detail", Static)
        if item is None:
            self.detail_text = "No items here. a adds one."
            detail.update(Text(self.detail_text, style="dim"), layout=False)
            return
        # The whole title and team (wrapped if need be), whatever the table had room for; then
        # the facts and the note, a line each.
        title = Text.assemble((item.title, "bold"), "  " + self.session.workspace.team_of(item))
        text = Text.assemble((item.id, "bold"), f"  {item.kind} · {item.status}")
        scores = self.derived.scores
        score = scores.of(item.id)
        if score.rank is not None:
            text.append(f" · rank {score.rank} by {scores.framework}")
        elif scores.available:
            why = [f"needs {', '.join(score.missing)}"] if score.missing else []
            why += [f"{', '.join(score.out_of_range)} out of range"] if score.out_of_range else []
            text.append(f" · unscored ({scores.framework}): {'; '.join(why)}", style="yellow")
        if item.carried_from:
            text.append(f" · carried from {item.carried_from}", style="yellow")
        state = self.derived.facts.dependencies(item.id)
        if item.depends_on:
            text.append(f" · depends on {', '.join(item.depends_on)}")
        if state is not None and state.blocking:
            blocking = ", ".join(f"{dep} {reason}" for dep, reason in state.blocking)
            text.append(f" ({blocking})", style="bold red")
        if item.asks:
            asks = ", ".join(f"{a.team} {fmt_input(a.days)}d" for a in item.asks)
            text.append(f" · asks {asks}")
        text.no_wrap, text.overflow = True, "ellipsis"
        note = item.note and f"note: {item.note}" or item.description or ""
        last = Text(note, style="italic dim", no_wrap=True, overflow="ellipsis")
        self.detail_text = "\n".join(line.plain for line in (title, text, last))
        # A fixed four lines: nothing to lay out again.
        detail.update(Group(title, text, last), layout=False)

    def _follow_cursor(self) -> None:
        """The detail strip follows the cursor in the same frame (RowHighlighted comes a frame
        later, which made every key press draw the screen twice)."""
        if self.table.current_item() is not self._detail_item:
            self._show_detail()

    def _show_problems(self, *, auto: bool = False) -> None:
        panel = self.query_one(ProblemsPanel)
        problems = self.session.problems
        panel.show_problems(problems)
        if auto:
            panel.display = any(p.is_error for p in problems)

    # --- reacting to the session -------------------------------------------------------------
    @on(WorkspaceEdited)
    def _edited(self, message: WorkspaceEdited) -> None:
        edit = message.edit
        ws = self.session.workspace
        if self.location != BACKLOG and self.location not in ws.quarters:
            self._show_all(self._first_location())  # the quarter shown was undone away
            return
        self.quarters.refresh_locations()
        ids = edit.item_ids
        self.table.sync(ids)
        self.table.refresh_cells(self.derived.facts.dependents(ids))
        if len(set(ids)) == 1:
            self.table.select_item(ids[0])
        self._show_heading()
        self._show_capacity()
        self._show_detail()

    @on(WorkspaceReloaded)
    def _reloaded(self) -> None:
        ws = self.session.workspace
        location = self.location if self.location in (*ws.quarters, BACKLOG) else None
        self._show_problems(auto=True)
        self._show_all(location or self._first_location())

    # --- browsing ----------------------------------------------------------------------------
    @on(OptionList.OptionHighlighted, "#quarters")
    def _quarter_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id is not None and event.option.id != self.location:
            self.location = event.option.id

    @on(OptionList.OptionSelected, "#quarters")
    def _quarter_selected(self) -> None:
        self.table.focus()

    @on(ItemTable.Arranged)
    def _arranged(self) -> None:
        self._show_heading()
        self._show_detail()

    @on(DataTable.RowHighlighted, "#items")
    def _row_highlighted(self) -> None:
        self._follow_cursor()

    @on(DataTable.RowSelected, "#items")
    def _row_selected(self) -> None:
        self.action_edit()

    def show_item(self, item_id: str) -> None:
        """Show an item's location and put the cursor on it (the palette's item hits)."""
        found = self.session.workspace.find(item_id)
        if found is None:
            return
        location, _ = found
        if location != self.location:
            self.location = location
        if not self.table.select_item(item_id):
            self.query_one(FilterInput).action_clear()
            self.table.filter_text = ""
            self.table.select_item(item_id)
        self.table.focus()

    def action_step(self, step: int) -> None:
        locations = [*self.session.workspace.quarter_ids(), BACKLOG]
        index = locations.index(self.location) + step
        if 0 <= index < len(locations):
            self.location = locations[index]

    def action_filter(self) -> None:
        box = self.query_one(FilterInput)
        box.display = True
        box.focus()

    @on(FilterInput.Changed, "#filter")
    def _filter_changed(self, event: FilterInput.Changed) -> None:
        self.table.filter_text = event.value.strip()

    @on(FilterInput.Submitted, "#filter")
    def _filter_kept(self) -> None:
        self.table.focus()

    @on(FilterInput.Cleared)
    def _filter_cleared(self) -> None:
        self.query_one(FilterInput).display = False
        self.table.focus()

    def action_problems(self) -> None:
        panel = self.query_one(ProblemsPanel)
        self._show_problems()
        panel.display = not panel.display

    # --- editing -----------------------------------------------------------------------------
    def _selected(self) -> Item | None:
        item = self.table.current_item()
        if item is None:
            self.notify("No item selected.", severity="warning")
        return item

    def _do(self, edit: Edit) -> None:
        self.session.do(edit)
        self.notify(edit.label, title="Done (ctrl+z undoes)", timeout=3)

    def _ask_and_do(
        self,
        make: Callable[[str | None], Edit],
        title: str,
        reason: str,
        *,
        confirm: str = "Move",
        always: bool = True,
        refused: str = "Not moved",
    ) -> None:
        """Ask why (prefilled `reason`), with the guard rails the edit meets, then do it: the
        reason becomes the item's note, and settled quarters it changes are reopened with it."""
        from roadmap_tui.planning.stages import reopenings, target_warnings, with_reopened
        from roadmap_tui.tui.screens.reason import ReasonScreen

        ws = self.session.workspace
        try:
            probe = make(None)
        except MoveRefused as error:
            self.notify(str(error), title=refused, severity="warning")
            return
        warnings = [found.reason for found in reopenings(ws, probe)]
        warnings += target_warnings(ws, probe)
        if not warnings and not always:
            self._do(probe)
            return

        def confirmed(answer: str | None) -> None:
            if answer is None:
                return
            ws = self.session.workspace
            try:
                edit = make(answer or None)
            except MoveRefused as error:
                self.notify(str(error), title=refused, severity="warning")
                return
            why = answer or edit.label
            self._do(with_reopened(ws, edit, ws.owner, self.today(), why))

        subject = ""
        item = self.table.current_item()
        if item is not None and len(probe.item_ids) == 1 and probe.item_ids[0] == item.id:
            subject = f"{item.title} ({ws.team_of(item)})"
        self.app.push_screen(
            ReasonScreen(title, subject, reason, warnings=warnings, confirm=confirm), confirmed
        )

    def action_edit(self) -> None:
        from roadmap_tui.tui.screens.item_editor import item_editor

        item = self._selected()
        if item is None:
            return
        location = self.location

        def edited(new: Item | None) -> None:
            if new is not None:
                self._ask_and_do(
                    lambda note: replace_item(
                        self.session.workspace,
                        new.model_copy(update={"note": note}) if note else new,
                        f"edit {new.id}",
                    ),
                    f"Edit {new.id}?",
                    new.note or "",
                    confirm="Save edit",
                    always=False,
                    refused="Not changed",
                )

        editor = item_editor(self.app)
        self.app.push_screen(editor, edited)
        editor.fill(self.session.workspace, location, item)

    def action_add(self) -> None:
        from roadmap_tui.tui.screens.item_editor import item_editor

        location = self.location

        def added(new: Item | None) -> None:
            if new is not None:
                self._ask_and_do(
                    lambda note: add_item(
                        self.session.workspace,
                        new.model_copy(update={"note": note}) if note else new,
                        location,
                        f"add {new.id} to {location}",
                    ),
                    f"Add {new.id} to {location}?",
                    new.note or "",
                    confirm="Add",
                    always=False,
                    refused="Not added",
                )

        editor = item_editor(self.app)
        self.app.push_screen(editor, added)
        editor.fill(self.session.workspace, location, None)

    def _move(self, verb: str, make: Callable[[Item, str | None], Edit], reason: str) -> None:
        item = self._selected()
        if item is None:
            return
        try:
            label = make(item, None).label
        except MoveRefused as refused:
            self.notify(str(refused), title="Not moved", severity="warning")
            return
        self._ask_and_do(
            lambda note: make(item, note), f"{label[0].upper()}{label[1:]}?", reason, confirm=verb
        )

    def action_defer(self) -> None:
        item = self._selected()
        location = self.location
        if item is None or location == BACKLOG:
            self._move("Defer", lambda it, note: defer(self.session.workspace, it.id, note), "")
            return
        target = next_quarter(location)
        self._move(
            "Defer",
            lambda it, note: defer(self.session.workspace, it.id, note),
            f"deferred to {target}",
        )

    def action_pull_in(self) -> None:
        item = self._selected()
        location = self.location
        reason = (
            ""
            if item is None or location == BACKLOG
            else f"pulled into {previous_quarter(location)}"
        )
        self._move("Pull in", lambda it, note: pull_in(self.session.workspace, it.id, note), reason)

    def action_backlog(self) -> None:
        self._move(
            "Send",
            lambda it, note: to_backlog(self.session.workspace, it.id, note),
            "back to the backlog",
        )

    def action_plan(self) -> None:
        from roadmap_tui.tui.screens.pick_quarter import PickQuarterScreen

        item = self._selected()
        if item is None:
            return
        ws = self.session.workspace
        default = self.last_quarter or ws.roadmap.workspace.current_quarter
        try:
            plan(ws, item.id, default)  # refused before asking where, if it cannot move at all
        except MoveRefused as refused:
            self.notify(str(refused), title="Not planned", severity="warning")
            return

        def chosen(quarter: str | None) -> None:
            if quarter is not None:
                self._move(
                    "Plan",
                    lambda it, note: plan(self.session.workspace, it.id, quarter, note),
                    f"planned into {quarter}",
                )

        self.app.push_screen(PickQuarterScreen(ws.quarter_ids(), default, item.id), chosen)

    def action_drop(self) -> None:
        item = self._selected()
        if item is None:
            return
        self._move(
            "Drop",
            lambda it, note: drop(self.session.workspace, it.id, note),
            item.note or "",
        )

    def action_review(self) -> None:
        from roadmap_tui.tui.screens.review_stage import ReviewStageScreen

        location = self.location
        ws = self.session.workspace
        if location == BACKLOG:
            self.notify("The backlog has no review stage; pick a quarter.", severity="warning")
            return
        header = ws.quarters[location].quarter

        def stage_edit(choice: StageChoice, reopen: bool = False) -> Edit:
            (edit,) = set_stage(
                self.session.workspace,
                location,
                choice.stage,
                choice.by,
                choice.note or None,
                self.today(),
                reopen=choice.reopen or reopen,
            )
            return edit

        def check(choice: StageChoice) -> str | None:
            try:
                stage_edit(choice)
            except ReopenNeeded:
                return None  # asked next, in its own question
            except StageError as refused:
                return str(refused)
            return None

        def chosen(choice: StageChoice | None) -> None:
            from roadmap_tui.planning.stages import goes_back
            from roadmap_tui.tui.screens.choice import Choice, ChoiceScreen

            if choice is None:
                return
            before = self.session.workspace.quarters[location].quarter.stage
            if not goes_back(before, choice.stage):
                self._do(stage_edit(choice))
                return
            self.app.push_screen(
                ChoiceScreen(
                    f"Set {location} back to {choice.stage}?",
                    f"{location} is {before}: setting it back to {choice.stage} reopens it"
                    " (the review log keeps who and why).",
                    [Choice("back", "Set back", "y", "warning"), Choice("cancel", "Cancel", "n")],
                ),
                lambda answer: (
                    self._do(stage_edit(choice, reopen=True)) if answer == "back" else None
                ),
            )

        proposed = next_stage(header.stage) or header.stage
        self.app.push_screen(ReviewStageScreen(header, proposed, check), chosen)


def _items(count: int) -> str:
    return f"{count} item{'s' * (count != 1)}"
