"""The plan view: what it shows, browsing quarters, sorting, filtering, the palette, help, themes."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from roadmap_tui.tui.screens.help import HelpScreen
from roadmap_tui.tui.screens.plan import PlanScreen
from roadmap_tui.tui.widgets.capacity_bars import CapacityBars
from roadmap_tui.tui.widgets.item_table import ItemTable
from roadmap_tui.tui.widgets.quarter_list import QuarterList
from tests.tui.conftest import Q4, SIZE, app_on, opened, type_text


async def test_opens_on_the_current_quarter(example: Path) -> None:
    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        assert isinstance(app.screen, PlanScreen)
        table = app.screen.query_one(ItemTable)
        assert table.location == "2026-Q4"
        assert table.shown_ids == Q4
        quarters = app.screen.query_one(QuarterList)
        assert [str(o.id) for o in quarters.options] == [
            "2026-Q3",
            "2026-Q4",
            "2027-Q1",
            "2027-Q2",
            "backlog",
        ]
        # leftovers are marked, and the detail line says where they came from
        assert str(table.get_cell("SPACELIFT-DR", "title")).startswith(" ↻ ")
        detail = app.screen.detail_text
        assert "carried from 2026-Q3" in detail
        assert app.sub_title == "plans"


async def test_browsing_quarters_with_the_sidebar_and_brackets(example: Path) -> None:
    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        table = app.screen.query_one(ItemTable)
        await pilot.press("right_square_bracket")
        assert table.location == "2027-Q1"
        assert table.shown_ids[0] == "DATADOG-SELF-SERVICE"
        await pilot.press("tab")  # the sidebar (focus cycles table -> sidebar)
        app.screen.query_one(QuarterList).focus()
        await pilot.press("down", "down")
        assert table.location == "backlog"
        assert table.shown_ids[0] == "REQ-ACCOUNT-STRUCTURE"
        await pilot.press("enter")
        assert app.focused is table


async def test_sort_by_any_column_and_reverse(example: Path) -> None:
    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        table = app.screen.query_one(ItemTable)
        await pilot.press("s")  # id
        assert table.sort_column == "id"
        assert table.shown_ids == sorted(Q4, key=str.lower)
        await pilot.press("s", "s", "s", "s")  # title, team, status, estimate
        assert table.sort_column == "estimate"
        # estimates 12, 18, 30, 8, 25, 8, 5, 10, 6, 3: smallest first, file order on ties
        assert table.shown_ids[:4] == [
            "REQ-SPACELIFT-NOTIFICATIONS",
            "SPACELIFT-WORKSHOP",
            "CHART-MUSEUM-SUNSET",
            "TAGGING",
        ]
        await pilot.press("S")
        assert table.sort_reverse
        assert table.shown_ids[0] == "APP-MODULE-GA"
        heading = str(app.screen.query_one("#quarter-heading", Static).render())
        assert "sorted by estimate ▼" in heading


async def test_filter_as_you_type(example: Path) -> None:
    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        table = app.screen.query_one(ItemTable)
        await pilot.press("slash")
        await type_text(pilot, "spacelift")
        assert table.shown_ids == [
            "SPACELIFT-DR",
            "SPACELIFT-MIGRATION",
            "SPACELIFT-WORKSHOP",
            "REQ-SPACELIFT-NOTIFICATIONS",
        ]
        await type_text(pilot, " dr")
        assert table.shown_ids == ["SPACELIFT-DR"]
        await pilot.press("enter")  # keep the filter, back to the table
        assert app.focused is table
        await pilot.press("slash", "escape")
        assert table.shown_ids == Q4


async def test_capacity_bars_and_sidebar_loads(example: Path) -> None:
    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        bars = app.screen.query_one(CapacityBars)
        assert app.derived is not None and app.derived.facts.available
        assert bars.display
        # infra-platform in 2026-Q4: 12 + 18 + 30 + 8 (done) + 25 + 8 + 5 + 3 = 109 of 130 days;
        # the dropped CHART-MUSEUM-SUNSET takes nothing, DATADOG-MONITORS-AS-CODE is observability's
        assert bars.figures["infra-platform"] == "109/130"
        assert bars.figures["storage"] == "4/15"  # SPACELIFT-DR asks storage for 4 days
        assert list(bars.figures)[0] == "infra-platform"
        prompt = app.screen.query_one(QuarterList).prompt("2026-Q4")
        assert "published 109/130" in prompt.plain


async def test_palette_finds_items_and_actions(example: Path) -> None:
    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        await pilot.press("ctrl+p")
        await type_text(pilot, "ml-gpu")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        table = app.screen.query_one(ItemTable)
        assert table.location == "2027-Q1"
        assert table.current_item_id() == "ML-GPU-STACKS"
        titles = {command.title for command in app.get_system_commands(app.screen)}
        names = {title.rsplit(" (", 1)[0] for title in titles}
        assert {"Save", "Undo", "Defer", "Pull in", "Drop", "Stage", "Edit", "Add"} <= names


async def test_help_and_theme(example: Path) -> None:
    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        keys = [key for key, _, _ in app.screen.bindings]
        assert ">" in keys and "^s" in keys
        await pilot.press("escape")
        assert isinstance(app.screen, PlanScreen)
        assert app.theme == "textual-dark"
        await pilot.press("ctrl+t")
        assert app.theme == "textual-light"
