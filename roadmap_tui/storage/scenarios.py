"""Scenarios: alternative versions of a workspace in `WORKSPACE/scenarios/NAME/`."""

from __future__ import annotations

import shutil
from pathlib import Path

from roadmap_tui.models import Problem, WorkspaceError
from roadmap_tui.storage.sources import ROADMAP, SCENARIO_NAME_RE, SCENARIOS


def scenario_folder(workspace: Path, name: str) -> Path:
    if not SCENARIO_NAME_RE.match(name) or name in (".", ".."):
        raise WorkspaceError(
            [
                Problem(
                    f"scenario:{name}",
                    "a scenario name is letters, digits, '.', '_' and '-' (no paths)",
                )
            ]
        )
    return workspace / SCENARIOS / name


class ScenarioExists(WorkspaceError):
    """A scenario of that name exists and replacing it was not asked for."""


def new_scenario(workspace: Path, name: str, *, force: bool = False) -> Path:
    """Copy the workspace's plan files (not roadmap.toml: inherited) into a new scenario folder."""
    folder = scenario_folder(workspace, name)
    if folder.exists() and not force:
        raise ScenarioExists(
            [Problem(str(folder), f"scenario `{name}` exists already; nothing written")]
        )
    if not (workspace / ROADMAP).is_file():
        raise WorkspaceError([Problem(str(workspace / ROADMAP), "missing: not a workspace")])
    if folder.exists():
        shutil.rmtree(folder)
    staging = folder.with_name(f".{name}.new")
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir(parents=True)
    for path in sorted(workspace.glob("*.toml")):
        if path.name != ROADMAP and path.is_file():
            shutil.copy2(path, staging / path.name)
    # Appears whole or not at all.
    staging.rename(folder)
    return folder
