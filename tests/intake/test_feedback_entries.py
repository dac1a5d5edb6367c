"""Feedback entries and themes."""

from __future__ import annotations

import datetime as dt

import pytest

from roadmap_tui.intake.feedback import add_feedback, set_theme
from roadmap_tui.models import WorkspaceError
from tests.intake.conftest import MakeWorkspace, load

ON = dt.date(2026, 11, 20)


def test_add_feedback_appends_an_entry(small: MakeWorkspace) -> None:
    ws = load(small())
    answers = {"experience": "  Good\n\n", "liked": None, "disliked": "", "improve": "Docs  "}
    changed, entry = add_feedback(
        ws, "storage", answers, on=ON, about="NAMING", themes=["speed", "docs", "speed"]
    )
    assert changed.feedback is not None and changed.feedback.feedback[-1] is entry
    assert (entry.from_team, entry.on, entry.about) == ("storage", ON, "NAMING")
    assert (entry.experience, entry.liked, entry.disliked, entry.improve) == (
        "Good",
        "",
        "",
        "Docs",
    )
    assert entry.themes == ["speed", "docs"]
    assert ws.feedback is not None and len(ws.feedback.feedback) == 3


def test_first_feedback_creates_the_log(small: MakeWorkspace) -> None:
    ws = load(small(feedback=None))
    assert ws.feedback is None
    changed, _ = add_feedback(ws, "infra", {"improve": "faster CI"}, on=ON)
    assert changed.feedback is not None
    assert [e.improve for e in changed.feedback.feedback] == ["faster CI"]


@pytest.mark.parametrize(
    ("kwargs", "file", "message"),
    [
        ({"team": "strage"}, "roadmap.toml", "no team `strage`: did you mean `storage`?"),
        ({"about": "PORTL"}, "", "no item `PORTL` in the workspace: did you mean `PORTAL`?"),
        (
            {"themes": ["doc"]},
            "feedback.toml",
            "no theme `doc`: did you mean `docs`?",  # the command line adds how to create it
        ),
        (
            {"answers": {"experience": "  "}},
            "feedback.toml",
            "nothing to record: all four answers are empty",
        ),
    ],
)
def test_bad_feedback_is_refused_with_a_located_message(
    small: MakeWorkspace, kwargs: dict[str, object], file: str, message: str
) -> None:
    args: dict[str, object] = {
        "team": "storage",
        "answers": {"experience": "ok"},
        "about": None,
        "themes": [],
    }
    args.update(kwargs)
    with pytest.raises(WorkspaceError) as raised:
        add_feedback(
            load(small()),
            str(args["team"]),
            args["answers"],  # type: ignore[arg-type]
            on=ON,
            about=args["about"],  # type: ignore[arg-type]
            themes=args["themes"],  # type: ignore[arg-type]
        )
    problem = raised.value.problems[0]
    assert (problem.file, problem.message) == (file, message)


def test_theme_is_created_linked_and_given_entries(small: MakeWorkspace) -> None:
    ws = load(small())
    changed, change = set_theme(
        ws, "onboarding", title="Onboarding  new people", items=["DOCS", "DOCS"], entries=[3, 3]
    )
    assert change.created and change.linked == ("DOCS",) and change.tagged == (3,)
    assert changed.feedback is not None
    theme = changed.feedback.themes[-1]
    assert (theme.id, theme.title, theme.items) == ("onboarding", "Onboarding new people", ["DOCS"])
    assert changed.feedback.feedback[2].themes == ["onboarding"]
    # again: nothing new
    again, change = set_theme(changed, "onboarding", items=["DOCS"], entries=[3])
    assert not change.created and change.linked == () and change.tagged == ()
    assert again.feedback == changed.feedback


def test_theme_update_keeps_links_and_adds_new_ones(small: MakeWorkspace) -> None:
    changed, change = set_theme(load(small()), "docs", items=["NAMING", "PORTAL"], entries=[2])
    assert not change.created and change.linked == ("NAMING",) and change.tagged == ()
    assert changed.feedback is not None
    assert changed.feedback.themes[0].items == ["DOCS", "PORTAL", "NAMING"]
    assert changed.feedback.themes[0].title == "Documentation"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"items": ["PORTL"]}, "no item `PORTL` in the workspace: did you mean `PORTAL`?"),
        ({"entries": [4]}, "no feedback entry 4: entries are numbered 1 to 3"),
    ],
)
def test_theme_refuses_unknown_items_and_entries(
    small: MakeWorkspace, kwargs: dict[str, list[str] | list[int]], message: str
) -> None:
    with pytest.raises(WorkspaceError) as raised:
        set_theme(load(small()), "docs", **kwargs)  # type: ignore[arg-type]
    assert raised.value.problems[0].message == message
