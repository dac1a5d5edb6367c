"""Bare `roadmap`: open the terminal app on the workspace.

Textual is imported here, only when the app opens, so the other commands never pay for it.
"""

from __future__ import annotations

from pathlib import Path


def open_app(workspace: Path) -> None:
    from roadmap_tui.tui.app import run_app

    run_app(workspace)
