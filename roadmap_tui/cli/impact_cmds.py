"""`roadmap impact`, `roadmap notices` and `roadmap scenario new|list`.

The comparison itself lives in roadmap_tui.impact; this module opens the sources, picks the
framework's figures and prints.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from roadmap_tui.cli.common import handle_errors, open_workspace, workspace_option, workspace_path
from roadmap_tui.cli.output import Printer, echo, echo_json, write_plain_table
from roadmap_tui.impact import Impact, Options, compare_versions, impact_json, options_json, summary
from roadmap_tui.impact.figures import figures
from roadmap_tui.models import Item

Figure = Callable[[Item], float | None]
F = TypeVar("F", bound=Callable[..., Any])
FORMATS = ("text", "markdown", "json")


# --- sources and figures ---------------------------------------------------------------------
def load_impact(
    ctx: click.Context,
    workspace: Path | None,
    base: str,
    adjusted: tuple[str, ...],
    framework: str | None = None,
) -> Impact | Options:
    """BASE against ADJUSTED (default: the workspace itself); several ADJUSTED give options.

    Each source is a folder, `git:REV` or `scenario:NAME`, relative to the workspace. The
    workspace's own framework judges every version, so their numbers compare.
    """
    path = workspace_path(ctx, workspace)
    specs = list(adjusted) or [str(path)]
    home = open_workspace(path)
    name, value, score = figures(home, framework)
    old = open_workspace(path, base)
    versions = [(spec, open_workspace(path, spec)) for spec in specs]
    return compare_versions(
        old, versions, value=value, score=score, framework=name, base_label=base
    )


# --- text output -----------------------------------------------------------------------------
def print_impact(impact: Impact, *, all_items: bool = False) -> None:
    console = Printer()
    console.line(f"Impact of {impact.adjusted} against {impact.base}", "bold")
    console.line(summary(impact))
    console.line(f"Framework: {impact.framework}. Days are person-days.", "dim")
    if console.terminal:
        from roadmap_tui.exporters.rich_views import impact_tables

        for drawn in impact_tables(impact, all_items=all_items):
            console.show(drawn)
    else:  # the same rows (`impact_rows`), plain: no rich on a pipe
        from roadmap_tui.exporters.impact_rows import impact_sections

        for part in impact_sections(impact, all_items=all_items):
            if isinstance(part, str):
                console.line(part)
                continue
            console.line()
            console.line(part.title)
            if part.rows:
                write_plain_table(part.headers, [[c.text for c in row] for row in part.rows])
            else:
                console.line(part.empty)
    console.line()
    if impact.notices:
        teams = ", ".join(
            f"{notice.team_name} ({notice.channel})" if notice.channel else notice.team_name
            for notice in impact.notices
        )
        console.line(f"Teams to inform: {teams}.", "bold")
        console.line(f"`roadmap notices {impact.base} {impact.adjusted}` prints their messages.")
    else:
        console.line("No other team is affected.")


def print_options(options: Options) -> None:
    from roadmap_tui.exporters.rich_views import options_table

    console = Printer()
    console.show(options_table(options))
    for impact in options.impacts:
        console.line()
        console.line(impact.adjusted, "bold")
        console.line(summary(impact))


# --- commands --------------------------------------------------------------------------------
def framework_option(command: F) -> F:
    """`--framework NAME`: judge value with another framework than roadmap.toml's."""
    return click.option(
        "--framework",
        default=None,
        metavar="NAME",
        help="Scoring framework for value and score (default: [scoring].framework).",
    )(command)


