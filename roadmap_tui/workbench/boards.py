"""Scoreboards for every framework the prioritise view has shown, kept current edit by edit.

The workspace's own framework is the app's board (`Scores`, already following edits); another
framework gets its board when first asked for and then follows each edit item by item, so
switching framework back and forth re-scores nothing; it scores the items a ranking first shows
(the backlog, a quarter), not the whole workspace. The formulas live in `roadmap_tui.scoring`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from roadmap_tui.models import Workspace, WorkspaceError
from roadmap_tui.models.edits import Edit

if TYPE_CHECKING:
    from roadmap_tui.scoring import Framework, Scoreboard
    from roadmap_tui.workbench.scores import Scores


class Boards:
    """One Scoreboard per framework name, for one workspace version line."""

    def __init__(self, ws: Workspace, scores: Scores) -> None:
        self.ws = ws
        self.scores = scores
        self._boards: dict[str, Scoreboard] = {}

    def names(self) -> list[str]:
        from roadmap_tui.scoring import framework_names

        return framework_names()

    def framework(self, name: str) -> Framework:
        """The framework configured by the workspace's [scoring] settings (weights, thresholds)."""
        from roadmap_tui.scoring import framework_for

        return framework_for(self.ws.roadmap.scoring, name)

    def board(self, name: str) -> Scoreboard | None:
        """The board of a framework; None when the workspace's settings cannot configure it."""
        own = self.scores.board
        if own is not None and own.framework.name == name:
            return own
        board = self._boards.get(name)
        if board is None:
            from roadmap_tui.scoring import Scoreboard

            try:
                framework = self.framework(name)
            except WorkspaceError:
                return None
            board = Scoreboard(framework, self.ws.all_items(), lazy=True)
            self._boards[name] = board
        return board

    def apply_edit(self, edit: Edit) -> None:
        """Re-score the items the edit touched, on every board but the app's own."""
        for board in self._boards.values():
            board.apply_edit(edit)
