"""The item editor: every field of an item in one form, checked as you type.

Errors stand under their field; escape leaves with nothing changed; ctrl+s (or enter in a field)
applies when nothing is wrong. The screen is dismissed with the new item, or None.
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select, Static

from roadmap_tui.models import BACKLOG, DECISIONS, KINDS, STATUSES, Item, Workspace
from roadmap_tui.tui.screens.dialog_screen import DialogScreen
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
EDITOR = "item-editor"  # the name the app's one editor is installed under


def item_editor(app: App[Any]) -> ItemEditorScreen:
    """The app's item editor: made once, kept between openings (see ItemEditorScreen)."""
    if not app.is_screen_installed(EDITOR):
        app.install_screen(ItemEditorScreen(), EDITOR)
    return app.get_screen(EDITOR, ItemEditorScreen)


def build_ahead(app: App[Any]) -> None:
    """Build the editor while the person reads the first screen, so that even its first
    opening only fills and draws it. Textual has no public call that mounts a screen off the
    stack; `_get_screen` is the one `push_screen` uses (textual is pinned in pyproject)."""
    screen = item_editor(app)
    if screen.is_running:
        return
    _, mounted = app._get_screen(screen)  # noqa: SLF001 - mount an installed screen ahead (textual pinned)

    async def lay_out() -> None:
        await mounted  # every field, its own parts included
        session = getattr(app, "session", None)
        if app.screen is screen or session is None:
            return  # opened meanwhile
        # Filled once (with an item, as an opening would) and laid out and drawn now, while
        # nobody waits: the first fill, layout and draw of ~110 widgets cost twice what later
        # ones do.
        ws = session.workspace
        location, item = next(ws.located_items(), (BACKLOG, None))
        screen.fill(ws, location, item, check=False)
        screen._refresh_layout(app.size)  # noqa: SLF001 - no public call (textual pinned)
        screen._compositor.render_update(full=True)  # noqa: SLF001 - as above

    app.call_later(lay_out)


