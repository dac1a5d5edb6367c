"""Build the whole deck in order and save it without ever leaving half a file."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from roadmap_tui.exporters.deck import appendix, details, overview
from roadmap_tui.exporters.deck.canvas import Canvas
from roadmap_tui.exporters.deck.measure import Measure, default_measure
from roadmap_tui.exporters.deck.model import DeckExists, DeckInput, DeckResult
from roadmap_tui.exporters.deck.template import open_presentation
from roadmap_tui.storage.atomic import write_output


def build(
    deck: DeckInput, template: Path | None = None, measure: Measure | None = None
) -> tuple[Any, DeckResult]:
    """The presentation and what it holds: slides in the order the meeting reads them."""
    prs, layouts = open_presentation(template)
    canvas = Canvas(prs, layouts, measure if measure is not None else default_measure())
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


def save(prs: Any, path: Path, force: bool = False) -> None:
    """Write the file whole (storage's atomic output write). Without `force` an existing file
    is an error (checked again at the last moment)."""
    buffer = io.BytesIO()
    prs.save(buffer)
    try:
        write_output(path, buffer.getvalue(), overwrite=force)
    except FileExistsError:
        raise DeckExists(f"{path} exists") from None


def write_deck(
    deck: DeckInput,
    path: Path,
    *,
    template: Path | None = None,
    force: bool = False,
    measure: Measure | None = None,
) -> DeckResult:
    """Build the deck and save it to `path`."""
    if not force and path.exists():
        raise DeckExists(f"{path} exists")
    prs, result = build(deck, template, measure)
    save(prs, path, force)
    return result
