"""The help screen (?): what the app is for, and the keys of the view it was opened from."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from roadmap_tui.tui.screens.dialog_screen import DialogScreen

INTRO = (
    "Quarterly plans of the workspace, kept in TOML files (usually in git). Every change is an"
    " edit you can undo (ctrl+z) and redo (ctrl+y); nothing reaches the files until you save"
    " (ctrl+s). The header says when there are unsaved changes. ctrl+p finds any action, and"
    " any item by id or title."
)


def keys_table(bindings: list[tuple[str, str, str]]) -> Table:
    """The keys as a plain table (a Markdown widget took 0.3 s to open)."""
    table = Table(box=None, padding=(0, 2, 0, 0), show_header=True, header_style="bold")
    table.add_column("Key", style="bold cyan", no_wrap=True)
    table.add_column("Action", no_wrap=True)
    table.add_column("", style="dim")
    for key, description, tooltip in bindings:
        table.add_row(key, description, tooltip)
    return table


class HelpScreen(DialogScreen[None]):
    BINDINGS = [
        Binding("escape", "close", "Close", id="close-help", tooltip="Back to the view"),
        Binding("question_mark", "close", "Close", show=False, id="close-help-2"),
    ]

    def __init__(self, bindings: list[tuple[str, str, str]]) -> None:
        super().__init__(classes="dialog-screen")
        self.bindings = bindings

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog help"):
            with VerticalScroll():
                yield Static(
                    Group(
                        Text("roadmap", style="bold"),
                        Text(INTRO + "\n"),
                        Text("Keys", style="bold"),
                        keys_table(self.bindings),
                    )
                )
            yield Static("esc closes", classes="dialog-hint")

    def action_close(self) -> None:
        self.dismiss(None)
