"""The open workspace of the terminal app: one state object with undo, redo, dirty state and save.

No Textual here: screens call these methods and react to what they return, and tests drive a
session without a terminal.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from roadmap_tui.models import Problem, Workspace
from roadmap_tui.models.edits import Edit, HeaderChange, apply
from roadmap_tui.storage import SaveResult, WorkspaceStore
from roadmap_tui.storage.recovery import Journal, Recovered, find_recovery
from roadmap_tui.workbench.merge import ConflictKey, Rebased, disk_changes, rebase

Listener = Callable[[Edit], None]


class Session:
    """A workspace opened for editing."""

    def __init__(self, store: WorkspaceStore, *, journal: bool = False) -> None:
        self.store = store
        # The crash-recovery journal of unsaved edits (the app turns it on; tests may not).
        self.journal: Journal | None = None
        if journal and store.source.folder is not None:
            self.journal = Journal(store.source.folder)
        self.workspace: Workspace = store.workspace
        self._undo: list[Edit] = []
        self._redo: list[Edit] = []
        self._saved_depth = 0  # len(_undo) when the files last matched the workspace
        self._saved_marker: Edit | None = None
        self.listeners: list[Listener] = []

    @classmethod
    def open(cls, path: Path, *, journal: bool = False) -> Session:
        return cls(WorkspaceStore.open(path), journal=journal)

    # --- crash recovery ----------------------------------------------------------------------
    def _files(self) -> dict[str, bytes]:
        return {name: file.data for name, file in self.store.loaded.files.items()}

    def find_recovery(self) -> Recovered | None:
        """Unsaved edits a crashed session left for this workspace."""
        folder = self.store.source.folder
        return find_recovery(folder, self._files()) if folder is not None else None

    def restore(self, recovered: Recovered) -> int:
        """Redo recovered edits; returns how many applied (it stops at the first that no longer fits)."""
        applied = 0
        for edit in recovered.edits:
            try:
                self.do(edit)
            except (KeyError, IndexError):
                break
            applied += 1
        return applied

    def start_journal(self) -> None:
        if self.journal is not None:
            self.journal.start(self._files())

    def close(self) -> None:
        """A clean end: unsaved edits were saved or knowingly discarded."""
        if self.journal is not None:
            self.journal.discard()

    @property
    def path(self) -> Path:
        folder = self.store.source.folder
        assert folder is not None
        return folder

    @property
    def problems(self) -> list[Problem]:
        return self.store.problems

    # --- editing -----------------------------------------------------------------------------
    def do(self, edit: Edit) -> None:
        apply(self.workspace, edit)
        self._undo.append(edit)
        self._redo.clear()
        self._journal("do", edit)
        self._notify(edit)

    def undo(self) -> Edit | None:
        if not self._undo:
            return None
        edit = self._undo.pop()
        apply(self.workspace, edit.inverse())
        self._drop_created_quarters(edit)
        self._redo.append(edit)
        self._journal("undo")
        self._notify(edit.inverse())
        return edit

    def redo(self) -> Edit | None:
        if not self._redo:
            return None
        edit = self._redo.pop()
        apply(self.workspace, edit)
        self._undo.append(edit)
        self._journal("redo")
        self._notify(edit)
        return edit

    def _drop_created_quarters(self, undone: Edit) -> None:
        """A quarter the undone edit created, now empty and never saved, goes away again (so
        undoing a defer past the last quarter leaves no empty quarter file to be written)."""
        for change in undone.changes:
            if not isinstance(change, HeaderChange) or change.before is not None:
                continue
            plan = self.workspace.quarters.get(change.quarter)
            on_disk = f"{change.quarter}.toml" in self.store.loaded.files
            if plan is not None and not plan.items and not on_disk:
                del self.workspace.quarters[change.quarter]

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    @property
    def history(self) -> list[Edit]:
        return list(self._undo)

    @property
    def unsaved(self) -> list[Edit]:
        """The edits the files do not hold: those after the last save (and, when undo went back
        past the save, the saved edits undone since, as their undoing)."""
        depth = self._saved_depth
        if depth <= len(self._undo) and (depth == 0 or self._undo[depth - 1] is self._saved_marker):
            return self._undo[depth:]
        missing = depth - len(self._undo)
        if 0 < missing <= len(self._redo) and self._redo[-missing] is self._saved_marker:
            return [edit.inverse() for edit in self._redo[-missing:]]
        return list(self._undo)  # undone past the save and edited since: all of it

    @property
    def dirty(self) -> bool:
        """Unsaved edits: the undo history is not where it was at the last save."""
        marker = self._undo[-1] if self._undo else None
        return len(self._undo) != self._saved_depth or marker is not self._saved_marker

    def _journal(self, op: str, edit: Edit | None = None) -> None:
        if self.journal is not None:
            if not self.journal.is_open:  # the first edit since opening or saving
                self.journal.start(self._files())
            self.journal.record(op, edit)

    def _notify(self, edit: Edit) -> None:
        for listener in self.listeners:
            listener(edit)

    # --- files -------------------------------------------------------------------------------
    def save(self, *, force: bool = False) -> SaveResult:
        result = self.store.save(self.workspace, force=force)
        self._saved_depth = len(self._undo)
        self._saved_marker = self._undo[-1] if self._undo else None
        if self.journal is not None:
            self.journal.discard()  # the files hold everything now; the next edit starts anew
        return result

    def changed_on_disk(self) -> list[Path]:
        return self.store.changed_on_disk()

    def reload(self) -> None:
        """Read the files again, dropping unsaved edits and the history."""
        self.store = WorkspaceStore.open(self.path)
        self.workspace = self.store.workspace
        if self.journal is not None:
            self.journal.discard()
        self._undo.clear()
        self._redo.clear()
        self._saved_depth = 0
        self._saved_marker = None

    # --- files changed outside ---------------------------------------------------------------
    def read_disk(self) -> WorkspaceStore:
        """The files as they are on disk now (raises WorkspaceError when they do not load)."""
        return WorkspaceStore.open(self.path)

    def disk_changes(self, disk: WorkspaceStore) -> list[str]:
        """Per item, what changed on disk since the files were read."""
        return disk_changes(self._read_workspace(), disk.workspace)

    def _read_workspace(self) -> Workspace:
        """The workspace as the files held it when read (the edits undone on a copy)."""
        copy = self.workspace.model_copy(deep=True)
        for edit in reversed(self.unsaved):
            apply(copy, edit.inverse())
        return copy

    def preview_merge(self, disk: WorkspaceStore) -> Rebased:
        """What re-applying the unsaved edits on `disk` gives, conflicts unresolved (theirs)."""
        return rebase(self.unsaved, disk.workspace.model_copy(deep=True), set())

    def merge(self, disk: WorkspaceStore, keep_mine: set[ConflictKey]) -> Rebased:
        """Take the files as on disk and re-apply the unsaved edits on them, field by field;
        the re-applied edits stay undoable (the history before the last save is gone with the
        files it was made on)."""
        edits = self.unsaved
        rebased = rebase(edits, disk.workspace, keep_mine)
        self.store = disk
        self.workspace = disk.workspace
        if self.journal is not None:
            self.journal.discard()
            if rebased.edits:
                self.journal.start(self._files())
                for edit in rebased.edits:
                    self.journal.record("do", edit)
        self._undo = list(rebased.edits)
        self._redo = []
        self._saved_depth = 0
        self._saved_marker = None
        return rebased
