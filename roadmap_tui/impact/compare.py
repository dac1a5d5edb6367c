"""compare(base, adjusted) -> Impact, compare_options(base, alternatives) -> Options, and
compare_versions, which picks between them: what `roadmap impact`, the deck and the app call."""

from __future__ import annotations

from collections.abc import Sequence

from roadmap_tui.impact.asks import ask_changes
from roadmap_tui.impact.changes import item_changes
from roadmap_tui.impact.dependencies import broken_dependencies
from roadmap_tui.impact.effort import team_efforts
from roadmap_tui.impact.goals import goal_slips
from roadmap_tui.impact.model import Impact, OptionRow, Options
from roadmap_tui.impact.notices import notices
from roadmap_tui.impact.value import quarter_values
from roadmap_tui.impact.versions import Figure, Version
from roadmap_tui.models import BACKLOG, Workspace, quarter_index


def _teams(
    base: Workspace, adjusted: Workspace
) -> tuple[list[str], dict[str, str], dict[str, str]]:
    """Team order (adjusted's roadmap, then base's), names and channels (adjusted wins)."""
    order: list[str] = []
    names: dict[str, str] = {}
    channels: dict[str, str] = {}
    for ws in (adjusted, base):
        for team in ws.roadmap.teams:
            if team.id not in names:
                order.append(team.id)
                names[team.id] = team.name or team.id
                channels[team.id] = team.channel
    return order, names, channels


def _quarters(*versions: Workspace) -> list[str]:
    found = {quarter for ws in versions for quarter in ws.quarters}
    return sorted(found, key=quarter_index)


def compare(
    base: Workspace,
    adjusted: Workspace,
    *,
    value: Figure,
    score: Figure,
    framework: str | None = None,
    base_label: str = "base",
    adjusted_label: str = "adjusted",
) -> Impact:
    """The impact of going from `base` to `adjusted`, items matched by id across the workspace.

    `value` and `score` are the active framework's figures for an item (None when unscored);
    the same functions judge both versions so that their numbers compare.
    """
    return _compare(
        Version.of(base, value, score),
        Version.of(adjusted, value, score),
        framework=framework if framework is not None else adjusted.framework,
        base_label=base_label,
        adjusted_label=adjusted_label,
    )


def _compare(
    old: Version, new: Version, *, framework: str, base_label: str, adjusted_label: str
) -> Impact:
    base, adjusted = old.workspace, new.workspace
    order, names, channels = _teams(base, adjusted)
    owner = adjusted.owner
    items = item_changes(old, new, owner)
    asks = ask_changes(old, new, names, order)
    quarters = _quarters(base, adjusted)
    return Impact(
        base=base_label,
        adjusted=adjusted_label,
        framework=framework,
        owner=owner,
        owner_name=names.get(owner, owner),
        workspace_name=adjusted.roadmap.workspace.name,
        quarters=tuple(quarters),
        items=tuple(items),
        value=tuple(quarter_values(old, new, quarters)),
        effort=tuple(team_efforts(old, new, order, names)),
        asks=tuple(asks),
        broken_dependencies=tuple(broken_dependencies(old, new)),
        goals=tuple(goal_slips(old, new)),
        notices=tuple(
            notices(owner, adjusted.roadmap.workspace.name, items, asks, names, channels, order)
        ),
    )


def option_row(impact: Impact, quarters: Sequence[str]) -> OptionRow:
    """The options-table line of one alternative, from its comparison with the baseline."""
    after = {row.quarter: row.after for row in impact.value}
    return OptionRow(
        label=impact.adjusted,
        is_base=False,
        value={quarter: after.get(quarter, 0.0) for quarter in quarters},
        total_value=impact.value_after,
        adopted=tuple(impact.added),
        skipped=tuple(impact.removed),
        deferred=tuple(impact.deferred),
        pulled_in=tuple(impact.pulled_in),
        asks_moved=len(impact.asks),
        ask_days_moved=sum(max(ask.days, ask.days_before or 0.0) for ask in impact.asks),
        goal_slips={goal.goal: goal.slip for goal in impact.goals},
        goals_delivered={goal.goal: goal.after for goal in impact.goals},
        delivery_shift=impact.delivery_shift,
        broken=len(impact.broken_dependencies),
    )


def base_row(impact: Impact, quarters: Sequence[str]) -> OptionRow:
    """The baseline's own line, read from a comparison against it."""
    before = {row.quarter: row.before for row in impact.value}
    return OptionRow(
        label=impact.base,
        is_base=True,
        value={quarter: before.get(quarter, 0.0) for quarter in quarters},
        total_value=impact.value_before,
        adopted=(),
        skipped=(),
        deferred=(),
        pulled_in=(),
        asks_moved=0,
        ask_days_moved=0.0,
        goal_slips={
            goal.goal: None if goal.before in (None, BACKLOG) else 0 for goal in impact.goals
        },
        goals_delivered={goal.goal: goal.before for goal in impact.goals},
        delivery_shift=0 if any(goal.slip is not None for goal in impact.goals) else None,
        broken=0,
    )


def compare_versions(
    base: Workspace,
    alternatives: Sequence[tuple[str, Workspace]],
    *,
    value: Figure,
    score: Figure,
    framework: str | None = None,
    base_label: str = "base",
) -> Impact | Options:
    """`base` against (label, workspace) alternatives: one alternative gives its Impact, two or
    more give Options side by side (each alternative's Impact in `Options.impacts`, in order)."""
    if not alternatives:
        raise ValueError("compare_versions needs at least one alternative")
    if len(alternatives) == 1:
        label, adjusted = alternatives[0]
        return compare(
            base,
            adjusted,
            value=value,
            score=score,
            framework=framework,
            base_label=base_label,
            adjusted_label=label,
        )
    return compare_options(
        base, alternatives, value=value, score=score, framework=framework, base_label=base_label
    )


def compare_options(
    base: Workspace,
    alternatives: Sequence[tuple[str, Workspace]],
    *,
    value: Figure,
    score: Figure,
    framework: str | None = None,
    base_label: str = "base",
) -> Options:
    """A baseline and alternatives side by side: one row each, the baseline first.

    Every alternative is compared with the same baseline (indexed once), so rows compare.
    The framework defaults to the baseline's.
    """
    return _options(base, alternatives, value, score, framework, base_label)


def _options(
    base: Workspace,
    alternatives: Sequence[tuple[str, Workspace]],
    value: Figure,
    score: Figure,
    framework: str | None,
    base_label: str,
) -> Options:
    old = Version.of(base, value, score)
    chosen = framework if framework is not None else base.framework
    impacts = [
        _compare(
            old,
            Version.of(ws, value, score),
            framework=chosen,
            base_label=base_label,
            adjusted_label=label,
        )
        for label, ws in alternatives
    ]
    quarters = _quarters(base, *(ws for _, ws in alternatives))
    reference = (
        impacts[0]
        if impacts
        else _compare(old, old, framework=chosen, base_label=base_label, adjusted_label=base_label)
    )
    rows = [base_row(reference, quarters), *(option_row(impact, quarters) for impact in impacts)]
    return Options(
        base=base_label,
        framework=chosen,
        quarters=tuple(quarters),
        rows=tuple(rows),
        impacts=tuple(impacts),
    )
