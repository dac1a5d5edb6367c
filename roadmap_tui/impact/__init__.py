"""Roadmap change impact: a baseline against adjusted plans. Pure: no files, no UI."""

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
]
