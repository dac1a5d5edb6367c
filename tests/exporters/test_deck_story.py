"""The deck's words, computed from a hand-built impact (numbers in deck_helpers.py)."""

from __future__ import annotations

from dataclasses import replace

from roadmap_tui.exporters.deck import SourceInfo, story
from roadmap_tui.impact import GoalSlip, ItemChange, OptionRow, Options, QuarterValue
from tests.exporters.deck_helpers import deck_input, item_changes, small_impact


def test_summary_sentences_from_the_impact() -> None:
    assert story.summary(small_impact()) == [
        "The change adopts ADD (10 days) in 2027-Q1 and skips GONE (4 days).",
        "LATE is deferred (5 days) to 2027-Q1, EARLY is pulled in to 2026-Q4 and 1 item"
        " re-estimated or re-scored in place.",
        "Plan value rises from 34 to 37 (+3, +9%; value-effort).",  # 22+12 -> 20+17
        "Delivery: “Secure stacks” is delivered 1 quarter later (2027-Q1 instead of 2026-Q4);"
        " “Reliable CI” comes earlier.",
        # six sentences are too many: the last two are merged
        "1 other team affected: Storage is newly asked for 6 days in 2027-Q1. Over capacity"
        " after the change: Infrastructure platform in 2027-Q1 (22 of 20 days).",
    ]


def test_decision_names_every_move() -> None:
    assert story.decision(small_impact()) == (
        "Decision: adopt ADD in 2027-Q1, defer LATE to 2027-Q1, pull in EARLY to 2026-Q4"
        " and move GONE back to the backlog."
    )


def test_decision_in_the_leads_words_for_the_example_shape() -> None:
    rows = (
        ItemChange("REQ-A", "a", "added", "backlog", "2027-Q1", "infra"),
        ItemChange("REQ-B", "b", "added", "backlog", "2027-Q1", "infra"),
        ItemChange("W", "w", "deferred", "2027-Q1", "2027-Q2", "infra", quarters_moved=1),
        ItemChange("M", "m", "deferred", "2027-Q1", "2027-Q2", "infra", quarters_moved=1),
    )
    impact = small_impact(items=rows)
    assert story.decision(impact) == (
        "Decision: adopt REQ-A and REQ-B in 2027-Q1 and defer W and M to 2027-Q2."
    )


def test_many_items_are_counted_not_named() -> None:
    rows = tuple(
        ItemChange(f"I{n}", "t", "added", "backlog", "2027-Q1", "infra", estimate_after=2)
        for n in range(6)
    )
    impact = small_impact(items=rows)
    assert story.decision(impact) == "Decision: adopt 6 items in 2027-Q1."
    assert story.changes_sentence(impact) == "The change adopts 6 items (12 days) in 2027-Q1."


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
    assert story.summary(impact) == [
        "The change adopts no new item and skips none.",
        "Plan value stays at 34 (value-effort).",
        "Every goal is delivered in the same quarter as before.",
        "No other team's days change.",
    ]
    assert story.decision(impact) == "Decision: none needed; the plan is the same."


def test_tiles() -> None:
    assert story.tiles(small_impact()) == [
        ("+3", "plan value, 34 → 37"),
        ("1", "adopted, 10 days"),
        ("2", "moved, 8 days"),  # LATE 5 + EARLY 3
        ("1", "skipped, 4 days"),
        ("1", "other teams affected"),
        ("+1q", "latest goal slip (1 goal)"),
    ]


def test_title_lines_name_sources_with_commits_and_the_review_stage() -> None:
    deck = deck_input()
    assert story.deck_title(deck) == "Infra roadmap: roadmap change"
    assert story.title_lines(deck) == [
        "Infra roadmap, quarters 2026-Q4 – 2027-Q1",
        "Baseline: git:HEAD~1 (commit 0123456)",
        "Adjusted: scenario:adopt",
        "Review stage: 2026-Q4 published, 2027-Q1 team-reviewed",
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
    assert story.decision(deck.impact, options) == (
        "Decision: choose scenario:a or scenario:b; scenario:a would adopt ADD in 2027-Q1,"
        " defer LATE to 2027-Q1, pull in EARLY to 2026-Q4 and move GONE back to the backlog."
    )
    assert story.options_sentence(options) == (
        "2 options compared; scenario:a gives the most value (14)."
    )
    assert story.title_lines(deck)[2] == "Options: scenario:a, scenario:b"
