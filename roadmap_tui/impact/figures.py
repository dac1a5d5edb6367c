"""Which figures judge a comparison: the scoring framework's name, value and score functions.

The workspace's [scoring] framework unless one is named, so that every version compared is judged
alike. Shared by the command line (`roadmap impact`, `export deck`) and the terminal app.
"""

from __future__ import annotations

from collections.abc import Callable

from roadmap_tui.models import Item, Workspace

Figure = Callable[[Item], float | None]


def figures(ws: Workspace, name: str | None = None) -> tuple[str, Figure, Figure]:
    """The framework's name, value and score functions: the workspace's [scoring] framework,
    or the one named. An unknown name raises WorkspaceError with a located problem."""
    from roadmap_tui.scoring import framework_for

    framework = framework_for(ws.roadmap.scoring, name)
    return framework.name, framework.value, framework.score
