"""Requests: added with an id and an open decision, decided, listed oldest first."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest

from roadmap_tui.intake.lookup import unknown_requester
from roadmap_tui.intake.requests import (
    DecidedAlready,
    add_request,
    decide,
    parse_ask,
    request_rows,
    score_input,
)
from roadmap_tui.models import Ask, WorkspaceError
from roadmap_tui.models.edits import applied
from tests.intake.conftest import MakeWorkspace, load

TODAY = dt.date(2026, 11, 27)


def test_add_request_appends_an_open_request_to_the_backlog(small: MakeWorkspace) -> None:
    ws = load(small())
    edit, item = add_request(
        ws,
        "  Self-service   Kafka topics ",
        "storage",
        TODAY,
        source="#infra-requests, 2026-11-26",
        value=7,
        effort=2.5,
    )
    assert edit.label == "add request REQ-SELF-SERVICE-KAFKA-TOPICS"
    changed = applied(ws, edit)
    assert item.id == "REQ-SELF-SERVICE-KAFKA-TOPICS"
    assert changed.backlog.items[-1] == item
    assert item.title == "Self-service Kafka topics"
    assert (item.kind, item.status, item.decision) == ("request", "proposed", "open")
    assert item.requested_by == ["storage"]
    assert item.received == TODAY
    assert item.source == "#infra-requests, 2026-11-26"
    assert item.score == {"value": 7, "effort": 2.5}
    assert type(item.score["value"]) is int
    # the workspace passed in is left as it was
    assert len(ws.backlog.items) == 5
    assert len(changed.backlog.items) == 6


def test_generated_ids_are_unique_across_the_workspace(small: MakeWorkspace) -> None:
    ws = load(small())
    edit, first = add_request(ws, "Naming", "storage", TODAY)
    ws = applied(ws, edit)
    edit, second = add_request(ws, "Naming", "storage", TODAY)
    ws = applied(ws, edit)
    _, third = add_request(ws, "naming!", "infra", TODAY)
    assert [first.id, second.id, third.id] == ["REQ-NAMING", "REQ-NAMING-2", "REQ-NAMING-3"]


def test_a_requester_need_not_be_a_declared_team(small: MakeWorkspace) -> None:
    """Anyone may ask; the warning names the closest declared team in case of a typo."""
    ws = load(small())
    edit, item = add_request(ws, "X", " ml-platform ", TODAY)
    changed = applied(ws, edit)
    assert item.requested_by == ["ml-platform"]
    assert unknown_requester(changed, "ml-platform") == (
        "`ml-platform` is not a team in roadmap.toml; recorded as written"
    )
    _, typo = add_request(ws, "X", "storag", TODAY)
    assert typo.requested_by == ["storag"]
    assert unknown_requester(ws, "storag") == (
        "`storag` is not a team in roadmap.toml; recorded as written (did you mean `storage`?)"
    )
    assert unknown_requester(ws, "storage") is None


def test_team_name_instead_of_id_is_recorded_as_the_id(small: MakeWorkspace) -> None:
    _, item = add_request(load(small()), "X", "Storage and databases", TODAY)
    assert item.requested_by == ["storage"]


def test_estimate_asks_dependencies_goals_and_link(small: MakeWorkspace) -> None:
    ws = load(small())
    asks = [parse_ask("storage:3"), parse_ask("storage:2.5:2027-Q1")]
    _, item = add_request(
        ws,
        "Kafka",
        "ml-platform",
        TODAY,
        estimate=8,
        asks=asks,
        depends_on=["PORTAL", "other-team/THEIR-ITEM", "PORTAL"],
        goals=["secure"],
        link=" https://tracker.example/K-1 ",
    )
    assert item.estimate == 8 and type(item.estimate) is int
    assert [(a.team, a.days, a.quarter) for a in item.asks] == [
        ("storage", 3, None),
        ("storage", 2.5, "2027-Q1"),
    ]
    assert item.depends_on == ["PORTAL", "other-team/THEIR-ITEM"]
    assert item.goals == ["secure"]
    assert item.link == "https://tracker.example/K-1"


@pytest.mark.parametrize(
    ("kwargs", "file", "where", "message"),
    [
        (
            {"asks": [Ask(team="storag", days=3)]},
            "roadmap.toml",
            "teams",
            "no team `storag`: did you mean `storage`?",
        ),
        (
            {"asks": [Ask(team="infra", days=3)]},
            "backlog.toml",
            "items[REQ-X].asks",
            "an ask of infra, the team that would do the request: its days are the estimate",
        ),
        (
            {"depends_on": ["PORTL"]},
            "backlog.toml",
            "items[REQ-X].depends_on",
            "depends on `PORTL`, which is no item: did you mean `PORTAL`?",
        ),
        ({"goals": ["secur"]}, "roadmap.toml", "goals", "no goal `secur`: did you mean `secure`?"),
        (
            {"estimate": -1},
            "backlog.toml",
            "items[REQ-X]",
            "estimate must be 0 or more days, not -1",
        ),
    ],
)
def test_refused_request_details(
    small: MakeWorkspace, kwargs: dict[str, Any], file: str, where: str, message: str
) -> None:
    with pytest.raises(WorkspaceError) as raised:
        add_request(load(small()), "X", "storage", TODAY, **kwargs)
    problem = raised.value.problems[0]
    assert (problem.file, problem.where, problem.message) == (file, where, message)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("storage", "expected TEAM:DAYS or TEAM:DAYS:QUARTER"),
        (":3", "expected TEAM:DAYS"),
        ("storage:three", "days must be a number, not 'three'"),
        ("storage:0", "days must be more than 0"),
        ("storage:-2", "days must be 0 or more"),
        ("storage:2:2027-Q5", "'2027-Q5' is not a quarter id"),
        ("storage:2:2027-Q1:x", "expected TEAM:DAYS"),
    ],
)
def test_parse_ask_refusals(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        parse_ask(text)


def test_chosen_id_must_be_free_and_valid(small: MakeWorkspace) -> None:
    ws = load(small())
    _, item = add_request(ws, "X", "storage", TODAY, item_id="REQ-MINE")
    assert item.id == "REQ-MINE"
    with pytest.raises(WorkspaceError) as taken:
        add_request(ws, "X", "storage", TODAY, item_id="NAMING")
    problem = taken.value.problems[0]
    assert (problem.file, problem.where) == ("2026-Q4.toml", "items[NAMING]")
    assert problem.message == "id `NAMING` is taken already"  # the face names its option
    with pytest.raises(WorkspaceError) as invalid:
        add_request(ws, "X", "storage", TODAY, item_id="-bad id")
    assert "not a valid item id" in invalid.value.problems[0].message


@pytest.mark.parametrize(("text", "expected"), [("1", 1), ("10", 10), ("2.5", 2.5), ("7", 7)])
def test_score_inputs_keep_their_type(text: str, expected: float) -> None:
    result = score_input("value", text)
    assert result == expected and type(result) is type(expected)


@pytest.mark.parametrize("text", ["0", "11", "-1", "ten", "nan"])
def test_score_inputs_outside_1_to_10_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="value must be a number from 1 to 10"):
        score_input("value", text)


def test_accept_keeps_the_request_in_the_backlog(small: MakeWorkspace) -> None:
    ws = load(small())
    edit, done = decide(ws, "REQ-OPEN-OLD", "accept", note="cheap and asked twice")
    changed = applied(ws, edit)
    item = done.item
    assert (item.decision, item.status, done.location) == ("accepted", "proposed", "backlog")
    assert item.note == "accepted: cheap and asked twice"
    assert changed.backlog.items[0].decision == "accepted"
    assert ws.backlog.items[0].decision == "open"


def test_decline_needs_a_note_and_drops_the_request(small: MakeWorkspace) -> None:
    ws = load(small())
    with pytest.raises(ValueError, match="needs a note"):
        decide(ws, "REQ-OPEN-OLD", "decline")
    edit, done = decide(ws, "REQ-OPEN-OLD", "decline", note="declined: no owner")
    changed = applied(ws, edit)
    assert (done.item.decision, done.item.status) == ("declined", "dropped")
    assert done.item.note == "declined: no owner"  # not "declined: declined: ..."
    assert [i.id for i in changed.backlog.items] == [i.id for i in ws.backlog.items]


def test_merge_moves_the_teams_to_the_target(small: MakeWorkspace) -> None:
    ws = load(small())
    edit, done = decide(ws, "REQ-OPEN-OLD", "merge", into="NAMING")
    changed = applied(ws, edit)
    assert (done.item.decision, done.item.status) == ("merged", "dropped")
    assert done.item.merged_into == "NAMING"
    assert done.item.note is None
    assert done.target is not None and done.target.id == "NAMING"
    # storage asked for NAMING already: no duplicate
    assert done.added_teams == ()
    assert changed.quarters["2026-Q4"].items[0].requested_by == ["storage"]
    edit, done = decide(ws, "REQ-DECLINED", "merge", into="PORTAL", force=True)
    changed = applied(ws, edit)
    assert done.added_teams == ("infra",)
    assert changed.quarters["2026-Q4"].items[1].requested_by == ["infra"]


@pytest.mark.parametrize(
    ("into", "message"),
    [
        ("REQ-OPEN-OLD", "a request cannot be merged into itself"),
        ("NAMNG", "no item `NAMNG` in the workspace: did you mean `NAMING`?"),
        ("REQ-MERGED", "`REQ-MERGED` is a merged request: merge into `PORTAL` instead"),
        ("REQ-DECLINED", "`REQ-DECLINED` is a declined request"),
    ],
)
def test_merge_target_must_be_a_live_item(small: MakeWorkspace, into: str, message: str) -> None:
    with pytest.raises(WorkspaceError) as raised:
        decide(load(small()), "REQ-OPEN-OLD", "merge", into=into)
    assert raised.value.problems[0].message == message


def test_unknown_id_names_the_nearest(small: MakeWorkspace) -> None:
    with pytest.raises(WorkspaceError) as raised:
        decide(load(small()), "REQ-OPEN-OLDD", "accept")
    problem = raised.value.problems[0]
    assert problem.file == ""  # the workspace; the command line names the folder
    assert (
        problem.message == "no item `REQ-OPEN-OLDD` in the workspace: did you mean `REQ-OPEN-OLD`?"
    )


def test_only_requests_are_decided(small: MakeWorkspace) -> None:
    with pytest.raises(WorkspaceError) as raised:
        decide(load(small()), "PORTAL", "accept")
    problem = raised.value.problems[0]
    assert (problem.file, problem.where) == ("2026-Q4.toml", "items[PORTAL].kind")
    assert problem.message == "`PORTAL` is an item of kind `epic`, not a request"


def test_a_decided_request_needs_force(small: MakeWorkspace) -> None:
    ws = load(small())
    with pytest.raises(DecidedAlready) as raised:
        decide(ws, "REQ-DECLINED", "accept")
    assert raised.value.problems[0].message == "decided already: declined: not our platform"
    with pytest.raises(DecidedAlready) as merged:
        decide(ws, "REQ-MERGED", "accept")
    assert merged.value.problems[0].message == "decided already: merged into `PORTAL`"
    _, done = decide(ws, "REQ-MERGED", "accept", force=True)
    # accepted again: back to proposed, no longer merged, the stale reason gone
    assert (done.item.decision, done.item.status, done.item.merged_into) == (
        "accepted",
        "proposed",
        None,
    )


def test_rows_open_first_oldest_first_with_age_and_score(small: MakeWorkspace) -> None:
    rows = request_rows(load(small()), TODAY)
    assert [r.id for r in rows] == ["REQ-OPEN-OLD", "REQ-OPEN-NEW", "REQ-DECLINED", "REQ-MERGED"]
    old = rows[0]
    # 2026-09-01 -> 2026-11-27: 30 (September) + 31 (October) + 26 = 87 days
    assert old.age_days == 87
    assert (old.value, old.effort, old.score) == (6, 3, 2.0)
    assert rows[1].score is None  # no effort: unscored, not zero
    assert rows[2].note == "declined: not our platform"
    assert rows[3].merged_into == "PORTAL"
    assert [r.id for r in request_rows(load(small()), TODAY, open_only=True)] == [
        "REQ-OPEN-OLD",
        "REQ-OPEN-NEW",
    ]


def test_rows_as_json(small: MakeWorkspace) -> None:
    row = request_rows(load(small()), TODAY)[2]
    assert row.as_json() == {
        "id": "REQ-DECLINED",
        "title": "Declined request",
        "from": ["infra"],
        "received": "2026-08-01",
        "age_days": 118,
        "decision": "declined",
        "value": None,
        "effort": None,
        "score": None,
        "note": "declined: not our platform",
        "merged_into": None,
        "where": "backlog",
        "status": "dropped",
    }


def test_a_merge_is_one_undoable_edit_of_both_items(small: MakeWorkspace) -> None:
    ws = load(small())
    edit, _ = decide(ws, "REQ-DECLINED", "merge", into="PORTAL", force=True)
    assert edit.label == "merge REQ-DECLINED into PORTAL"
    assert edit.item_ids == ["REQ-DECLINED", "PORTAL"]
    changed = applied(ws, edit)
    assert changed.quarters["2026-Q4"].items[1].requested_by == ["infra"]
    back = applied(changed, edit.inverse())
    assert back.model_dump() == ws.model_dump()


def test_accepted_requests_waiting_are_those_still_proposed_in_the_backlog(
    small: MakeWorkspace,
) -> None:
    from roadmap_tui.intake import accepted_waiting

    ws = load(small())
    assert accepted_waiting(ws) == []
    ws = applied(ws, decide(ws, "REQ-OPEN-NEW", "accept")[0])
    ws = applied(ws, decide(ws, "REQ-OPEN-OLD", "accept")[0])
    ws = applied(ws, decide(ws, "REQ-DECLINED", "accept", force=True)[0])  # dropped -> proposed
    assert accepted_waiting(ws) == ["REQ-OPEN-OLD", "REQ-OPEN-NEW", "REQ-DECLINED"]
