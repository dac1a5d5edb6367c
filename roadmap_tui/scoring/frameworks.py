"""The five frameworks of plan-format.md, with exactly its formulas.

Inputs shared by name between frameworks, and what was decided about them:

- `effort` is 1-10 for value-effort (and the optional divisor of weighted), but person-days for
  RICE. RICE takes the item's `estimate` when it is set, else `score.effort` read as person-days,
  else the item is unscored (missing "effort"); the explanation says which ("effort 20 d (estimate)").
- `impact` is one of 0.25/0.5/1/2/3 for RICE and 1-10 for ICE; `confidence` is 0-1 for RICE and
  1-10 for ICE. Both frameworks read the same keys; a value outside the active framework's range
  is an error for that item (and the item is unscored, never clamped).
- `business_value` and `risk_reduction` are 1-20 for WSJF and 1-5 when they are weighted criteria.

Each `compute` checks its inputs with the bounds of its `Input`s, copied into locals so the
hot loop does plain comparisons.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar, Self

from roadmap_tui.models import Item, Problem, ScoringSettings, WorkspaceError
from roadmap_tui.models.numbers import fmt_input as show
from roadmap_tui.models.numbers import fmt_score as show_result
from roadmap_tui.scoring.base import Framework, Inputs
from roadmap_tui.scoring.inputs import INF, Input, Number

ROADMAP_FILE = "roadmap.toml"

QUICK_WIN = "quick win"
BIG_BET = "big bet"
FILL_IN = "fill-in"
TIME_SINK = "time sink"
DEFAULT_THRESHOLD = 5


def _scale10(name: str) -> Input:
    return Input(name, low=1, high=10)


class ValueEffort(Framework):
    """value / effort, both 1-10, with quadrants. The default framework."""

    name = "value-effort"
    score_label = "value/effort"
    value_formula = "value"
    score_formula = "value / effort"
    VALUE = _scale10("value")
    EFFORT = _scale10("effort")
    INPUTS = (VALUE, EFFORT)
    THRESHOLD_KEYS: ClassVar[tuple[str, ...]] = ("value", "effort")

    def __init__(
        self,
        value_threshold: Number = DEFAULT_THRESHOLD,
        effort_threshold: Number = DEFAULT_THRESHOLD,
    ) -> None:
        self.value_threshold = value_threshold
        self.effort_threshold = effort_threshold

    @classmethod
    def from_settings(cls, settings: ScoringSettings) -> Self:
        given = settings.thresholds
        return cls(given.get("value", DEFAULT_THRESHOLD), given.get("effort", DEFAULT_THRESHOLD))

    def compute(self, score: Inputs, estimate: Number | None) -> tuple[Number, float] | None:
        try:
            value = score["value"]
            effort = score["effort"]
        except KeyError:
            return None
        if 1 <= value <= 10 and 1 <= effort <= 10:
            return value, value / effort
        return None

    def terms(self, inputs: Inputs, value: Number, origin: Mapping[str, str]) -> tuple[str, str]:
        return show(inputs["value"]), f"{show(inputs['value'])} / {show(inputs['effort'])}"

    def quadrant(self, score: Inputs) -> str | None:
        value = score.get("value")
        effort = score.get("effort")
        if value is None or effort is None:
            return None
        high_value = value > self.value_threshold
        low_effort = effort <= self.effort_threshold
        if high_value:
            return QUICK_WIN if low_effort else BIG_BET
        return FILL_IN if low_effort else TIME_SINK

    def notes(self, inputs: Inputs, origin: Mapping[str, str]) -> list[str]:
        return ["quadrant: " + self.quadrant_reason(inputs)]

    def quadrant_reason(self, score: Inputs) -> str:
        """`quick win (value 8 > 5, effort 3 <= 5)`."""
        value, effort = score["value"], score["effort"]
        tv, te = show(self.value_threshold), show(self.effort_threshold)
        v_rel = ">" if value > self.value_threshold else "<="
        e_rel = "<=" if effort <= self.effort_threshold else ">"
        return f"{self.quadrant(score)} (value {show(value)} {v_rel} {tv}, effort {show(effort)} {e_rel} {te})"


RICE_IMPACTS = (0.25, 0.5, 1, 2, 3)


def quadrant_thresholds(framework: Framework) -> tuple[Number, Number]:
    """The value and effort thresholds of the quadrants: value-effort's own (roadmap.toml's
    [scoring] thresholds), else the default for every other framework."""
    if isinstance(framework, ValueEffort):
        return framework.value_threshold, framework.effort_threshold
    return DEFAULT_THRESHOLD, DEFAULT_THRESHOLD


class Rice(Framework):
    """reach x impact x confidence / effort (person-days; the estimate when there is one)."""

    name = "rice"
    score_label = "RICE"
    value_formula = "reach x impact x confidence"
    score_formula = "reach x impact x confidence / effort"
    REACH = Input("reach", low=0)
    IMPACT = Input("impact", allowed=RICE_IMPACTS)
    CONFIDENCE = Input("confidence", low=0, high=1, step=0.1)
    EFFORT = Input("effort", low=0, low_open=True, step=0.5, unit="d")
    INPUTS = (REACH, IMPACT, CONFIDENCE, EFFORT)
    _IMPACTS = frozenset(RICE_IMPACTS)

    def compute(self, score: Inputs, estimate: Number | None) -> tuple[Number, float] | None:
        try:
            reach = score["reach"]
            impact = score["impact"]
            confidence = score["confidence"]
            effort = estimate if estimate is not None else score["effort"]
        except KeyError:
            return None
        if (
            0 <= reach < INF
            and impact in self._IMPACTS
            and 0 <= confidence <= 1
            and 0 < effort < INF
        ):
            value = reach * impact * confidence
            return value, value / effort
        return None

    def resolve(self, item: Item) -> tuple[dict[str, Number], dict[str, str]]:
        values, origin = super().resolve(item)
        estimate = item.estimate
        if estimate is not None:
            values["effort"] = estimate
            origin["effort"] = "estimate"
        return values, origin

    def with_input(
        self, score: Inputs, estimate: Number | None, name: str, x: Number
    ) -> tuple[dict[str, Number], Number | None]:
        if name == "effort" and estimate is not None:
            return dict(score), x  # effort is the estimate: moving it moves the estimate
        return super().with_input(score, estimate, name, x)

    def terms(self, inputs: Inputs, value: Number, origin: Mapping[str, str]) -> tuple[str, str]:
        product = " x ".join(show(inputs[n]) for n in ("reach", "impact", "confidence"))
        effort = f"{show(inputs['effort'])} d"
        if origin.get("effort") == "estimate":
            effort += " (estimate)"
        else:
            effort += " (score.effort)"
        return product, f"{product} / {effort}"


WSJF_JOB_SIZES = (1, 2, 3, 5, 8, 13, 20)


class Wsjf(Framework):
    """Cost of delay (business value + time criticality + risk reduction) / job size."""

    name = "wsjf"
    score_label = "WSJF"
    value_label = "cost of delay"
    value_formula = "business_value + time_criticality + risk_reduction"
    score_formula = "(business_value + time_criticality + risk_reduction) / job_size"
    INPUTS = (
        Input("business_value", low=1, high=20),
        Input("time_criticality", low=1, high=20),
        Input("risk_reduction", low=1, high=20),
        Input("job_size", allowed=WSJF_JOB_SIZES),
    )
    _SIZES = frozenset(WSJF_JOB_SIZES)

    def compute(self, score: Inputs, estimate: Number | None) -> tuple[Number, float] | None:
        try:
            business = score["business_value"]
            time = score["time_criticality"]
            risk = score["risk_reduction"]
            size = score["job_size"]
        except KeyError:
            return None
        if 1 <= business <= 20 and 1 <= time <= 20 and 1 <= risk <= 20 and size in self._SIZES:
            value = business + time + risk
            return value, value / size
        return None

    def terms(self, inputs: Inputs, value: Number, origin: Mapping[str, str]) -> tuple[str, str]:
        names = ("business_value", "time_criticality", "risk_reduction")
        total = " + ".join(show(inputs[n]) for n in names)
        return total, f"({total}) / {show(inputs['job_size'])}"


class Ice(Framework):
    """impact x confidence x ease, each 1-10; the score is the value."""

    name = "ice"
    score_label = "ICE"
    value_formula = "impact x confidence x ease"
    score_formula = "impact x confidence x ease"
    INPUTS = (_scale10("impact"), _scale10("confidence"), _scale10("ease"))

    def compute(self, score: Inputs, estimate: Number | None) -> tuple[Number, float] | None:
        try:
            impact = score["impact"]
            confidence = score["confidence"]
            ease = score["ease"]
        except KeyError:
            return None
        if 1 <= impact <= 10 and 1 <= confidence <= 10 and 1 <= ease <= 10:
            value = impact * confidence * ease
            return value, value
        return None

    def terms(self, inputs: Inputs, value: Number, origin: Mapping[str, str]) -> tuple[str, str]:
        product = " x ".join(show(inputs[n]) for n in ("impact", "confidence", "ease"))
        return product, product


class Weighted(Framework):
    """sum(weight x input) over the weights of roadmap.toml, normalised; / effort when given.

    Weights need not sum to 1: value = sum(weight x input) / sum(weights), so weights 2, 1, 1
    mean 0.5, 0.25, 0.25. Each weighted input is 1-5; the optional `effort` is 1-10 and divides
    the value when the item has one (plan-format.md: "value / effort where effort is given, else
    value"), so an item without effort is ranked by its value alone.
    """

    name = "weighted"
    score_label = "weighted score"
    value_formula = "sum(weight x input) / sum(weights)"
    score_formula = "value / effort"
    EFFORT = Input("effort", low=1, high=10, optional=True)

    def __init__(self, weights: Mapping[str, Number]) -> None:
        if not weights:
            raise WorkspaceError(
                [
                    Problem(
                        ROADMAP_FILE,
                        "the weighted framework needs weights: weights = { criterion = 0.5, ... }",
                        where="scoring.weights",
                        field="weights",
                    )
                ]
            )
        if "effort" in weights:
            raise WorkspaceError(
                [
                    Problem(
                        ROADMAP_FILE,
                        "`effort` cannot be a weight: it divides the weighted value",
                        where="scoring.weights.effort",
                        field="weights",
                    )
                ]
            )
        total = sum(weights.values())
        if total <= 0:
            raise WorkspaceError(
                [
                    Problem(
                        ROADMAP_FILE,
                        "weights add up to 0; at least one must be above 0",
                        where="scoring.weights",
                        field="weights",
                    )
                ]
            )
        self.weights = dict(weights)
        self.total = total
        self._pairs = tuple(self.weights.items())
        self._inputs = (*(Input(name, low=1, high=5) for name in self.weights), self.EFFORT)

    @classmethod
    def from_settings(cls, settings: ScoringSettings) -> Self:
        return cls(settings.weights)

    @classmethod
    def inputs_for(cls, settings: ScoringSettings) -> tuple[Input, ...]:
        return (*(Input(name, low=1, high=5) for name in settings.weights), cls.EFFORT)

    @property
    def inputs(self) -> tuple[Input, ...]:
        return self._inputs

    def compute(self, score: Inputs, estimate: Number | None) -> tuple[Number, float] | None:
        total = 0.0
        try:
            for name, weight in self._pairs:
                x = score[name]
                if not 1 <= x <= 5:
                    return None
                total += weight * x
        except KeyError:
            return None
        value = total / self.total
        effort = score.get("effort")
        if effort is None:
            return value, value
        if 1 <= effort <= 10:
            return value, value / effort
        return None

    def score_formula_for(self, inputs: Inputs) -> str:
        return self.score_formula if "effort" in inputs else "value"

    def notes(self, inputs: Inputs, origin: Mapping[str, str]) -> list[str]:
        weights = ", ".join(f"{name} {show(w)}" for name, w in self.weights.items())
        lines = [f"weights: {weights} (sum {show(self.total)}: each counts weight / sum)"]
        if "effort" not in inputs:
            lines.append("no effort given: the score is the value")
        return lines

    def terms(self, inputs: Inputs, value: Number, origin: Mapping[str, str]) -> tuple[str, str]:
        products = " + ".join(f"{show(w)} x {show(inputs[n])}" for n, w in self._pairs)
        value_terms = f"({products}) / {show(self.total)}"
        effort = inputs.get("effort")
        if effort is None:
            return value_terms, show_result(value)
        return value_terms, f"{show_result(value)} / {show(effort)}"
