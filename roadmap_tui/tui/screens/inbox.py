"""View 6, the inbox: requests from other teams (open first, oldest first) with their decision,
and the feedback by theme.

`a` accepts, `d` declines (with the reason), `m` merges into an item (id completion). A decision
is one undoable edit of the session; the rules (what a decision sets, which merges are refused)
are `roadmap_tui.intake.decide`'s, the same as `roadmap request decide`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Header, Static, Tree

from roadmap_tui.models import WorkspaceError
from roadmap_tui.models.numbers import fmt_input, fmt_score
from roadmap_tui.tui.messages import WorkspaceEdited, WorkspaceReloaded
from roadmap_tui.tui.screens.redraw import RedrawnWhenShown
from roadmap_tui.tui.widgets.fixed_table import FixedTable
from roadmap_tui.tui.widgets.footer import KeysFooter
from roadmap_tui.tui.widgets.table_cursor import key_at_cursor, move_to_key
from roadmap_tui.workbench.session import Session

if TYPE_CHECKING:
    from roadmap_tui.intake import RequestRow
    from roadmap_tui.tui.screens.decide_request import Decision

SIDE_WIDTH, NARROW_SIDE_WIDTH, WIDE = 44, 30, 110  # cells
DECISION_STYLE = {"open": "bold yellow", "accepted": "green", "declined": "red", "merged": "cyan"}
QUOTE = 34  # characters of who and answer shown in the themes tree


class InboxScreen(RedrawnWhenShown):
    BINDINGS = [
        Binding("a", "decide('accept')", "Accept", id="accept", tooltip="Accept the request"),
        Binding(
            "d", "decide('decline')", "Decline", id="decline", tooltip="Decline, with the reason"
        ),
        Binding("m", "decide('merge')", "Merge", id="merge", tooltip="Merge into an item (its id)"),
        Binding("g", "go", "Go to item", id="inbox-go", tooltip="Show it in the plan view"),
    ]

    AUTO_FOCUS = "#requests"

    def __init__(self, session: Session, today: Callable[[], dt.date]) -> None:
        super().__init__()
        self.session = session
        self.today = today
        self.rows: list[RequestRow] = []
        self._stale = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="inbox-heading", classes="view-heading")
        with Horizontal(id="inbox-body"):
            with Vertical(id="inbox-main"):
                yield FixedTable(id="requests", cursor_type="row", zebra_stripes=True)
                yield Static(id="request-detail")
            with Vertical(id="inbox-side"):
                yield Static(id="themes-heading", classes="view-heading")
                yield Tree[str]("Feedback by theme", id="themes")
        yield KeysFooter()

    def on_mount(self) -> None:
        table = self.table
        # The decision right after the request: on a narrow screen it stays in view.
        table.add_column("request", key="id", width=24)
        table.add_column("decision", key="decision", width=8)
        table.add_column("from", key="from", width=12)
        table.add_column("received", key="received", width=10)
        table.add_column("age", key="age", width=4)
        table.add_column("v/e", key="ve", width=4)
        self.query_one("#themes", Tree).show_root = False
        self.show_all()

    def on_resize(self, event: events.Resize) -> None:
        """Feedback gives way to the requests on a narrow screen."""
        side = self.query_one("#inbox-side")
        side.styles.width = SIDE_WIDTH if event.size.width >= WIDE else NARROW_SIDE_WIDTH

    @property
    def table(self) -> DataTable[Text]:
        return self.query_one("#requests", DataTable)

    # --- drawing ---------------------------------------------------------------------------------
    def show_all(self) -> None:
        self._stale = False
        self._fill_requests()
        self._show_heading()
        self._show_detail()
        self._fill_themes()

    def _fill_requests(self) -> None:
        from roadmap_tui.intake import request_rows

        table = self.table
        selected = self.selected_id()
        self.rows = request_rows(self.session.workspace, self.today())
        table.clear()
        for row in self.rows:
            ve = (
                f"{fmt_input(row.value)}/{fmt_input(row.effort)}"
                if row.value and row.effort
                else "-"
            )
            table.add_row(
                Text(row.id, style="bold", overflow="ellipsis", no_wrap=True),
                Text(row.decision, style=DECISION_STYLE.get(row.decision, "")),
                Text(", ".join(row.requested_by), overflow="ellipsis", no_wrap=True),
                Text(row.received.isoformat() if row.received else "-"),
                Text(f"{row.age_days}d" if row.age_days is not None else "-", justify="right"),
                Text(ve),
                key=row.id,
            )
        if selected is not None:
            self.select(selected)

    def _show_heading(self) -> None:
        open_rows = [row for row in self.rows if row.decision == "open"]
        text = Text("Inbox", style="bold")
        if open_rows:
            text.append(f" · {len(open_rows)} open request(s)", style="bold yellow")
            ages = [row.age_days for row in open_rows if row.age_days is not None]
            if ages:
                text.append(f", the oldest waiting {max(ages)} days")
        else:
            text.append(" · no open requests", style="green")
        text.append(f" · {len(self.rows) - len(open_rows)} decided")
        text.append(" · a accept · d decline · m merge", style="dim")
        self.query_one("#inbox-heading", Static).update(text)

    def selected_row(self) -> RequestRow | None:
        item_id = self.selected_id()
        return next((row for row in self.rows if row.id == item_id), None)

    def selected_id(self) -> str | None:
        return key_at_cursor(self.table)

    def select(self, item_id: str) -> bool:
        return move_to_key(self.table, item_id)

    def shown_ids(self) -> list[str]:
        return [row.id for row in self.rows]

    def _show_detail(self) -> None:
        detail = self.query_one("#request-detail", Static)
        row = self.selected_row()
        if row is None:
            detail.update(Text("No requests yet: `roadmap request add` records one.", "dim"))
            return
        found = self.session.workspace.find(row.id)
        item = found[1] if found is not None else None
        text = Text.assemble((row.id, "bold"), f"  {row.title}\n")
        text.append(f"from {', '.join(row.requested_by) or '?'}")
        if row.received:
            text.append(f", received {row.received.isoformat()} ({row.age_days} days ago)")
        where = "backlog" if row.location == "backlog" else row.location
        text.append(f" · in {where}, {row.status}")
        if row.score is not None:
            text.append(f" · score {fmt_score(row.score)}")
        text.append("\n")
        text.append(row.decision, DECISION_STYLE.get(row.decision, ""))
        if row.merged_into:
            text.append(f" into {row.merged_into}")
        if row.note:
            # The note is written "declined: why": the decision is already said.
            note = row.note.removeprefix(f"{row.decision}:").strip()
            text.append(f": {note}", "italic")
        if item is not None and item.source:
            text.append(f"\nsource: {item.source}", "dim")
        if item is not None and item.description:
            text.append(f"\n{item.description.strip()}", "dim")
        detail.update(text)

    def _fill_themes(self) -> None:
        from roadmap_tui.intake.report import group_by_theme, where_planned

        ws = self.session.workspace
        tree = self.query_one("#themes", Tree)
        tree.clear()
        groups = group_by_theme(ws)
        entries = len(ws.feedback.feedback) if ws.feedback is not None else 0
        self.query_one("#themes-heading", Static).update(
            Text.assemble(("Feedback by theme", "bold"), f" · {entries} entries")
        )
        if not groups:
            tree.root.add_leaf(Text("No feedback yet.", style="dim"))
            return
        for index, group in enumerate(groups):
            node = tree.root.add(
                Text.assemble((_cut(group.title, QUOTE), "bold"), f" ({len(group.entries)})"),
                expand=index == 0,
            )
            for item_id in group.items:
                line = _cut(f"→ {item_id}: {where_planned(ws, item_id)}", QUOTE + 6)
                node.add_leaf(Text(line, style="cyan"))
            for entry in group.entries:
                answer = entry.improve or entry.disliked or entry.liked or entry.experience
                answer = " ".join(answer.split())
                team = ws.team(entry.from_team)
                who = team.name if team is not None and team.name else entry.from_team
                room = max(12, QUOTE - len(who))
                if len(answer) > room:
                    answer = answer[: room - 1] + "…"
                node.add_leaf(Text.assemble((f"{who}: ", "dim"), answer))
        tree.root.expand()

    # --- reacting ------------------------------------------------------------------------------
    @on(DataTable.RowHighlighted, "#requests")
    def _row_highlighted(self) -> None:
        self._show_detail()

    @on(WorkspaceEdited)
    @on(WorkspaceReloaded)
    def _changed(self) -> None:
        self.redraw_when_shown()

    # --- deciding ------------------------------------------------------------------------------
    def action_decide(self, action: str) -> None:
        from roadmap_tui.tui.screens.choice import Choice, ChoiceScreen

        row = self.selected_row()
        if row is None:
            self.notify("No request selected.", severity="warning")
            return
        if row.decision == "open":
            self._ask(row.id, action, force=False)
            return
        reason = f" ({row.note})" if row.note else ""
        self.app.push_screen(
            ChoiceScreen(
                f"{row.id} is {row.decision}",
                f"Change the decision to {action}?{reason}",
                [Choice("change", "Change it", "y", "warning"), Choice("cancel", "Keep", "n")],
            ),
            lambda answer: self._ask(row.id, action, force=True) if answer == "change" else None,
        )

    def _ask(self, item_id: str, action: str, *, force: bool) -> None:
        """Accept at once; ask the reason (decline) or the target (merge) first."""
        from roadmap_tui.tui.screens.decide_request import DecideRequestScreen

        ids = [item.id for item in self.session.workspace.all_items()]

        def answered(decision: Decision | None) -> None:
            if decision is not None:
                self.decide(item_id, action, into=decision.into, note=decision.note, force=force)

        self.app.push_screen(DecideRequestScreen(action, item_id, ids), answered)

    def decide(
        self,
        item_id: str,
        action: str,
        *,
        into: str | None = None,
        note: str | None = None,
        force: bool = False,
    ) -> None:
        """Decide through intake and apply the result as one undoable edit."""
        from roadmap_tui.intake import decide

        ws = self.session.workspace
        try:
            edit, _ = decide(ws, item_id, action, into=into, note=note, force=force)  # type: ignore[arg-type]
        except (WorkspaceError, ValueError) as error:
            message = (
                "\n".join(p.message for p in error.problems)
                if isinstance(error, WorkspaceError)
                else str(error)
            )
            self.notify(message, title="Not decided", severity="warning")
            return
        row = self.table.cursor_row
        self.session.do(edit)
        self.notify(edit.label, title="Decided (ctrl+z undoes)", timeout=3)
        # The decided request moves down among the decided ones; the cursor stays where it
        # was, on the next request to decide.
        self._fill_requests()
        self.table.move_cursor(row=min(row, self.table.row_count - 1))

    def action_go(self) -> None:
        item_id = self.selected_id()
        show_item = getattr(self.app, "show_item", None)
        if item_id is not None and show_item is not None:
            show_item(item_id)


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
