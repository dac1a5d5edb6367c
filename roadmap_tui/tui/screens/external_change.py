"""Files changed on disk since the app read them (found on save, or while open): what changed,
per item, and what to do: re-apply my edits on theirs, reload (lose mine), overwrite, or cancel."""

from __future__ import annotations

from pathlib import Path

from roadmap_tui.tui.screens.choice import Choice, ChoiceScreen

SHOWN = 12  # changed items listed; the rest counted


class ExternalChangeScreen(ChoiceScreen):
    def __init__(
        self, paths: list[Path], changes: list[str], *, unsaved: int, saving: bool = True
    ) -> None:
        names = ", ".join(path.name for path in paths)
        lines = [f"  • {line}" for line in changes[:SHOWN]]
        if len(changes) > SHOWN:
            lines.append(f"  … and {len(changes) - SHOWN} more")
        if not changes:
            lines = ["  (no item changed: comments or layout only)"]
        message = f"Changed outside the app: {names}\n" + "\n".join(lines)
        choices: list[Choice] = []
        if unsaved:
            message += (
                f"\n\nYou have {unsaved} unsaved edit{'s' * (unsaved != 1)}. Re-apply puts them"
                " on top of these changes; the same field changed on both sides is yours to pick."
            )
            choices.append(Choice("reapply", "Reload and re-apply my edits", "a", "primary"))
            choices.append(Choice("reload", "Reload (lose my edits)", "r", "warning"))
        else:
            choices.append(Choice("reload", "Reload", "r", "primary"))
        if saving:
            choices.append(Choice("overwrite", "Overwrite (keep mine)", "o", "error"))
        choices.append(Choice("cancel", "Cancel" if saving else "Later", "c"))
        super().__init__("Files changed on disk", message, choices)
