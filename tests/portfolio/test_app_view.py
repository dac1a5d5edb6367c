"""`roadmap --portfolio FILE`: the read-only view, its heat map, asks, dependencies and details."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.widgets import DataTable, Static

from roadmap_tui.tui.portfolio_app import make_portfolio_app
from roadmap_tui.tui.screens.portfolio import DetailsScreen, PortfolioScreen
from tests.portfolio.conftest import INFRA, WH, portfolio_file, write


def cells(table: DataTable[object], row: int) -> list[str]:
    return [str(cell).strip() for cell in table.get_row_at(row)]


def test_the_view_shows_load_asks_and_problems_and_enter_opens_details(tmp_path: Path) -> None:
    write(tmp_path / "infra", INFRA)
    write(tmp_path / "wh", WH)
    app = make_portfolio_app(portfolio_file(tmp_path, ['path = "infra"', 'path = "wh"']))

    async def run() -> None:
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, PortfolioScreen)
            load = screen.query_one("#portfolio-load", DataTable)
            assert [str(c.label) for c in load.columns.values()] == ["team", "2026-Q3", "2026-Q4"]
            assert cells(load, 0) == ["infra", "27/100", ""]
            assert cells(load, 1) == ["wh", "16+9/20", "9/20"]
            assert cells(load, 2) == ["dev", "6/8 d", ""]
            await pilot.press("down", "enter")
            await pilot.pause()
            assert isinstance(app.screen, DetailsScreen)
            text = str(app.screen.query_one("#portfolio-details-text", Static).render())
            assert "wh 2026-Q3: 16 used + 9 unconfirmed of 20, over by 5" in text
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is screen  # type: ignore[comparison-overlap]  # escape closed it
            await pilot.press("a")
            asks = screen.query_one("#portfolio-asks", DataTable)
            statuses = [cells(asks, row)[0] for row in range(asks.row_count)]
            assert statuses == [
                "unconfirmed", "wrong-quarter", "short", "orphaned", "confirmed", "no-workspace"
            ]  # fmt: skip
            await pilot.press("d")
            deps = screen.query_one("#portfolio-deps", DataTable)
            assert [cells(deps, row)[:2] for row in range(deps.row_count)] == [
                ["order", "infra/A6"],
                ["missing", "infra/A7"],
            ]

    asyncio.run(run())


def test_a_bad_portfolio_file_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from roadmap_tui.cli import main

    result = CliRunner().invoke(main, ["--portfolio", str(tmp_path / "none.toml")])
    assert result.exit_code == 1
    assert result.output == f"{tmp_path / 'none.toml'}: no such portfolio file\n"
