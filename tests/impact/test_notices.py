"""One message per affected team, ready to paste: names, days, quarters, reasons."""

from __future__ import annotations

import pytest

from roadmap_tui.impact import impact_json
from tests.impact.conftest import impact_of, item, workspace

Q1, Q2 = "2027-Q1", "2027-Q2"
WH4 = {"team": "warehouse", "days": 4, "note": "pair on moving their stacks"}


def test_the_leads_example_word_for_word() -> None:
    base = workspace({Q1: [item("WAREHOUSE-STACKS-ONBOARDING", asks=[WH4])], Q2: []})
    adjusted = workspace(
        {
            Q1: [],
            Q2: [
                item(
                    "WAREHOUSE-STACKS-ONBOARDING",
                    asks=[WH4],
                    note="deferred: account structure first",
                )
            ],
        }
    )
    (notice,) = impact_of(base, adjusted).notices
    assert (notice.team, notice.team_name, notice.channel) == (
        "warehouse",
        "Warehouse systems",
        "#team-warehouse",
    )
    assert notice.message == (
        "Hi Warehouse systems — a change to the Infrastructure platform roadmap affects the days"
        " we reserved with you: WAREHOUSE-STACKS-ONBOARDING (4 days) is deferred from 2027-Q1 to"
        " 2027-Q2 (reason: deferred: account structure first). You can plan those 4 days for"
        " other work in 2027-Q1. Thank you, and sorry for the short notice."
    )
    assert notice.items == ("WAREHOUSE-STACKS-ONBOARDING",)


def test_several_changes_for_one_team_are_listed_and_the_owner_gets_none() -> None:
    base = workspace(
        {
            Q1: [
                item("A", asks=[{"team": "warehouse", "days": 1}]),
                item("OWN", asks=[{"team": "infra", "days": 3}]),
            ],
            Q2: [item("B", requested_by=["warehouse", "infra"])],
        }
    )
    adjusted = workspace(
        {Q1: [item("OWN", asks=[{"team": "infra", "days": 5}])]},
        [
            item("A", asks=[{"team": "warehouse", "days": 1}]),
            item("B", requested_by=["warehouse", "infra"], note="no room this half"),
        ],
    )
    impact = impact_of(base, adjusted)
    assert [n.team for n in impact.notices] == ["warehouse"]
    assert impact.notices[0].message == (
        "Hi Warehouse systems — a change to the Infrastructure platform roadmap affects the days"
        " we reserved with you and work you asked for:\n"
        "- A (1 day in 2027-Q1) is deferred: it goes back to our backlog, with no date yet."
        " You can plan that 1 day for other work in 2027-Q1.\n"
        "- B (Title of B), which you asked for, is deferred from 2027-Q2: it goes back to our"
        " backlog, with no date yet (reason: no room this half).\n"
        "Thank you, and sorry for the short notice."
    )


def test_an_adopted_request_tells_the_requester_and_the_days_it_needs() -> None:
    impact = impact_of(
        workspace({Q1: []}, [item("REQ", kind="request", requested_by=["ml"])]),
        workspace(
            {
                Q1: [
                    item(
                        "REQ",
                        kind="request",
                        requested_by=["ml"],
                        asks=[{"team": "ml", "days": 2, "note": "test on their workloads"}],
                        note="adopted",
                    )
                ]
            }
        ),
    )
    (notice,) = impact.notices
    assert notice.channel == "#team-ml"
    assert notice.message == (
        "Hi ML platform — a change to the Infrastructure platform roadmap affects the days we"
        " reserved with you and work you asked for: REQ (Title of REQ), which you asked for, is"
        " now planned for 2027-Q1 (reason: adopted). It needs 2 days from you in 2027-Q1 (test"
        " on their workloads); please tell us if that does not fit your plans. Thank you, and"
        " sorry for the short notice."
    )


def test_good_news_only_is_thanked_without_apology() -> None:
    impact = impact_of(
        workspace({Q1: [], Q2: [item("B", requested_by=["warehouse"])]}),
        workspace({Q1: [item("B", requested_by=["warehouse"])], Q2: []}),
    )
    (notice,) = impact.notices
    assert notice.message == (
        "Hi Warehouse systems — a change to the Infrastructure platform roadmap affects work you"
        " asked for: B (Title of B), which you asked for, comes earlier: 2027-Q1 instead of"
        " 2027-Q2. Thank you!"
    )


