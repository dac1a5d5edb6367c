"""What the layers below say about the open workspace (scores, capacity, dependencies), kept
current by following each edit instead of recomputing everything.

Built in the worker that reads the workspace, before the app holds it (so no edit can slip
between reading the workspace and following it); rebuilt on the app's thread after a reload.
"""

from __future__ import annotations

from roadmap_tui.models import Workspace
from roadmap_tui.models.edits import Edit
from roadmap_tui.workbench.plan_facts import PlanFacts
from roadmap_tui.workbench.scores import Scores


class Derived:
    def __init__(self) -> None:
        self.scores = Scores()
        self.facts = PlanFacts()
        self.ready = False

    def build(self, ws: Workspace) -> None:
        self.scores.reset(ws)
        self.facts.reset(ws)
        self.ready = True

    def apply_edit(self, edit: Edit) -> None:
        if self.ready:
            self.scores.apply_edit(edit)
            self.facts.apply_edit(edit)

    def reset(self, ws: Workspace) -> None:
        if self.ready:
            self.build(ws)
