"""What the layers below say about the open workspace (scores, capacity, dependencies), kept
current by following each edit instead of recomputing everything."""

from __future__ import annotations

from roadmap_tui.models import Workspace
from roadmap_tui.models.edits import Edit
from roadmap_tui.tui.plan_facts import PlanFacts
from roadmap_tui.tui.scores import Scores


class Derived:
    def __init__(self, ws: Workspace) -> None:
        self.scores = Scores(ws)
        self.facts = PlanFacts(ws)

    def apply_edit(self, edit: Edit) -> None:
        self.scores.apply_edit(edit)
        self.facts.apply_edit(edit)

    def reset(self, ws: Workspace) -> None:
        self.scores.reset(ws)
        self.facts.reset(ws)
