"""The score columns of the app, from the scoring layer, kept current edit by edit.

An adapter: the app asks it for an item's score and quadrant and tells it about each edit; the
formulas and the ranking live in `roadmap_tui.scoring` (one `Scoreboard` for the open workspace,
updated item by item). A framework the workspace names but scoring does not know leaves the
columns empty (validate reports the name) rather than the app inventing a score.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from roadmap_tui.models import Workspace, WorkspaceError
from roadmap_tui.models.edits import Edit

if TYPE_CHECKING:
    from roadmap_tui.scoring import Scoreboard


@dataclass(frozen=True)
class ItemScore:
    score: float | None  # None: unscored (or no framework to ask)
    value: float | None
    quadrant: str | None
    missing: tuple[str, ...] = ()  # inputs the framework needs that the item lacks
    out_of_range: tuple[str, ...] = ()
    rank: int | None = None

    @property
    def unscored(self) -> bool:
        return self.score is None


NO_SCORE = ItemScore(None, None, None)


class Scores:
    """Scores of the open workspace's items under its framework (none until `reset`)."""

    def __init__(self) -> None:
        self.board: Scoreboard | None = None

    @property
    def available(self) -> bool:
        return self.board is not None

    @property
    def framework(self) -> str:
        return self.board.framework.name if self.board is not None else ""

    def reset(self, ws: Workspace) -> None:
        from roadmap_tui.scoring import Scoreboard, framework_for

        try:
            framework = framework_for(ws.roadmap.scoring)
        except WorkspaceError:
            self.board = None
            return
        self.board = Scoreboard(framework, ws.all_items())

    def apply_edit(self, edit: Edit) -> None:
        """Re-score only the items the edit touched."""
        if self.board is not None:
            self.board.apply_edit(edit)

    def of(self, item_id: str) -> ItemScore:
        board = self.board
        if board is None or item_id not in board:
            return NO_SCORE
        entry = board.ranking().entry(item_id)
        return ItemScore(
            entry.score,
            entry.value,
            entry.quadrant,
            entry.missing,
            entry.out_of_range,
            entry.rank,
        )
