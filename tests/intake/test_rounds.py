"""Feedback rounds: the round of new entries, rounds in order, a round's report compared with the
previous round's, entries since a date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from roadmap_tui.exporters.feedback_report import feedback_report
from roadmap_tui.intake import add_feedback, import_feedback
from roadmap_tui.intake.report import ThemeTrend, report_of
from roadmap_tui.intake.rounds import round_for, rounds, select
from roadmap_tui.models import Feedback, WorkspaceError
from tests.intake.conftest import MakeWorkspace, load

ROUNDS = """\
[[feedback]]
from = "storage"
on = 2026-10-05
experience = "Docs scattered"
themes = ["docs"]
round = "2026-Q4"

[[feedback]]
from = "infra"
on = 2026-07-02
experience = "Slow plans"
themes = ["speed"]
round = "2026-Q3"

[[feedback]]
from = "storage"
on = 2026-07-01
experience = "Where are the docs?"
themes = ["docs", "speed"]
round = "2026-Q3"

[[feedback]]
from = "infra"
on = 2026-10-06
experience = "No theme here"
round = "2026-Q4"

[[feedback]]
from = "infra"
on = 2026-10-07
experience = "Docs again"
themes = ["docs"]
round = "2026-Q4"

[[feedback]]
from = "infra"
on = 2026-01-01
experience = "Before rounds were kept"

[[themes]]
id = "docs"
title = "Documentation"

[[themes]]
id = "speed"
title = "Speed"
"""


@pytest.fixture
def rounds_ws(small: MakeWorkspace) -> Path:
    return small(feedback=ROUNDS)


def test_rounds_in_the_order_they_were_held(rounds_ws: Path) -> None:
    # 2026-Q4 appears first in the file, but its first entry is later.
    assert rounds(load(rounds_ws).feedback) == ["2026-Q3", "2026-Q4"]


def test_new_feedback_goes_to_the_current_quarter_unless_named(small: MakeWorkspace) -> None:
    ws = load(small())
    assert round_for(ws, None) == "2026-Q4"  # current_quarter of the small workspace
    assert round_for(ws, "  autumn   survey ") == "autumn survey"
    _, entry = add_feedback(ws, "storage", {"experience": "Fine"}, on=None)
    assert entry.round_name == "2026-Q4"
    _, entry = add_feedback(ws, "storage", {"experience": "Fine"}, on=None, round_name="pilot")
    assert entry.round_name == "pilot"
    imported = import_feedback(ws, [Feedback(from_team="storage", experience="x")], "survey-2")
    assert imported.feedback is not None
    assert imported.feedback.feedback[-1].round_name == "survey-2"
    with pytest.raises(WorkspaceError, match="needs a name"):
        round_for(ws, "  ")


def test_a_round_compared_with_the_previous_one(rounds_ws: Path) -> None:
    ws = load(rounds_ws)
    report = report_of(ws, select(ws, round_name="2026-Q4"))
    assert (report.entries, report.teams, report.first, report.last) == (
        3,
        2,
        dt.date(2026, 10, 5),
        dt.date(2026, 10, 7),
    )
    assert [(t.title, t.entries) for t in report.themes] == [("Documentation", 2), ("No theme", 1)]
    assert (report.round_name, report.previous_round) == ("2026-Q4", "2026-Q3")
    assert report.trends == (
        ThemeTrend("Documentation", 2, 1),
        ThemeTrend("Speed", 0, 2),
        ThemeTrend("No theme", 1, 0),
    )


def test_the_first_round_has_nothing_to_compare(rounds_ws: Path) -> None:
    ws = load(rounds_ws)
    report = report_of(ws, select(ws, round_name="2026-Q3"))
    assert report.entries == 2 and report.previous_round is None and report.trends == ()


def test_since_a_date_leaves_out_older_and_undated(rounds_ws: Path) -> None:
    ws = load(rounds_ws)
    chosen = select(ws, since=dt.date(2026, 7, 2))
    assert [e.experience for e in chosen.entries] == [
        "Docs scattered",
        "Slow plans",
        "No theme here",
        "Docs again",
    ]
    assert chosen.label == "since 2026-07-02"


def test_unknown_round_names_the_rounds(rounds_ws: Path) -> None:
    with pytest.raises(WorkspaceError) as raised:
        select(load(rounds_ws), round_name="2026-Q2")
    assert raised.value.problems[0].message == (
        "no feedback round `2026-Q2`: did you mean `2026-Q4`? (rounds: 2026-Q3, 2026-Q4)"
    )


def test_round_report_markdown(rounds_ws: Path) -> None:
    ws = load(rounds_ws)
    text = feedback_report(ws, select(ws, round_name="2026-Q4"))
    assert text.startswith(
        "# Feedback: Test, round 2026-Q4\n"
        "\n"
        "3 entries from 2 teams, 2026-10-05 to 2026-10-07.\n"
        "\n"
        "| Theme | Entries |\n"
        "| --- | ---: |\n"
        "| Documentation | 2 |\n"
        "| No theme | 1 |\n"
        "\n"
        "## Compared with round 2026-Q3\n"
        "\n"
        "| Theme | 2026-Q3 | 2026-Q4 | Change |\n"
        "| --- | ---: | ---: | --- |\n"
        "| Documentation | 1 | 2 | +1 |\n"
        "| Speed | 2 | 0 | gone |\n"
        "| No theme | 0 | 1 | new |\n"
        "\n"
        "## Documentation (2)\n"
    )
