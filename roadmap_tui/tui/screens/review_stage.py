"""Advance or set a quarter's review stage, saying who and why; it goes to the review log."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Select, Static

from roadmap_tui.models import STAGES, QuarterHeader
from roadmap_tui.tui.screens.dialog_screen import DialogScreen


@dataclass(frozen=True)
class StageChoice:
    stage: str
    by: str
    note: str
    # going back to an earlier stage: asked after this dialog (the rule: planning/stages.py)
    reopen: bool = False


class ReviewStageScreen(DialogScreen[StageChoice | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel", tooltip="Change nothing")]

    def __init__(
        self,
        header: QuarterHeader,
        proposed: str,
        check: Callable[[StageChoice], str | None],
    ) -> None:
        super().__init__(classes="dialog-screen")
        self.header = header
        self.proposed = proposed
        self.check = check  # what is wrong with a choice (from planning), or None

    def compose(self) -> ComposeResult:
        header = self.header
        last = header.reviews[-1] if header.reviews else None
        with Vertical(classes="dialog"):
            yield Static(f"Review stage of {header.id}", classes="dialog-title")
            now = f"Now: {header.stage}"
            if last is not None:
                now += (
                    f" (last: {last.stage} by {last.by or '?'}"
                    + (f" on {last.on}" if last.on else "")
                    + ")"
                )
            yield Static(now, classes="dialog-message")
            yield Label("Stage")
            yield Select(
                [(stage, stage) for stage in STAGES],
                value=self.proposed,
                allow_blank=False,
                id="stage",
            )
            yield Label("By (who reviewed or approved)")
            yield Input(placeholder="e.g. infra-platform refinement", id="by")
            yield Label("Note")
            yield Input(placeholder="what was decided (optional)", id="note")
            yield Static("", id="stage-error", classes="field-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Set stage (enter)", id="set", variant="primary")
                yield Button("Cancel (esc)", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#by", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#set")
    def _set(self) -> None:
        stage = self.query_one("#stage", Select).value
        choice = StageChoice(
            str(stage),
            self.query_one("#by", Input).value.strip(),
            self.query_one("#note", Input).value.strip(),
        )
        problem = self.check(choice)
        if problem is not None:
            self.query_one("#stage-error", Static).update(f"✗ {problem}")
            self.query_one("#by", Input).focus()
            return
        self.dismiss(choice)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
