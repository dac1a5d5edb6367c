"""Files <-> models: reading sources, keeping comments, atomic saves, change detection.

The only layer that reads or writes plan files.
"""

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
