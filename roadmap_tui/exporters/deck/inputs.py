"""The deck's input from a comparison: the one builder `roadmap export deck` and the app use."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from roadmap_tui.exporters.deck.model import Audience, DeckInput, Lanes, SourceInfo
from roadmap_tui.impact import Impact, Options
from roadmap_tui.models import Item, Workspace
from roadmap_tui.scoring import Framework, formula_lines


def deck_input(
    result: Impact | Options,
    base: SourceInfo,
    alternatives: Sequence[tuple[SourceInfo, Workspace]],
    *,
    scorer: Framework,
    on: dt.date,
    shown: int = 0,
    title: str | None = None,
    lanes: Lanes = "auto",
    base_workspace: Workspace | None = None,
    audience: Audience = "po",
) -> DeckInput:
    """What the deck shows for `result` (compare_versions' answer for these alternatives):
    the impact of alternative `shown` (the proposal; with one alternative, that one), the
    options side by side when there are several, scores explained by `scorer`; the baseline's
    workspace, for the review stages the change reopens; the audience the deck is for."""
    options = result if isinstance(result, Options) else None
    index = shown if options is not None else 0
    impact = options.impacts[index] if options is not None else result
    assert isinstance(impact, Impact)
    adjusted, workspace = alternatives[index]

    def explain(item: Item) -> str:
        return "; ".join(formula_lines(scorer, item))

    return DeckInput(
        impact=impact,
        base=base,
        adjusted=adjusted,
        on=on,
        workspace=workspace,
        options=options,
        alternatives=tuple(info for info, _ in alternatives) if options is not None else (),
        title=title,
        lanes=lanes,
        explain=explain,
        base_workspace=base_workspace,
        audience=audience,
    )
