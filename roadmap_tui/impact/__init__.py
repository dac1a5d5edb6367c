"""Roadmap change impact: a baseline against adjusted plans. Pure: no files, no UI."""

from roadmap_tui.impact.compare import compare, compare_options, compare_versions
from roadmap_tui.impact.jsonable import impact_json, options_json
from roadmap_tui.impact.model import (
    CHANGES,
    AskChange,
    BrokenDependency,
    Change,
    GoalSlip,
    Impact,
    ItemChange,
    Notice,
    OptionRow,
    Options,
    QuarterValue,
    TeamEffort,
)
from roadmap_tui.impact.summary import summary

__all__ = [
    "CHANGES",
    "AskChange",
    "BrokenDependency",
    "Change",
    "GoalSlip",
    "Impact",
    "ItemChange",
    "Notice",
    "OptionRow",
    "Options",
    "QuarterValue",
    "TeamEffort",
    "compare",
    "compare_options",
    "compare_versions",
    "impact_json",
    "options_json",
    "summary",
]
