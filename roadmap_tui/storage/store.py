"""An open workspace: what was read, and safe saving back to the same files."""

from __future__ import annotations

import copy
import os
import tomllib
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from roadmap_tui.models import Item, Problem, Workspace, WorkspaceError
from roadmap_tui.storage.atomic import (
    SAVE_JOURNAL,
    TEMP_PREFIX,
    Finished,
    atomic_write_all,
    clean_temp_files,
    finish_interrupted_save,
)
from roadmap_tui.storage.fingerprints import fingerprint
from roadmap_tui.storage.limits import check_written
from roadmap_tui.storage.loader import Loaded, LoadedFile, load_source
from roadmap_tui.storage.lock import LOCK_NAME, workspace_lock
from roadmap_tui.storage.sources import Source, folder_of, read_folder, resolve_source

if TYPE_CHECKING:
    from roadmap_tui.storage.writer import Origin

# The writer (tomlkit) and the lock (filelock) are imported where a save needs them: commands
# that only read (validate, check, score, ...) never pay for them.


def _saved_here(folder: Path) -> bool:
    """Whether a save ever began in this folder (the lock file, a journal, a temp file)."""
    try:
        with os.scandir(folder) as entries:
            return any(
                e.name in (LOCK_NAME, SAVE_JOURNAL) or e.name.startswith(TEMP_PREFIX)
                for e in entries
            )
    except OSError:
        return False


@contextmanager
def _lock_or_none(folder: Path) -> Iterator[bool]:
    """The workspace's lock, or False when it cannot be taken (a folder without write access)."""
    if not folder.is_dir():
        yield False
        return
    from filelock import Timeout

    lock = workspace_lock(folder)
    try:
        lock.acquire()
    except Timeout:
        raise WorkspaceError(
            [Problem(str(folder), "another roadmap process is saving this workspace; try again")]
        ) from None
    except OSError:
        yield False
        return
    try:
        yield True
    finally:
        lock.release()


class ExternalChangeError(Exception):
    """Files changed on disk since they were read; saving would overwrite someone's work."""

    def __init__(self, paths: list[Path]) -> None:
        self.paths = paths
        names = ", ".join(str(p) for p in paths)
        super().__init__(f"changed on disk since it was read: {names} (reload, or save with force)")


@dataclass
class SaveResult:
    written: list[Path]


