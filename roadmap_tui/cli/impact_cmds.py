"""`roadmap impact`, `roadmap notices` and `roadmap scenario new|list`.

The comparison itself lives in roadmap_tui.impact; this module opens the sources, picks the
framework's figures and prints.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from roadmap_tui.cli.common import handle_errors, open_workspace, workspace_option, workspace_path
from roadmap_tui.cli.output import echo, echo_json, inert_console
from roadmap_tui.impact import (
    Impact,
    Options,
    compare,
    compare_options,
    impact_json,
    options_json,
    summary,
)
from roadmap_tui.impact.figures import figures
from roadmap_tui.models import Item

if TYPE_CHECKING:
    from rich.console import Console

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
    if len(versions) == 1:
        label, new = versions[0]
        return compare(
            old,
            new,
            value=value,
            score=score,
            framework=name,
            base_label=base,
            adjusted_label=label,
        )
    return compare_options(old, versions, value=value, score=score, framework=name, base_label=base)


# --- text output -----------------------------------------------------------------------------
def _console() -> Console:
    # Wide enough for the tables when piped (a README, a file), the terminal's width otherwise.
    console = inert_console(highlight=False, soft_wrap=False)
    if not console.is_terminal:
        console = inert_console(highlight=False, width=120)
    return console


def print_impact(impact: Impact, *, all_items: bool = False) -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from roadmap_tui.impact.numbers import fmt, same, signed
    from roadmap_tui.impact.summary import goal_cell, location

    console = _console()
    console.print(
        Text(f"Impact of {impact.adjusted} against {impact.base}", style="bold"), soft_wrap=True
    )
    console.print(Text(summary(impact)), soft_wrap=True)
    console.print(Text(f"Framework: {impact.framework}. Days are person-days.", style="dim"))

    def pair(before: float | None, after: float | None) -> str:
        return fmt(after) if same(before, after) else f"{fmt(before)} -> {fmt(after)}"

    def section(title: str, headers: list[str], rows: list[list[str]], empty: str) -> None:
        console.print()
        console.print(Text(title, style="bold"))
        if not rows:
            console.print(Text(empty))
            return
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, header_style="bold")
        for header in headers:
            table.add_column(header)
        for row in rows:
            table.add_row(*(Text(cell) for cell in row))  # Text: user text is never markup
        console.print(table)

    items = impact.items if all_items else impact.changed_items
    section(
        "Items",
        ["Item", "Change", "From", "To", "Days", "Value", "Reason"],
        [
            [
                row.id,
                row.change,
                location(row.from_location),
                location(row.to_location),
                pair(row.estimate_before, row.estimate_after),
                pair(row.value_before, row.value_after),
                row.note or "",
            ]
            for row in items
        ],
        "No item changes.",
    )
    value_rows = [
        [row.quarter, fmt(row.before), fmt(row.after), signed(row.delta)] for row in impact.value
    ]
    value_rows.append(
        [
            "total",
            fmt(impact.value_before),
            fmt(impact.value_after),
            signed(impact.value_after - impact.value_before),
        ]
    )
    section("Value per quarter", ["Quarter", "Before", "After", "Change"], value_rows, "")
    unscored = sorted(
        {i for row in impact.value for i in (*row.unscored_before, *row.unscored_after)}
    )
    if unscored:
        console.print(Text(f"Unscored, not counted: {', '.join(unscored)}"))
    section(
        "Days per team against capacity (changed only)",
        ["Team", "Quarter", "Before", "After", "Capacity", "Free after"],
        [
            [
                row.team,
                row.quarter,
                fmt(row.before),
                fmt(row.after),
                fmt(row.capacity),
                f"over by {fmt(-row.free_after)}" if row.over_after else fmt(row.free_after),
            ]
            for row in impact.effort
            if not same(row.before, row.after)
        ],
        "No team's days change.",
    )
    section(
        "Days of other teams (asks)",
        ["Team", "Item", "Change", "Days", "From", "To"],
        [
            [
                ask.team,
                ask.item,
                ask.kind,
                pair(ask.days_before, ask.days) if ask.days_before is not None else fmt(ask.days),
                ask.from_quarter or "-",
                ask.to_quarter or "-",
            ]
            for ask in impact.asks
        ],
        "No days of other teams change.",
    )
    section(
        "Broken dependencies",
        ["Item", "Quarter", "Depends on", "Kind", "Why"],
        [
            [row.item, row.quarter, row.depends_on, row.kind, row.reason]
            for row in impact.broken_dependencies
        ],
        "No dependency breaks.",
    )
    section(
        "Goals",
        ["Goal", "Before", "After", "Slip"],
        [
            [
                goal.goal,
                goal_cell(goal.before, goal.waiting_before),
                goal_cell(goal.after, goal.waiting_after),
                "-" if goal.slip is None else signed(goal.slip) if goal.slip else "none",
            ]
            for goal in impact.goals
        ],
        "No goals.",
    )
    console.print()
    if impact.notices:
        teams = ", ".join(
            f"{notice.team_name} ({notice.channel})" if notice.channel else notice.team_name
            for notice in impact.notices
        )
        console.print(Text(f"Teams to inform: {teams}.", style="bold"), soft_wrap=True)
        console.print(
            Text(f"`roadmap notices {impact.base} {impact.adjusted}` prints their messages.")
        )
    else:
        console.print(Text("No other team is affected."))


def print_options(options: Options) -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from roadmap_tui.impact.numbers import fmt, signed

    console = _console()
    console.print(Text(f"Options against {options.base}", style="bold"))
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, header_style="bold")
    for header in [
        "Option",
        *options.quarters,
        "Total",
        "Adopted",
        "Skipped",
        "Deferred",
        "Asks",
        "Shift",
    ]:
        table.add_column(header)
    for row in options.rows:
        shift = "-" if row.delivery_shift is None else signed(row.delivery_shift)
        table.add_row(
            *(
                Text(cell)
                for cell in [
                    row.label + (" (base)" if row.is_base else ""),
                    *(fmt(row.value[q]) for q in options.quarters),
                    fmt(row.total_value),
                    ", ".join(row.adopted) or "-",
                    ", ".join(row.skipped) or "-",
                    ", ".join(row.deferred) or "-",
                    str(row.asks_moved),
                    shift,
                ]
            )
        )
    console.print(table)
    console.print(Text("Shift: the largest goal slip against the base, in quarters.", style="dim"))
    for impact in options.impacts:
        console.print()
        console.print(Text(impact.adjusted, style="bold"))
        console.print(Text(summary(impact)), soft_wrap=True)


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
        from roadmap_tui.exporters.markdown import impact_markdown, options_markdown

        text = options_markdown(result) if isinstance(result, Options) else impact_markdown(result)
        echo(text, nl=False)
    elif isinstance(result, Options):
        print_options(result)
    else:
        print_impact(result, all_items=all_items)


@click.command()
@click.argument("base")
@click.argument("adjusted", required=False)
@workspace_option
@click.pass_context
@handle_errors
def notices(ctx: click.Context, base: str, adjusted: str | None, workspace: Path | None) -> None:
    """Messages for every team the change from BASE to ADJUSTED affects, one block per team.

    Ready to paste into each team's channel (from roadmap.toml): `&`, `<` and `>` are escaped
    as Slack asks, so no text from the plans becomes a mention or a link.
    """
    result = load_impact(ctx, workspace, base, (adjusted,) if adjusted else ())
    assert isinstance(result, Impact)
    if not result.notices:
        echo("No other team is affected: nothing to tell anyone.")
        return
    from roadmap_tui.exporters.slack_text import slack_text

    blocks = []
    for notice in result.notices:
        where = notice.channel or "(no channel in roadmap.toml)"
        header = slack_text(f"== {notice.team_name}: {where}")
        blocks.append(f"{header}\n{slack_text(notice.message)}")
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
    from roadmap_tui.storage import new_scenario

    path = workspace_path(ctx, workspace)
    folder = new_scenario(path, name, force=force)
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
