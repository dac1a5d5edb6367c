"""A comparison written to the file a person named: the markdown page (`result_markdown`) or the
deck (its input from `deck.inputs.deck_input`, the builder `roadmap deck` uses too). Heavy
libraries are imported when writing, so a worker thread pays for them, not the app's start."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from roadmap_tui.impact import Impact, Options
    from roadmap_tui.models import Workspace
    from roadmap_tui.scoring import Framework

Side = tuple[str, "str | None", "Workspace"]  # a version's label, its commit, its workspace


def write_impact(
    kind: str,
    path: Path,
    result: Impact | Options,
    versions: Sequence[Side],
    *,
    scorer: Framework,
    on: dt.date,
    shown: int = 0,
    title: str | None = None,
    template: Path | None = None,
    force: bool = False,
    workspace: Path | None = None,
) -> Path:
    """Write `kind` (deck | markdown) of `result`, the comparison of `versions` (the baseline
    first), alternative `shown` as the proposal; never a device, a folder or a file of
    `workspace`, nor an existing file unless `force`."""
    if kind == "markdown":
        from roadmap_tui.exporters.markdown import result_markdown
        from roadmap_tui.storage.outputs import write_output

        text = result_markdown(result, title=title)
        write_output(path, text.encode("utf-8"), force=force, workspace=workspace)
        return path
    from roadmap_tui.exporters.deck import SourceInfo, write_deck
    from roadmap_tui.exporters.deck.inputs import deck_input

    (base_label, base_commit, base), *others = versions
    data = deck_input(
        result,
        SourceInfo(base_label, base_commit),
        [(SourceInfo(label, commit), ws) for label, commit, ws in others],
        scorer=scorer,
        on=on,
        shown=shown,
        title=title,
        base_workspace=base,
    )
    write_deck(data, path, template=template, force=force, workspace=workspace)
    return path
