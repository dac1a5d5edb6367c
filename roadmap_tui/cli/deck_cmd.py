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
@click.option(
    "--audience",
    type=click.Choice(["directors", "po", "team"]),
    default="po",
    show_default=True,
    help="Who the deck is for: directors (at most six slides: the ask, the risks, Now / Next /"
    " Later, value and capacity), po (the whole story) or team (the po deck and item details"
    " for refinement).",
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
    audience: str,
    force: bool,
) -> None:
    """Write the impact of BASE -> ADJUSTED as a PowerPoint deck (FILE.pptx).

    Slides: title, summary (every risk, and the decision asked for), the roadmap before and
    after, value and capacity charts, changes, cross-team asks, dependencies at risk, options
    (with two or more ADJUSTED; the first is the proposal), and an appendix of the planned
    items. Speaker notes carry talking points and the numbers. --audience directors keeps it
    to six slides at most; team adds item details. BASE and ADJUSTED are a folder, git:REV or
    scenario:NAME; ADJUSTED defaults to the workspace.

    \b
    Examples:
      roadmap export deck plans scenario:adopt-account-structure -o impact.pptx
      roadmap export deck git:HEAD~1 -o review.pptx --template corporate.pptx --title "Q1 review"
      roadmap export deck plans scenario:adopt-account-structure -o board.pptx --audience directors
    """
    from roadmap_tui.exporters.deck import DeckError, SourceInfo, write_deck
    from roadmap_tui.exporters.deck.inputs import deck_input
    from roadmap_tui.exporters.deck.model import DeckExists
    from roadmap_tui.storage.outputs import OutputExists, check_output

    try:
        check_output(output, force=force, workspace=workspace_path(ctx, workspace))
    except OutputExists:
        echo(f"error: {output} exists; use --force to overwrite it", err=True)
        raise click.exceptions.Exit(1) from None
    from roadmap_tui.impact import compare_versions
    from roadmap_tui.impact.figures import figures
    from roadmap_tui.models import Item
    from roadmap_tui.scoring import framework_for
    from roadmap_tui.storage import WorkspaceStore

    path = workspace_path(ctx, workspace)
    opened: dict[str, WorkspaceStore] = {}
    # The deck only reads: every version after the first shares the items it did not change
    # with the first (with 10,000 items and a tenth changed, 9,000 items held once, not twice).
    first: dict[str, Item] = {}

    def source(spec: str | None) -> WorkspaceStore:
        """Each source read once: `-w plans export deck plans` names one folder twice."""
        key = str(path.resolve()) if spec is None else spec
        if spec is not None and ":" not in spec.split("/")[0] and Path(spec).is_dir():
            key = str(Path(spec).resolve())
        if key not in opened:
            opened[key] = open_store(path, spec, read_only=True, reuse=first or None)
        return opened[key]

    home = source(None).workspace
    first.update((item.id, item) for item in home.all_items())
    name, value, score = figures(home, framework)
    old = source(base)
    specs = list(adjusted) or [str(path)]
    stores = [(spec, source(spec)) for spec in specs]
    compared = compare_versions(
        old.workspace,
        [(spec, store.workspace) for spec, store in stores],
        value=value,
        score=score,
        framework=name,
        base_label=base,
    )
    data = deck_input(
        compared,
        SourceInfo(base, old.source.commit),
        [(SourceInfo(spec, store.source.commit), store.workspace) for spec, store in stores],
        scorer=framework_for(home.roadmap.scoring, name),
        on=dt.date.today(),
        title=title,
        lanes="goals" if lanes == "goals" else "teams" if lanes == "teams" else "auto",
        base_workspace=old.workspace,
        audience="directors" if audience == "directors" else "team" if audience == "team" else "po",
    )
    try:
        result = write_deck(data, output, template=template, force=force, workspace=path)
    except DeckError as error:
        hint = "; use --force to overwrite it" if isinstance(error, DeckExists) else ""
        echo(f"error: {error}{hint}", err=True)
        raise click.exceptions.Exit(1) from None
    for warning in result.warnings:
        echo(f"warning: {warning}", err=True)
    echo(f"{output}: {len(result.slides)} slides, impact of {base} -> {', '.join(specs)}")
