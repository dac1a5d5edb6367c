"""Form exports: headers matched to fields, every row used or told why not."""

from __future__ import annotations

import datetime as dt

import pytest

from roadmap_tui.intake.csv_import import (
    import_feedback,
    map_columns,
    normalize,
    parse_map,
    read_feedback_csv,
)
from roadmap_tui.models import Workspace, WorkspaceError
from tests.intake.conftest import MakeWorkspace, load

GOOGLE_FORM = (
    "\ufeffTimestamp,Which team are you in?,Email address,How was your experience?,"
    "What did you like?,What didn't you like?,What could be improved?\r\n"
    '2026/11/20 10:15:32,Storage and databases,a@x.example,"Good.\r\nSecond line",Fast,'
    '"Docs, again",More examples\r\n'
    "21/11/2026,infra,b@x.example,,,,\r\n"
    ",,c@x.example,Nice,,,\r\n"
    "2026-11-22,ml-platform,d@x.example,Meh,,,,surplus\r\n"
    "\r\n"
    "2026-13-45,storage,e@x.example,Ok,,,\r\n"
)


@pytest.fixture
def ws(small: MakeWorkspace) -> Workspace:
    return load(small())


def test_a_form_export_with_bom_quoted_newlines_and_extra_columns(ws: Workspace) -> None:
    result = read_feedback_csv(GOOGLE_FORM, ws, name="form.csv")
    assert result.columns == {
        "on": "Timestamp",
        "from": "Which team are you in?",
        "experience": "How was your experience?",
        "liked": "What did you like?",
        "disliked": "What didn't you like?",
        "improve": "What could be improved?",
    }
    assert [row for row, _ in result.entries] == [2, 5, 7]
    first = result.entries[0][1]
    assert (first.from_team, first.on) == ("storage", dt.date(2026, 11, 20))  # by team name
    assert first.experience == "Good.\nSecond line"  # the quoted newline kept, \r\n made \n
    assert (first.liked, first.disliked, first.improve) == ("Fast", "Docs, again", "More examples")
    assert result.entries[1][1].from_team == "ml-platform"  # not a team: kept as written
    assert result.entries[2][1].on is None
    assert result.rows == 5  # rows 2, 3, 4, 5 and 7; row 6 is empty
    assert result.report() == [
        "columns ignored (no field for them): `Email address`",
        "1 empty row(s) ignored",
        "row 3: skipped: all four answers are empty",
        "row 4: skipped: no team (`Which team are you in?` is empty)",
        "row 5: 8 values but the header has 7 columns (line 6); the last 1 ignored",
        "row 5: team `ml-platform` is not in roadmap.toml; kept as written",
        "row 7: date `2026-13-45` not understood (YYYY-MM-DD, YYYY-MM-DD HH:MM:SS or"
        " DD/MM/YYYY); left empty",
    ]
    assert [str(m) for m in result.skipped] == [
        "row 3: skipped: all four answers are empty",
        "row 4: skipped: no team (`Which team are you in?` is empty)",
    ]


@pytest.mark.parametrize("text", ["", "\ufeff", "  \r\n\r\n", "\ufeff\n"])
def test_an_empty_file_is_refused(ws: Workspace, text: str) -> None:
    with pytest.raises(WorkspaceError) as raised:
        read_feedback_csv(text, ws, name="empty.csv")
    problem = raised.value.problems[0]
    assert str(problem) == "empty.csv: empty file: expected a header row and one row per answer"


def test_a_header_without_answers_is_refused(ws: Workspace) -> None:
    with pytest.raises(WorkspaceError) as raised:
        read_feedback_csv("Team,Experience\r\n\r\n", ws, name="h.csv")
    assert str(raised.value.problems[0]) == "h.csv: row 1: no answers below the header row"


def test_missing_team_column_is_refused_with_the_columns_named(ws: Workspace) -> None:
    with pytest.raises(WorkspaceError) as raised:
        read_feedback_csv("Squadron,Experience\nstorage,ok\n", ws, name="s.csv")
    assert str(raised.value.problems[0]) == (
        "s.csv: row 1: no column for the team (`from`); columns: `Squadron`, `Experience`;"
        ' name one with --map "COLUMN=from"'
    )


def test_missing_answer_columns_are_refused(ws: Workspace) -> None:
    with pytest.raises(WorkspaceError) as raised:
        read_feedback_csv("Team,Email\nstorage,x\n", ws, name="s.csv")
    assert "no column for any of the four questions" in raised.value.problems[0].message


def test_missing_optional_columns_leave_fields_empty(ws: Workspace) -> None:
    result = read_feedback_csv("Team,Improve\nstorage,More docs\n", ws, name="s.csv")
    entry = result.entries[0][1]
    assert (entry.from_team, entry.on, entry.about, entry.improve) == (
        "storage",
        None,
        None,
        "More docs",
    )
    assert entry.experience == entry.liked == entry.disliked == ""
    assert result.report() == []


