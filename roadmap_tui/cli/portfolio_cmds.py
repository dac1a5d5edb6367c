"""`roadmap portfolio check|capacity|asks|deps|impact|export deck FILE`: many teams, one picture.

Storage reads the members (git ones through the cache), roadmap_tui.portfolio checks them; this
module prints and sets the exit code a CI gate reads.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from roadmap_tui.cli.common import handle_errors
from roadmap_tui.cli.output import echo, echo_json

if TYPE_CHECKING:
    from roadmap_tui.portfolio import PortfolioReport
    from roadmap_tui.storage.portfolio import LoadedPortfolio

F = TypeVar("F", bound=Callable[..., Any])
FORMATS = ("text", "json")


def file_argument(command: F) -> F:
    return click.argument("file", type=click.Path(dir_okay=False, path_type=Path))(command)


def no_fetch_option(command: F) -> F:
    return click.option(
        "--no-fetch",
        is_flag=True,
        help="Use the cached copies of git members as they are (offline); their age is said.",
    )(command)


def format_option(command: F) -> F:
    return click.option(
        "--format",
        "output",
        type=click.Choice(FORMATS),
        default="text",
        show_default=True,
        help="text for people, json for tools.",
    )(command)


def portfolio_options(command: F) -> F:
    """FILE, --format, --no-fetch and --fail-unreadable, shared by the reading subcommands."""
    command = click.option(
        "--fail-unreadable",
        is_flag=True,
        help="Exit 1 also when a member cannot be read (by default it is reported, not failed).",
    )(command)
    return file_argument(format_option(no_fetch_option(command)))


def load_members(file: Path, no_fetch: bool) -> LoadedPortfolio:
    from roadmap_tui.storage.portfolio import load_portfolio

    return load_portfolio(file, fetch=not no_fetch)


def checked(file: Path, no_fetch: bool) -> tuple[LoadedPortfolio, PortfolioReport]:
    from roadmap_tui.portfolio import check

    loaded = load_members(file, no_fetch)
    return loaded, check(loaded.members)


def with_local(
    file: Path, folder: Path, spec: str | None, no_fetch: bool = False
) -> tuple[str, PortfolioReport]:
    """The portfolio checked with this workspace (or its version `spec`: git:REV,
    scenario:NAME) as it is here, standing in for its member."""
    from roadmap_tui.cli.common import open_store
    from roadmap_tui.portfolio import check
    from roadmap_tui.storage.portfolio import local_member

    store = open_store(folder, spec)
    here = local_member(folder, store.loaded)
    loaded = load_members(file, no_fetch)
    owner = store.workspace.owner
    return owner, check([m for m in loaded.members if m.owner != owner] + [here])


def lender_lines(file: Path, folder: Path, spec: str | None) -> dict[str, list[str]]:
    """For `roadmap notices --portfolio`: lender -> where its reservations for us stand."""
    from roadmap_tui.portfolio.impact import reservation_lines

    owner, report = with_local(file, folder, spec)
    return {
        line.owner: reservation_lines(report, owner, line.owner)
        for line in report.members
        if line.owner is not None and line.owner != owner
    }


def _dump(data: Any) -> None:
    echo_json(data)


def _print_members(loaded: LoadedPortfolio, report: PortfolioReport) -> None:
    echo(f"{loaded.name}: {len(report.members)} member(s)")
    for line in report.members:
        echo(f"  {line.sentence()}")
    for line in report.unreadable:
        echo(f"warning: member {line.source}: {line.error}", err=True)


def _finish(report: PortfolioReport, failing: bool, fail_unreadable: bool) -> None:
    if failing or (fail_unreadable and report.unreadable):
        raise SystemExit(1)


def _print_asks(report: PortfolioReport) -> None:
    from roadmap_tui.portfolio import STATUSES

    echo(f"\nAsks between teams ({len(report.asks)})")
    from roadmap_tui.models.numbers import fmt as show

    for status in STATUSES:
        asks = [ask for ask in report.asks if ask.status == status]
        if not asks:
            continue
        echo(f"  {status} ({len(asks)})")
        if status == "no-workspace":
            # Nothing to reconcile there: one line per team is enough (json lists each ask).
            teams: dict[str, list[float]] = {}
            for ask in asks:
                teams.setdefault(ask.team, []).append(ask.days)
            for team, days in teams.items():
                echo(f"    {team}: {len(days)} ask(s), {show(sum(days))} days (no member)")
            continue
        for ask in asks:
            echo(f"    {ask.sentence()}")
    if not report.asks:
        echo("  none")
    echo(f"\nOrphaned reservations ({len(report.orphaned)})")
    for orphan in report.orphaned:
        echo(f"  {orphan.sentence()}")


def _print_deps(report: PortfolioReport) -> None:
    echo(f"\nCross-team dependency problems ({len(report.dependencies)})")
    for dep in report.dependencies:
        echo(f"  {dep.problem}: {dep.sentence()}")
    if report.unchecked:
        echo(f"\nNot checked: on teams that are no member ({len(report.unchecked)})")
        for dep in report.unchecked:
            echo(f"  {dep.sentence()}")


def _print_capacity(report: PortfolioReport, *, all_lines: bool) -> None:
    from roadmap_tui.models.numbers import fmt as show

    lines = report.capacity if all_lines else report.overloaded
    title = "Capacity per team and quarter" if all_lines else "Teams over capacity"
    echo(f"\n{title} ({len(lines)})")
    if all_lines and lines:
        echo(
            f"  {'quarter':<8} {'team':<22} {'capacity':>8} {'used':>6} {'unconf.':>7}"
            f" {'free':>6}  note"
        )
    for line in lines:
        if not all_lines:
            echo(f"  {line.sentence()}")
            continue
        notes = []
        if line.overloaded:
            notes.append(f"over by {show(-line.free)}")
        if line.source == "declared":
            notes.append("declared by askers")
        if line.disagree:
            notes.append(
                "askers disagree: " + ", ".join(f"{o} {show(d)}" for o, d in line.declared.items())
            )
        echo(
            f"  {line.quarter:<8} {line.team:<22} {show(line.capacity):>8} {show(line.used):>6}"
            f" {show(line.unconfirmed):>7} {show(line.free):>6}  {'; '.join(notes)}"
        )
    disagree = [line for line in report.capacity if line.disagree and not all_lines]
    for line in disagree:
        echo(f"  askers disagree: {line.sentence()}")


@click.group()
def portfolio() -> None:
    """Many teams' workspaces, one picture: asks against reservations, cross-team
    dependencies, load. FILE is a portfolio.toml listing the member workspaces (path or git).

    Git members are fetched into a bare mirror under $XDG_CACHE_HOME/roadmap-tui (default
    ~/.cache/roadmap-tui) on each run; --no-fetch uses the cached copies.
    """


@portfolio.command()
@portfolio_options
@handle_errors
def check(file: Path, output: str, no_fetch: bool, fail_unreadable: bool) -> None:
    """Everything: ask statuses, orphaned reservations, cross-team dependencies, overloads.

    Exits 1 when any ask is not confirmed (or of a team that is no member), any reservation
    is orphaned, any cross-team dependency has a problem, or any team is overloaded.
    """
    loaded, report = checked(file, no_fetch)
    if output == "json":
        _dump(report.to_json())
    else:
        _print_members(loaded, report)
        _print_asks(report)
        _print_deps(report)
        _print_capacity(report, all_lines=False)
        verdict = "problems found" if report.failing else "every promise between teams is kept"
        echo(f"\n{verdict}")
    _finish(report, report.failing, fail_unreadable)


@portfolio.command()
@portfolio_options
@handle_errors
def capacity(file: Path, output: str, no_fetch: bool, fail_unreadable: bool) -> None:
    """Load per team and quarter: members from their own workspace (reservations included)
    plus the days asked of them they have not reserved; other teams as the askers declared
    them (askers that declare different figures are flagged). Exits 1 when a team is over."""
    loaded, report = checked(file, no_fetch)
    if output == "json":
        data = report.to_json()
        _dump({"members": data["members"], "capacity": data["capacity"]})
    else:
        _print_members(loaded, report)
        _print_capacity(report, all_lines=True)
    _finish(report, bool(report.overloaded), fail_unreadable)


@portfolio.command()
@portfolio_options
@handle_errors
def asks(file: Path, output: str, no_fetch: bool, fail_unreadable: bool) -> None:
    """Every ask between teams with its status (confirmed, short, wrong-quarter, unconfirmed,
    no-workspace), and orphaned reservations. Exits 1 when any ask is short, in the wrong
    quarter or unconfirmed, or a reservation is orphaned."""
    loaded, report = checked(file, no_fetch)
    if output == "json":
        data = report.to_json()
        _dump({key: data[key] for key in ("members", "asks", "orphaned")})
    else:
        _print_members(loaded, report)
        _print_asks(report)
    _finish(report, bool(report.broken_asks or report.orphaned), fail_unreadable)


@portfolio.command()
@portfolio_options
@handle_errors
def deps(file: Path, output: str, no_fetch: bool, fail_unreadable: bool) -> None:
    """Cross-team dependencies (depends_on = ["OWNER/ID"]): `order` when the other team plans
    it later, in the backlog or dropped; `missing` when it has no such item. Exits 1 on any."""
    loaded, report = checked(file, no_fetch)
    if output == "json":
        data = report.to_json()
        _dump({key: data[key] for key in ("members", "dependencies", "unchecked_dependencies")})
    else:
        _print_members(loaded, report)
        _print_deps(report)
    _finish(report, bool(report.dependencies), fail_unreadable)


@portfolio.command()
@file_argument
@click.option(
    "--member",
    "changes",
    multiple=True,
    required=True,
    metavar="OWNER=SOURCE",
    help="Read member OWNER from SOURCE instead: git:REV or scenario:NAME of its own folder"
    " (git members: git:REV), or a folder path. May be repeated.",
)
@format_option
@no_fetch_option
@handle_errors
def impact(file: Path, changes: tuple[str, ...], output: str, no_fetch: bool) -> None:
    """What one team's change does to every other team: asks that change (quarter, days, status), lenders
    newly over capacity, cross-team dependencies broken or mended. Exits 1 when the change
    breaks a promise, overloads a team or breaks a dependency.

    \b
    Example:
      roadmap portfolio impact portfolio.toml --member infra-platform=scenario:adopt-account-structure
    """
    from roadmap_tui.portfolio import check
    from roadmap_tui.portfolio.impact import compare_reports
    from roadmap_tui.storage.portfolio import member_version

    loaded = load_members(file, no_fetch)
    wanted: dict[str, str] = {}
    for change in changes:
        owner, equals, spec = change.partition("=")
        if not equals or not owner or not spec:
            raise click.BadParameter(f"{change!r}: expected OWNER=SOURCE", param_hint="--member")
        wanted[owner] = spec
    members = list(loaded.members)
    for owner, spec in wanted.items():
        index = next((i for i, m in enumerate(members) if m.owner == owner), None)
        if index is None:
            known = ", ".join(m.owner for m in members if m.owner) or "none readable"
            raise click.BadParameter(
                f"no member {owner} in {file} (members: {known})", param_hint="--member"
            )
        version = member_version(members[index], spec)
        if version.error is not None:
            raise click.ClickException(f"{owner} at {spec}: {version.error}")
        members[index] = version
    before, after = check(loaded.members), check(members)
    result = compare_reports(before, after, changed=set(wanted))
    if output == "json":
        _dump(result.to_json())
    else:
        label = ", ".join(f"{o} at {s}" for o, s in wanted.items())
        echo(f"Impact of {label} on the other teams of {loaded.name}")
        echo(f"\nAsks that change ({len(result.asks)})")
        for ask_change in result.asks:
            echo(f"  {ask_change.sentence()}")
        echo(f"\nTeams newly over capacity ({len(result.overloaded)})")
        for line in result.overloaded:
            echo(f"  {line.sentence()}")
        echo(f"\nCross-team dependencies broken ({len(result.broken)})")
        for dep in result.broken:
            echo(f"  {dep.problem}: {dep.sentence()}")
        if result.mended:
            echo(f"\nCross-team dependencies mended ({len(result.mended)})")
            for dep in result.mended:
                echo(f"  {dep.sentence()}")
    if result.harmful:
        raise SystemExit(1)


@portfolio.group()
def export() -> None:
    """Write the portfolio for people who were not in the room."""


@export.command("deck")
@file_argument
@click.option(
    "-o",
    "--output",
    "target",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The deck to write (FILE.pptx).",
)
@click.option(
    "--template",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="Your corporate template (.pptx or .potx): its masters and layouts are used.",
)
@click.option("--title", default=None, help="The cover title (default: the portfolio's name).")
@no_fetch_option
@click.option("--force", is_flag=True, help="Overwrite FILE if it exists.")
@handle_errors
def export_deck(
    file: Path,
    target: Path,
    template: Path | None,
    title: str | None,
    no_fetch: bool,
    force: bool,
) -> None:
    """A deck for directors: load across teams, promises not kept, then one slide per team."""
    if target.exists() and not force:
        echo(f"error: {target} exists; use --force to overwrite it", err=True)
        raise click.exceptions.Exit(1)
    import datetime as dt

    from roadmap_tui.exporters.deck import DeckError
    from roadmap_tui.exporters.deck.portfolio import write_portfolio_deck

    loaded, report = checked(file, no_fetch)
    for line in report.unreadable:
        echo(f"warning: member {line.source}: {line.error}", err=True)
    try:
        slides = write_portfolio_deck(
            report,
            target,
            name=loaded.name,
            title=title,
            on=dt.date.today(),
            template=template,
            force=force,
        )
    except DeckError as error:
        echo(f"error: {error}", err=True)
        raise click.exceptions.Exit(1) from None
    echo(f"{target}: {slides} slides, {loaded.name} ({len(report.members)} members)")
