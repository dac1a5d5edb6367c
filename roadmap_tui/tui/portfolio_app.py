"""`roadmap --portfolio FILE`: a read-only app over many teams' workspaces.

The report is made before the app starts (storage reads the members, roadmap_tui.portfolio
checks them) and handed in, so tests open the app on any report.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import App

from roadmap_tui.portfolio import PortfolioReport
from roadmap_tui.tui.screens.portfolio import PortfolioScreen


class PortfolioApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "Portfolio"

    def __init__(self, report: PortfolioReport, name: str) -> None:
        super().__init__()
        self.report = report
        self.portfolio_name = name

    def on_mount(self) -> None:
        self.push_screen(PortfolioScreen(self.report, self.portfolio_name))


def make_portfolio_app(file: Path, *, fetch: bool = True) -> PortfolioApp:
    from roadmap_tui.portfolio import check
    from roadmap_tui.storage.portfolio import load_portfolio

    loaded = load_portfolio(file, fetch=fetch)
    return PortfolioApp(check(loaded.members), loaded.name)


def run_portfolio_app(file: Path) -> None:
    make_portfolio_app(file).run()
