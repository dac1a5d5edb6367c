"""One writer at a time per workspace folder, across processes.

A save checks that no file changed on disk and then replaces the files; the lock makes that
check-then-write one step, so of two processes saving at once one wins and the other gets the
external-change error instead of silently overwriting. Commands that read, change and save
(`request add`) hold it around the whole read-modify-write.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from filelock import FileLock

LOCK_NAME = ".roadmap.lock"
LOCK_TIMEOUT_SECONDS = 30.0


def workspace_lock(folder: Path) -> FileLock:
    """The workspace's lock; re-entrant within a process (the same instance per folder)."""
    from filelock import FileLock  # imported by the commands that save, not by those that read

    return FileLock(folder.resolve() / LOCK_NAME, timeout=LOCK_TIMEOUT_SECONDS, is_singleton=True)
