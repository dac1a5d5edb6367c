"""A question with a few answers, each a button with its own key; escape is the last answer."""

from __future__ import annotations

from dataclasses import dataclass

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from roadmap_tui.tui.screens.dialog_screen import DialogScreen

ButtonVariant = str
STACK_FROM = 64  # cells of buttons (label, key, border and margin) that fit a dialog at 80x24


@dataclass(frozen=True)
class Choice:
    answer: str  # what the screen is dismissed with
    label: str
    key: str  # a single key that picks it
    variant: str = "default"  # primary | error | warning | default


class ChoiceScreen(DialogScreen[str]):
    """Dismissed with the `answer` of the chosen button; escape picks the last choice."""

    def __init__(self, title: str, message: str, choices: list[Choice]) -> None:
        super().__init__(classes="dialog-screen")
        self.title_text = title
        self.message = message
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.title_text, classes="dialog-title")
            yield Static(self.message, classes="dialog-message")
            # Buttons side by side while they fit the narrowest dialog (80 columns), else stacked.
            width = sum(len(choice.label) + 9 for choice in self.choices)
            stacked = " stacked" if width > STACK_FROM else ""
            with Horizontal(classes=f"dialog-buttons{stacked}"):
                for choice in self.choices:
                    yield Button(
                        f"{choice.label} ({choice.key})",
                        id=f"choice-{choice.answer}",
                        variant=choice.variant,  # type: ignore[arg-type]
                    )

    def on_mount(self) -> None:
        self.query_one(Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        answer = (event.button.id or "").removeprefix("choice-")
        self.dismiss(answer)

    def on_key(self, event: events.Key) -> None:
        if event.key == "escape":
            event.stop()
            self.dismiss(self.choices[-1].answer)
            return
        for choice in self.choices:
            if event.key == choice.key:
                event.stop()
                self.dismiss(choice.answer)
                return
