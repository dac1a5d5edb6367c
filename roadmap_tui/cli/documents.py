"""The Markdown documents commands print or write (`roadmap feedback report`, `roadmap
announce`): the `-o FILE.md`/`--force` options and the writing, by storage.outputs' rules."""

from __future__ import annotations

from pathlib import Path

import click

from roadmap_tui.cli.common import F
from roadmap_tui.cli.output import echo
from roadmap_tui.storage.outputs import write_output


def markdown_output(command: F) -> F:
    """`-o FILE.md` and `--force`, for the commands that write a Markdown document."""
    command = click.option("--force", is_flag=True, help="Overwrite FILE.md if it exists.")(command)
    return click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help="Write the Markdown to FILE.md instead of printing it.",
    )(command)


def write_document(text: str, output: Path | None, force: bool, workspace: Path) -> None:
    """Print a Markdown document, or write it to a file (storage.outputs' rules)."""
    if output is None:
        echo(text, nl=False)
        return
    write_output(output, text.encode("utf-8"), force=force, workspace=workspace)
    echo(f"{output}: written")
