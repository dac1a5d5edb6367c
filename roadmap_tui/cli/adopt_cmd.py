"""`roadmap adopt ITEM... --quarter Q`: make room for the items (planning.adopt) and write the
result as a scenario to compare with `roadmap impact`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from roadmap_tui.cli.common import (
    handle_errors,
    print_problems,
    workspace_option,
)
from roadmap_tui.cli.output import Printer, echo, echo_json
from roadmap_tui.cli.planning_common import (
    format_option,
    open_for_planning,
    quarter_value,
    save_plan,
    unknown_item,
    value_of,
)
from roadmap_tui.storage import WorkspaceStore


@click.command()
@click.argument("items", nargs=-1, required=True, metavar="ITEM...")
@click.option("--quarter", required=True, callback=quarter_value, help="Quarter to adopt into.")
@click.option("--scenario", "name", default=None, help="Scenario name (default: adopt-ITEMS).")
@workspace_option
@click.option("--allow-in-progress", is_flag=True, help="In-progress items may be deferred too.")
@click.option("--force", is_flag=True, help="Replace a scenario of that name.")
@click.option("--dry-run", is_flag=True, help="Show the proposal; write no scenario.")
@format_option
@click.pass_context
@handle_errors
def adopt(
    ctx: click.Context,
    items: tuple[str, ...],
    quarter: str,
    name: str | None,
    workspace: Path | None,
    allow_in_progress: bool,
    force: bool,
    dry_run: bool,
    output: str,
) -> None:
    """If we adopt ITEM... into --quarter now, what must go? Plans the items in, defers the
    items of least value until every team fits (with their dependents), and writes the result
    as a scenario to compare with `roadmap impact`."""
    from roadmap_tui.planning.adopt import make_room
    from roadmap_tui.planning.adoption import scenario_name
    from roadmap_tui.planning.common import PlanningError
    from roadmap_tui.storage import new_scenario, scenario_folder

    path, store = open_for_planning(ctx, workspace)
    ws = store.workspace
    for item_id in items:
        if ws.find(item_id) is None:
            raise unknown_item(ws, item_id)
    chosen = name or scenario_name(list(items))
    folder = scenario_folder(path, chosen)
    if not dry_run and folder.exists() and not force:
        raise click.ClickException(
            f"scenario {chosen} exists already ({folder}); nothing written (--force to replace)"
        )
    try:
        result = make_room(
            ws, list(items), quarter, value_of(ws), allow_in_progress=allow_in_progress
        )
    except PlanningError as error:
        raise click.ClickException(str(error)) from None
    if output == "json":
        written = None if dry_run or not result.feasible else chosen
        echo_json({"scenario": written, **result.to_json()})
    else:
        _print_adoption(result)
    if not result.feasible:
        echo("No room can be made: nothing written.", err=True)
        raise SystemExit(1)
    if dry_run:
        if output != "json":
            echo("Dry run: no scenario written.")
        return
    new_scenario(path, chosen, force=force)
    scenario_store = WorkspaceStore.open(f"scenario:{chosen}", workspace=path)
    if scenario_store.loaded.workspace is None:  # pragma: no cover - it is a fresh copy
        print_problems(scenario_store.problems)
        raise SystemExit(1)
    save_plan(scenario_store, scenario_store.workspace, result.plan)
    to_err = output == "json"
    echo(f"Written: scenario {chosen} ({folder})", err=to_err)
    echo(f"Compare: roadmap -w {path} impact {path} scenario:{chosen}", err=to_err)


def _print_adoption(result: Any) -> None:
    from roadmap_tui.exporters.rich_views import adoption_text

    console = Printer()
    console.line(f"Adopt {', '.join(result.items)} into {result.quarter}", "bold")
    console.show(adoption_text(result))
