"""The deck's words, computed from a hand-built impact (numbers in deck_helpers.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from roadmap_tui.exporters.deck import DeckInput, SourceInfo, story
from roadmap_tui.impact import (
    BrokenDependency,
    GoalSlip,
    ItemChange,
    Notice,
    OptionRow,
    Options,
    QuarterValue,
    TeamEffort,
)
from tests.exporters.deck_helpers import (
    deck_input,
    item_changes,
    small_impact,
    small_workspace,
)


def test_summary_sentences_name_every_risk() -> None:
    assert story.summary(deck_input()) == [
        "The change adds “Account structure” (ADD) to 2027-Q1 (10 days) and removes"
        " “Spot workers” (GONE) from the plan (4 days).",
        "“Onboard warehouse” (LATE) is deferred to 2027-Q1 (5 days), “Run cache” (EARLY) is"
        " pulled in to 2026-Q4 (3 days) and 1 item is re-estimated or re-scored in place.",
        # infra 2027-Q1: 22 days used of 20
        "Over capacity after the change: Infrastructure platform in 2027-Q1 (22 of 20 days,"
        " 2 over).",
        "Dependency order broken: “Datadog self-service” (NEXT) in 2027-Q1 needs LATE (LATE"
        " moved to 2027-Q1, the same quarter).",
        # DAY is 2026-11-27: 2026-Q4 is under way, and published in the workspace
        "The change reopens 2026-Q4 (the current quarter, already published).",
        "Goals: “Secure stacks” is delivered 1 quarter later (2027-Q1 instead of 2026-Q4);"
        " “Reliable CI” is delivered 1 quarter earlier (2026-Q4 instead of 2027-Q1).",
        "Plan value rises from 34 to 37 (+3, +9%; value-effort).",  # 22+12 -> 20+17
        "1 other team affected: Storage is newly asked for 6 days in 2027-Q1.",
    ]


def test_decision_asks_for_what_resolves_the_risks() -> None:
    assert story.decision(deck_input()) == (
        "Decision: reopen 2026-Q4 (published), add “Account structure” (ADD) to 2027-Q1,"
        " defer “Onboard warehouse” (LATE) to 2027-Q1, pull in “Run cache” (EARLY) to 2026-Q4"
        " and remove “Spot workers” (GONE) from the plan; to run as written, also move"
        " “Datadog self-service” (NEXT) to 2027-Q2 and free 2 days of Infrastructure"
        " platform's work in 2027-Q1."
    )


def _lender_overloaded() -> DeckInput:
    """A deferral that breaks an order and asks 3 days of a lender with 2 left."""
    rows = (
        ItemChange(
            "REQ-A",
            "Account structure",
            "added",
            "backlog",
            "2027-Q1",
            "infra",
            estimate_after=5,
            requested_by=("security",),
        ),
        ItemChange(
            "W",
            "Warehouse onboarding",
            "deferred",
            "2027-Q1",
            "2027-Q2",
            "infra",
            quarters_moved=1,
            estimate_before=4,
            estimate_after=4,
        ),
    )
    broken = BrokenDependency(
        "X",
        "Stack cleanup",
        "2027-Q1",
        "W",
        "deferred",
        "W moved to 2027-Q2, after it",
        "W",
        "2027-Q2",
    )
    lender = TeamEffort("warehouse", "Warehouse systems", "2027-Q1", 18, 21, 20, 20, 18, 18, 0, 3)
    notice = Notice("security", "Security platform", "#sec", "...", ("REQ-A",))
    impact = small_impact(
        items=rows,
        effort=(lender,),
        asks=(),
        broken_dependencies=(broken,),
        goals=(GoalSlip("g", "Secure stacks", "backlog", "2027-Q1", None),),
        notices=(notice,),
    )
    return deck_input(impact, on=dt.date(2027, 2, 1), base_workspace=small_workspace())


def test_a_broken_order_and_an_overloaded_lender_are_named_and_resolved() -> None:
    deck = _lender_overloaded()
    sentences = story.summary(deck)
    assert (
        "Over capacity after the change: Warehouse systems in 2027-Q1 (21 of 20 days, 1 over)."
        in sentences
    )
    assert (
        "Dependency order broken: “Stack cleanup” (X) in 2027-Q1 needs W (W moved to 2027-Q2,"
        " after it)." in sentences
    )
    # 2027-Q1 is under way on 2027-02-01 (team-reviewed: not approved, but current)
    assert "The change reopens 2027-Q1 (the current quarter)." in sentences
    # from undelivered to delivered: never "the same quarter as before"
    assert "Goals: “Secure stacks” is now delivered within the plan, in 2027-Q1." in sentences
    assert sentences[-1] == "Teams that will be told: Security platform."
    assert story.decision(deck) == (
        "Decision: add “Account structure” (REQ-A) to 2027-Q1 and defer “Warehouse"
        " onboarding” (W) to 2027-Q2; to run as written, also move “Stack cleanup” (X) to"
        " 2027-Q2 and ask Warehouse systems for 1 more day in 2027-Q1."
    )
    assert [(t.figure, t.label, t.risk) for t in story.tiles(deck)] == [
        ("+3", "plan value, 34 → 37", False),
        ("2", "items change, 9 days", False),  # REQ-A 5 + W 4
        ("1", "team over capacity", True),
        ("1", "dependency order broken", True),
        ("1", "goal delivered earlier", False),  # within the plan now: earlier than never
        ("1", "team will be told", False),
    ]


def test_goals_in_both_directions() -> None:
    goals = (
        GoalSlip("a", "Later goal", "2027-Q1", "2027-Q3", 2),
        GoalSlip("b", "Earlier goal", "2027-Q2", "2027-Q1", -1),
        GoalSlip("c", "Gone goal", "2027-Q1", "backlog", None),
        GoalSlip("d", "Same goal", "2027-Q1", "2027-Q1", 0),
    )
    assert story.delivery_sentence(small_impact(goals=goals)) == (
        "Goals: “Later goal” is delivered 2 quarters later (2027-Q3 instead of 2027-Q1);"
        " “Earlier goal” is delivered 1 quarter earlier (2027-Q1 instead of 2027-Q2);"
        " “Gone goal” is no longer delivered within the plan (was 2027-Q1)."
    )


def test_decision_in_the_leads_words_for_the_example_shape() -> None:
    rows = (
        ItemChange("REQ-A", "a", "added", "backlog", "2027-Q1", "infra"),
        ItemChange("REQ-B", "b", "added", "backlog", "2027-Q1", "infra"),
        ItemChange("W", "w", "deferred", "2027-Q1", "2027-Q2", "infra", quarters_moved=1),
        ItemChange("M", "", "deferred", "2027-Q1", "2027-Q2", "infra", quarters_moved=1),
    )
    deck = deck_input(small_impact(items=rows, effort=(), broken_dependencies=()))
    assert story.decision(deck) == (
        "Decision: add “a” (REQ-A) and “b” (REQ-B) to 2027-Q1 and defer “w” (W) and M to 2027-Q2."
    )


def test_many_items_are_counted_not_named() -> None:
    rows = tuple(
        ItemChange(f"I{n}", "t", "added", "backlog", "2027-Q1", "infra", estimate_after=2)
        for n in range(6)
    )
    impact = small_impact(items=rows, effort=(), broken_dependencies=())
    assert story.decision(deck_input(impact)) == "Decision: add 6 items to 2027-Q1."
    assert story.changes_sentence(impact) == "The change adds 6 items to 2027-Q1 (12 days)."


def test_nothing_changed() -> None:
    same = tuple(replace(row, change="unchanged") for row in item_changes())
    impact = small_impact(
        items=same,
        value=(QuarterValue("2026-Q4", 22, 22), QuarterValue("2027-Q1", 12, 12)),
        effort=(),
        asks=(),
        broken_dependencies=(),
        goals=(GoalSlip("self", "Self-service", "2027-Q1", "2027-Q1", 0),),
    )
    assert story.summary(deck_input(impact)) == [
        "The change adds no item and removes none.",
        "Every goal is delivered in the same quarter as before.",
        "Plan value stays at 34 (value-effort).",
        "No other team's days change.",
    ]
    assert story.decision(deck_input(impact)) == "Decision: none needed; the plan is the same."


def test_tiles_count_risks_in_red() -> None:
    assert [(t.figure, t.label, t.risk) for t in story.tiles(deck_input())] == [
        ("+3", "plan value, 34 → 37", False),
        # ADD 10 + LATE 5 + GONE 4 + EARLY 3 + SIZE 8
        ("5", "items change, 30 days", False),
        ("1", "team over capacity", True),
        ("1", "dependency order broken", True),
        ("2", "goals delivered in another quarter", True),  # one later, one earlier
        ("0", "teams will be told", False),
    ]


def test_title_lines_name_sources_with_commits_and_the_review_stage() -> None:
    deck = deck_input()
    assert story.deck_title(deck) == "Infra roadmap: roadmap change"
    assert story.title_lines(deck) == [
        "Infra roadmap, quarters 2026-Q4 – 2027-Q1",
        "Baseline: git:HEAD~1 (commit 0123456)",
        "Adjusted: scenario:adopt",
        "Review stage before the change: 2026-Q4 published, 2027-Q1 team-reviewed",
        "The change reopens 2026-Q4 (the current quarter, already published).",
        "Prepared on 2026-11-27",
    ]
    assert story.deck_title(deck_input(title="Q1 review")) == "Q1 review"


def _row(label: str, value: float, is_base: bool = False) -> OptionRow:
    return OptionRow(
        label, is_base, {"2027-Q1": value}, value, (), (), (), (), 0, 0.0, {}, {}, 0, 0
    )


def test_options_ask_for_a_choice() -> None:
    options = Options(
        "plans",
        "value-effort",
        ("2027-Q1",),
        (_row("plans", 10, True), _row("scenario:a", 14), _row("scenario:b", 12)),
    )
    deck = deck_input(
        options=options, alternatives=(SourceInfo("scenario:a"), SourceInfo("scenario:b"))
    )
    assert story.decision(deck) == (
        "Decision: choose scenario:a or scenario:b; scenario:a would reopen 2026-Q4 (published),"
        " add “Account structure” (ADD) to 2027-Q1, defer “Onboard warehouse” (LATE) to"
        " 2027-Q1, pull in “Run cache” (EARLY) to 2026-Q4 and remove “Spot workers” (GONE)"
        " from the plan; to run as written, also move “Datadog self-service” (NEXT) to 2027-Q2"
        " and free 2 days of Infrastructure platform's work in 2027-Q1."
    )
    assert story.options_sentence(options) == (
        "2 options compared; scenario:a gives the most value (14)."
    )
    assert story.title_lines(deck)[2] == "Options: scenario:a, scenario:b"
