"""Build the whole deck in order and save it without ever leaving half a file."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

from roadmap_tui.exporters.deck import appendix, details, directors, overview
from roadmap_tui.exporters.deck.canvas import Canvas
from roadmap_tui.exporters.deck.measure import Measure, measure_for
from roadmap_tui.exporters.deck.model import DeckError, DeckExists, DeckInput, DeckResult
from roadmap_tui.exporters.deck.template import open_presentation
from roadmap_tui.exporters.deck.theme import read_theme
from roadmap_tui.models import WorkspaceError
from roadmap_tui.storage.outputs import OutputExists, check_output, write_output


def build(
    deck: DeckInput,
    template: Path | None = None,
    measure: Measure | None = None,
    *,
    release: bool = True,
) -> tuple[Any, DeckResult]:
    """The presentation and what it holds: slides in the order the meeting reads them.

    Directors get at most six slides (the ask and the risks, Now / Next / Later, value and
    capacity); the PO the whole story; the team the PO's deck and each changed item's details.
    With `release`, slides are kept as their XML bytes once done (after each section, and
    each table slide once drawn; `release.release_slides`): ready to save, no longer to read
    or change.
    """
    prs, layouts = open_presentation(template)
    theme = read_theme(prs, layouts.title_only, layouts.from_template)
    body = measure if measure is not None else measure_for(theme.minor)
    heading = measure if measure is not None else measure_for(theme.major)
    canvas = Canvas(prs, layouts, body, theme, heading, release=release)
    sections: list[Callable[[Canvas, DeckInput], None]] = [overview.cover, overview.summary]
    if deck.audience == "directors":
        sections += [directors.now_next_later, _value_and_effort_alone]
    else:
        sections += [
            overview.roadmap,
            overview.value_and_effort,
            details.changes,
            details.asks,
            details.dependencies,
            details.options,
        ]
        if deck.audience == "team":
            sections.append(details.item_details)
        sections.append(appendix.appendix)
    for section in sections:
        section(canvas, deck)
        canvas.done()  # no section changes an earlier one's slides
    return prs, DeckResult(slides=list(canvas.titles), warnings=list(canvas.warnings))


def _value_and_effort_alone(canvas: Canvas, deck: DeckInput) -> None:
    """The directors' value and capacity slide: one, never continued."""
    overview.value_and_effort(canvas, deck, continued=False)


def save(prs: Any, path: Path, force: bool = False, workspace: Path | None = None) -> None:
    """Write the file whole, under the rules of every output (storage.outputs): never over an
    existing file without `force` (checked again at the last moment), never over a device,
    a folder or a file of the workspace."""
    buffer = io.BytesIO()
    prs.save(buffer)
    try:
        write_output(path, buffer.getvalue(), force=force, workspace=workspace)
    except OutputExists:
        raise DeckExists(f"{path} exists") from None
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
        raise DeckExists(f"{path} exists") from None
    except WorkspaceError as error:
        raise DeckError("; ".join(str(p) for p in error.problems)) from None
    prs, result = build(deck, template, measure)
    save(prs, path, force, workspace)
    return result
