"""Saving found files changed on disk since they were read: Reload, Overwrite or Cancel."""

from __future__ import annotations

from pathlib import Path

from roadmap_tui.tui.screens.choice import Choice, ChoiceScreen


class ExternalChangeScreen(ChoiceScreen):
    def __init__(self, paths: list[Path]) -> None:
        names = "\n".join(f"  • {path.name}" for path in paths)
        message = (
            "Someone (or something) changed these files since the app read them:\n"
            f"{names}\n\n"
            "Reload reads them again and loses your unsaved edits.\n"
            "Overwrite writes your version over theirs."
        )
        super().__init__(
            "Files changed on disk",
            message,
            [
                Choice("reload", "Reload (lose my edits)", "r", "warning"),
                Choice("overwrite", "Overwrite (keep mine)", "o", "error"),
                Choice("cancel", "Cancel", "c"),
            ],
        )