@click.command()
@click.argument("base")
@click.argument("adjusted", nargs=-1)
@workspace_option
@click.option(
    "--format",
    "output",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="text for people, markdown for a page or post, json for tools.",
)
@click.option("--all", "all_items", is_flag=True, help="List unchanged items too.")
@framework_option
@click.pass_context
@handle_errors
def impact(
    ctx: click.Context,
    base: str,
    adjusted: tuple[str, ...],
    workspace: Path | None,
    output: str,
    all_items: bool,
    framework: str | None,
) -> None:
    """What changes from BASE to ADJUSTED: items, value, days, asks, goals, teams to inform.

    BASE and ADJUSTED are a folder, git:REV or scenario:NAME; ADJUSTED defaults to the
    workspace. With two or more ADJUSTED, compares them side by side as options. Every version
    is judged by the workspace's framework (or --framework), so their values compare.

    \b
    Examples:
      roadmap impact git:HEAD~1                  what your uncommitted edits change
      roadmap impact plans scenario:adopt-x      a scenario against the workspace
      roadmap impact plans scenario:a scenario:b git:v2026-Q4 --format markdown
    """
    result = load_impact(ctx, workspace, base, adjusted, framework)
    if output == "json":
        data = (
            options_json(result, all_items=all_items)
            if isinstance(result, Options)
            else impact_json(result, all_items=all_items)
        )
        echo_json(data)
    elif output == "markdown":
        from roadmap_tui.exporters.markdown import result_markdown

        echo(result_markdown(result), nl=False)
    elif isinstance(result, Options):
        print_options(result)
    else:
        print_impact(result, all_items=all_items)


@click.command()
@click.argument("base")
@click.argument("adjusted", required=False)
@workspace_option
@click.option(
    "--portfolio",
    "portfolio_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="A portfolio.toml of the teams: each lender also hears where its reservations stand.",
)
@click.pass_context
@handle_errors
def notices(
    ctx: click.Context,
    base: str,
    adjusted: str | None,
    workspace: Path | None,
    portfolio_file: Path | None = None,
) -> None:
    """Messages for every team the change from BASE to ADJUSTED affects, one block per team.

    Ready to paste into each team's channel (from roadmap.toml): `&`, `<` and `>` are escaped
    as Slack asks, so no text from the plans becomes a mention or a link.
    """
    result = load_impact(ctx, workspace, base, (adjusted,) if adjusted else ())
    assert isinstance(result, Impact)
    if not result.notices:
        echo("No other team is affected: nothing to tell anyone.")
        return
    reserved: dict[str, list[str]] = {}
    if portfolio_file is not None:
        from roadmap_tui.cli.portfolio_cmds import lender_lines

        reserved = lender_lines(portfolio_file, workspace_path(ctx, workspace), adjusted)
    from roadmap_tui.exporters.slack_text import slack_text

    blocks = []
    for notice in result.notices:
        where = notice.channel or "(no channel in roadmap.toml)"
        header = slack_text(f"== {notice.team_name}: {where}")
        block = f"{header}\n{slack_text(notice.message)}"
        if reserved.get(notice.team):
            block += "\nYour reservations:\n" + "\n".join(
                f"- {slack_text(line)}" for line in reserved[notice.team]
            )
        blocks.append(block)
    echo("\n\n".join(blocks))


@click.group()
def scenario() -> None:
    """Alternative versions of the workspace, in WORKSPACE/scenarios/NAME/."""


@scenario.command("new")
@click.argument("name")
@workspace_option
@click.option("--force", is_flag=True, help="Replace a scenario of that name.")
@click.pass_context
@handle_errors
def scenario_new(ctx: click.Context, name: str, workspace: Path | None, force: bool) -> None:
    """Copy the workspace's plans into scenarios/NAME/ to try a change on."""
    from dataclasses import replace

    from roadmap_tui.models import WorkspaceError
    from roadmap_tui.storage import new_scenario
    from roadmap_tui.storage.scenarios import ScenarioExists

    path = workspace_path(ctx, workspace)
    try:
        folder = new_scenario(path, name, force=force)
    except ScenarioExists as error:
        hinted = [replace(p, message=f"{p.message} (--force to replace)") for p in error.problems]
        raise WorkspaceError(hinted) from None
    echo(
        f"{folder}: new scenario, a copy of {path}. Edit it, then compare:"
        f" roadmap -w {path} impact {path} scenario:{name}"
    )


@scenario.command("list")
@workspace_option
@click.pass_context
@handle_errors
def scenario_list(ctx: click.Context, workspace: Path | None) -> None:
    """The workspace's scenarios, one per line."""
    from roadmap_tui.storage import list_scenarios

    path = workspace_path(ctx, workspace)
    if not path.is_dir():
        raise click.ClickException(f"{path}: no such workspace folder")
    names = list_scenarios(path)
    if not names:
        echo(f"No scenarios in {path / 'scenarios'} (make one: roadmap scenario new NAME)")
        return
    for name in names:
        echo(name)
