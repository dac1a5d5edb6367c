"""Release notes' contents: done items by goal, plan changes and request decisions."""

from __future__ import annotations

import datetime as dt

from roadmap_tui.intake.announce import (
    OTHER_WORK,
    announcement,
    decisions_since,
    done_since_date,
    done_since_version,
    plan_changes,
)
from roadmap_tui.intake.requests import decide
from roadmap_tui.models import Item
from roadmap_tui.models.edits import applied
from tests.intake.conftest import MakeWorkspace, item_of, load, move

LATER_QUARTER = """\
[quarter]
id = "2027-Q1"

[[items]]
id = "LATER"
title = "Later work"
"""


def test_done_since_a_date(small: MakeWorkspace) -> None:
    ws = load(small())
    item_of(ws, "PORTAL").status = "done"  # done, but nobody wrote down when
    done, undated = done_since_date(ws, dt.date(2026, 10, 10))
    assert [i.id for i in done] == ["NAMING"]
    assert [i.id for i in undated] == ["PORTAL"]
    assert done_since_date(ws, dt.date(2026, 10, 11))[0] == []


def test_announcement_groups_done_items_by_goal_and_names_the_channels(
    small: MakeWorkspace,
) -> None:
    ws = load(small())
    portal = item_of(ws, "PORTAL")
    portal.status, portal.done_on = "done", dt.date(2026, 11, 2)
    docs = item_of(ws, "DOCS")
    docs.status, docs.done_on = "done", dt.date(2026, 11, 3)
    done, _ = done_since_date(ws, dt.date(2026, 10, 1))
    before = load(small())
    now = applied(ws, decide(ws, "REQ-DECLINED", "accept", force=True)[0])
    notes = announcement(now, done, "2026-10-01", decisions=decisions_since(now, before))
    assert (notes.workspace, notes.since) == ("Test", "2026-10-01")
    assert [i.id for i in notes.done] == ["NAMING", "PORTAL", "DOCS"]
    # goals in roadmap.toml order (self-service before secure), items without a goal last
    assert [(g.title, [i.id for i in g.items]) for g in notes.goals] == [
        ("Self-service", ["PORTAL"]),
        ("Secure", ["NAMING"]),
        (OTHER_WORK, ["DOCS"]),
    ]
    assert notes.changes == ()
    assert [i.id for i in notes.decisions] == ["REQ-DECLINED"]
    assert notes.channels == ("#storage", "#infra")  # NAMING's team, then the request's


def test_changes_since_an_earlier_version(small: MakeWorkspace) -> None:
    before = load(small(**{"2027_Q1": LATER_QUARTER}))
    now = before.model_copy(deep=True)
    portal = item_of(now, "PORTAL")
    portal.status, portal.done_on = "done", dt.date(2026, 11, 20)
    move(now, "LATER", "2026-Q4")  # brought forward
    move(now, "DOCS", "2027-Q1")  # added to a quarter
    now.quarters["2026-Q4"].items.append(Item(id="NEW", title="New work"))  # added
    now = applied(now, decide(now, "REQ-OPEN-OLD", "decline", note="no owner")[0])
    now = applied(now, decide(now, "REQ-OPEN-NEW", "accept")[0])

    assert [i.id for i in done_since_version(now, before)] == ["PORTAL"]
    changes = [(c.item.id, c.change) for c in plan_changes(now, before)]
    assert changes == [
        ("DOCS", "added to 2027-Q1"),
        ("NEW", "added to 2026-Q4"),
        ("LATER", "brought forward from 2027-Q1 to 2026-Q4"),
    ]
    assert [i.id for i in decisions_since(now, before)] == ["REQ-OPEN-NEW", "REQ-OPEN-OLD"]

    # and back: deferred, moved to the backlog, dropped, deleted
    later = now.model_copy(deep=True)
    move(later, "LATER", "2027-Q1")
    move(later, "NEW", "backlog")
    item_of(later, "DOCS").status = "dropped"
    later.quarters["2026-Q4"].items = [
        i for i in later.quarters["2026-Q4"].items if i.id != "NAMING"
    ]
    changes = [(c.item.id, c.change) for c in plan_changes(later, now)]
    assert changes == [
        ("LATER", "deferred from 2026-Q4 to 2027-Q1"),
        ("NEW", "deferred from 2026-Q4 to the backlog, no date yet"),
        ("DOCS", "dropped from 2027-Q1, no longer planned"),
    ]  # NAMING was done: its deletion is not a plan change
