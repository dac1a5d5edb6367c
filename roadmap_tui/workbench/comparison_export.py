"""A comparison written out: the deck (its input assembled by `exporters.deck.inputs`) or the
markdown page, as a function a worker thread runs. Textual-free."""

from __future__ import annotations

import datetime as dt
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from roadmap_tui.workbench.comparison import Comparison

if TYPE_CHECKING:
    from collections.abc import Callable

    from roadmap_tui.exporters.deck import DeckInput


def export_work(
    comparison: Comparison,
    shown: int,
    kind: str,
    path: Path,
    *,
    workspace: Path,
    on: dt.date,
    template: Path | None = None,
    title: str | None = None,
) -> Callable[[], Path]:
    """Writing `kind` (deck | markdown) of the comparison to `path`, alternative `shown` as the
    proposal. The person agreed to overwrite; never a device, a folder or a file of `workspace`.
    The comparison's versions are copies, so edits made meanwhile cannot reach it."""
    if kind == "markdown":
        from roadmap_tui.exporters.markdown import impact_markdown, options_markdown

        options = comparison.options
        text = (
            options_markdown(options)
            if options is not None
            else impact_markdown(comparison.impact(shown), title=title)
        )
        return partial(_write_text, path, text, workspace)
    data = deck_of(comparison, shown, on=on, title=title)
    return partial(_write_deck, data, path, template, workspace)


def deck_of(
    comparison: Comparison, shown: int, *, on: dt.date, title: str | None = None
) -> DeckInput:
    """What the deck shows of the comparison (the same builder `roadmap deck` uses)."""
    from roadmap_tui.exporters.deck import SourceInfo
    from roadmap_tui.exporters.deck.inputs import deck_input

    base, *others = comparison.versions
    return deck_input(
        comparison.result,
        SourceInfo(base.label, base.commit),
        [(SourceInfo(v.label, v.commit), v.workspace) for v in others],
        scorer=comparison.scorer,
        on=on,
        shown=shown,
        title=title,
        base_workspace=base.workspace,
    )


def _write_text(path: Path, text: str, workspace: Path) -> Path:
    from roadmap_tui.storage.outputs import write_output

    write_output(path, text.encode("utf-8"), force=True, workspace=workspace)
    return path


def _write_deck(data: DeckInput, path: Path, template: Path | None, workspace: Path) -> Path:
    from roadmap_tui.exporters.deck import write_deck

    write_deck(data, path, template=template, force=True, workspace=workspace)
    return path
