"""The `roadmap` group. Bare `roadmap` opens the terminal app on the workspace."""

from __future__ import annotations

from pathlib import Path

import click

from roadmap_tui import __version__
from roadmap_tui.cli.launch import LAUNCHED, launched, workspace_path
from roadmap_tui.cli.lazy import LazyGroup

# name -> "module:command"; imported only when the command runs.
COMMANDS: dict[str, str] = {
    "init": "roadmap_tui.cli.workspace_cmds:init",
    "validate": "roadmap_tui.cli.workspace_cmds:validate",
    "check": "roadmap_tui.cli.check_cmd:check",
    "score": "roadmap_tui.cli.score_cmd:score",
    "capacity": "roadmap_tui.cli.capacity_cmd:capacity",
    "deps": "roadmap_tui.cli.deps_cmd:deps",
    "asks": "roadmap_tui.cli.asks_cmd:asks",
    "carry": "roadmap_tui.cli.carry_cmd:carry",
    "draft": "roadmap_tui.cli.draft_cmd:draft",
    "adopt": "roadmap_tui.cli.adopt_cmd:adopt",
    "move": "roadmap_tui.cli.move_cmd:move",
    "impact": "roadmap_tui.cli.impact_cmds:impact",
    "notices": "roadmap_tui.cli.impact_cmds:notices",
    "scenario": "roadmap_tui.cli.impact_cmds:scenario",
    "export": "roadmap_tui.cli.export_cmds:export",
    "request": "roadmap_tui.cli.request_cmds:request",
    "feedback": "roadmap_tui.cli.feedback_cmds:feedback",
    "announce": "roadmap_tui.cli.announce_cmd:announce",
    "stage": "roadmap_tui.cli.review_cmds:stage",
    "status": "roadmap_tui.cli.review_cmds:status",
    "portfolio": "roadmap_tui.cli.portfolio_cmds:portfolio",
    "reservations": "roadmap_tui.cli.reservations_cmds:reservations",
}


def _prefetch(ctx: click.Context) -> None:
    """When launched as the program: the workspace's files are parsed on another core while
    the command's modules are imported (`storage.prefetch`)."""
    if not launched(ctx) or ctx.find_root().params.get("portfolio") is not None:
        return  # under a test runner; or the portfolio, which reads its members' folders
    from roadmap_tui.storage.prefetch import start

    start(workspace_path(ctx, None))


# Commands that never read the workspace folder: nothing to parse ahead for them.
READ_NO_WORKSPACE = frozenset({"init", "portfolio"})


class RoadmapGroup(LazyGroup):
    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        if args and args[0] not in READ_NO_WORKSPACE:
            _prefetch(ctx)  # before the command's module (and the models) are imported
        return super().resolve_command(ctx, args)


@click.group(
    cls=RoadmapGroup,
    lazy=COMMANDS,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.option(
    "-w",
    "--workspace",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Workspace folder (default: ./plans).",
)
@click.option(
    "--portfolio",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Open a read-only view of the teams a portfolio.toml lists (load, asks, dependencies).",
)
@click.version_option(__version__, prog_name="roadmap")
@click.pass_context
def main(ctx: click.Context, workspace: Path | None, portfolio: Path | None = None) -> None:
    """Roadmap and prioritisation workbench for a platform team.

    Quarterly plans live as TOML in a workspace folder (default ./plans), usually in git.
    Without a command, opens the terminal app on the workspace (or, with --portfolio, a
    read-only view of many teams' workspaces).
    """
    if ctx.invoked_subcommand is None and portfolio is not None:
        from roadmap_tui.cli.open_app import open_portfolio

        open_portfolio(portfolio)
        return
    if ctx.invoked_subcommand is None:
        _prefetch(ctx)
        from roadmap_tui.cli.open_app import open_app

        open_app(workspace_path(ctx, workspace))


def run() -> None:
    """The `roadmap` program: the command line as a Unix tool.

    A reader that stops early (`roadmap score | head -1`) ends the program the way it ends any
    Unix tool, by SIGPIPE, quietly: set here, at launch, never on import.
    """
    import signal

    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    main(obj={LAUNCHED: True})
