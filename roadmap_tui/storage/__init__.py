"""Files <-> models: reading sources, keeping comments, atomic saves, change detection.

The only layer that reads or writes plan files.

Its names are imported on first use (PEP 562): `cli` starts `storage.prefetch` before the
models are imported, and importing this package must not import them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from roadmap_tui.storage.atomic import atomic_write, clean_temp_files
    from roadmap_tui.storage.loader import Loaded, LoadedFile, load_source
    from roadmap_tui.storage.lock import LOCK_NAME, workspace_lock
    from roadmap_tui.storage.scenarios import new_scenario, scenario_folder
    from roadmap_tui.storage.sources import (
        Source,
        list_scenarios,
        read_folder,
        read_git,
        read_scenario,
        resolve_source,
    )
    from roadmap_tui.storage.store import ExternalChangeError, SaveResult, WorkspaceStore

_HOMES = {
    "atomic": ("atomic_write", "clean_temp_files"),
    "loader": ("Loaded", "LoadedFile", "load_source"),
    "lock": ("LOCK_NAME", "workspace_lock"),
    "scenarios": ("new_scenario", "scenario_folder"),
    "sources": (
        "Source",
        "list_scenarios",
        "read_folder",
        "read_git",
        "read_scenario",
        "resolve_source",
    ),
    "store": ("ExternalChangeError", "SaveResult", "WorkspaceStore"),
}
_MODULE_OF = {name: module for module, names in _HOMES.items() for name in names}


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # once: later uses are plain attribute reads
    return value


__all__ = [
    "LOCK_NAME",
    "workspace_lock",
    "ExternalChangeError",
    "Loaded",
    "LoadedFile",
    "SaveResult",
    "Source",
    "WorkspaceStore",
    "atomic_write",
    "clean_temp_files",
    "list_scenarios",
    "load_source",
    "new_scenario",
    "scenario_folder",
    "read_folder",
    "read_git",
    "read_scenario",
    "resolve_source",
]
