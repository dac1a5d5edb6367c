"""The `roadmap` group. Bare `roadmap` opens the terminal app on the workspace."""

from __future__ import annotations

from pathlib import Path

import click

from roadmap_tui import __version__
from roadmap_tui.cli.lazy import LazyGroup

# name -> "module:command"; imported only when the command runs.
COMMANDS: dict[str, str] = {
    "init": "roadmap_tui.cli.workspace_cmds:init",
    "validate": "roadmap_tui.cli.workspace_cmds:validate",
    "check": "roadmap_tui.cli.check_cmd:check",
    "score": "roadmap_tui.cli.score_cmd:score",
    "capacity": "roadmap_tui.cli.plan_cmds:capacity",
    "deps": "roadmap_tui.cli.plan_cmds:deps",
    "asks": "roadmap_tui.cli.plan_cmds:asks",
    "carry": "roadmap_tui.cli.plan_cmds:carry",
    "draft": "roadmap_tui.cli.plan_cmds:draft",
    "adopt": "roadmap_tui.cli.plan_cmds:adopt",
    "impact": "roadmap_tui.cli.impact_cmds:impact",
    "notices": "roadmap_tui.cli.impact_cmds:notices",
    "scenario": "roadmap_tui.cli.impact_cmds:scenario",
    "export": "roadmap_tui.cli.export_cmds:export",
    "request": "roadmap_tui.cli.intake_cmds:request",
    "feedback": "roadmap_tui.cli.intake_cmds:feedback",
    "announce": "roadmap_tui.cli.intake_cmds:announce",
}


@click.group(
    cls=LazyGroup,
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
@click.version_option(__version__, prog_name="roadmap")
@click.pass_context
def main(ctx: click.Context, workspace: Path | None) -> None:
    """Roadmap and prioritisation workbench for a platform team.

    Quarterly plans live as TOML in a workspace folder (default ./plans), usually in git.
    Without a command, opens the terminal app on the workspace.
    """
    if ctx.invoked_subcommand is None:
        from roadmap_tui.cli.open_app import open_app

        open_app(workspace if workspace is not None else Path("plans"))
