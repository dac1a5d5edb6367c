"""Score inputs and [scoring] settings checked against the frameworks, as located problems.

What is an error and what is not (decided with the lead):

- an unknown framework name (roadmap.toml scoring.framework), with the nearest known name;
- a weight naming no input: not a known input of any framework and carried by no item;
- an input value that fits none of the ranges of the frameworks reading that name
  (`value = 12`, `impact = 2.5`): wrong under every framework;
- an input outside the *active* framework's range, when the item has all that framework's inputs
  (`confidence = 0.9` under ice with impact, confidence and ease given). An item missing an input
  is unscored, not an error: under ice the example workspace lists everything as missing `ease`.

A score key no framework and no weight reads is a warning, with the nearest known name.
`file` is the bare file name ("2027-Q1.toml", "roadmap.toml"); storage fills in the line.
"""

from __future__ import annotations

from collections import defaultdict

from roadmap_tui.models import Item, Problem, Workspace, WorkspaceError, file_of
from roadmap_tui.models.numbers import fmt_input as show
from roadmap_tui.models.validation import nearest
from roadmap_tui.scoring.base import Framework
from roadmap_tui.scoring.frameworks import ROADMAP_FILE, ValueEffort
from roadmap_tui.scoring.inputs import Input
from roadmap_tui.scoring.registry import FRAMEWORKS, framework_for, unknown_framework


def check_workspace(ws: Workspace, framework: str | None = None) -> list[Problem]:
    """Problems of the workspace's score inputs under `framework` (default: [scoring].framework)."""
    settings = ws.roadmap.scoring
    problems: list[Problem] = []
    active_name = framework if framework is not None else settings.framework
    active: Framework | None = None
    if active_name not in FRAMEWORKS:
        problems.append(unknown_framework(active_name))
    else:
        try:
            active = framework_for(settings, active_name)
        except WorkspaceError as error:
            problems.extend(error.problems)

    ranges: dict[str, list[tuple[str, Input]]] = defaultdict(list)
    for name, cls in FRAMEWORKS.items():
        for spec in cls.inputs_for(settings):
            ranges[spec.name].append((name, spec))
    carried = {key for item in ws.all_items() for key in item.score}
    problems.extend(_weight_problems(list(settings.weights), carried))
    for key in settings.thresholds:
        if key not in ValueEffort.THRESHOLD_KEYS:
            hint = nearest(key, ValueEffort.THRESHOLD_KEYS)
            problems.append(
                Problem(
                    ROADMAP_FILE,
                    f"unknown threshold `{key}`"
                    + (
                        f": did you mean `{hint}`?"
                        if hint
                        else " (value-effort reads value and effort)"
                    ),
                    where=f"scoring.thresholds.{key}",
                    severity="warning",
                    field="thresholds",
                )
            )

    fits: dict[tuple[str, float], bool] = {}  # (name, value) -> fits some range; values repeat
    for location, item in ws.located_items():
        problems.extend(_item_problems(file_of(location), item, ranges, active, fits))
    return problems


def _weight_problems(weights: list[str], carried: set[str]) -> list[Problem]:
    known = {spec.name for cls in FRAMEWORKS.values() for spec in cls.INPUTS}
    problems = []
    for name in weights:
        if name in known or name in carried:
            continue
        hint = nearest(name, sorted((known | carried) - set(weights)))
        problems.append(
            Problem(
                ROADMAP_FILE,
                f"weight `{name}` names no score input: no item carries it and no framework reads it"
                + (f"; did you mean `{hint}`?" if hint else ""),
                where=f"scoring.weights.{name}",
                field="weights",
            )
        )
    return problems


def _item_problems(
    file: str,
    item: Item,
    ranges: dict[str, list[tuple[str, Input]]],
    active: Framework | None,
    fits: dict[tuple[str, float], bool],
) -> list[Problem]:
    problems = []
    reported: set[str] = set()
    for key, x in item.score.items():
        fit = fits.get((key, x))
        if fit:
            continue
        specs = ranges.get(key)
        where = f"items[{item.id}].score.{key}"
        if specs is None:
            hint = nearest(key, ranges)
            problems.append(
                Problem(
                    file,
                    f"unknown score input `{key}`: no framework or weight reads it"
                    + (f"; did you mean `{hint}`?" if hint else " (kept on save)"),
                    where=where,
                    severity="warning",
                    item_id=item.id,
                    field="score",
                )
            )
        elif not fits.setdefault((key, x), any(spec.contains(x) for _, spec in specs)):
            known = "; ".join(f"{name} {spec.describe()}" for name, spec in specs)
            problems.append(
                Problem(
                    file,
                    f"`{key}` = {show(x)} is outside the range of every framework that reads it ({known})",
                    where=where,
                    item_id=item.id,
                    field="score",
                )
            )
            reported.add(key)
    if active is None or active.compute(item.score, item.estimate) is not None:
        return problems  # scored: every input is in range
    if active.missing(item):
        return problems
    values, origin = active.resolve(item)
    for name in active.out_of_range(item):
        spec = active.input(name)
        if origin[name] == "estimate":
            problems.append(
                Problem(
                    file,
                    f"{active.name} effort is the estimate, {spec.shown(values[name])}; it must be"
                    f" {spec.describe()} (unset the estimate to use score.effort)",
                    where=f"items[{item.id}].estimate",
                    item_id=item.id,
                    field="estimate",
                )
            )
        elif name not in reported:
            problems.append(
                Problem(
                    file,
                    f"`{name}` = {show(values[name])} is outside the {active.name} range"
                    f" ({spec.describe()}); the item cannot be ranked until it is fixed",
                    where=f"items[{item.id}].score.{name}",
                    item_id=item.id,
                    field="score",
                )
            )
    return problems
