"""Bare `roadmap`: open the terminal app (until it exists, say what would open)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import click

from roadmap_tui.cli.common import open_store


def open_app(workspace: Path) -> None:
    if importlib.util.find_spec("roadmap_tui.tui.app") is None:
        store = open_store(workspace)
        ws = store.workspace
        click.echo(
            f"roadmap: would open the terminal app on {workspace} ({ws.roadmap.workspace.name}:"
            f" {len(ws.quarters)} quarters, {len(ws.all_items())} items)."
        )
        click.echo("Try `roadmap --help` for the commands.")
        return
    from roadmap_tui.tui.app import run_app

    run_app(workspace)
