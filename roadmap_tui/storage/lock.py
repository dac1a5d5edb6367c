"""One writer at a time per workspace folder, across processes.

A save checks that no file changed on disk and then replaces the files; the lock makes that
check-then-write one step, so of two processes saving at once one wins and the other gets the
external-change error instead of silently overwriting. Commands that read, change and save
(`request add`) hold it around the whole read-modify-write.

Where the lock file lives: a lock file stays on disk after release (waiting processes must
share one file), so it is put in the workspace folder only where git ignores it (the folder's
`.gitignore`, or one of its parents' up to the repository's root, names `.roadmap.lock`, as
`roadmap init` writes it). Anywhere else (a workspace without that line, a scenario folder of
one) it lives in a folder of the user's own under the system's temporary folder, named after
the workspace folder's path, so no folder the tool writes into is left with a stray file.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from filelock import FileLock

LOCK_NAME = ".roadmap.lock"
LOCK_TIMEOUT_SECONDS = 30.0


def workspace_lock(folder: Path) -> FileLock:
    """The workspace's lock; re-entrant within a process (the same instance per folder)."""
    from filelock import FileLock  # imported by the commands that save, not by those that read

    return FileLock(lock_path(folder), timeout=LOCK_TIMEOUT_SECONDS, is_singleton=True)


def lock_path(folder: Path) -> Path:
    """Where the lock of `folder` lives (see the module docstring)."""
    import hashlib  # here: the start of every command need not wait for it

    folder = folder.resolve()
    if git_ignores(folder, LOCK_NAME):
        return folder / LOCK_NAME
    digest = hashlib.sha256(str(folder).encode("utf-8")).hexdigest()[:20]
    return _private_folder() / f"{digest}.lock"


def _private_folder() -> Path:
    """A folder only this user writes to: locks of one user's processes meet there."""
    import tempfile

    user = str(os.getuid()) if hasattr(os, "getuid") else os.environ.get("USERNAME", "user")
    place = Path(tempfile.gettempdir()) / f"roadmap-locks-{user}"
    place.mkdir(mode=0o700, exist_ok=True)
    return place


def git_ignores(folder: Path, name: str) -> bool:
    """Whether the `.gitignore` files of `folder` and its parents (up to the folder holding
    `.git`) ignore a file `name` in `folder`. The patterns a person writes for a file name are
    understood (`name`, `/name`, globs like `*.lock`, `!name` to un-ignore); a later line, or a
    deeper file, wins as in git."""
    chain = [folder]
    if not (folder / ".git").exists():
        chain += [p for p in _parents_to_git_root(folder)]
    ignored = False
    for base in reversed(chain):  # the repository's root first: deeper files win
        relative = folder.relative_to(base) / name
        for pattern in _patterns(base / ".gitignore"):
            negated = pattern.startswith("!")
            if negated:
                pattern = pattern[1:]
            if _matches(pattern, relative.as_posix()):
                ignored = not negated
    return ignored


def _parents_to_git_root(folder: Path) -> list[Path]:
    """The parents of `folder` up to the one holding `.git`; none outside a repository."""
    found = []
    for parent in folder.parents:
        found.append(parent)
        if (parent / ".git").exists():
            return found
    return []


def _patterns(path: Path) -> list[str]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []
    lines = (line.strip() for line in text.splitlines())
    return [line for line in lines if line and not line.startswith("#") and not line.endswith("/")]


def _matches(pattern: str, relative: str) -> bool:
    """Git's rule for a file: a pattern without an inner `/` matches the name at any depth; one
    with a `/` (or a leading one) matches the path from the .gitignore's folder."""
    from fnmatch import fnmatchcase

    if "/" not in pattern.rstrip("/"):
        return fnmatchcase(relative.rsplit("/", 1)[-1], pattern)
    return fnmatchcase(relative, pattern.lstrip("/").removeprefix("**/")) or (
        pattern.startswith("**/") and fnmatchcase(relative.rsplit("/", 1)[-1], pattern[3:])
    )
