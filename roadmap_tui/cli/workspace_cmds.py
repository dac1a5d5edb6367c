"""`roadmap init` and `roadmap validate`."""

from __future__ import annotations

from pathlib import Path

import click

from roadmap_tui.cli.common import (
    cycle_problems,
    handle_errors,
    located,
    print_problems,
    require_stage_option,
    workspace_option,
    workspace_path,
)
from roadmap_tui.cli.output import echo
from roadmap_tui.models import Problem
from roadmap_tui.scoring import check_workspace
from roadmap_tui.storage import WorkspaceStore
from roadmap_tui.storage.example import InitRefused, init_workspace


@click.command()
@click.argument("directory", required=False, type=click.Path(path_type=Path))
@workspace_option
@click.option("--force", is_flag=True, help="Write into a folder that already holds a workspace.")
@click.pass_context
@handle_errors
def init(ctx: click.Context, directory: Path | None, workspace: Path | None, force: bool) -> None:
    """Write a new workspace from the example into DIRECTORY (default: the workspace, ./plans)."""
    target = directory if directory is not None else workspace_path(ctx, workspace)
    try:
        init_workspace(target, overwrite=force)
    except InitRefused as refused:
        hint = " (--force to overwrite)" if refused.overwrite_helps else ""
        raise click.ClickException(f"{refused}{hint}") from None
    echo(f"{target}: new workspace from the example; open it with `roadmap -w {target}`")


@click.command()
@workspace_option
@click.option("--source", "spec", default=None, help="Validate git:REV or scenario:NAME instead.")
@require_stage_option
@click.pass_context
@handle_errors
def validate(
    ctx: click.Context,
    workspace: Path | None,
    spec: str | None,
    requirements: list[tuple[str, str]],
) -> None:
    """Check every file of the workspace; print each problem, exit 1 if any is an error.

    With --require-stage, a quarter that has not reached its stage is an error too.
    """
    from roadmap_tui.cli.opened import load_store

    path = workspace_path(ctx, workspace)
    store = load_store(spec if spec is not None else path, path)
    problems: list[Problem] = list(store.problems)
    ws = store.loaded.workspace
    if ws is not None:
        problems.extend(framework_problems(store))
        if requirements:
            from roadmap_tui.planning.stages import stage_problems

            problems.extend(located(store, stage_problems(ws, requirements)))
        problems.extend(cycle_problems(store))
    print_problems(problems)
    errors = [p for p in problems if p.is_error]
    label = store.source.display
    if errors:
        echo(f"{label}: {len(errors)} error(s), {len(problems) - len(errors)} warning(s)", err=True)
        raise SystemExit(1)
    assert ws is not None
    warnings = len(problems)
    note = f" ({warnings} warning{'s' if warnings != 1 else ''})" if warnings else ""
    echo(
        f"{label}: {len(ws.quarters)} quarters, {len(ws.all_items())} items,"
        f" {len(ws.roadmap.teams)} teams: valid{note}"
    )


def framework_problems(store: WorkspaceStore, framework: str | None = None) -> list[Problem]:
    """Score inputs and [scoring] settings against the frameworks (default: [scoring].framework),
    located in the source's files."""
    return located(store, check_workspace(store.workspace, framework))
