"""Workspaces read from a git commit, kept in the user's cache: a commit never changes, so a
portfolio member whose commit was read before is not parsed again (13 ms instead of 130 ms for
1,000 items). Only valid workspaces are kept.

The files are pickles of the models, read back with an unpickler that builds nothing but the
workspace models and dates: a tampered cache file is a cache miss, never code run.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from roadmap_tui import models
from roadmap_tui.models import Workspace

_ALLOWED_MODULE = "roadmap_tui.models."
_DATES = {("datetime", "date"), ("datetime", "datetime"), ("datetime", "time")}


def _shape() -> str:
    """The models' fields: a cache written by a version with other fields is not used."""
    names = []
    for name in sorted(models.__all__):
        value = getattr(models, name)
        if isinstance(value, type) and issubclass(value, BaseModel):
            names.append(f"{name}({','.join(value.model_fields)})")
    return ";".join(names)


_SHAPE = hashlib.sha256(_shape().encode()).hexdigest()[:16]


class _ModelsOnly(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in _DATES:
            return super().find_class(module, name)
        if module.startswith(_ALLOWED_MODULE):
            found = super().find_class(module, name)
            if isinstance(found, type) and issubclass(found, BaseModel):
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not a workspace model")


def cache_file(root: Path, commit: str, folder: str) -> Path:
    key = hashlib.sha256(f"{commit}:{folder}:{_SHAPE}".encode()).hexdigest()[:32]
    return root / f"{key}.pickle"


def cached_workspace(root: Path, commit: str, folder: str) -> Workspace | None:
    """The workspace read at `commit` before, or None (never read, or unusable)."""
    try:
        data = cache_file(root, commit, folder).read_bytes()
        found = _ModelsOnly(io.BytesIO(data)).load()
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, TypeError):
        return None
    return found if isinstance(found, Workspace) else None


def keep_workspace(root: Path, commit: str, folder: str, ws: Workspace) -> None:
    """Keep a valid workspace read at `commit` (whole or not at all; a failure costs nothing)."""
    target = cache_file(root, commit, folder)
    try:
        root.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=root)
        with os.fdopen(handle, "wb") as out:
            pickle.dump(ws, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, target)
    except OSError:
        return