class WorkspaceStore:
    """A workspace read from a folder (or another source), and the one way back to disk."""

    def __init__(
        self, loaded: Loaded, finished: Finished | None = None, *, read_only: bool = False
    ) -> None:
        self.loaded = loaded
        # Opened for reading only: what a save compares against was not kept.
        self.read_only = read_only
        # A multi-file save that was killed between its renames, finished when this was opened.
        self.finished_save = finished
        self._known: dict[str, dict[str, Any]] = {}  # a save's data where its text is not parsed
        # What the models held for each file with errors when it was read: such a file is never
        # written, but edits elsewhere must still save, so it is compared with this, not the file.
        self._broken_baseline: dict[str, dict[str, Any]] = {}
        if loaded.workspace is not None:
            broken = {name for name, file in loaded.files.items() if file.broken}
            if broken:
                from roadmap_tui.storage.writer import desired_files

                desired = desired_files(loaded.workspace)
                self._broken_baseline = {
                    n: copy.deepcopy(desired[n]) for n in broken if n in desired
                }

    @classmethod
    def open(
        cls,
        spec: str | Path,
        workspace: Path | None = None,
        *,
        read_only: bool = False,
        reuse: Mapping[str, Item] | None = None,
    ) -> WorkspaceStore:
        """Open a folder, or a `git:REV`/`scenario:NAME` source relative to `workspace`.

        `read_only`: never saved, so the files' bytes and tables are not kept (see
        `load_source`, also for `reuse`, which only a read-only store may take).
        """
        base = workspace if workspace is not None else Path(spec)
        folder = spec if isinstance(spec, Path) else folder_of(spec, base)

        def load(source: Source) -> Loaded:
            return load_source(source, keep_files=not read_only, reuse=reuse)

        if folder is None:  # a git revision: read-only, nothing to finish
            return cls(load(resolve_source(str(spec), base)), read_only=read_only)
        finished: Finished | None = None
        locked = False

        def read() -> Source:
            return read_folder(spec) if isinstance(spec, Path) else resolve_source(spec, base)

        source = None if _saved_here(folder) else read()
        if source is None or _saved_here(folder):
            # A folder this tool saves to: read under its lock, so a save in progress is never
            # seen half done, an interrupted one is finished first, and stray temp files are
            # surely no one's. (A save creates the lock file before anything else and never
            # removes it, so the second look catches a save that began while reading.)
            with _lock_or_none(folder) as locked:
                if locked:
                    finished = finish_interrupted_save(folder)
                    clean_temp_files(folder)
                source = read()
        if not locked and (folder / SAVE_JOURNAL).exists():
            source.problems.append(
                Problem(
                    source.display,
                    "a save was interrupted and cannot be finished here (no lock: read-only"
                    " folder?); files may be half saved",
                )
            )
        if finished is not None:
            source.problems.append(
                Problem(
                    source.display,
                    "finished a save that was interrupted: "
                    + (", ".join(finished.files) or "nothing left to rename"),
                    severity="warning",
                )
            )
        return cls(load(source), finished, read_only=read_only)

    @property
    def source(self) -> Source:
        return self.loaded.source

    @property
    def problems(self) -> list[Problem]:
        return self.loaded.problems

    @property
    def workspace(self) -> Workspace:
        if self.loaded.workspace is None:
            raise WorkspaceError(self.loaded.errors)
        return self.loaded.workspace

    def path_of(self, name: str) -> Path:
        folder = self.source.folder
        if folder is None:
            raise WorkspaceError(
                [Problem(self.source.display, "this source is read-only (git revision)")]
            )
        return folder / name

    def pending(self, ws: Workspace) -> list[str]:
        """File names whose content would change if `ws` were saved."""
        self._refuse_if_read_only()
        from roadmap_tui.storage.writer import changes, desired_files

        names = []
        for name, data in desired_files(ws).items():
            file = self.loaded.files.get(name)
            if file is not None and file.broken and data == self._broken_baseline.get(name):
                continue
            if changes(file.raw if file is not None else {}, data, name):
                names.append(name)
        return names

    def _refuse_if_read_only(self) -> None:
        if self.read_only:  # a programming error: such a store never kept what a save compares
            raise WorkspaceError(
                [Problem(self.source.display, "opened for reading only; open it again to save")]
            )

    def changed_on_disk(self) -> list[Path]:
        """Files whose bytes on disk differ from what was read (content, not mtime, decides)."""
        if self.source.folder is None:
            return []
        changed = []
        for name, file in self.loaded.files.items():
            if name in self.source.inherited:
                continue
            path = self.path_of(name)
            try:
                current = path.read_bytes()
            except OSError:
                changed.append(path)
                continue
            if fingerprint(current) != file.fingerprint:
                changed.append(path)
        return changed

    def save(self, ws: Workspace, *, force: bool = False) -> SaveResult:
        """Write the files whose content changed, each atomically; refuse to overwrite others' edits."""
        self._refuse_if_read_only()
        from filelock import Timeout

        from roadmap_tui.storage.append import appended
        from roadmap_tui.storage.writer import changes, desired_files, render

        plans: list[tuple[str, Path, bytes, LoadedFile | None]] = []
        origins = self._raw_items()
        for name, data in desired_files(ws).items():
            file = self.loaded.files.get(name)
            if file is not None and file.broken and data == self._broken_baseline.get(name):
                continue
            if not changes(file.raw if file is not None else {}, data, name):
                continue  # unchanged, or a file that does not exist and would hold nothing
            if file is not None and file.broken:
                if data == self._broken_baseline.get(name):
                    continue  # not edited: it keeps its errors until fixed in an editor
                raise WorkspaceError(
                    [
                        Problem(
                            self.source.shown(name),
                            "has problems; fix them before saving changes to it",
                        )
                    ]
                )
            if name in self.source.inherited:
                # A scenario that inherits roadmap.toml gets its own copy when it changes it.
                file = None
            path = self.path_of(name)
            before = file.data.decode("utf-8") if file else None
            raw = file.raw if file else {}
            grown = appended(before, raw, data, name)
            if grown is not None:
                # What was appended is exactly `data`: no need to parse 100,000 tables again;
                # only the bytes are kept (the text of 100,000 tables is megabytes).
                plans.append((name, path, grown, file))
                del grown
                self._known[name] = data
                continue
            text = render(before, raw, data, name, origins)
            if text is not None:
                plans.append((name, path, text.encode("utf-8"), file))
        if not plans:
            return SaveResult(written=[])
        assert self.source.folder is not None
        try:
            with workspace_lock(self.source.folder):
                return self._write(plans, force)
        except Timeout:
            raise WorkspaceError(
                [
                    Problem(
                        self.source.display,
                        "another roadmap process is saving this workspace; try again",
                    )
                ]
            ) from None

    def _write(
        self, plans: list[tuple[str, Path, bytes, LoadedFile | None]], force: bool
    ) -> SaveResult:
        conflicts = [] if force else self._conflicts(plans)
        if conflicts:
            raise ExternalChangeError(conflicts)
        encoded = {name: data for name, _, data, _ in plans}
        parsed = {}
        for name, _, data, _ in plans:
            # Never write a file the reader would refuse.
            raw = self._known.pop(name, None) or tomllib.loads(data.decode("utf-8"))
            problem = check_written(self.source.shown(name), encoded[name], raw)
            if problem is not None:
                raise WorkspaceError([problem])
            parsed[name] = raw
        assert self.source.folder is not None
        atomic_write_all(self.source.folder, encoded)
        for name in encoded:
            self.loaded.files[name] = LoadedFile(name=name, data=encoded[name], raw=parsed[name])
            self.source.inherited.pop(name, None)
        return SaveResult(written=[path for _, path, _, _ in plans])

    def _raw_items(self) -> dict[str, Origin]:
        """Items as read, by id, so an item moved between files keeps how it was written."""
        from roadmap_tui.storage.writer import item_origins

        return item_origins(
            (file.data.decode("utf-8", errors="replace"), file.raw)
            for file in self.loaded.files.values()
        )

    def _conflicts(self, plans: list[tuple[str, Path, bytes, LoadedFile | None]]) -> list[Path]:
        conflicts = []
        for _, path, _, file in plans:
            try:
                current: bytes | None = path.read_bytes()
            except FileNotFoundError:
                current = None
            if file is None:
                if current is not None:
                    conflicts.append(path)  # someone created it meanwhile
            elif current is None or fingerprint(current) != file.fingerprint:
                conflicts.append(path)
        return conflicts
