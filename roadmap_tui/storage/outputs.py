"""Writing a document the user asked for (`-o FILE`): never over what it should not replace.

One rule for every output (Markdown pages, decks, reports, announcements): an existing file is
replaced only when the caller says so (`force`); a device, FIFO, socket or folder never, even
then (as root, `-o /dev/null` would otherwise become a regular file); nothing inside the
workspace folder is ever written over, and no new `.toml` is put there (it would become a plan
file). The file appears whole: a temporary file beside it, then a rename, or a hard link when
it must not exist (so a file appearing meanwhile is not replaced either).
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path

from roadmap_tui.models import Problem, WorkspaceError
from roadmap_tui.storage.atomic import DiskWriteError, fsync_folder, write_temp


class OutputExists(WorkspaceError):
    """The output file exists and replacing it was not asked for."""

    def __init__(self, path: Path) -> None:
        super().__init__([Problem(str(path), "exists; nothing written")])
        self.path = path


def check_output(path: Path, *, force: bool, workspace: Path | None = None) -> None:
    """Raise unless `path` may be written (see the module's docstring); call early and again
    when writing (`write_output` does)."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        mode = None
    except OSError as error:
        raise _refused(path, f"cannot be checked: {error.strerror or error}") from None
    if mode is not None and not stat.S_ISREG(mode):
        kind = "a folder" if stat.S_ISDIR(mode) else "not a regular file (a device, FIFO or socket)"
        raise _refused(path, f"is {kind}; nothing written")
    if workspace is not None and _inside(path, workspace):
        if mode is not None:
            raise _refused(path, "is a file of the workspace; nothing written over it")
        if path.name.endswith(".toml"):
            raise _refused(path, "would become a plan file of the workspace; nothing written")
    if mode is not None and not force:
        raise OutputExists(path)


def write_output(path: Path, data: bytes, *, force: bool, workspace: Path | None = None) -> None:
    """Write `data` to `path` whole, under the rules of `check_output`."""
    check_output(path, force=force, workspace=workspace)
    temp = write_temp(path, data)
    try:
        if force:
            check_output(path, force=True, workspace=workspace)
            os.replace(temp, path)
        else:
            try:
                os.link(temp, path)  # fails if the file appeared meanwhile: never overwrite
            except FileExistsError:
                raise OutputExists(path) from None
            except OSError as error:
                if error.errno in (
                    errno.EPERM,
                    errno.EXDEV,
                    errno.ENOSYS,
                    errno.EOPNOTSUPP,
                ):  # no hard links here: check, then rename
                    check_output(path, force=False, workspace=workspace)
                    os.replace(temp, path)
                else:
                    raise DiskWriteError(path, error) from error
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
    fsync_folder(path.parent)


def _refused(path: Path, message: str) -> WorkspaceError:
    return WorkspaceError([Problem(str(path), message)])


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except (ValueError, OSError):
        return False
    return True
