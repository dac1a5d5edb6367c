"""Explanations a person can read out in a room: formulas with their numbers, and why A beats B.

    value (cost of delay) = business_value + time_criticality + risk_reduction = 8 + 5 + 3 = 16
    WSJF = (business_value + time_criticality + risk_reduction) / job_size = (8 + 5 + 3) / 5 = 3.20

The numbers come from `Framework.compute` (the same call that ranks), the text from the
framework's `terms`, so an explanation never disagrees with the ranking.
"""

from __future__ import annotations

from dataclasses import dataclass

from roadmap_tui.models import Item
from roadmap_tui.models.numbers import fmt_input as show
from roadmap_tui.models.numbers import fmt_score as show_result
from roadmap_tui.scoring.base import Framework, Key
from roadmap_tui.scoring.inputs import INF, Number
from roadmap_tui.scoring.ranking import Ranking


def show_value(x: Number) -> str:
    """A value: whole numbers as written (16), others with two decimals (3.70)."""
    if isinstance(x, int) or float(x).is_integer():
        return show(x)
    return show_result(x)


def _chain(*parts: str) -> str:
    """`a = b = c`, dropping a part equal to the one before (`value = value = 8` -> `value = 8`)."""
    kept: list[str] = []
    for part in parts:
        if not kept or kept[-1] != part:
            kept.append(part)
    return " = ".join(kept)


def unscored_reason(framework: Framework, item: Item) -> str:
    """`missing ease` / `confidence 0.9 is out of range for ice (1-10)`."""
    values, _ = framework.resolve(item)
    outside = [
        f"{name} {framework.input(name).shown(values[name])} ({framework.input(name).describe()})"
        for name in framework.out_of_range(item)
    ]
    missing = framework.missing(item)
    if missing:
        reason = "missing " + ", ".join(missing)
        if outside:
            reason += f"; also outside the {framework.name} ranges: " + ", ".join(outside)
        return reason
    if outside:
        return f"outside the {framework.name} ranges: " + ", ".join(outside)
    return "cannot be scored"


def formula_lines(framework: Framework, item: Item) -> list[str]:
    """The value and score of an item with the formula and its numbers; or why it is unscored."""
    result = framework.compute(item.score, item.estimate)
    if result is None:
        needs = ", ".join(s.name + (" (optional)" if s.optional else "") for s in framework.inputs)
        return [f"unscored: {unscored_reason(framework, item)} ({framework.name} reads {needs})"]
    value, score = result
    inputs, origin = framework.resolve(item)
    value_terms, score_terms = framework.terms(inputs, value, origin)
    value_label = (
        "value" if framework.value_label == "value" else f"value ({framework.value_label})"
    )
    return [
        _chain(value_label, framework.value_formula, value_terms, show_value(value)),
        _chain(
            framework.score_label,
            framework.score_formula_for(inputs),
            score_terms,
            show_result(score),
        ),
        *framework.notes(inputs, origin),
    ]


@dataclass(frozen=True)
class Comparison:
    """Why `first` ranks above `second` under a framework."""

    first: str
    second: str
    reason: str
    inputs: str = ""

    def __str__(self) -> str:
        text = f"{self.first} ranks above {self.second}: {self.reason}"
        return text + (f" ({self.inputs})" if self.inputs else "")


def compare(framework: Framework, a: Item, b: Item) -> Comparison:
    """Which of two items ranks higher, and the step of the tie rule that decides it."""
    key_a, key_b = framework.key(a), framework.key(b)
    if key_a is None and key_b is None:
        first, second = (a, b) if a.id <= b.id else (b, a)
        return Comparison(first.id, second.id, "both are unscored; unscored items are listed by id")
    if key_a is None or key_b is None:
        first, second = (b, a) if key_a is None else (a, b)
        return Comparison(
            first.id,
            second.id,
            f"{second.id} is unscored ({unscored_reason(framework, second)});"
            " unscored items are listed after every scored item",
        )
    (first, k1), (second, k2) = sorted(((a, key_a), (b, key_b)), key=lambda pair: pair[1])
    return Comparison(
        first.id,
        second.id,
        _deciding_step(framework, k1, k2),
        _side_by_side(framework, first, second),
    )


def _deciding_step(framework: Framework, k1: Key, k2: Key) -> str:
    label = framework.score_label
    if k1[0] != k2[0]:
        return f"{label} {show_result(-k1[0])} > {show_result(-k2[0])}"
    same = f"same {label} {show_result(-k1[0])}"
    if k1[1] != k2[1]:
        return f"{same}; higher value {show_value(-k1[1])} > {show_value(-k2[1])}"
    if k1[2] != k2[2]:
        same += f" and value {show_value(-k1[1])}"
        if k2[2] == INF:
            return f"{same}; it has an estimate ({show(k1[2])} d), the other has none"
        return f"{same}; smaller estimate {show(k1[2])} d < {show(k2[2])} d"
    estimate = "no estimate" if k1[2] == INF else f"estimate {show(k1[2])} d"
    return (
        f"{same}, value {show_value(-k1[1])} and {estimate}; last tie-break: id {k1[3]} sorts first"
    )


def _side_by_side(framework: Framework, first: Item, second: Item) -> str:
    values_1, _ = framework.resolve(first)
    values_2, _ = framework.resolve(second)
    parts = []
    for spec in framework.inputs:
        if spec.name in values_1 or spec.name in values_2:
            one = spec.shown(values_1[spec.name]) if spec.name in values_1 else "-"
            two = spec.shown(values_2[spec.name]) if spec.name in values_2 else "-"
            parts.append(f"{spec.name} {one} vs {two}")
    return ", ".join(parts)


@dataclass(frozen=True)
class Explanation:
    item_id: str
    framework: str
    lines: tuple[str, ...]

    def __str__(self) -> str:
        return "\n".join(self.lines)


def explain(ranking: Ranking, item_id: str) -> Explanation:
    """An item's formula with its numbers, its rank in the set, and why it sits between its
    neighbours."""
    framework = ranking.framework
    item = ranking.item(item_id)
    lines = [f"{item.id}: {item.title}", f"framework: {framework.name}"]
    lines += formula_lines(framework, item)
    position = ranking.rank_of(item_id)
    unscored = len(ranking) - ranking.scored_count
    if position is None:
        lines.append(f"not ranked: listed after the {ranking.scored_count} scored items")
    else:
        tail = f", {unscored} unscored" if unscored else ""
        lines.append(f"rank {position} of {ranking.scored_count} scored{tail}")
        above, below = ranking.above(item_id), ranking.below(item_id)
        if above is not None:
            lines.append("  " + str(compare(framework, ranking.item(above), item)))
        if below is not None:
            lines.append("  " + str(compare(framework, item, ranking.item(below))))
    return Explanation(item.id, framework.name, tuple(lines))
