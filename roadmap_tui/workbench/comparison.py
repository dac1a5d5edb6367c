"""What the compare view sets side by side, compared: the chosen versions opened through
`Sources`, judged by the workspace's framework like `roadmap impact` (`impact.compare_versions`:
one alternative gives an Impact, several give Options). Textual-free and working on a copy of
the edits, so that the view runs it in a worker thread while editing goes on."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from roadmap_tui.models import Workspace
from roadmap_tui.workbench.impact_sources import Sources, Version

if TYPE_CHECKING:
    from roadmap_tui.impact import Impact, Options
    from roadmap_tui.scoring import Framework


@dataclass(frozen=True)
class Comparison:
    versions: list[Version]  # the baseline first, then the alternatives
    result: Impact | Options
    scorer: Framework  # what judged it (the deck explains scores with it)

    @property
    def options(self) -> Options | None:
        from roadmap_tui.impact import Options

        return self.result if isinstance(self.result, Options) else None

    def impact(self, shown: int) -> Impact:
        """The impact of alternative `shown` (wrapping round); the only one when there is one."""
        from roadmap_tui.impact import Options

        if isinstance(self.result, Options):
            return self.result.impacts[shown % len(self.result.impacts)]
        return self.result


def compare_chosen(
    sources: Sources, baseline: str, chosen: list[str], current: Workspace | None
) -> Comparison | None:
    """The baseline against the chosen alternatives; None when none is chosen. `current` is a
    copy of the workspace with its unsaved edits; None when there are none (the saved version
    is then the current one). WorkspaceError when a version cannot be read."""
    from roadmap_tui.impact import compare_versions
    from roadmap_tui.scoring import framework_for

    if not chosen:
        return None
    base = sources.open(baseline, current=current)
    versions = [sources.open(spec, current=current) for spec in chosen]
    scorer = framework_for(
        versions[-1].workspace.roadmap.scoring if current is None else current.roadmap.scoring
    )
    result = compare_versions(
        base.workspace,
        [(v.label, v.workspace) for v in versions],
        value=scorer.value,
        score=scorer.score,
        framework=scorer.name,
        base_label=base.label,
    )
    return Comparison([base, *versions], result, scorer)
