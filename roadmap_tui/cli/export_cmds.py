"""`roadmap export FORMAT ...`: the impact as a document. One subcommand per format."""

from __future__ import annotations

from pathlib import Path

import click

from roadmap_tui.cli.common import handle_errors, workspace_option, workspace_path
from roadmap_tui.cli.deck_cmd import deck
from roadmap_tui.cli.impact_cmds import load_impact
from roadmap_tui.cli.output import echo


@click.group()
def export() -> None:
    """Write the impact of a change as a document: a Markdown page or a slide deck."""


@export.command("markdown")
@click.argument("base")
@click.argument("adjusted", nargs=-1)
@workspace_option
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="File to write (FILE.md); default: print it.",
)
@click.option("--force", is_flag=True, help="Overwrite FILE.md if it exists.")
@click.pass_context
@handle_errors
def markdown(
    ctx: click.Context,
    base: str,
    adjusted: tuple[str, ...],
    workspace: Path | None,
    output: Path | None,
    force: bool,
) -> None:
    """The impact of BASE -> ADJUSTED as a page for Confluence or a Slack post.

    Summary first, then the tables. Two or more ADJUSTED give the options side by side.
    """
    from roadmap_tui.exporters.markdown import result_markdown

    result = load_impact(ctx, workspace, base, adjusted)
    text = result_markdown(result)
    if output is None:
        echo(text, nl=False)
        return
    from roadmap_tui.storage.outputs import write_output

    write_output(
        output, text.encode("utf-8"), force=force, workspace=workspace_path(ctx, workspace)
    )
    echo(f"{output}: impact of {base} -> {', '.join(adjusted) or 'the workspace'} written")


export.add_command(deck)
