"""The name of a new scenario made from the current state (saved files plus unsaved edits)."""

from __future__ import annotations

import re

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Static

from roadmap_tui.tui.screens.dialog_screen import DialogScreen

NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")  # as storage accepts scenario names


class ScenarioNameScreen(DialogScreen["str | None"]):
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="cancel-scenario", tooltip="Write nothing")
    ]

    def __init__(self, proposed: str) -> None:
        super().__init__(classes="dialog-screen")
        self.proposed = proposed

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("New scenario from the current state", classes="dialog-title")
            yield Static(
                "Copies the plans with your unsaved edits into scenarios/NAME/;"
                " the workspace itself is not changed."
            )
            yield Input(self.proposed, id="scenario-name")
            yield Static("", id="scenario-error", classes="field-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Create", id="create", variant="primary")
                yield Button("Cancel (esc)", id="cancel")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#create")
    def _create(self) -> None:
        name = self.query_one(Input).value.strip()
        if not NAME.match(name):
            error = self.query_one("#scenario-error", Static)
            error.update("letters, digits, '.', '_' and '-' only, starting with a letter or digit")
            error.display = True
            return
        self.dismiss(name)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
