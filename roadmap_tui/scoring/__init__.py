"""Scoring: frameworks that rank items, explain every number and never guess. Pure: no I/O, no UI.

The five frameworks of plan-format.md (value-effort, rice, wsjf, ice, weighted) each give an item
a *value* (the benefit plans add up) and a *score* (value for the effort, which ranks). Decisions
taken with the lead where the format is silent:

- Inputs live in the item's `score` table (`Item.score: dict[str, int | float]`). An item may carry
  inputs for several frameworks; switching framework re-ranks without editing items.
- The framework is roadmap.toml `[scoring] framework` unless a command names another. Quadrant
  thresholds come from `[scoring] thresholds = { value = 5, effort = 5 }` (defaults 5 and 5).
- Shared keys: RICE effort is the item's `estimate` (person-days) when set, else `score.effort` read
  as person-days, else missing; RICE and ICE read `impact` and `confidence` from the same keys with
  different ranges. See frameworks.py.
- Missing inputs make an item unscored (listed last, with the missing names), never zero. An input
  outside the active framework's range is an error for that item (check.py) and leaves it unscored.
- Ties: score, then value, then smaller estimate, then id (ranking.py).
- Incremental: a `Scoreboard` keeps per-item results; `update(item)` re-scores one item.

Hot path: `Framework.compute` reads plain dicts and attributes, no validation per item.
"""

from roadmap_tui.models.numbers import fmt_input as show
from roadmap_tui.models.numbers import fmt_score as show_result
from roadmap_tui.scoring.base import Framework, Inputs, Key
from roadmap_tui.scoring.check import check_workspace
from roadmap_tui.scoring.explain import Comparison, Explanation, compare, explain, formula_lines
from roadmap_tui.scoring.frameworks import (
    BIG_BET,
    FILL_IN,
    QUICK_WIN,
    TIME_SINK,
    Ice,
    Rice,
    ValueEffort,
    Weighted,
    Wsjf,
    quadrant_thresholds,
)
from roadmap_tui.scoring.inputs import Input, Number
from roadmap_tui.scoring.ranking import TIE_RULE, Ranking, Scored, Unscored, rank
from roadmap_tui.scoring.registry import (
    DEFAULT_FRAMEWORK,
    FRAMEWORKS,
    framework_for,
    framework_names,
)
from roadmap_tui.scoring.scoreboard import Scoreboard
from roadmap_tui.scoring.sensitivity import Move, Sensitivity, sensitivity

__all__ = [
    "quadrant_thresholds",
    "BIG_BET",
    "DEFAULT_FRAMEWORK",
    "FILL_IN",
    "FRAMEWORKS",
    "QUICK_WIN",
    "TIE_RULE",
    "TIME_SINK",
    "Comparison",
    "Explanation",
    "Framework",
    "Ice",
    "Input",
    "Inputs",
    "Key",
    "Move",
    "Number",
    "Ranking",
    "Rice",
    "Scoreboard",
    "Scored",
    "Sensitivity",
    "Unscored",
    "ValueEffort",
    "Weighted",
    "Wsjf",
    "check_workspace",
    "compare",
    "explain",
    "formula_lines",
    "framework_for",
    "framework_names",
    "rank",
    "sensitivity",
    "show",
    "show_result",
]
