"""The command palette's items: every item of the workspace, found by id or title."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from roadmap_tui.tui.app import RoadmapApp

DISCOVER = 30  # items listed before anything is typed


class ItemsProvider(Provider):
    """`NAMING` or `naming conventions` -> show that item in its quarter."""

    @property
    def roadmap(self) -> RoadmapApp:
        return self.app  # type: ignore[return-value]

    def _located(self) -> list[tuple[str, str, str]]:
        session = self.roadmap.session
        if session is None:
            return []
        return [(item.id, item.title, where) for where, item in session.workspace.located_items()]

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for item_id, title, where in self._located():
            text = f"{item_id}  {title}"
            score = matcher.match(text)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(text),
                    partial(self.roadmap.show_item, item_id),
                    help=f"in {where}",
                )

    async def discover(self) -> Hits:
        for item_id, title, where in self._located()[:DISCOVER]:
            yield DiscoveryHit(
                f"{item_id}  {title}",
                partial(self.roadmap.show_item, item_id),
                help=f"in {where}",
            )
