"""The feedback document's contents: themes by count, improvement items, quotes by question."""

from __future__ import annotations

import datetime as dt

from roadmap_tui.intake.report import (
    Answers,
    Improvement,
    Quote,
    group_by_theme,
    report_of,
    where_planned,
)
from tests.intake.conftest import MakeWorkspace, load


def test_groups_most_entries_first_and_loose_entries_last(small: MakeWorkspace) -> None:
    groups = group_by_theme(load(small()))
    assert [(g.id, len(g.entries)) for g in groups] == [("docs", 2), ("speed", 1), (None, 1)]


def test_where_planned(small: MakeWorkspace) -> None:
    ws = load(small())
    assert where_planned(ws, "NAMING") == "done 2026-10-10 (2026-Q4)"
    assert where_planned(ws, "PORTAL") == "2026-Q4, planned"
    assert where_planned(ws, "REQ-DECLINED") == "backlog, dropped"
    assert where_planned(ws, "GONE") == "not in the workspace"


def test_report_data_in_the_order_of_the_document(small: MakeWorkspace) -> None:
    report = report_of(load(small()))
    assert (report.workspace, report.entries, report.teams) == ("Test", 3, 2)
    assert (report.first, report.last) == (dt.date(2026, 9, 1), dt.date(2026, 10, 2))
    assert report.several_themes
    assert [(t.id, t.title, t.entries) for t in report.themes] == [
        ("docs", "Documentation", 2),
        ("speed", "Speed", 1),
        (None, "No theme", 1),
    ]
    docs = report.themes[0]
    assert docs.improvements == (
        Improvement("DOCS", "Docs in one place", "backlog, proposed"),
        Improvement("PORTAL", "Developer portal", "2026-Q4, planned"),
    )
    assert docs.answers[0] == Answers(
        "How was your experience?",
        (
            Quote("Slow", "Infra", dt.date(2026, 9, 1), None),
            Quote("Good", "Storage and databases", dt.date(2026, 10, 2), "NAMING"),
        ),
    )
    assert [a.question for a in docs.answers] == [
        "How was your experience?",
        "What did you like?",
        "What could be improved?",
    ]
    assert report.themes[2].answers[0].quotes == (
        Quote("No theme yet", "Storage and databases", None, None),
    )


def test_report_data_without_feedback(small: MakeWorkspace) -> None:
    report = report_of(load(small(feedback=None)))
    assert (report.entries, report.teams, report.first, report.themes) == (0, 0, None, ())
