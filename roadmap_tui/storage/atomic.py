"""Whole-or-nothing file writes, for one file or several.

A save of several files is all-or-nothing: every temporary file is written and fsynced, the
renames are recorded in a small journal (itself written atomically), the renames are done, then
the journal is removed. A process killed in between leaves the journal; the next command that
takes the workspace's lock finishes the renames (`finish_interrupted_save`) before it reads, so
no one ever sees the new quarter beside the old backlog.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

TEMP_PREFIX = ".roadmap-tmp-"
SAVE_JOURNAL = ".roadmap-save.json"


class DiskWriteError(OSError):
    """A write that failed (disk full, read-only, no permission), naming the file."""

    def __init__(self, path: Path, error: OSError) -> None:
        reason = "the disk is full" if error.errno == errno.ENOSPC else error.strerror or str(error)
        super().__init__(error.errno, f"cannot write {path}: {reason}; nothing was changed")
        self.filename = str(path)

    def __str__(self) -> str:
        return str(self.strerror)


def atomic_write(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that a crash at any point leaves the old file or the new one.

    Temp file in the same folder (same file system, so `os.replace` is atomic), fsync of the
    file, mode bits of the old file kept, `os.replace`, fsync of the folder.
    """
    temp = write_temp(path, data)
    try:
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
        raise
    fsync_folder(path.parent)


def write_temp(path: Path, data: bytes) -> Path:
    """A fsynced temporary file beside `path` holding `data`, with `path`'s mode bits."""
    folder = path.parent
    mode: int | None = None
    with contextlib.suppress(FileNotFoundError):
        mode = stat.S_IMODE(path.stat().st_mode)
    try:
        fd, temp_name = tempfile.mkstemp(prefix=TEMP_PREFIX + path.name + ".", dir=folder)
    except OSError as error:
        raise DiskWriteError(path, error) from error
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, mode if mode is not None else default_mode())
    except BaseException as error:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
        if isinstance(error, OSError) and not isinstance(error, DiskWriteError):
            raise DiskWriteError(path, error) from error
        raise
    return temp


def atomic_write_all(folder: Path, files: dict[str, bytes]) -> None:
    """Write several files of one folder all-or-nothing (see the module's docstring).

    The caller holds the workspace's lock: the journal and the temporary files are its own.
    """
    if len(files) == 1:
        [(name, data)] = files.items()
        atomic_write(folder / name, data)
        return
    temps: dict[str, Path] = {}
    try:
        for name, data in files.items():
            temps[name] = write_temp(folder / name, data)
        journal = {"renames": [[temp.name, name] for name, temp in temps.items()]}
        atomic_write(folder / SAVE_JOURNAL, json.dumps(journal).encode("utf-8"))
    except BaseException:
        for temp in temps.values():
            with contextlib.suppress(FileNotFoundError):
                temp.unlink()
        raise
    # From here on the save is decided: a crash is finished by the next command.
    _finish(folder, [(temp.name, name) for name, temp in temps.items()])


@dataclass
class Finished:
    """What `finish_interrupted_save` did: the files renamed into place."""

    files: list[str]


def finish_interrupted_save(folder: Path) -> Finished | None:
    """Complete a multi-file save that was killed between its renames; None when none was.

    Call only under the workspace's lock. A journal that cannot be read (never the case for one
    written by `atomic_write_all`, which appears whole) is removed with its save undone.
    """
    path = folder / SAVE_JOURNAL
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    try:
        renames = [(str(t), str(n)) for t, n in json.loads(raw)["renames"]]
    except (ValueError, KeyError, TypeError):
        renames = []
    safe = all(
        t.startswith(TEMP_PREFIX) and "/" not in t and "/" not in n and n.endswith(".toml")
        for t, n in renames
    )
    pending = [(t, n) for t, n in renames if (folder / t).exists()] if safe else []
    _finish(folder, pending)
    return Finished(files=[n for _, n in pending])


def _finish(folder: Path, renames: list[tuple[str, str]]) -> None:
    for temp, name in renames:
        with contextlib.suppress(FileNotFoundError):  # done before the crash
            os.replace(folder / temp, folder / name)
    fsync_folder(folder)
    with contextlib.suppress(FileNotFoundError):
        (folder / SAVE_JOURNAL).unlink()
    fsync_folder(folder)


def default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def fsync_folder(folder: Path) -> None:
    # Makes the rename itself durable; not possible on every platform.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def clean_temp_files(folder: Path) -> list[Path]:
    """Remove temp files an interrupted save left behind; returns what was removed.

    Call only under the workspace's lock (after `finish_interrupted_save`): a temp file may
    belong to a save in progress otherwise.
    """
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    # Only a save's own: plan files and the journal (an export writing `-o plans/page.md` has
    # its temp file here too, and is not a save holding the lock).
    patterns = (TEMP_PREFIX + "*.toml.*", TEMP_PREFIX + SAVE_JOURNAL + ".*")
    for candidate in (path for pattern in patterns for path in folder.glob(pattern)):
        with contextlib.suppress(OSError):
            candidate.unlink()
            removed.append(candidate)
    return removed
