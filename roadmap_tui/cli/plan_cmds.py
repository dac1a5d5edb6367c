"""`roadmap capacity`, `deps`, `asks`, `carry`, `draft` and `adopt`: the planning layer's faces.

The rules live in roadmap_tui.planning; this module parses arguments, prints, and writes through
storage.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from roadmap_tui.cli.common import (
    cycle_problems,
    handle_errors,
    print_problems,
    say_finished,
    workspace_option,
    workspace_path,
)
from roadmap_tui.cli.output import Printer, echo, echo_json, write_json_list, write_plain_table
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


def _quarter(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
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


def _dump(data: Any) -> None:
    echo_json(data)


def _unknown_item(ws: Workspace, item_id: str) -> click.ClickException:
    hint = nearest(item_id, [item.id for item in ws.all_items()])
    return click.ClickException(
        f"there is no item {item_id}" + (f": did you mean {hint}?" if hint else "")
    )


def _save(store: WorkspaceStore, ws: Workspace, plan: MovePlan) -> list[Path]:
    from roadmap_tui.models.edits import apply
    from roadmap_tui.planning.move_plan import plan_edit

    apply(ws, plan_edit(ws, plan))
    return store.save(ws).written


# --- capacity --------------------------------------------------------------------------------
@click.command()
@workspace_option
@source_option
@click.option("--quarter", callback=_quarter, default=None, help="Only this quarter (YYYY-Qn).")
@format_option
@click.option("--check", is_flag=True, help="Exit 1 when any team is overloaded (for CI).")
@click.pass_context
@handle_errors
def capacity(
    ctx: click.Context,
    workspace: Path | None,
    spec: str | None,
    quarter: str | None,
    output: str,
    check: bool,
) -> None:
    """Capacity per team and quarter: own work, asks of other teams, used, free, overloaded.

    Done items count as spent; dropped items do not count; unestimated items count 0 and are
    named.
    """
    from roadmap_tui.planning.capacity import team_loads
    from roadmap_tui.planning.graph import PlanGraph

    _, store = open_for_planning(ctx, workspace, spec)
    ws = store.workspace
    graph = PlanGraph(ws)
    loads = team_loads(graph, quarter)
    over = [load for load in loads if load.overloaded]
    complete = not store.loaded.unread
    if output == "json":
        write_json_list(load.to_json() for load in loads)
    else:
        _print_capacity(loads, complete)
    fail_if_unread(store)
    if check and over:
        if output == "json":
            for load in over:
                echo(f"overloaded: {load.sentence()}", err=True)
        raise SystemExit(1)


def _print_capacity(loads: list[Any], complete: bool) -> None:

    from roadmap_tui.models.numbers import fmt as show

    console = Printer()
    headers = ["quarter", "team", "capacity", "own", "asked", "used", "free", "note"]
    rows = []
    for load in loads:
        flags = []
        if load.overloaded:
            flags.append(f"over by {show(-load.free)}")
        if not load.known_team:
            flags.append("not a team in roadmap.toml")
        elif not load.has_capacity:
            flags.append("no capacity given")
        if load.unestimated:
            flags.append(f"{len(load.unestimated)} unestimated")
        if load.done:
            flags.append(f"{show(load.done)} done")
        if load.dropped:
            flags.append(f"{show(load.dropped)} dropped, not counted")
        rows.append(
            [
                load.quarter,
                load.team,
                show(load.capacity),
                show(load.own),
                show(load.asked),
                show(load.used),
                show(load.free),
                ", ".join(flags),
            ]
        )
    if console.terminal:
        _rich_capacity(console, headers, rows, [load.overloaded for load in loads])
    else:
        write_plain_table(headers, rows, right=range(2, 7))
    over = [load for load in loads if load.overloaded]
    for load in over:
        console.line(f"overloaded: {load.sentence()}")
    for load in loads:
        if load.unestimated:
            console.line(
                f"unestimated (counted 0): {load.team} {load.quarter}: {', '.join(load.unestimated)}"
            )
    if not over and complete:
        console.line("No team is over capacity.")
    elif not over:
        console.line("No team is over capacity in what could be read.")


def _rich_capacity(
    console: Printer, headers: list[str], rows: list[list[str]], over: list[bool]
) -> None:
    """The capacity table on a terminal: a section per quarter, overloads in red."""
    from rich.table import Table
    from rich.text import Text

    table = Table(show_edge=False, pad_edge=False)
    for name in headers:
        table.add_column(name, justify="left" if name in ("quarter", "team", "note") else "right")
    previous = None
    for row, overloaded in zip(rows, over, strict=True):
        if previous is not None and row[0] != previous:
            table.add_section()
        previous = row[0]
        note = Text(row[-1])
        if overloaded:
            note.stylize("bold red", 0, row[-1].index(",") if "," in row[-1] else len(row[-1]))
        table.add_row(*row[:-1], note)
    console.console.print(table)


# --- deps ------------------------------------------------------------------------------------
@click.command()
@click.argument("item", required=False)
@workspace_option
@source_option
@format_option
@click.pass_context
@handle_errors
def deps(
    ctx: click.Context, item: str | None, workspace: Path | None, spec: str | None, output: str
) -> None:
    """Dependency problems (cycles, unknown ids, broken orders), or one ITEM's upstream,
    downstream and critical chain.

    A broken order: an item planned before something it depends on, or depending on a backlog
    or dropped item. Cycles read "A depends on B ... depends on A". Dependencies on another
    team's item (OWNER/ID) are listed as external: `roadmap portfolio deps` checks them.
    """
    from roadmap_tui.planning.dependencies import closure, dependency_problems
    from roadmap_tui.planning.graph import PlanGraph

    _, store = open_for_planning(ctx, workspace, spec)
    ws = store.workspace
    graph = PlanGraph(ws)
    if item is not None:
        if item not in graph.items:
            raise _unknown_item(ws, item)
        found = closure(graph, item)
        if output == "json":
            _dump(found.to_json())
        else:
            _print_closure(graph, found)
        fail_if_unread(store)
        return
    from roadmap_tui.planning.dependencies import external_dependencies

    problems = dependency_problems(graph)
    external = external_dependencies(graph)
    if output == "json":
        _dump({**problems.to_json(), "external": [e.to_json() for e in external]})
    else:
        _print_dependency_problems(problems, external, complete=not store.loaded.unread)
    fail_if_unread(store)
    if problems.cycles:  # no order can plan a cycle: an error, located
        print_problems(cycle_problems(store))
        raise SystemExit(1)


def _print_dependency_problems(problems: Any, external: list[Any], complete: bool) -> None:
    console = Printer()
    if external:
        console.line(f"External: on other workspaces' items ({len(external)})", "bold")
        for dependency in external:
            console.line(f"  {dependency.sentence()}")
    if not problems.count:
        where = "" if complete else " in what could be read"
        console.line(f"No dependency problems{where}: no cycles, no unknown ids, no broken orders.")
        return
    if problems.cycles:
        console.line(f"Cycles ({len(problems.cycles)})", "bold")
        for cycle in problems.cycles:
            console.line("  " + " -> ".join([*cycle, cycle[0]]))
        if problems.cycles_cut:
            console.line("  (more cycles in the same knot not listed)")
    if problems.dangling:
        console.line(f"Unknown ids ({len(problems.dangling)})", "bold")
        for dangling in problems.dangling:
            console.line(f"  {dangling.sentence()}")
    if problems.order_violations:
        console.line(f"Broken orders ({len(problems.order_violations)})", "bold")
        for violation in problems.order_violations:
            console.line(f"  {violation.sentence()}")


def _print_closure(graph: Any, found: Any) -> None:
    from roadmap_tui.models.numbers import fmt as show

    console = Printer()

    def where(item_id: str) -> str:
        item = graph.items[item_id]
        return f"{item_id} ({graph.location[item_id]}, {item.status})"

    console.line(f"{where(found.item)}", "bold")
    console.line(f"Depends on ({len(found.upstream)}):")
    for item_id in found.upstream:
        console.line(f"  {where(item_id)}")
    console.line(f"Needed by ({len(found.downstream)}):")
    for item_id in found.downstream:
        console.line(f"  {where(item_id)}")
    console.line(f"Critical chain: {show(found.chain_days)} open days")
    for item_id in found.chain:
        item = graph.items[item_id]
        days = "done" if item.status == "done" else f"{show(item.days)} days"
        console.line(f"  {where(item_id)}: {days}")


# --- asks ------------------------------------------------------------------------------------
@click.command()
@workspace_option
@source_option
@click.option("--team", default=None, help="Only asks made of or by this team.")
@click.option("--quarter", callback=_quarter, default=None, help="Only this quarter (YYYY-Qn).")
@format_option
@click.pass_context
@handle_errors
def asks(
    ctx: click.Context,
    workspace: Path | None,
    spec: str | None,
    team: str | None,
    quarter: str | None,
    output: str,
) -> None:
    """Who needs how many days from whom in which quarter: what each partner team must hear.

    Counts asks of items planned in a quarter that are not done or dropped.
    """
    from roadmap_tui.planning.asks import team_asks, unknown_team_asks
    from roadmap_tui.planning.graph import PlanGraph

    _, store = open_for_planning(ctx, workspace, spec)
    graph = PlanGraph(store.workspace)
    if (
        team is not None
        and team not in graph.teams
        and not any(use.team == team for uses in graph.uses.values() for use in uses)
    ):
        hint = nearest(team, list(graph.teams))
        raise click.ClickException(
            f"there is no team {team}" + (f": did you mean {hint}?" if hint else "")
        )
    groups = team_asks(graph, team=team, quarter=quarter)
    if output == "json":
        write_json_list(group.to_json() for group in groups)
        return
    from roadmap_tui.models.numbers import fmt as show

    console = Printer()
    if not groups:
        console.line("No open asks.")
    previous = None
    for group in groups:
        if group.quarter != previous:
            console.line(f"{group.quarter}", "bold")
            previous = group.quarter
        tell = group.channel if group.known_team else "not a team in roadmap.toml"
        console.line(
            f"  {group.to_team} ({tell}): {show(group.days)} days for {group.from_team}",
            None if group.known_team else "red",
        )
        for line in group.asks:
            note = f": {line.note}" if line.note else ""
            console.line(f"    {line.item} {show(line.days)}{note}")
    for item_id, asked in unknown_team_asks(graph):
        console.line(f"{item_id} asks days of {asked}, which is not a team in roadmap.toml", "red")


# --- carry -----------------------------------------------------------------------------------
@click.command()
@click.argument("source", metavar="FROM", callback=_quarter)
@click.argument("target", metavar="TO", callback=_quarter)
@workspace_option
@source_option
@click.option("--dry-run", is_flag=True, help="Show what would move; write nothing.")
@click.pass_context
@handle_errors
def carry(
    ctx: click.Context,
    source: str,
    target: str,
    workspace: Path | None,
    spec: str | None,
    dry_run: bool,
) -> None:
    """Move every item of FROM that is not done or dropped into TO (sets carried_from; keeps
    ids, asks and dependencies)."""
    from roadmap_tui.planning.carry import carry_plan
    from roadmap_tui.planning.common import PlanningError

    _, store = open_for_planning(ctx, workspace, spec)
    ws = store.workspace
    try:
        plan = carry_plan(ws, source, target)
    except PlanningError as error:
        raise click.ClickException(str(error)) from None
    if not plan.moves:
        echo(f"Nothing to carry: every item of {source} is done or dropped.")
        return
    verb = "Would carry" if dry_run else "Carried"
    echo(f"{verb} {len(plan.moves)} item(s) from {source} to {target}:")
    for move in plan.moves:
        echo(f"  {move.item} ({move.reason})")
    if dry_run:
        echo("Dry run: nothing written.")
        return
    written = _save(store, ws, plan)
    echo("Written: " + ", ".join(str(path) for path in written))


# --- draft -----------------------------------------------------------------------------------
@click.command()
@click.argument("quarter", callback=_quarter)
@workspace_option
@source_option
@click.option("--write", is_flag=True, help='Write the quarter file (stage = "draft").')
@format_option
@click.pass_context
@handle_errors
def draft(
    ctx: click.Context,
    quarter: str,
    workspace: Path | None,
    spec: str | None,
    write: bool,
    output: str,
) -> None:
    """Propose a plan for QUARTER: leftovers first, then the backlog items worth most that fit
    every team's free capacity, never before what they depend on. Says why each item left out
    was left out."""
    from roadmap_tui.planning.draft import draft_quarter

    _, store = open_for_planning(ctx, workspace, spec)
    ws = store.workspace
    result = draft_quarter(ws, quarter, value_of(ws))
    if output == "json":
        _dump(result.to_json())
    else:
        _print_draft(result, ws)
    if write:
        written = _save(store, ws, result.plan)
        message = "Written: " + ", ".join(str(path) for path in written)
        echo(message, err=output == "json")
    elif output != "json":
        echo("Not written (add --write to write the quarter file as a draft).")


def _print_draft(result: Any, ws: Workspace) -> None:
    from roadmap_tui.exporters.draft_words import draft_pieces

    console = Printer()
    console.line(f"Draft of {result.quarter}", "bold")
    console.pieces(draft_pieces(result))


# --- adopt -----------------------------------------------------------------------------------
@click.command()
@click.argument("items", nargs=-1, required=True, metavar="ITEM...")
@click.option("--quarter", required=True, callback=_quarter, help="Quarter to adopt into.")
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
    from roadmap_tui.planning.adopt import make_room, scenario_name
    from roadmap_tui.planning.common import PlanningError
    from roadmap_tui.storage import new_scenario, scenario_folder

    path, store = open_for_planning(ctx, workspace)
    ws = store.workspace
    for item_id in items:
        if ws.find(item_id) is None:
            raise _unknown_item(ws, item_id)
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
        _dump({"scenario": written, **result.to_json()})
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
    _save(scenario_store, scenario_store.workspace, result.plan)
    to_err = output == "json"
    echo(f"Written: scenario {chosen} ({folder})", err=to_err)
    echo(f"Compare: roadmap -w {path} impact {path} scenario:{chosen}", err=to_err)


def _print_adoption(result: Any) -> None:
    from roadmap_tui.exporters.rich_views import adoption_text

    console = Printer()
    console.line(f"Adopt {', '.join(result.items)} into {result.quarter}", "bold")
    console.show(adoption_text(result))