def test_new_and_resized_asks_and_a_team_unknown_to_roadmap_toml() -> None:
    impact = impact_of(
        workspace({Q1: [item("A", asks=[{"team": "warehouse", "days": 4}])]}),
        workspace(
            {
                Q1: [
                    item(
                        "A",
                        asks=[
                            {"team": "warehouse", "days": 6},
                            {"team": "finance", "days": 1, "note": "budget sign-off"},
                        ],
                    )
                ]
            }
        ),
    )
    by_team = {n.team: n for n in impact.notices}
    assert by_team["warehouse"].message == (
        "Hi Warehouse systems — a change to the Infrastructure platform roadmap affects the days"
        " we reserved with you: A needs 6 days instead of 4 days from you in 2027-Q1. Please tell"
        " us if that does not fit your plans. Thank you, and sorry for the short notice."
    )
    assert by_team["finance"].channel == ""
    assert by_team["finance"].message.startswith(
        "Hi finance — a change to the Infrastructure platform roadmap affects the days we"
        " reserved with you: A (Title of A) needs 1 day from you in 2027-Q1: budget sign-off."
    )
    assert [n.team for n in impact.notices] == ["warehouse", "finance"]


def test_notices_in_json() -> None:
    impact = impact_of(
        workspace({Q1: [item("A", asks=[WH4])]}),
        workspace({Q1: [item("A")]}),
    )
    (entry,) = impact_json(impact)["notices"]
    assert entry["team"] == "warehouse" and entry["channel"] == "#team-warehouse"
    assert entry["message"].startswith("Hi Warehouse systems — ")
    assert "A (4 days in 2027-Q1) no longer needs those days from you." in entry["message"]


def test_no_change_no_notice() -> None:
    ws = workspace({Q1: [item("A", asks=[WH4], requested_by=["warehouse"])]})
    assert impact_of(ws, ws).notices == ()


@pytest.mark.parametrize(
    ("adjusted", "sentence"),
    [
        (  # deferred to a later quarter
            {Q2: [item("A", asks=[WH4], note="naming first")]},
            "A (4 days) is deferred from 2027-Q1 to 2027-Q2 (reason: naming first)."
            " You can plan those 4 days for other work in 2027-Q1.",
        ),
        (  # back to the backlog: deferred, no date
            {"backlog": [item("A", asks=[WH4], status="proposed", note="no room")]},
            "A (4 days in 2027-Q1) is deferred: it goes back to our backlog, with no date yet"
            " (reason: no room). You can plan those 4 days for other work in 2027-Q1.",
        ),
        (  # dropped where it stands: no longer needed
            {Q1: [item("A", asks=[WH4], status="dropped", note="bought a product")]},
            "A (4 days in 2027-Q1) is dropped: those days are no longer needed"
            " (reason: bought a product). You can plan those 4 days for other work in 2027-Q1.",
        ),
        (  # deleted from the workspace
            {Q1: []},
            "A (4 days in 2027-Q1) is removed from our roadmap: those days are no longer needed."
            " You can plan those 4 days for other work in 2027-Q1.",
        ),
    ],
)
def test_released_and_moved_days_say_what_happened(
    adjusted: dict[str, list[dict[str, object]]], sentence: str
) -> None:
    quarters = {k: v for k, v in adjusted.items() if k != "backlog"}
    impact = impact_of(
        workspace({Q1: [item("A", asks=[WH4])], Q2: []}),
        workspace({Q1: [], Q2: [], **quarters}, adjusted.get("backlog", [])),
    )
    (notice,) = impact.notices
    assert notice.message == (
        "Hi Warehouse systems — a change to the Infrastructure platform roadmap affects the days"
        f" we reserved with you: {sentence} Thank you, and sorry for the short notice."
    )


def test_days_brought_forward_say_so() -> None:
    impact = impact_of(
        workspace({Q1: [], Q2: [item("A", asks=[WH4])]}),
        workspace({Q1: [item("A", asks=[WH4])], Q2: []}),
    )
    (notice,) = impact.notices
    assert "A (4 days) is brought forward from 2027-Q2 to 2027-Q1." in notice.message