def test_map_overrides_the_guess_and_can_ignore_a_column(ws: Workspace) -> None:
    text = "Squadron,Comments,Team\nstorage,Great,someone\n"
    result = read_feedback_csv(
        text,
        ws,
        name="s.csv",
        overrides={"squadron": "from", "Comments": "liked", "TEAM": "ignore"},
    )
    assert result.columns == {"from": "Squadron", "liked": "Comments"}
    assert result.entries[0][1].liked == "Great"
    assert result.report() == []  # an ignored column is not reported


def test_map_naming_a_missing_column_is_refused(ws: Workspace) -> None:
    with pytest.raises(WorkspaceError) as raised:
        read_feedback_csv("Team,Liked\nstorage,x\n", ws, name="s.csv", overrides={"Likd": "liked"})
    assert raised.value.problems[0].message == (
        "--map: no column `Likd` in the header: did you mean `Liked`? (columns: `Team`, `Liked`)"
    )


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("Your squad=from", ("Your squad", "from")),
        (" A=B = Liked ", ("A=B", "liked")),
        ("Email=ignore", ("Email", "ignore")),
    ],
)
def test_parse_map(spec: str, expected: tuple[str, str]) -> None:
    assert parse_map(spec) == expected


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("Team", 'expected "Column name=field"'),
        ("=from", 'expected "Column name=field"'),
        ("Team=form", "no field `form`: did you mean `from`?"),
    ],
)
def test_parse_map_refuses_bad_specs(spec: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_map(spec)


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("What did you not like about the app module?", "disliked"),
        ("What didn’t you like?", "disliked"),
        ("Anything we could do better?", "improve"),
        ("Suggestions", "improve"),
        ("What did you like about it?", "liked"),
        ("Your experience overall (1-2 sentences)", "experience"),
        ("Your team name", "from"),
        ("Submission date", "on"),
        ("Completion time", "on"),
        ("Item", "about"),
        ("Tags", "themes"),
    ],
)
def test_headers_are_recognised(header: str, field: str) -> None:
    assert map_columns([header], {}, "x.csv").field_of == {0: field}


def test_two_columns_for_one_field_use_the_better_match(ws: Workspace) -> None:
    columns = map_columns(["Anything you liked?", "Liked", "Team"], {}, "x.csv")
    assert columns.field_of == {1: "liked", 2: "from"}
    assert columns.notes == [
        "column `Anything you liked?` ignored: `Liked` is used for `liked` (choose with --map)"
    ]


def test_normalize() -> None:
    assert normalize("  What DIDN'T you like?? ") == "what didnt you like"


def test_about_and_themes_match_ids_or_titles(ws: Workspace) -> None:
    text = (
        "Team;About;Themes;Experience\n"
        "storage;developer portal;Documentation, speed;ok\n"
        "infra;NOPE;docs;fine\n"
    )
    result = read_feedback_csv(text, ws, name="s.csv")  # semicolons, as a German Excel writes
    first, second = (entry for _, entry in result.entries)
    assert (first.about, first.themes) == ("PORTAL", ["docs", "speed"])
    assert (second.about, second.themes) == (None, ["docs"])
    assert result.report() == ["row 3: no item `NOPE` in the workspace; `about` left empty"]


def test_rows_already_imported_are_skipped(ws: Workspace) -> None:
    text = "Team,Date,Experience\nstorage,2026-10-02,Good\nstorage,2026-10-03,Good\n"
    # row 2 repeats the first entry of feedback.toml except for the answers left empty there
    first = read_feedback_csv(text, ws, name="s.csv")
    assert len(first.entries) == 2
    changed = import_feedback(ws, (entry for _, entry in first.entries))
    again = read_feedback_csv(text + "storage,2026-10-03,Good\n", changed, name="s.csv")
    assert again.entries == []
    assert again.duplicates == 3
    assert [str(m) for m in again.skipped] == [
        "row 2: skipped: same team, date and answers as an entry already in feedback.toml",
        "row 3: skipped: same team, date and answers as an entry already in feedback.toml",
        "row 4: skipped: same team, date and answers as an entry already in feedback.toml",
    ]


def test_a_repeated_row_in_one_file_is_imported_once(ws: Workspace) -> None:
    text = "Team,Experience\ninfra,same\ninfra,same\n"
    result = read_feedback_csv(text, ws, name="s.csv")
    assert [row for row, _ in result.entries] == [2]
    assert [str(m) for m in result.skipped] == [
        "row 3: skipped: same team, date and answers as row 2"
    ]


def test_import_feedback_creates_the_log_when_missing(small: MakeWorkspace) -> None:
    ws = load(small(feedback=None))
    result = read_feedback_csv("Team,Experience\ninfra,ok\n", ws, name="s.csv")
    changed = import_feedback(ws, (entry for _, entry in result.entries))
    assert changed.feedback is not None and len(changed.feedback.feedback) == 1
    assert ws.feedback is None
