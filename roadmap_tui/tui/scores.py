"""The score columns of the app, from the scoring layer, kept current edit by edit.

An adapter: the app asks it for an item's score and quadrant and tells it about each edit; the
formulas and the ranking live in `roadmap_tui.scoring`. Until that layer is there, no item has a
score to show (the columns stay empty rather than the app inventing one).
"""

from __future__ import annotations

from dataclasses import dataclass

from roadmap_tui.models import Workspace
from roadmap_tui.models.edits import Edit


@dataclass(frozen=True)
class ItemScore:
    score: float | None  # None: unscored (or no scoring to ask)
    value: float | None
    quadrant: str | None
    missing: tuple[str, ...] = ()  # inputs the framework needs that the item lacks

    @property
    def unscored(self) -> bool:
        return self.score is None


NO_SCORE = ItemScore(None, None, None)


class Scores:
    """Scores of the open workspace's items under its framework."""

    available = False

    def __init__(self, ws: Workspace) -> None:
        self.framework = ws.framework

    def reset(self, ws: Workspace) -> None:
        self.__init__(ws)  # type: ignore[misc]

    def apply_edit(self, edit: Edit) -> None:
        pass

    def of(self, item_id: str) -> ItemScore:
        return NO_SCORE
