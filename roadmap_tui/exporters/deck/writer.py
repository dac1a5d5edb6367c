"""Build the whole deck in order and save it without ever leaving half a file."""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path
from typing import Any

from roadmap_tui.exporters.deck import appendix, details, directors, overview
from roadmap_tui.exporters.deck.canvas import Canvas
from roadmap_tui.exporters.deck.measure import Measure, measure_for
from roadmap_tui.exporters.deck.model import DeckError, DeckInput, DeckResult
from roadmap_tui.exporters.deck.template import open_presentation
from roadmap_tui.exporters.deck.theme import read_theme
from roadmap_tui.storage.atomic import default_mode


def build(
    deck: DeckInput, template: Path | None = None, measure: Measure | None = None
) -> tuple[Any, DeckResult]:
    """The presentation and what it holds: slides in the order the meeting reads them.

    Directors get at most six slides (the ask and the risks, Now / Next / Later, value and
    capacity); the PO the whole story; the team the PO's deck and each changed item's details.
    """
    prs, layouts = open_presentation(template)
    theme = read_theme(prs, layouts.title_only, layouts.from_template)
    body = measure if measure is not None else measure_for(theme.minor)
    heading = measure if measure is not None else measure_for(theme.major)
    canvas = Canvas(prs, layouts, body, theme, heading)
    prs.slides.turbo_add_enabled = True  # shape ids by counter: thousands of chips and cells
    overview.cover(canvas, deck)
    overview.summary(canvas, deck)
    if deck.audience == "directors":
        directors.now_next_later(canvas, deck)
        overview.value_and_effort(canvas, deck, continued=False)
    else:
        overview.roadmap(canvas, deck)
        overview.value_and_effort(canvas, deck)
        details.changes(canvas, deck)
        details.asks(canvas, deck)
        details.dependencies(canvas, deck)
        details.options(canvas, deck)
        if deck.audience == "team":
            details.item_details(canvas, deck)
        appendix.appendix(canvas, deck)
    return prs, DeckResult(slides=list(canvas.titles), warnings=list(canvas.warnings))


def save(prs: Any, path: Path, force: bool = False) -> None:
    """Write the file whole: to a temporary file next to it, then renamed over it. Without
    `force` an existing file is an error (checked again at the last moment)."""
    buffer = io.BytesIO()
    prs.save(buffer)
    data = buffer.getvalue()
    folder = path.parent if str(path.parent) else Path(".")
    if not force and path.exists():
        raise DeckError(f"{path} exists; use --force to overwrite it")
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, default_mode())  # mkstemp's 0600 would hide the deck from colleagues
        if force:
            os.replace(temp, path)
        else:
            try:
                os.link(temp, path)  # fails if the file appeared meanwhile: never overwrite
            except FileExistsError:
                raise DeckError(f"{path} exists; use --force to overwrite it") from None
            except OSError:
                if path.exists():
                    raise DeckError(f"{path} exists; use --force to overwrite it") from None
                os.replace(temp, path)  # a file system without hard links
    finally:
        if os.path.exists(temp):
            os.unlink(temp)


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
        raise DeckError(f"{path} exists; use --force to overwrite it")
    prs, result = build(deck, template, measure)
    save(prs, path, force)
    return result
