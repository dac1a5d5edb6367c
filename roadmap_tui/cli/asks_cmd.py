"""`roadmap asks`: who needs how many days from whom in which quarter (planning.asks)."""

from __future__ import annotations

from pathlib import Path

import click

from roadmap_tui.cli.common import (
    handle_errors,
    workspace_option,
)
from roadmap_tui.cli.output import Printer, write_json_list
from roadmap_tui.cli.planning_common import (
    format_option,
    open_for_planning,
    quarter_value,
    source_option,
)
from roadmap_tui.models.validation import nearest


@click.command()
@workspace_option
@source_option
@click.option("--team", default=None, help="Only asks made of or by this team.")
@click.option(
    "--quarter", callback=quarter_value, default=None, help="Only this quarter (YYYY-Qn)."
)
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