class ItemEditorScreen(DialogScreen[Item | None]):
    """One form for every item: the app builds it once (`item_editor`) and fills it for the item
    being edited or added (`fill`); building its ~120 widgets took 0.3-0.5 s at each opening."""

    # `fill` focuses the first field. Textual's default would focus the scrolling form first, and
    # each focus change of the form restyles all of its ~110 widgets.
    AUTO_FOCUS = ""
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="cancel", tooltip="Leave; nothing changes"),
        Binding("ctrl+s", "apply", "Apply", id="apply", tooltip="Apply the changes (undo-able)"),
    ]

    def __init__(self) -> None:
        super().__init__(classes="dialog-screen")
        self._check_pending = False
        self._settled = False  # the fields' Changed messages of filling are through
        self.ws: Workspace | None = None
        self.location = BACKLOG
        self.original: Item | None = None
        self.form = form_of(None, BACKLOG)
        self.checked: Checked | None = None
        self.team_ids: list[str] = []
        self.suggest_items = SuggestInList()
        self.suggest_teams = SuggestInList()
        self.suggest_goals = SuggestInList()
        self.suggest_tags = SuggestInList()
        self._teams_offered: list[str] | None = None
        self._check_shown = True  # the item shown is checked after its first frame

    # --- layout ------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog editor"):
            yield Static("", classes="dialog-title", id="editor-title")
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
        """The field's widget, empty: `fill` gives it the item's value."""
        if name in SELECTS:
            return Select(
                [(option, option) for option in SELECTS[name]],
                allow_blank=name == "decision",
                prompt="—",
                compact=True,
                id=f"field-{name}",
            )
        if name == "team":
            return Select([], allow_blank=True, compact=True, id="field-team")
        if name == "depends_on":
            return ListField(
                (Part("id", "item id (→ completes)", None, self.suggest_items),),
                [],
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
                [],
                "+ ask",
                id="field-asks",
            )
        suggesters = {
            "goals": self.suggest_goals,
            "requested_by": self.suggest_teams,
            "merged_into": self.suggest_items,
            "tags": self.suggest_tags,
        }
        return Input(
            placeholder=PLACEHOLDERS.get(name, ""),
            suggester=suggesters.get(name),
            compact=True,
            validate_on=(),  # the form checks itself; Input's own check restyles each field
            id=f"field-{name}",
        )

    # --- filling -----------------------------------------------------------------------------
    def fill(self, ws: Workspace, location: str, item: Item | None, *, check: bool = True) -> None:
        """Show `item` of `location` (None: a new item there), as if the form were new.
        `check` False: no check of the item against the workspace (the fill that warms the
        form up while nobody looks at it)."""
        self._check_shown = check
        self.ws = ws
        self.location = location
        self.original = item
        self.form = form_of(item, location)
        self.checked = None
        self._settled = False
        self._check_pending = False
        self.suggest_items.replace(i.id for i in ws.all_items() if item is None or i.id != item.id)
        self.team_ids = [team.id for team in ws.roadmap.teams]
        self.suggest_teams.replace(self.team_ids)
        self.suggest_goals.replace(goal.id for goal in ws.roadmap.goals)
        self.suggest_tags.replace(sorted({tag for i in ws.all_items() for tag in i.tags}))
        if self.is_mounted:
            self._show_form()
        # else: on_mount shows it (the form asked for before it was built)

    def on_mount(self) -> None:
        if self.ws is not None:
            self._show_form()
        # else: built ahead (`build_ahead` lays it out once mounted)

    def _show_form(self) -> None:
        assert self.ws is not None
        where = "the backlog" if self.location == BACKLOG else self.location
        item = self.original
        title = f"Edit {item.id} in {where}" if item else f"New item in {where}"
        self.query_one("#editor-title", Static).update(title)
        values = self.form.values
        # Filling posts a Changed per field: the form is checked once, after, not per field.
        with self.prevent(Input.Changed, Select.Changed, ListField.Changed):
            for name in LABELS:
                widget = self.query_one(f"#field-{name}")
                if isinstance(widget, Input):
                    widget.value = values[name]
                    widget.disabled = name == "id" and item is not None
                    widget.cursor_position = 0  # read from its start (the first: see below)
                elif isinstance(widget, Select):
                    if name == "team":
                        self._offer_teams(widget, values["team"])
                    widget.value = values[name] or Select.NULL
            self.query_one("#field-depends_on", ListField).set_rows(
                [({"id": dep}, None) for dep in self.form.depends_on]
            )
            self.query_one("#field-asks", ListField).set_rows(
                [
                    (
                        {"team": a.team, "days": a.days, "quarter": a.quarter, "note": a.note},
                        a.extra,
                    )
                    for a in self.form.asks
                ]
            )
        for name in LABELS:
            self.query_one(f"#error-{name}", Static).display = False
            self.query_one(f"#row-{name}").remove_class("-invalid")
        self.query_one("#editor-form", VerticalScroll).scroll_home(animate=False)
        first = self.query_one(f"#field-{'title' if item is not None else 'id'}", Input)
        first.focus()
        first.cursor_position = len(first.value)  # typing goes on from the end, as in a new form
        self._show_status()
        if item is not None and self._check_shown:
            self._check_pending = True  # after the first frame, with the rows just mounted
            self.call_after_refresh(self._check_now)
        else:
            self._settled = True  # a new item: errors show as the person types

    def _offer_teams(self, select: Select[str], team: str) -> None:
        """The workspace's teams, and the item's own if unknown (shown so its error can be read
        and fixed); the options are rebuilt only when they change."""
        assert self.ws is not None
        teams = list(self.team_ids)
        if team and team not in teams:
            teams.append(team)
        if teams != self._teams_offered:
            select.set_options([(t, t) for t in teams])
            self._teams_offered = teams
        select.prompt = f"(owner) {self.ws.owner}"

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
        assert self.ws is not None
        checked = check(self.ws, self.location, self.original, self.read_form())
        self.checked = checked
        for name in LABELS:
            messages = checked.errors.get(name, [])
            notes = checked.warnings.get(name, [])
            error = self.query_one(f"#error-{name}", Static)
            lines = [f"✗ {m}" for m in messages] + [f"! {m}" for m in notes]
            _say(error, "\n".join(lines))
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
            _say(status, f"✗ {count} error{'s' * (count != 1)}: fix to apply · esc cancels")
            status.add_class("-invalid")
        else:
            _say(status, "ctrl+s or enter applies · esc cancels, changing nothing")
            status.remove_class("-invalid")

    @on(Input.Changed)
    @on(Select.Changed)
    @on(ListField.Changed)
    def _changed(self) -> None:
        """Check the form again as you type. Mounting the form posts a Changed per field, and
        each check validates the whole workspace: those are checked once, after the first
        frame."""
        if not self.is_mounted or self.ws is None:
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


def _say(line: Static, text: str) -> None:
    """Show `text` unless it is shown already: each update lays the whole form out again (a
    check as the form opens set 22 lines to what they were, and cost a frame)."""
    if str(line.content) != text:
        line.update(text)


def _extra(extra: object) -> dict[str, Any]:
    return dict(extra) if isinstance(extra, dict) else {}
