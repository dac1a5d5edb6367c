"""The app tells reservations and other workspaces' items apart from problems."""

from __future__ import annotations

from roadmap_tui.tui.screens.dependencies import DependenciesScreen
from roadmap_tui.tui.widgets.dependency_tree import DependencyTree
from roadmap_tui.tui.widgets.item_table import ItemTable
from tests.conftest import WriteWorkspace
from tests.tui.conftest import SIZE, app_on, opened

Q4 = """\
[quarter]
id = "2026-Q4"

[[items]]
id = "A"
title = "Needs another team's item"
estimate = 5
depends_on = ["wh/W-1"]

[[items]]
id = "R"
title = "Days for wh"
kind = "reservation"
for = "wh/ASK"
estimate = 3
"""


async def test_reservations_and_external_dependencies_are_marked(write_ws: WriteWorkspace) -> None:
    app = app_on(write_ws({"2026-Q4.toml": Q4}))
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        table = app.screen.query_one(ItemTable)
        assert str(table.get_cell("R", "title")) == " ⇄ Days for wh (for wh/ASK)"
        assert str(table.get_cell("A", "deps")).strip() == "✓ 1 ↗1"
        await pilot.press("4")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DependenciesScreen)
        tree = screen.query_one(DependencyTree)
        assert screen.selected_id() == "A"
        assert tree.marks == []
        labels = [str(node.label) for node in tree.root.children[0].children]
        assert labels == ["wh/W-1 ↗ in another workspace (roadmap portfolio deps checks it)"]
