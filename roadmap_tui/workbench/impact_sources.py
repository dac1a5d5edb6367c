"""The versions the compare view can set side by side, opened through storage and cached.

- `saved`: the files as they were read or last saved, before the unsaved edits;
- `current`: the workspace with the unsaved edits (the session's, live);
- `git:SHA`: a recent commit touching the workspace folder;
- `scenario:NAME`: a scenario of the workspace.

A git revision never changes, so it is read once; scenarios are read again when asked to
`forget` them (the view does so when it is shown again, and after writing one); the saved
version is read again when the files were saved since. The view reads versions and lists
commits in worker threads: the cache is guarded by a lock, and the current version is the copy
of the edits the work was started with.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from roadmap_tui.models import Workspace, WorkspaceError
from roadmap_tui.storage import Source, WorkspaceStore, list_scenarios, load_source
from roadmap_tui.storage.history import Commit, recent_commits
from roadmap_tui.workbench.session import Session

SAVED = "saved"
CURRENT = "current"


@dataclass(frozen=True)
class Version:
    spec: str  # saved, current, git:SHA or scenario:NAME
    label: str  # how it is called in the impact, the notices and the deck
    workspace: Workspace
    commit: str | None = None
    problems: int = 0  # error problems in its files (it is compared as far as it reads)


class Sources:
    def __init__(self, session: Session) -> None:
        self.session = session
        self._opened: dict[str, Version] = {}
        self._saved_key: tuple[str, ...] | None = None
        self._lock = threading.Lock()  # workers open versions while the view forgets scenarios
        self.commits: list[Commit] = []  # the recent commits last listed (`list_commits`)

    @property
    def path(self) -> Path:
        return self.session.path

    def list_commits(self) -> list[Commit]:
        """The recent commits touching the workspace (one `git log`: run it in a worker, then
        keep the answer in `commits`)."""
        return recent_commits(self.path)

    def scenarios(self) -> list[str]:
        return list_scenarios(self.path)

    def baselines(self) -> list[tuple[str, str]]:
        """(prompt, spec) for every baseline on offer."""
        found = [("roadmap as saved (before your edits)", SAVED)]
        found += [(f"git {c.short} {c.date} {c.subject}", c.spec) for c in self.commits]
        found += [(f"scenario {name}", f"scenario:{name}") for name in self.scenarios()]
        return found

    def alternatives(self) -> list[tuple[str, str]]:
        found = [("adjusted roadmap (your unsaved edits)", CURRENT)]
        found += [(f"scenario {name}", f"scenario:{name}") for name in self.scenarios()]
        return found

    def forget_scenarios(self) -> None:
        with self._lock:
            for spec in [s for s in self._opened if s.startswith("scenario:")]:
                del self._opened[spec]

    def label(self, spec: str) -> str:
        # Names the deck and the page show directors: the roadmap they know, and the proposal.
        if spec == SAVED:
            return "roadmap as saved"
        if spec == CURRENT:
            return "adjusted roadmap (unsaved edits)"
        if spec.startswith("git:"):
            return f"git:{spec[4:11]}"
        return spec

    def open(self, spec: str, *, current: Workspace | None = None) -> Version:
        """The version; WorkspaceError when it cannot be read at all. `current`: the workspace
        with the edits to use (a copy, in a worker); by default the session's, live, or, when
        there are no unsaved edits, the saved version (the same plan, and safe to read in a
        worker while the person edits)."""
        if spec == CURRENT:
            if current is None and not self.session.dirty:
                saved = self._saved()
                return Version(CURRENT, self.label(CURRENT), saved.workspace, None, saved.problems)
            edited = current if current is not None else self.session.workspace
            return Version(CURRENT, self.label(CURRENT), edited)
        if spec == SAVED:
            return self._saved()
        with self._lock:
            found = self._opened.get(spec)
        if found is None:
            store = WorkspaceStore.open(spec, workspace=self.path)
            ws = store.loaded.workspace
            if ws is None:
                raise WorkspaceError(store.loaded.errors)
            label = self.label(spec)
            found = Version(spec, label, ws, store.source.commit, len(store.loaded.errors))
            with self._lock:
                self._opened[spec] = found
        return found

    def _saved(self) -> Version:
        files = dict(self.session.store.loaded.files)
        key = tuple(f"{name}:{file.fingerprint}" for name, file in sorted(files.items()))
        with self._lock:
            found = self._opened.get(SAVED)
            known = self._saved_key
        if found is None or key != known:
            source = Source(
                label=SAVED,
                display=str(self.path),
                files={name: file.data for name, file in files.items()},
            )
            loaded = load_source(source)
            if loaded.workspace is None:
                raise WorkspaceError(loaded.errors)
            found = Version(SAVED, self.label(SAVED), loaded.workspace, None, len(loaded.errors))
            with self._lock:
                self._opened[SAVED] = found
                self._saved_key = key
        return found
