"""Bare `roadmap`: open the terminal app on the workspace.

Textual is imported here, only when the app opens, so the other commands never pay for it.
"""

from __future__ import annotations

from pathlib import Path


def open_app(workspace: Path) -> None:
    from roadmap_tui.cli.collector import collector_paused

    # Its modules live until exit, as a command's do (cli/lazy.py): collections while they were
    # imported found nothing to free and took 30-50 ms of the app's first frame.
    with collector_paused():
        from roadmap_tui.tui.app import run_app
    run_app(workspace)


def open_portfolio(file: Path) -> None:
    """`roadmap --portfolio FILE`: members are read (and git ones fetched) before the app opens."""
    from roadmap_tui.cli.collector import collector_paused
    from roadmap_tui.cli.common import print_problems
    from roadmap_tui.models import WorkspaceError

    with collector_paused():
        from roadmap_tui.tui.portfolio_app import run_portfolio_app

    try:
        run_portfolio_app(file)
    except WorkspaceError as error:
        print_problems(error.problems)
        raise SystemExit(1) from None
