"""Requests, feedback and announcements: the team's intake, as pure functions over a Workspace.

No file I/O and no UI: the command line (and later the terminal app) read and save through
storage and call these. Every change returns a new Workspace and leaves the given one as it was.
"""

from roadmap_tui.intake.announce import (
    PlanChange,
    decisions_since,
    done_since_date,
    done_since_version,
    plan_changes,
    release_notes,
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
from roadmap_tui.intake.markdown import code, escape_text, fragment, inline
from roadmap_tui.intake.report import feedback_report, group_by_theme, where_planned
from roadmap_tui.intake.requests import (
    ACTIONS,
    Decided,
    RequestRow,
    add_request,
    decide,
    request_rows,
    score_input,
)
from roadmap_tui.intake.scores import scoring_for

__all__ = [
    "ACTIONS",
    "FIELDS",
    "QUESTIONS",
    "CsvImport",
    "Decided",
    "PlanChange",
    "RequestRow",
    "ThemeChange",
    "add_feedback",
    "add_request",
    "code",
    "decide",
    "decisions_since",
    "done_since_date",
    "done_since_version",
    "escape_text",
    "feedback_report",
    "fragment",
    "group_by_theme",
    "import_feedback",
    "inline",
    "parse_date",
    "parse_map",
    "plan_changes",
    "read_feedback_csv",
    "release_notes",
    "request_id",
    "request_rows",
    "score_input",
    "scoring_for",
    "set_theme",
    "title_words",
    "where_planned",
]
