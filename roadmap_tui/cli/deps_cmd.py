"""`roadmap deps`: dependency problems (cycles, dangling ids, broken orders) or one item's
closure and critical chain, from planning.dependencies."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from roadmap_tui.cli.common import (
    cycle_problems,
    handle_errors,
    print_problems,
    workspace_option,
)
from roadmap_tui.cli.output import Printer, echo_json
from roadmap_tui.cli.planning_common import (
    fail_if_unread,
    format_option,
    open_for_planning,
    source_option,
    unknown_item,
)


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
            raise unknown_item(ws, item)
        found = closure(graph, item)
        if output == "json":
            echo_json(found.to_json())
        else:
            _print_closure(graph, found)
        fail_if_unread(store)
        return
    from roadmap_tui.planning.dependencies import external_dependencies

    problems = dependency_problems(graph)
    external = external_dependencies(graph)
    if output == "json":
        echo_json({**problems.to_json(), "external": [e.to_json() for e in external]})
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
