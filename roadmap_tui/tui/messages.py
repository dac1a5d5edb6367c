"""Messages the app sends its views when the open workspace changes."""

from __future__ import annotations

from textual.message import Message

from roadmap_tui.models.edits import Edit


class WorkspaceEdited(Message):
    """An edit was applied to the workspace (`edit` is the inverse when undoing)."""

    def __init__(self, edit: Edit) -> None:
        super().__init__()
        self.edit = edit


class WorkspaceReloaded(Message):
    """The workspace was read again from disk: everything shown must be built anew."""
