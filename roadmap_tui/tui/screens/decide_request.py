"""Decide a request: accept (note optional), decline (the reason, required) or merge it into an
item (id completion with tab or →)."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Static

from roadmap_tui.tui.screens.dialog_screen import DialogScreen
from roadmap_tui.tui.widgets.suggest import suggest_one


@dataclass(frozen=True)
class Decision:
    into: str | None  # the item merged into
    note: str | None  # the reason


class DecideRequestScreen(DialogScreen["Decision | None"]):
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="cancel-decide", tooltip="Decide nothing"),
        Binding("tab", "complete", "Complete", show=False, priority=True, id="complete-id"),
    ]

    def __init__(self, action: str, request: str, item_ids: list[str]) -> None:
        super().__init__(classes="dialog-screen")
        self.action = action  # accept | decline | merge
        self.request = request
        self.item_ids = [i for i in item_ids if i != request]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            if self.action == "merge":
                yield Static(f"Merge {self.request} into…", classes="dialog-title")
                yield Input(
                    placeholder="item id (tab or → completes)",
                    suggester=suggest_one(self.item_ids),
                    id="decide-into",
                )
                yield Static("Note (optional)", classes="field-label")
                yield Input(placeholder="why, for the requesting team", id="decide-note")
            elif self.action == "accept":
                yield Static(f"Accept {self.request}", classes="dialog-title")
                yield Static("The note is kept with the request and told to the team.")
                yield Input(placeholder="note (optional)", id="decide-note")
            else:
                yield Static(f"Decline {self.request}", classes="dialog-title")
                yield Static("The reason is kept with the request and told to the team.")
                yield Input(placeholder="why it is declined (required)", id="decide-note")
            yield Static("", id="decide-error", classes="field-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button(f"{self.action.capitalize()} (enter)", id="decide", variant="primary")
                yield Button("Cancel (esc)", id="cancel")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def _error(self, message: str) -> None:
        error = self.query_one("#decide-error", Static)
        error.update(message)
        error.display = True

    @on(Input.Submitted)
    @on(Button.Pressed, "#decide")
    def _decide(self) -> None:
        note = self.query_one("#decide-note", Input).value.strip() or None
        if self.action == "merge":
            into = self.query_one("#decide-into", Input).value.strip()
            matches = [i for i in self.item_ids if i.casefold() == into.casefold()]
            if not matches:
                if into.casefold() == self.request.casefold():
                    self._error(f"{self.request} cannot be merged into itself")
                else:
                    self._error(f"no item {into!r}" if into else "name the item to merge into")
                return
            self.dismiss(Decision(matches[0], note))
            return
        if note is None and self.action == "decline":
            self._error("a declined request needs the reason")
            return
        self.dismiss(Decision(None, note))

    def action_complete(self) -> None:
        """Tab takes the completion the id field offers (as its placeholder says); else it
        moves on to the next field."""
        field = self.focused
        if isinstance(field, Input) and field.id == "decide-into" and field.value:
            before = field.value
            field.cursor_position = len(before)
            field.action_cursor_right()  # at the end, this takes the suggestion
            if field.value != before:
                return
        self.focus_next()

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
