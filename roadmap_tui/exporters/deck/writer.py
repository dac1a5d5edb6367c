"""Build the whole deck in order and save it without ever leaving half a file."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from roadmap_tui.exporters.deck import appendix, details, overview
from roadmap_tui.exporters.deck.canvas import Canvas
from roadmap_tui.exporters.deck.measure import Measure, default_measure
from roadmap_tui.exporters.deck.model import DeckError, DeckInput, DeckResult
from roadmap_tui.exporters.deck.template import open_presentation
from roadmap_tui.models import WorkspaceError
from roadmap_tui.storage.outputs import OutputExists, check_output, write_output


def build(
    deck: DeckInput, template: Path | None = None, measure: Measure | None = None
) -> tuple[Any, DeckResult]:
    """The presentation and what it holds: slides in the order the meeting reads them."""
    prs, layouts = open_presentation(template)
    canvas = Canvas(prs, layouts, measure if measure is not None else default_measure())
    prs.slides.turbo_add_enabled = True  # shape ids by counter: thousands of chips and cells
    overview.cover(canvas, deck)
    overview.summary(canvas, deck)
    overview.roadmap(canvas, deck)
    overview.value_and_effort(canvas, deck)
    details.changes(canvas, deck)
    details.asks(canvas, deck)
    details.dependencies(canvas, deck)
    details.options(canvas, deck)
    appendix.appendix(canvas, deck)
    return prs, DeckResult(slides=list(canvas.titles), warnings=list(canvas.warnings))


def save(prs: Any, path: Path, force: bool = False, workspace: Path | None = None) -> None:
    """Write the file whole, under the rules of every output (storage.outputs): never over an
    existing file without `force` (checked again at the last moment), never over a device,
    a folder or a file of the workspace."""
    buffer = io.BytesIO()
    prs.save(buffer)
    try:
        write_output(path, buffer.getvalue(), force=force, workspace=workspace)
    except OutputExists:
        raise DeckError(f"{path} exists; use --force to overwrite it") from None
    except WorkspaceError as error:
        raise DeckError("; ".join(str(p) for p in error.problems)) from None


def write_deck(
    deck: DeckInput,
    path: Path,
    *,
    template: Path | None = None,
    force: bool = False,
    measure: Measure | None = None,
    workspace: Path | None = None,
) -> DeckResult:
    """Build the deck and save it to `path` (refused early if it could not be written)."""
    try:
        check_output(path, force=force, workspace=workspace)
    except OutputExists:
        raise DeckError(f"{path} exists; use --force to overwrite it") from None
    except WorkspaceError as error:
        raise DeckError("; ".join(str(p) for p in error.problems)) from None
    prs, result = build(deck, template, measure)
    save(prs, path, force, workspace)
    return result
