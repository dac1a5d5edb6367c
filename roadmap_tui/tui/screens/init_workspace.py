"""No workspace where the app was pointed: offer `roadmap init` (a copy of the example)."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Static


class InitWorkspaceScreen(Screen[bool]):
    """Dismissed with True to create the workspace; quitting is the other way out."""

    BINDINGS = [
        Binding("i", "create", "Create it", id="init", tooltip="roadmap init: copy the example"),
    ]

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(classes="dialog"):
            yield Static("No workspace here", classes="dialog-title")
            yield Static(
                f"{self.path} holds no roadmap.toml.\n\n"
                "Create a workspace there from the example (what `roadmap init` does):\n"
                "a roadmap.toml with teams and capacity, quarter plans and a backlog to edit.\n"
                f"Or quit and open another folder with `roadmap -w FOLDER`.",
                classes="dialog-message",
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Create it (i)", id="create", variant="primary")
                yield Button("Quit (q)", id="quit")
        yield Footer()

    @on(Button.Pressed, "#create")
    def action_create(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#quit")
    def _quit(self) -> None:
        self.app.exit()
