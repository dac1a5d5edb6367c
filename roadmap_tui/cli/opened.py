"""Load once, work out once: the sources a command reads and what it derives from them.

A command that names the same source twice (`roadmap -w plans impact plans scenario:x`) reads
it once, and the planning analyses of a workspace (its graph, team loads, dependency problems)
are worked out once and shared by whatever asks for them in the same command. Both live in the
command's click context (`meta`), so nothing outlives one invocation.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from roadmap_tui.cli.collector import collector_paused
from roadmap_tui.storage import WorkspaceStore

if TYPE_CHECKING:
    from roadmap_tui.models import Item, Workspace
    from roadmap_tui.planning.capacity import TeamLoad
    from roadmap_tui.planning.dependencies import DependencyProblems
    from roadmap_tui.planning.graph import PlanGraph
    from roadmap_tui.scoring.base import Framework

_STORES = "roadmap_tui.stores"
_ANALYSES = "roadmap_tui.analyses"


def source_key(spec: str | Path, workspace: Path) -> tuple[str, ...]:
    """What makes two source strings the same source: the folder they resolve to (a folder
    path, or `scenario:NAME` under the workspace), or the workspace and revision for git."""
    text = str(spec)
    if isinstance(spec, str) and text.startswith("git:"):
        return ("git", str(workspace.resolve()), text[4:])
    if isinstance(spec, str) and text.startswith("scenario:"):
        return ("folder", str((workspace / "scenarios" / text[9:]).resolve()))
    return ("folder", str(Path(text).resolve()))


def _meta() -> dict[str, Any]:
    ctx = click.get_current_context(silent=True)
    return ctx.find_root().meta if ctx is not None else {}


def load_store(
    spec: str | Path,
    workspace: Path,
    *,
    read_only: bool = False,
    reuse: Mapping[str, Item] | None = None,
) -> WorkspaceStore:
    """The source read once per command: a second mention returns the same store (read again
    when it was read for reading only and is now wanted for a save). `read_only` and `reuse`:
    see `WorkspaceStore.open`."""
    stores: dict[tuple[str, ...], WorkspaceStore] = _meta().setdefault(_STORES, {})
    key = source_key(spec, workspace)
    store = stores.get(key)
    if store is None or (store.read_only and not read_only):
        with collector_paused():
            store = WorkspaceStore.open(spec, workspace=workspace, read_only=read_only, reuse=reuse)
        stores[key] = store
    return store


class Analyses:
    """What the planning layer derives from one workspace, each part worked out when first
    asked for. Read-only commands only: an edit applied to the workspace is not seen here."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    @cached_property
    def graph(self) -> PlanGraph:
        from roadmap_tui.planning.graph import PlanGraph

        return PlanGraph(self.ws)

    @cached_property
    def loads(self) -> list[TeamLoad]:
        """Every team in every quarter."""
        from roadmap_tui.planning.capacity import team_loads

        return team_loads(self.graph)

    @cached_property
    def dependencies(self) -> DependencyProblems:
        from roadmap_tui.planning.dependencies import dependency_problems

        return dependency_problems(self.graph)

    @cached_property
    def framework(self) -> Framework:
        from roadmap_tui.scoring import framework_for

        return framework_for(self.ws.roadmap.scoring)


def analyses_of(ws: Workspace) -> Analyses:
    """The shared analyses of a workspace within this command."""
    cache: dict[int, tuple[Workspace, Analyses]] = _meta().setdefault(_ANALYSES, {})
    found = cache.get(id(ws))
    if found is None or found[0] is not ws:
        found = (ws, Analyses(ws))
        cache[id(ws)] = found
    return found[1]
