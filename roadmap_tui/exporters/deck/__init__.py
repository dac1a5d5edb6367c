"""The PowerPoint impact deck: native charts, an editable timeline, the user's own template.

Importing this package loads no deck library; python-pptx is imported when a deck is written.
Modules: `measure` (text widths, wrapping, fitting), `layout` (geometry), `template` (the
template's layouts), `draw` (text and shapes), `lanes`/`timeline` (the roadmap slide),
`charts`, `tables`, `overview`/`details`/`appendix` (the slides), `story` (the words),
`clean` (hostile text), `writer` (order and saving).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from roadmap_tui.exporters.deck.clean import clean_text, safe_link
from roadmap_tui.exporters.deck.model import (
    LANES,
    DeckError,
    DeckInput,
    DeckResult,
    Lanes,
    SourceInfo,
)

if TYPE_CHECKING:
    from roadmap_tui.exporters.deck.measure import Measure

__all__ = [
    "LANES",
    "DeckError",
    "DeckInput",
    "DeckResult",
    "Lanes",
    "SourceInfo",
    "clean_text",
    "safe_link",
    "write_deck",
]


def write_deck(
    deck: DeckInput,
    path: Path,
    *,
    template: Path | None = None,
    force: bool = False,
    measure: Measure | None = None,
    workspace: Path | None = None,
) -> DeckResult:
    """Write the deck for `deck` to `path` (see `writer.write_deck`); never over a file of
    `workspace`."""
    from roadmap_tui.exporters.deck.writer import write_deck as write

    return write(deck, path, template=template, force=force, measure=measure, workspace=workspace)
