"""The item editor: every field of an item in one form, checked as you type.

Errors stand under their field; escape leaves with nothing changed; ctrl+s (or enter in a field)
applies when nothing is wrong. The screen is dismissed with the new item, or None.
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select, Static

from roadmap_tui.models import BACKLOG, DECISIONS, KINDS, STATUSES, Item, Workspace
from roadmap_tui.tui.widgets.list_field import ListField, Part
from roadmap_tui.tui.widgets.suggest import SuggestInList
from roadmap_tui.workbench.item_form import AskRow, Checked, ItemForm, check, form_of

# The fields in the order of the form.
LABELS: dict[str, str] = {
    "id": "Id",
    "title": "Title",
    "kind": "Kind",
    "status": "Status",
    "team": "Team",
    "estimate": "Estimate",
    "score": "Score inputs",
    "depends_on": "Depends on",
    "asks": "Asks",
    "goals": "Goals",
    "tags": "Tags",
    "requested_by": "Requested by",
    "carried_from": "Carried from",
    "note": "Note",
    "description": "Description",
    "link": "Link",
    "source": "Source",
    "decision": "Decision",
    "merged_into": "Merged into",
    "received": "Received",
    "done_on": "Done on",
}
PLACEHOLDERS: dict[str, str] = {
    "id": "e.g. SPACELIFT-MIGRATION (letters, digits, . _ -)",
    "title": "what it is, in a line",
    "estimate": "person-days of the owning team (empty: unestimated)",
    "score": "value = 8, effort = 3",
    "goals": "goal ids, comma-separated (→ completes)",
    "tags": "comma-separated",
    "requested_by": "team ids, comma-separated (→ completes)",
    "carried_from": "YYYY-Qn, when a leftover was carried over",
    "note": "latest reason for a change (shown in impact tables)",
    "description": "",
    "link": "https://…",
    "source": "where a request came from",
    "merged_into": "item id (when decision = merged)",
    "received": "YYYY-MM-DD",
    "done_on": "YYYY-MM-DD",
}
SELECTS: dict[str, tuple[str, ...]] = {"kind": KINDS, "status": STATUSES, "decision": DECISIONS}
ASK_PARTS_WIDTHS = {"team": 22, "days": 6, "quarter": 10}


class ItemEditorScreen(ModalScreen[Item | None]):
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="cancel", tooltip="Leave; nothing changes"),
        Binding("ctrl+s", "apply", "Apply", id="apply", tooltip="Apply the changes (undo-able)"),
    ]

    def __init__(self, ws: Workspace, location: str, item: Item | None) -> None:
        super().__init__(classes="dialog-screen")
        self._check_pending = False
        self._settled = False  # the fields' Changed messages of mounting are through
        self.ws = ws
        self.location = location
        self.original = item
        self.form = form_of(item, location)
        self.checked: Checked | None = None
        item_ids = [i.id for i in ws.all_items() if item is None or i.id != item.id]
        self.team_ids = [team.id for team in ws.roadmap.teams]
        self.suggest_items = SuggestInList(item_ids)
        self.suggest_teams = SuggestInList(self.team_ids)

    # --- layout ------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        where = "the backlog" if self.location == BACKLOG else self.location
        title = f"Edit {self.original.id} in {where}" if self.original else f"New item in {where}"
        with Vertical(classes="dialog editor"):
            yield Static(title, classes="dialog-title")
            with VerticalScroll(id="editor-form"):
                for name in LABELS:
                    with Horizontal(classes="field-row", id=f"row-{name}"):
                        yield Label(LABELS[name], classes="field-label")
                        yield self._widget(name)
                    yield Static("", classes="field-error", id=f"error-{name}")
            yield Static("", id="editor-status")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Apply (ctrl+s)", id="apply", variant="primary")
                yield Button("Cancel (esc)", id="cancel")

    def _widget(self, name: str) -> Widget:
        values = self.form.values
        if name in SELECTS:
            options = list(SELECTS[name])
            return Select(
                [(option, option) for option in options],
                value=values[name] or Select.NULL,
                allow_blank=name == "decision",
                prompt="—",
                compact=True,
                id=f"field-{name}",
            )
        if name == "team":
            teams = list(self.team_ids)
            if values["team"] and values["team"] not in teams:
                teams.append(values["team"])  # unknown: shown so the error can be read and fixed
            return Select(
                [(team, team) for team in teams],
                value=values["team"] or Select.NULL,
                allow_blank=True,
                prompt=f"(owner) {self.ws.owner}",
                compact=True,
                id="field-team",
            )
        if name == "depends_on":
            return ListField(
                (Part("id", "item id (→ completes)", None, self.suggest_items),),
                [({"id": dep}, None) for dep in self.form.depends_on],
                "+ dependency",
                id="field-depends_on",
            )
        if name == "asks":
            return ListField(
                (
                    Part(
                        "team", "team (→ completes)", ASK_PARTS_WIDTHS["team"], self.suggest_teams
                    ),
                    Part("days", "days", ASK_PARTS_WIDTHS["days"]),
                    Part("quarter", "quarter", ASK_PARTS_WIDTHS["quarter"]),
                    Part("note", "note"),
                ),
                [
                    (
                        {"team": a.team, "days": a.days, "quarter": a.quarter, "note": a.note},
                        a.extra,
                    )
                    for a in self.form.asks
                ],
                "+ ask",
                id="field-asks",
            )
        suggester: SuggestInList | None = None  # built for its own field only
        if name == "goals":
            suggester = SuggestInList(goal.id for goal in self.ws.roadmap.goals)
        elif name == "requested_by":
            suggester = self.suggest_teams
        elif name == "merged_into":
            suggester = self.suggest_items
        elif name == "tags":
            suggester = SuggestInList(sorted({tag for i in self.ws.all_items() for tag in i.tags}))
        return Input(
            values[name],
            placeholder=PLACEHOLDERS.get(name, ""),
            suggester=suggester,
            compact=True,
            disabled=name == "id" and self.original is not None,
            id=f"field-{name}",
        )

    def on_mount(self) -> None:
        first = "title" if self.original is not None else "id"
        self.query_one(f"#field-{first}", Input).focus()
        if self.original is not None:
            self._check_pending = True  # after the first frame, with the fields' own changes
            self.call_after_refresh(self._check_now)
        else:
            self._show_status()

    # --- reading and checking ----------------------------------------------------------------
    def read_form(self) -> ItemForm:
        values = dict(self.form.values)
        for name in values:
            widget = self.query_one(f"#field-{name}")
            if isinstance(widget, Input):
                values[name] = widget.value
            elif isinstance(widget, Select):
                value: Any = widget.value
                values[name] = "" if value is Select.NULL else str(value)
        deps = [row["id"] for row, _ in self.query_one("#field-depends_on", ListField).rows()]
        asks = [
            AskRow(row["team"], row["days"], row["quarter"], row["note"], _extra(extra))
            for row, extra in self.query_one("#field-asks", ListField).rows()
        ]
        return ItemForm(values, deps, asks)

    def revalidate(self) -> Checked:
        checked = check(self.ws, self.location, self.original, self.read_form())
        self.checked = checked
        for name in LABELS:
            messages = checked.errors.get(name, [])
            notes = checked.warnings.get(name, [])
            error = self.query_one(f"#error-{name}", Static)
            lines = [f"✗ {m}" for m in messages] + [f"! {m}" for m in notes]
            error.update("\n".join(lines))
            error.display = bool(lines)
            error.set_class(not messages and bool(notes), "-warning")
            self.query_one(f"#row-{name}").set_class(bool(messages), "-invalid")
        self._show_status()
        return checked

    def _show_status(self) -> None:
        status = self.query_one("#editor-status", Static)
        checked = self.checked
        count = sum(len(m) for m in checked.errors.values()) if checked else 0
        if count:
            status.update(f"✗ {count} error{'s' * (count != 1)}: fix to apply · esc cancels")
            status.add_class("-invalid")
        else:
            status.update("ctrl+s or enter applies · esc cancels, changing nothing")
            status.remove_class("-invalid")

    @on(Input.Changed)
    @on(Select.Changed)
    @on(ListField.Changed)
    def _changed(self) -> None:
        """Check the form again as you type. Mounting the form posts a Changed per field, and
        each check validates the whole workspace: those are checked once, after the first
        frame."""
        if not self.is_mounted:
            return
        if self._settled:
            self.revalidate()
        elif not self._check_pending:
            self._check_pending = True
            self.call_after_refresh(self._check_now)

    def _check_now(self) -> None:
        self._check_pending = False
        self._settled = True
        self.revalidate()

    # --- leaving -----------------------------------------------------------------------------
    @on(Input.Submitted)
    @on(Button.Pressed, "#apply")
    def action_apply(self) -> None:
        checked = self.revalidate()
        if checked.item is None:
            first = next(name for name in LABELS if name in checked.errors)
            widget = self.query_one(f"#field-{first}")
            if widget.focusable and not widget.disabled:
                widget.focus()
            widget.scroll_visible()
            self.notify("Fix the errors first (esc cancels).", severity="error", timeout=3)
            return
        if self.original is not None and checked.item == self.original:
            self.notify("No changes.", timeout=2)
            self.dismiss(None)
            return
        self.dismiss(checked.item)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


def _extra(extra: object) -> dict[str, Any]:
    return dict(extra) if isinstance(extra, dict) else {}
