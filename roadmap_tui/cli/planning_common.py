"""What the planning commands (`capacity`, `deps`, `asks`, `carry`, `draft`, `adopt`, `move`)
share: their options, opening the workspace for planning, an item's value, saving a plan."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from roadmap_tui.cli.common import (
    print_problems,
    say_finished,
    workspace_path,
)
from roadmap_tui.cli.output import echo
from roadmap_tui.models import Workspace, is_quarter_id
from roadmap_tui.models.validation import nearest
from roadmap_tui.storage import WorkspaceStore

if TYPE_CHECKING:
    from roadmap_tui.planning.common import ValueOf
    from roadmap_tui.planning.move_plan import MovePlan


FORMATS = ("table", "json")


def format_option(command: Any) -> Any:
    return click.option(
        "--format",
        "output",
        type=click.Choice(FORMATS),
        default="table",
        show_default=True,
        help="table for people, json for tools.",
    )(command)


def quarter_arg(value: str | None) -> str | None:
    if value is not None and not is_quarter_id(value):
        raise click.BadParameter(f"{value!r} is not a quarter id (YYYY-Qn, n = 1..4)")
    return value


def quarter_value(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    return quarter_arg(value)


def source_option(command: Any) -> Any:
    return click.option(
        "--source",
        "spec",
        default=None,
        help="Plan git:REV or scenario:NAME of the workspace instead.",
    )(command)


def open_for_planning(
    ctx: click.Context, workspace: Path | None, spec: str | None = None
) -> tuple[Path, WorkspaceStore]:
    """Open the workspace (or a source of it) even with broken references (planning reports
    those itself); stop only when it cannot be read at all."""
    from roadmap_tui.cli.opened import load_store

    path = workspace_path(ctx, workspace)
    store = load_store(spec if spec is not None else path, path)
    say_finished(store)
    if store.loaded.workspace is None:
        print_problems(store.problems)
        echo(f"{store.source.display}: cannot be read; nothing done", err=True)
        raise SystemExit(1)
    if store.loaded.errors:
        if store.loaded.unread:
            print_problems(store.loaded.errors)
        count = len(store.loaded.errors)
        echo(
            f"{store.source.display}: {count} problem(s), see `roadmap validate`;"
            " planning goes on with what it can read",
            err=True,
        )
    return path, store


def fail_if_unread(store: WorkspaceStore) -> None:
    """A gate never passes on what it could not read: exit 1, naming the files."""
    if store.loaded.unread:
        echo(f"error: could not read all of {', '.join(store.loaded.unread)}", err=True)
        raise SystemExit(1)


def value_of(ws: Workspace) -> ValueOf:
    """An item's value under the workspace's scoring framework (None: unscored)."""
    from roadmap_tui.scoring import framework_for

    return framework_for(ws.roadmap.scoring).value


def unknown_item(ws: Workspace, item_id: str) -> click.ClickException:
    hint = nearest(item_id, [item.id for item in ws.all_items()])
    return click.ClickException(
        f"there is no item {item_id}" + (f": did you mean {hint}?" if hint else "")
    )


def save_plan(store: WorkspaceStore, ws: Workspace, plan: MovePlan) -> list[Path]:
    from roadmap_tui.models.edits import apply
    from roadmap_tui.planning.move_plan import plan_edit

    apply(ws, plan_edit(ws, plan))
    return store.save(ws).written
