"""The review-stage gate: a quarter has reached at least the stage required of it."""

from __future__ import annotations

import pytest

from roadmap_tui.models import STAGES
from roadmap_tui.planning.stages import parse_requirement, stage_problems, stage_rank
from roadmap_tui.storage import WorkspaceStore

from .conftest import WriteFolder, files, item, quarter


def test_the_order_of_stages() -> None:
    assert [stage_rank(s) for s in STAGES] == [0, 1, 2, 3, 4]
    assert STAGES == ("draft", "team-reviewed", "po-approved", "directors-approved", "published")


def test_parse_requirement() -> None:
    assert parse_requirement("2027-Q1=po-approved") == ("2027-Q1", "po-approved")
    assert parse_requirement(" 2027-Q1 = draft ") == ("2027-Q1", "draft")
    with pytest.raises(ValueError, match="is not QUARTER=STAGE"):
        parse_requirement("2027-Q1")
    with pytest.raises(ValueError, match="'2027-Q5' is not a quarter id"):
        parse_requirement("2027-Q5=draft")
    with pytest.raises(ValueError, match="did you mean published"):
        parse_requirement("2027-Q1=publishd")


def test_reached_means_that_stage_or_a_later_one(folder: WriteFolder) -> None:
    found = files(quarters={"2026-Q4": [item("A")], "2027-Q1": [item("B")]})
    found["2026-Q4.toml"] = quarter("2026-Q4", item("A"), stage="directors-approved")
    found["2027-Q1.toml"] = quarter("2027-Q1", item("B"), stage="team-reviewed")
    ws = WorkspaceStore.open(folder(found)).workspace
    assert stage_problems(ws, [("2026-Q4", "po-approved"), ("2026-Q4", "directors-approved")]) == []
    assert stage_problems(ws, [("2027-Q1", "draft"), ("2027-Q1", "team-reviewed")]) == []
    short = stage_problems(ws, [("2026-Q4", "published"), ("2027-Q1", "po-approved")])
    assert [(p.file, p.where, p.message.rsplit(", but ", 1)[1]) for p in short] == [
        ("2026-Q4.toml", "quarter.stage", "it is at directors-approved"),
        ("2027-Q1.toml", "quarter.stage", "it is at team-reviewed"),
    ]
    assert all(p.is_error for p in short)
    assert short[0].message.startswith("must have reached published (order: draft < ")


def test_a_missing_quarter_fails_the_requirement(folder: WriteFolder) -> None:
    ws = WorkspaceStore.open(folder(files(quarters={"2026-Q4": [item("A")]}))).workspace
    [problem] = stage_problems(ws, [("2028-Q1", "draft")])
    assert problem.file == "2028-Q1.toml"
    assert problem.message.endswith("but there is no 2028-Q1 quarter file")
