"""`roadmap export deck`: the impact of a change as a PowerPoint deck for the PO and directors.

python-pptx is imported only when the command runs (through the exporter), so that listing
commands or `roadmap validate` stays light.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from roadmap_tui.cli.common import handle_errors, open_store, workspace_option, workspace_path
from roadmap_tui.cli.output import echo


@click.command("deck")
@click.argument("base")
@click.argument("adjusted", nargs=-1)
@workspace_option
@click.option(
    "-o",
    "--output",
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
@click.option("--title", default=None, help="The cover title (default: WORKSPACE: roadmap change).")
@click.option(
    "--lanes",
    type=click.Choice(["auto", "goals", "teams"]),
    default="auto",
    show_default=True,
    help="Swimlanes of the timeline: one per goal or per team (auto: goals when items name them).",
)
@click.option(
    "--framework",
    default=None,
    metavar="NAME",
    help="Scoring framework for value and score (default: [scoring].framework).",
)
@click.option("--force", is_flag=True, help="Overwrite FILE if it exists.")
@click.pass_context
@handle_errors
def deck(
    ctx: click.Context,
    base: str,
    adjusted: tuple[str, ...],
    workspace: Path | None,
    output: Path,
    template: Path | None,
    title: str | None,
    lanes: str,
    framework: str | None,
    force: bool,
) -> None:
    """Write the impact of BASE -> ADJUSTED as a PowerPoint deck (FILE.pptx).

    Slides: title, summary and the decision asked for, the roadmap before and after, value and
    effort charts, changes, cross-team asks, dependencies at risk, options (with two or more
    ADJUSTED; the first is the proposal), and an appendix of every planned item. Speaker notes
    carry the numbers. BASE and ADJUSTED are a folder, git:REV or scenario:NAME; ADJUSTED
    defaults to the workspace.

    \b
    Examples:
      roadmap export deck plans scenario:adopt-account-structure -o impact.pptx
      roadmap export deck git:HEAD~1 -o review.pptx --template corporate.pptx --title "Q1 review"
    """
    from roadmap_tui.exporters.deck import DeckError, DeckInput, SourceInfo, write_deck
    from roadmap_tui.storage.outputs import OutputExists, check_output

    try:
        check_output(output, force=force, workspace=workspace_path(ctx, workspace))
    except OutputExists:
        echo(f"error: {output} exists; use --force to overwrite it", err=True)
        raise click.exceptions.Exit(1) from None
    from roadmap_tui.impact import compare, compare_options
    from roadmap_tui.impact.figures import figures
    from roadmap_tui.models import Item
    from roadmap_tui.scoring import formula_lines, framework_for

    path = workspace_path(ctx, workspace)
    home = open_store(path).workspace
    name, value, score = figures(home, framework)
    scorer = framework_for(home.roadmap.scoring, name)
    old = open_store(path, base)
    specs = list(adjusted) or [str(path)]
    stores = [(spec, open_store(path, spec)) for spec in specs]
    sources = [SourceInfo(spec, store.source.commit) for spec, store in stores]
    options = None
    if len(stores) == 1:
        impact = compare(
            old.workspace,
            stores[0][1].workspace,
            value=value,
            score=score,
            framework=name,
            base_label=base,
            adjusted_label=specs[0],
        )
    else:
        options = compare_options(
            old.workspace,
            [(spec, store.workspace) for spec, store in stores],
            value=value,
            score=score,
            framework=name,
            base_label=base,
        )
        impact = options.impacts[0]

    def explain(item: Item) -> str:
        return "; ".join(formula_lines(scorer, item))

    data = DeckInput(
        impact=impact,
        base=SourceInfo(base, old.source.commit),
        adjusted=sources[0],
        on=dt.date.today(),
        workspace=stores[0][1].workspace,
        options=options,
        alternatives=tuple(sources) if options is not None else (),
        title=title,
        lanes="goals" if lanes == "goals" else "teams" if lanes == "teams" else "auto",
        explain=explain,
    )
    try:
        result = write_deck(data, output, template=template, force=force, workspace=path)
    except DeckError as error:
        echo(f"error: {error}", err=True)
        raise click.exceptions.Exit(1) from None
    for warning in result.warnings:
        echo(f"warning: {warning}", err=True)
    echo(f"{output}: {len(result.slides)} slides, impact of {base} -> {', '.join(specs)}")
