"""The score requests are ranked by in `request list`: the workspace's framework.

The scoring layer was written alongside this package; until it is importable the score is
value / effort, as the value-effort framework (the default) computes it.
"""

from __future__ import annotations

from collections.abc import Callable

from roadmap_tui.models import Item, Workspace

ScoreOf = Callable[[Item], float | None]


def _value_for_effort(item: Item) -> float | None:
    value = item.score.get("value")
    effort = item.score.get("effort")
    if value is None or effort is None or effort == 0:
        return None
    return value / effort


def scoring_for(ws: Workspace) -> tuple[str, ScoreOf]:
    """What the score is ("wsjf: (business_value + ...) / job_size") and how to compute it.

    An unknown framework in roadmap.toml raises the scoring layer's located WorkspaceError.
    """
    try:
        from roadmap_tui.scoring import framework_for
    except ImportError:  # pragma: no cover - only before the scoring layer exists
        return "value-effort: value / effort", _value_for_effort
    framework = framework_for(ws.roadmap.scoring)
    return f"{framework.name}: {framework.score_formula}", framework.score
