"""The dependencies view: the needs / needed-by tree with problems marked, and team asks."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Static

from roadmap_tui.tui.screens.dependencies import DependenciesScreen
from roadmap_tui.tui.widgets.dependency_tree import DependencyTree
from tests.conftest import WriteWorkspace
from tests.tui.conftest import SIZE, app_on, opened

Q4 = """\
[quarter]
id = "2026-Q4"

[[items]]
id = "A"
title = "A needs B"
estimate = 5
depends_on = ["B"]
asks = [{ team = "storage", days = 3 }]

[[items]]
id = "B"
title = "B needs A"
estimate = 5
depends_on = ["A"]

[[items]]
id = "C"
title = "C needs an unknown item and D"
estimate = 2
depends_on = ["NOPE", "D"]
"""

Q1 = """\
[quarter]
id = "2027-Q1"

[[items]]
id = "D"
title = "D comes after C"
estimate = 4
asks = [{ team = "storage", days = 2 }]
"""


async def test_problems_are_marked_in_the_tree(write_ws: WriteWorkspace) -> None:
    folder = write_ws({"2026-Q4.toml": Q4, "2027-Q1.toml": Q1})
    app = app_on(folder)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        await pilot.press("4")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DependenciesScreen)
        heading = str(screen.query_one("#dependencies-heading", Static).render())
        assert "1 cycle(s), 1 unknown id(s), 1 broken order(s)" in heading
        assert screen.selected_id() == "A"  # items by quarter, then id
        items = screen.items_table
        assert [row.key.value for row in items.ordered_rows] == ["A", "B", "C", "D"]
        assert [str(cell) for cell in items.get_row("B")] == ["⚠", "B", "2026-Q4"]
        assert [str(cell) for cell in items.get_row("D")] == ["", "D", "2027-Q1"]
        tree = screen.query_one(DependencyTree)
        assert "A: in a cycle" in tree.marks
        assert "A → B → A: cycle" in tree.marks

        await pilot.press("p", "p")  # next problems: B, then C
        await pilot.pause()
        assert screen.selected_id() == "C"
        assert tree.marks == ["NOPE: no such item", "C → D: planned later"]
        labels = [str(node.label) for node in tree.root.children[0].children]
        assert labels == ["NOPE ⚠ no such item", "D (2027-Q1, planned) ⚠ planned later"]

        await pilot.press("down")  # D: needed by C, which is planned before it
        await pilot.pause()
        assert screen.selected_id() == "D"
        needed_by = [str(node.label) for node in tree.root.children[1].children]
        assert needed_by == ["C (2026-Q4, planned) ⚠ planned later"]


async def test_team_asks_per_quarter(write_ws: WriteWorkspace) -> None:
    folder = write_ws({"2026-Q4.toml": Q4, "2027-Q1.toml": Q1})
    app = app_on(folder)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        await pilot.press("4")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DependenciesScreen)
        asks = screen.query_one("#team-asks", DataTable)
        rows = [[str(cell) for cell in asks.get_row_at(r)] for r in range(asks.row_count)]
        assert rows == [
            ["2026-Q4", "infra", "storage", "3", "A"],
            ["2027-Q1", "infra", "storage", "2", "D"],
        ]
        heading = str(screen.query_one("#asks-heading", Static).render())
        assert "2 (who asks whom, per quarter), 5 days" in heading


async def test_the_example_has_no_dependency_problems(example: Path) -> None:
    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        await pilot.press("4")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DependenciesScreen)
        heading = str(screen.query_one("#dependencies-heading", Static).render())
        assert "no cycles, no unknown ids, no broken orders" in heading
        tree = screen.query_one(DependencyTree)
        assert screen.selected_id() == "APP-MODULE-BETA"
        needs = [str(node.label) for node in tree.root.children[0].children]
        assert needs == ["NAMING (2026-Q3, done)"]
        assert tree.marks == []
