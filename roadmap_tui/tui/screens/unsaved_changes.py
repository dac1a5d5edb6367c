"""Quitting with unsaved changes: Save, Discard or Cancel."""

from __future__ import annotations

from roadmap_tui.models.edits import Edit
from roadmap_tui.tui.screens.choice import Choice, ChoiceScreen

SHOWN = 5


class UnsavedChangesScreen(ChoiceScreen):
    def __init__(self, edits: list[Edit]) -> None:
        count = len(edits)
        lines = [f"  • {edit.label}" for edit in edits[-SHOWN:]]
        if count > SHOWN:
            lines.insert(0, f"  … and {count - SHOWN} earlier")
        message = f"{count} edit{'s' * (count != 1)} not saved to the plan files:\n" + "\n".join(
            lines
        )
        super().__init__(
            "Quit with unsaved changes?",
            message,
            [
                Choice("save", "Save and quit", "s", "primary"),
                Choice("discard", "Discard and quit", "d", "error"),
                Choice("cancel", "Cancel", "c"),
            ],
        )
