"""What a scoring framework is: a name, its inputs with ranges, and value(item) and score(item).

Every framework gives an item two numbers (plan-format.md, "Score inputs per framework"):

- its **value**: the benefit, which plans add up and the solver maximises;
- its **score**: value for the effort, which ranks items.

`compute` is the one place each formula lives. It is the hot path: it reads the item's `score`
dict with plain dict access (no pydantic validation per item), checks each input against its range
and returns `(value, score)`, or None when an input is missing or out of range. Everything else
(missing inputs by name, explanations, sensitivity) is derived from `inputs` and `compute`, so a
sixth framework is one subclass with `name`, `inputs`, `compute` and the text of its formula,
registered in `registry.FRAMEWORKS`.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Mapping
from typing import ClassVar, Self

from roadmap_tui.models import Item, ScoringSettings
from roadmap_tui.scoring.inputs import INF, Input, Number

# How items sort: (-score, -value, estimate or infinity, id); see ranking.py for the rule.
Key = tuple[float, float, float, str]
Inputs = Mapping[str, Number]


class Framework(ABC):
    """A way to score items. Subclasses set the class attributes and implement `compute`."""

    name: ClassVar[str]  # as written in roadmap.toml: "value-effort"
    score_label: ClassVar[str]  # what the score is called in a room: "WSJF"
    value_label: ClassVar[str] = "value"  # what the value is called: "cost of delay"
    value_formula: ClassVar[str]  # symbolic: "business_value + time_criticality + risk_reduction"
    score_formula: ClassVar[str]  # symbolic: "(...) / job_size"
    INPUTS: ClassVar[tuple[Input, ...]] = ()

    @classmethod
    def from_settings(cls, settings: ScoringSettings) -> Self:
        """The framework as configured by roadmap.toml [scoring]."""
        return cls()

    @classmethod
    def inputs_for(cls, settings: ScoringSettings) -> tuple[Input, ...]:
        """The inputs this framework reads under these settings (weighted: one per weight)."""
        return cls.INPUTS

    @property
    def inputs(self) -> tuple[Input, ...]:
        return self.INPUTS

    def input(self, name: str) -> Input:
        for spec in self.inputs:
            if spec.name == name:
                return spec
        raise KeyError(name)

    # --- the formula --------------------------------------------------------------------------
    @abstractmethod
    def compute(self, score: Inputs, estimate: Number | None) -> tuple[Number, float] | None:
        """(value, score) from an item's score inputs and estimate; None if any is missing or
        out of range. Never counts a missing input as zero."""

    @abstractmethod
    def terms(self, inputs: Inputs, value: Number, origin: Mapping[str, str]) -> tuple[str, str]:
        """The value and score formulas with the numbers filled in: ("8 + 5 + 3", "(8 + 5 + 3) / 5")."""

    def score_formula_for(self, inputs: Inputs) -> str:
        """The symbolic score formula for these inputs (weighted without effort: `value`)."""
        return self.score_formula

    def notes(self, inputs: Inputs, origin: Mapping[str, str]) -> list[str]:
        """Extra lines for an explanation (the quadrant, how weights were normalised)."""
        return []

    def quadrant(self, score: Inputs) -> str | None:
        """The value-effort quadrant; None for frameworks without quadrants."""
        return None

    # --- derived from inputs and compute ----------------------------------------------------------
    def resolve(self, item: Item) -> tuple[dict[str, Number], dict[str, str]]:
        """The inputs this framework reads for an item, and where each came from
        ("score", or "estimate" for RICE effort)."""
        values = {
            spec.name: item.score[spec.name] for spec in self.inputs if spec.name in item.score
        }
        return values, dict.fromkeys(values, "score")

    def with_input(
        self, score: Inputs, estimate: Number | None, name: str, x: Number
    ) -> tuple[dict[str, Number], Number | None]:
        """An item's score inputs and estimate with one input set to `x` (for sensitivity)."""
        changed = dict(score)
        changed[name] = x
        return changed, estimate

    def missing(self, item: Item) -> list[str]:
        """Names of the required inputs the item does not carry, in the framework's order."""
        return list(self.diagnose(item)[0])

    def out_of_range(self, item: Item) -> list[str]:
        """Names of the inputs the item carries whose value is outside this framework's range."""
        return list(self.diagnose(item)[1])

    def diagnose(self, item: Item) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(missing inputs, inputs out of range) of an item, in one pass."""
        values, _ = self.resolve(item)
        missing: list[str] = []
        outside: list[str] = []
        for spec in self.inputs:
            x = values.get(spec.name)
            if x is None:
                if not spec.optional:
                    missing.append(spec.name)
            elif not spec.contains(x):
                outside.append(spec.name)
        return tuple(missing), tuple(outside)

    def value(self, item: Item) -> float | None:
        """The item's value (benefit), or None when it is unscored."""
        result = self.compute(item.score, item.estimate)
        return None if result is None else result[0]

    def score(self, item: Item) -> float | None:
        """The item's score (what ranks it), or None when it is unscored."""
        result = self.compute(item.score, item.estimate)
        return None if result is None else result[1]

    def key(self, item: Item) -> Key | None:
        """The item's sort key, or None when it is unscored."""
        estimate = item.estimate
        result = self.compute(item.score, estimate)
        if result is None:
            return None
        return (-result[1], -result[0], INF if estimate is None else estimate, item.id)

    def evaluate(self, items: Iterable[Item]) -> tuple[list[Key], list[Item]]:
        """Sort keys of the scored items (unsorted) and the unscored items. The hot loop."""
        compute = self.compute
        keys: list[Key] = []
        unscored: list[Item] = []
        append = keys.append
        for item in items:
            estimate = item.estimate
            result = compute(item.score, estimate)
            if result is None:
                unscored.append(item)
            else:
                append((-result[1], -result[0], INF if estimate is None else estimate, item.id))
        return keys, unscored

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name}>"
