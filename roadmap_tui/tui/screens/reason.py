"""Why an item moves (defer, pull in, backlog, plan, drop, or an edit of a settled quarter).

One dialog for every move: the reason is prefilled and becomes the item's note (and so the
impact's and the deck's reason); enter confirms. Guard rails are questions in the same dialog: a
settled, current or past quarter ("2026-Q3 is po-approved: this reopens it"), a quarter that does
not exist yet or gives no capacity.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Static

from roadmap_tui.tui.screens.dialog_screen import DialogScreen


class ReasonScreen(DialogScreen[str | None]):
    """Dismissed with the reason ("" for none, when allowed), or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel", tooltip="Change nothing")]

    def __init__(
        self,
        title: str,
        subject: str,
        reason: str,
        *,
        warnings: list[str] | None = None,
        confirm: str = "Move",
        required: bool = False,
    ) -> None:
        super().__init__(classes="dialog-screen")
        self.title_text = title
        self.subject = subject
        self.reason = reason
        self.warnings = list(warnings or ())
        self.confirm = confirm
        self.required = required

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog reason"):
            yield Static(self.title_text, classes="dialog-title")
            if self.subject:
                yield Static(self.subject, classes="dialog-message")
            for warning in self.warnings:
                yield Static(f"⚠ {warning}", classes="dialog-warning")
            yield Input(
                self.reason,
                placeholder="why (required)" if self.required else "why: the item's note",
                id="reason",
                select_on_focus=False,
            )
            yield Static("", id="reason-error", classes="field-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button(f"{self.confirm} (enter)", id="confirm", variant="primary")
                yield Button("Cancel (esc)", id="cancel")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#confirm")
    def _confirm(self) -> None:
        reason = self.query_one(Input).value.strip()
        if self.required and not reason:
            error = self.query_one("#reason-error", Static)
            error.update("✗ say why")
            error.display = True
            return
        self.dismiss(reason)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
