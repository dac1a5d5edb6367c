"""Scenarios: alternative versions of a workspace in `WORKSPACE/scenarios/NAME/`."""

from __future__ import annotations

import shutil
from pathlib import Path

from roadmap_tui.models import Problem, WorkspaceError
from roadmap_tui.storage.atomic import DiskWriteError
from roadmap_tui.storage.sources import ROADMAP, read_regular, scenario_path


def scenario_folder(workspace: Path, name: str) -> Path:
    """The scenario's folder: a plain name, inside the real workspace folder (no links out)."""
    return scenario_path(workspace, name)


class ScenarioExists(WorkspaceError):
    """A scenario of that name exists and replacing it was not asked for."""


def new_scenario(workspace: Path, name: str, *, force: bool = False) -> Path:
    """Copy the workspace's plan files (not roadmap.toml: inherited) into a new scenario folder.

    Only regular files inside the workspace are copied (as `read_folder` reads them); the folder
    appears whole or not at all, and a failed copy (a full disk) leaves nothing behind.
    """
    folder = scenario_folder(workspace, name)
    if folder.exists() and not force:
        raise ScenarioExists(
            [Problem(str(folder), f"scenario `{name}` exists already; nothing written")]
        )
    if not (workspace / ROADMAP).is_file():
        raise WorkspaceError([Problem(str(workspace / ROADMAP), "missing: not a workspace")])
    problems: list[Problem] = []
    copies: dict[str, bytes] = {}
    for path in sorted(workspace.glob("*.toml")):
        if path.name != ROADMAP:
            data = read_regular(path, workspace.resolve(), str(path), problems)
            if data is not None:
                copies[path.name] = data
    if problems:
        raise WorkspaceError(problems)
    staging = folder.with_name(f".{name}.new")
    if staging.exists():
        shutil.rmtree(staging)
    target = staging
    try:
        staging.mkdir(parents=True)
        for file_name, data in copies.items():
            target = staging / file_name
            target.write_bytes(data)
        if folder.exists():
            shutil.rmtree(folder)
        target = folder
        staging.rename(folder)  # appears whole or not at all
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise DiskWriteError(target, error) from error
    return folder
