"""Release notes: done items by goal, plan changes and request decisions."""

from __future__ import annotations

import datetime as dt

from roadmap_tui.intake.announce import (
    decisions_since,
    done_since_date,
    done_since_version,
    plan_changes,
    release_notes,
)
from roadmap_tui.intake.requests import decide
from roadmap_tui.models import Item, Workspace
from tests.intake.conftest import MakeWorkspace, load

LATER_QUARTER = """\
[quarter]
id = "2027-Q1"

[[items]]
id = "LATER"
title = "Later work"
"""


def _item(ws: Workspace, item_id: str) -> Item:
    found = ws.find(item_id)
    assert found is not None
    return found[1]


def _move(ws: Workspace, item_id: str, to: str) -> None:
    where, item = ws.find(item_id) or (None, None)
    assert where is not None and item is not None
    ws.items_in(where).remove(item)
    ws.items_in(to).append(item)


def test_done_since_a_date(small: MakeWorkspace) -> None:
    ws = load(small())
    _item(ws, "PORTAL").status = "done"  # done, but nobody wrote down when
    done, undated = done_since_date(ws, dt.date(2026, 10, 10))
    assert [i.id for i in done] == ["NAMING"]
    assert [i.id for i in undated] == ["PORTAL"]
    assert done_since_date(ws, dt.date(2026, 10, 11))[0] == []


def test_release_notes_by_goal(small: MakeWorkspace) -> None:
    ws = load(small())
    portal = _item(ws, "PORTAL")
    portal.status, portal.done_on = "done", dt.date(2026, 11, 2)
    portal.link = "https://tracker.example/P-1"
    portal.description = "One place for *all* the docs"
    done, _ = done_since_date(ws, dt.date(2026, 10, 1))
    assert release_notes(ws, done, "2026-10-01") == (
        "# Test: done since 2026-10-01\n"
        "\n"
        "2 items done.\n"
        "\n"
        "## Self-service\n"
        "\n"
        "- **Developer portal** (`PORTAL`, done 2026-11-02) <https://tracker.example/P-1>\n"
        "  One place for \\*all\\* the docs\n"
        "\n"
        "## Secure\n"
        "\n"
        "- **Naming conventions** (`NAMING`, done 2026-10-10), asked for by storage\n"
        "\n"
        "Teams who asked: #storage\n"
    )


def test_nothing_done(small: MakeWorkspace) -> None:
    ws = load(small())
    assert release_notes(ws, [], "2027-01-01") == (
        "# Test: done since 2027-01-01\n\nNothing done since.\n"
    )


def test_items_without_a_goal_and_unsafe_links(small: MakeWorkspace) -> None:
    ws = load(small())
    docs = _item(ws, "DOCS")
    docs.status, docs.done_on = "done", dt.date(2026, 11, 1)
    docs.link = "javascript:alert(1)"
    text = release_notes(ws, [docs], "x")
    assert "## Other work\n\n- **Docs in one place** (`DOCS`, done 2026-11-01)\n" in text
    assert "javascript" not in text


def test_changes_since_an_earlier_version(small: MakeWorkspace) -> None:
    before = load(small(**{"2027_Q1": LATER_QUARTER}))
    now = before.model_copy(deep=True)
    portal = _item(now, "PORTAL")
    portal.status, portal.done_on = "done", dt.date(2026, 11, 20)
    _move(now, "LATER", "2026-Q4")  # brought forward
    _move(now, "DOCS", "2027-Q1")  # added to a quarter
    now.quarters["2026-Q4"].items.append(Item(id="NEW", title="New work"))  # added
    now, _ = decide(now, "REQ-OPEN-OLD", "decline", note="no owner")
    now, _ = decide(now, "REQ-OPEN-NEW", "accept")

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
    _move(later, "LATER", "2027-Q1")
    _move(later, "NEW", "backlog")
    _item(later, "DOCS").status = "dropped"
    _item(later, "DOCS").note = "dropped: docs team does it"
    later.quarters["2026-Q4"].items = [
        i for i in later.quarters["2026-Q4"].items if i.id != "NAMING"
    ]
    changes = [(c.item.id, c.change) for c in plan_changes(later, now)]
    assert changes == [
        ("LATER", "deferred from 2026-Q4 to 2027-Q1"),
        ("NEW", "moved from 2026-Q4 to the backlog"),
        ("DOCS", "dropped from 2027-Q1"),
    ]  # NAMING was done: its deletion is not a plan change
    text = release_notes(later, [], "git:HEAD", changes=plan_changes(later, now), decisions=[])
    assert "- `DOCS` Docs in one place: dropped from 2027-Q1 (dropped: docs team does it)" in text


def test_decisions_are_told_with_their_reason(small: MakeWorkspace) -> None:
    before = load(small())
    now, _ = decide(before, "REQ-OPEN-OLD", "decline", note="no owner")
    now, _ = decide(now, "REQ-OPEN-NEW", "merge", into="PORTAL")
    text = release_notes(now, [], "git:HEAD~1", decisions=decisions_since(now, before))
    assert text.endswith(
        "## Decisions on requests\n"
        "\n"
        "- `REQ-OPEN-NEW` New open request, asked for by storage: merged into `PORTAL`\n"
        "- `REQ-OPEN-OLD` Old open request, asked for by storage: declined: no owner\n"
        "\n"
        "Teams who asked: #storage\n"
    )
