"""An open workspace: what was read, and safe saving back to the same files."""

from __future__ import annotations

import copy
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from roadmap_tui.models import Problem, Workspace, WorkspaceError
from roadmap_tui.storage.atomic import atomic_write, clean_temp_files, fingerprint
from roadmap_tui.storage.loader import Loaded, LoadedFile, load_source
from roadmap_tui.storage.lock import workspace_lock
from roadmap_tui.storage.sources import Source, read_folder, resolve_source

if TYPE_CHECKING:
    from roadmap_tui.storage.writer import Origin

# The writer (tomlkit) and the lock (filelock) are imported where a save needs them: commands
# that only read (validate, check, score, ...) never pay for them.


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

    def __init__(self, loaded: Loaded) -> None:
        self.loaded = loaded
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
    def open(cls, spec: str | Path, workspace: Path | None = None) -> WorkspaceStore:
        """Open a folder, or a `git:REV`/`scenario:NAME` source relative to `workspace`."""
        if isinstance(spec, Path):
            source = read_folder(spec)
        else:
            source = resolve_source(spec, workspace if workspace is not None else Path(spec))
        if source.folder is not None:
            clean_temp_files(source.folder)
        return cls(load_source(source))

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
        from roadmap_tui.storage.writer import changes, desired_files

        names = []
        for name, data in desired_files(ws).items():
            file = self.loaded.files.get(name)
            if file is not None and file.broken and data == self._broken_baseline.get(name):
                continue
            if changes(file.raw if file is not None else {}, data, name):
                names.append(name)
        return names

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
        from filelock import Timeout

        from roadmap_tui.storage.writer import changes, desired_files, render

        plans: list[tuple[str, Path, str, LoadedFile | None]] = []
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
            text = render(
                file.data.decode("utf-8") if file else None,
                file.raw if file else {},
                data,
                name,
                origins,
            )
            if text is not None:
                plans.append((name, path, text, file))
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
        self, plans: list[tuple[str, Path, str, LoadedFile | None]], force: bool
    ) -> SaveResult:
        conflicts = [] if force else self._conflicts(plans)
        if conflicts:
            raise ExternalChangeError(conflicts)
        written: list[Path] = []
        for name, path, text, _ in plans:
            encoded = text.encode("utf-8")
            atomic_write(path, encoded)
            written.append(path)
            self.loaded.files[name] = LoadedFile(name=name, data=encoded, raw=tomllib.loads(text))
            self.source.inherited.pop(name, None)
        return SaveResult(written=written)

    def _raw_items(self) -> dict[str, Origin]:
        """Items as read, by id, so an item moved between files keeps how it was written."""
        from roadmap_tui.storage.writer import item_origins

        return item_origins(
            (file.data.decode("utf-8", errors="replace"), file.raw)
            for file in self.loaded.files.values()
        )

    def _conflicts(self, plans: list[tuple[str, Path, str, LoadedFile | None]]) -> list[Path]:
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
