"""Whole-or-nothing file writes and content fingerprints."""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import tempfile
from pathlib import Path

TEMP_PREFIX = ".roadmap-tmp-"


def fingerprint(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def atomic_write(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that a crash at any point leaves the old file or the new one.

    Temp file in the same folder (same file system, so `os.replace` is atomic), fsync of the
    file, mode bits of the old file kept, `os.replace`, fsync of the folder.
    """
    folder = path.parent
    mode: int | None = None
    with contextlib.suppress(FileNotFoundError):
        mode = stat.S_IMODE(path.stat().st_mode)
    fd, temp_name = tempfile.mkstemp(prefix=TEMP_PREFIX + path.name + ".", dir=folder)
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, mode if mode is not None else default_mode())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
        raise
    _fsync_folder(folder)


def default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _fsync_folder(folder: Path) -> None:
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
    """Remove temp files an interrupted save left behind; returns what was removed."""
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    for candidate in folder.glob(TEMP_PREFIX + "*"):
        with contextlib.suppress(OSError):
            candidate.unlink()
            removed.append(candidate)
    return removed


def write_output(path: Path, data: bytes, *, overwrite: bool) -> None:
    """Write an output (a deck, an export) whole, the way plan files are written: a temporary
    file next to it, fsynced, then renamed over `path` (`overwrite`) or hard-linked to it, and the
    folder fsynced. Without `overwrite` an existing `path` raises FileExistsError, checked at the
    last moment (the link fails if the file appeared meanwhile: nothing is ever replaced)."""
    if overwrite:
        atomic_write(path, data)
        return
    folder = path.parent
    fd, temp_name = tempfile.mkstemp(prefix=TEMP_PREFIX + path.name + ".", dir=folder)
    os.close(fd)
    temp = Path(temp_name)
    try:
        os.chmod(temp, default_mode())  # mkstemp's 0600 would hide the file from colleagues
        atomic_write(temp, data)  # whole and fsynced under a name nobody else uses
        try:
            os.link(temp, path)
        except FileExistsError:
            raise
        except OSError:
            if path.exists():
                raise FileExistsError(path) from None
            os.replace(temp, path)  # a file system without hard links
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
    _fsync_folder(folder)
