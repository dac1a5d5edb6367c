"""How `roadmap` was started: launched as a program (`cli.run()` marks the root context) or
under a test runner, and the workspace folder the group was given. Light on purpose: read
before any command's module (and the models) is imported."""

from __future__ import annotations

from pathlib import Path

import click

LAUNCHED = "launched"  # key of the root context's `obj` that `run()` sets
DEFAULT_WORKSPACE = Path("plans")


def launched(ctx: click.Context | None) -> bool:
    root = ctx.find_root().obj if ctx is not None else None
    return isinstance(root, dict) and root.get(LAUNCHED) is True


def workspace_path(ctx: click.Context, given: Path | None) -> Path:
    if given is not None:
        return given
    root = ctx.find_root()
    from_group = root.params.get("workspace") if root is not None else None
    return from_group if isinstance(from_group, Path) else DEFAULT_WORKSPACE
