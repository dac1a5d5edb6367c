"""Requests, feedback and announcements: the team's intake, as pure functions over a Workspace.

No file I/O, no UI and no document format: the command line (and later the terminal app) read
and save through storage and call these; the feedback report and the announcements are data here
(`FeedbackReport`, `Announcement`) that roadmap_tui.exporters writes as Markdown. Every change
returns a new Workspace and leaves the given one as it was.
"""

from roadmap_tui.intake.announce import (
    Announcement,
    GoalDone,
    PlanChange,
    announcement,
    decisions_since,
    done_since_date,
    done_since_version,
    plan_changes,
)
from roadmap_tui.intake.csv_import import (
    FIELDS,
    CsvImport,
    import_feedback,
    parse_map,
    read_feedback_csv,
)
from roadmap_tui.intake.dates import parse_date
from roadmap_tui.intake.feedback import QUESTIONS, ThemeChange, add_feedback, set_theme
from roadmap_tui.intake.ids import request_id, title_words
from roadmap_tui.intake.report import (
    Answers,
    FeedbackReport,
    Improvement,
    Quote,
    ThemeGroup,
    ThemeSection,
    group_by_theme,
    report_of,
    where_planned,
)
from roadmap_tui.intake.requests import (
    ACTIONS,
    Decided,
    DecidedAlready,
    IdTaken,
    RequestRow,
    accepted_waiting,
    add_request,
    days_input,
    decide,
    parse_ask,
    request_rows,
    score_input,
)
from roadmap_tui.intake.rounds import Selection, round_for, rounds, select
from roadmap_tui.intake.scores import scoring_for

__all__ = [
    "ACTIONS",
    "FIELDS",
    "QUESTIONS",
    "Announcement",
    "Answers",
    "CsvImport",
    "Decided",
    "DecidedAlready",
    "IdTaken",
    "FeedbackReport",
    "GoalDone",
    "Improvement",
    "PlanChange",
    "Quote",
    "RequestRow",
    "Selection",
    "ThemeChange",
    "ThemeGroup",
    "ThemeSection",
    "add_feedback",
    "accepted_waiting",
    "add_request",
    "announcement",
    "days_input",
    "decide",
    "decisions_since",
    "done_since_date",
    "done_since_version",
    "group_by_theme",
    "import_feedback",
    "parse_date",
    "parse_ask",
    "parse_map",
    "plan_changes",
    "read_feedback_csv",
    "request_id",
    "report_of",
    "request_rows",
    "round_for",
    "rounds",
    "score_input",
    "scoring_for",
    "select",
    "set_theme",
    "title_words",
    "where_planned",
]
