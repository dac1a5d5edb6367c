"""Pure data of a workspace and its validation. No file I/O, no UI."""

from roadmap_tui.models.feedback import FOUR_QUESTIONS, Feedback, FeedbackLog, Theme
from roadmap_tui.models.item import DECISIONS, KINDS, STATUSES, Ask, Item
from roadmap_tui.models.problems import Problem, WorkspaceError
from roadmap_tui.models.quarters import (
    is_qualified,
    is_quarter_id,
    next_quarter,
    previous_quarter,
    quarter_index,
    split_qualified,
)
from roadmap_tui.models.validation import file_of, validate_workspace
from roadmap_tui.models.workspace import (
    BACKLOG,
    STAGES,
    Backlog,
    Goal,
    QuarterHeader,
    QuarterPlan,
    Review,
    Roadmap,
    ScoringSettings,
    Team,
    Workspace,
    WorkspaceSettings,
)

__all__ = [
    "BACKLOG",
    "DECISIONS",
    "FOUR_QUESTIONS",
    "KINDS",
    "STAGES",
    "STATUSES",
    "Ask",
    "Backlog",
    "Feedback",
    "FeedbackLog",
    "Goal",
    "Item",
    "Problem",
    "QuarterHeader",
    "QuarterPlan",
    "Review",
    "Roadmap",
    "ScoringSettings",
    "Team",
    "Theme",
    "Workspace",
    "WorkspaceError",
    "WorkspaceSettings",
    "file_of",
    "is_qualified",
    "is_quarter_id",
    "next_quarter",
    "previous_quarter",
    "quarter_index",
    "split_qualified",
    "validate_workspace",
]
