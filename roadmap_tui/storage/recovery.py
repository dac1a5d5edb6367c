"""Crash recovery: the terminal app's unsaved edits, journalled beside the workspace.

`WORKSPACE/.roadmap-recovery/journal.jsonl` holds one JSON line per step: first the fingerprints
of the files the edits apply to, then `do`/`undo`/`redo` lines, each flushed and fsynced before
the app goes on. After a crash or a killed terminal the next start replays them; a save starts a
new journal from the saved files, and a clean quit removes it. It is ignored by git (the
`.gitignore` that `roadmap init` writes).
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from roadmap_tui.models.edits import Edit
from roadmap_tui.storage.fingerprints import fingerprint

RECOVERY_DIR = ".roadmap-recovery"
JOURNAL = "journal.jsonl"


@dataclass
class Recovered:
    """Unsaved edits found after a crash: the edits to redo, in order."""

    edits: list[Edit]
    base: dict[str, str]  # file name -> fingerprint the edits were made on
    files_changed_since: list[str] = field(default_factory=list)


class Journal:
    """Append-only journal of one session's edits."""

    def __init__(self, workspace: Path) -> None:
        self.folder = workspace / RECOVERY_DIR
        self.path = self.folder / JOURNAL
        self._handle: IO[str] | None = None

    def start(self, files: dict[str, bytes]) -> None:
        """A new journal for edits made on these file contents."""
        self.close()
        self.folder.mkdir(exist_ok=True)
        handle = self.path.open("w", encoding="utf-8")
        self._handle = handle
        self._write({"base": {name: fingerprint(data) for name, data in sorted(files.items())}})

    @property
    def is_open(self) -> bool:
        return self._handle is not None

    def record(self, op: str, edit: Edit | None = None) -> None:
        if self._handle is None:
            return
        line: dict[str, Any] = {"op": op}
        if edit is not None:
            line["edit"] = edit.to_json()
        self._write(line)

    def _write(self, line: dict[str, Any]) -> None:
        assert self._handle is not None
        self._handle.write(json.dumps(line, ensure_ascii=False) + "\n")
        self._handle.flush()
        os.fsync(self._handle.fileno())

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None

    def discard(self) -> None:
        """A clean quit: nothing to recover."""
        self.close()
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
        with contextlib.suppress(OSError):
            self.folder.rmdir()


def find_recovery(workspace: Path, files: dict[str, bytes]) -> Recovered | None:
    """Unsaved edits left by a session that did not end cleanly, or None."""
    path = workspace / RECOVERY_DIR / JOURNAL
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (FileNotFoundError, UnicodeDecodeError):
        return None
    base: dict[str, str] = {}
    done: list[Edit] = []
    undone: list[Edit] = []
    for number, text in enumerate(lines):
        try:
            entry = json.loads(text)
            if number == 0:
                base = dict(entry["base"])
                continue
            op = entry["op"]
            if op == "do":
                done.append(Edit.from_json(entry["edit"]))
                undone.clear()
            elif op == "undo" and done:
                undone.append(done.pop())
            elif op == "redo" and undone:
                done.append(undone.pop())
        except (ValueError, KeyError, TypeError):
            break  # a line cut by the crash: everything before it is whole
    if not done:
        return None
    changed = sorted(
        name
        for name, expected in base.items()
        if name not in files or fingerprint(files[name]) != expected
    )
    return Recovered(edits=done, base=base, files_changed_since=changed)
