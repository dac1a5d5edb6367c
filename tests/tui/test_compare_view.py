"""The compare view: the same numbers as `roadmap impact --format json`, make room, notices,
scenarios and export."""

from __future__ import annotations

import io
import json
import subprocess
import threading
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from rich.console import Console
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, SelectionList, Static

from roadmap_tui.cli.main import main
from roadmap_tui.impact import impact_json
from roadmap_tui.tui.screens.adoption_review import AdoptionReviewScreen
from roadmap_tui.tui.screens.choice import ChoiceScreen
from roadmap_tui.tui.screens.compare import CompareScreen
from roadmap_tui.tui.screens.export_impact import ExportScreen
from roadmap_tui.tui.screens.make_room import MakeRoomScreen
from roadmap_tui.tui.screens.scenario_name import ScenarioNameScreen
from roadmap_tui.workbench.comparison import Comparison, compare_chosen
from roadmap_tui.workbench.impact_sources import CURRENT, SAVED
from tests.tui.conftest import SIZE, TODAY, app_on, opened

SCENARIO = "scenario:adopt-account-structure"


def cli_impact(workspace: Path, *args: str) -> dict[str, Any]:
    result = CliRunner().invoke(
        main, ["-w", str(workspace), "impact", *args, "--format", "json"], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.output)
    return data


def numbers(data: dict[str, Any]) -> dict[str, Any]:
    """The impact without the versions' names (the app calls the saved files `roadmap as saved`)."""
    return {key: value for key, value in data.items() if key not in ("base", "adjusted")}


async def settle(pilot: Pilot[Any]) -> None:
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def _compare(pilot: Pilot[Any]) -> CompareScreen:
    await opened(pilot)
    await pilot.press("5")
    await settle(pilot)  # the commits listed and the first comparison made, in workers
    screen = pilot.app.screen
    assert isinstance(screen, CompareScreen)
    return screen


async def test_numbers_equal_roadmap_impact_json(example: Path) -> None:
    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _compare(pilot)
        assert screen.baseline == SAVED and screen.chosen == [CURRENT]
        assert screen.impact is not None and not screen.impact.changed_items  # nothing edited

        screen.choose(SAVED, [SCENARIO])
        await settle(pilot)
        assert screen.impact is not None
        expected = cli_impact(example, str(example), SCENARIO)
        assert numbers(impact_json(screen.impact)) == numbers(expected)
        assert expected["items"]  # the scenario does change something
        summary = str(screen.query_one("#impact-summary").render())
        assert summary == expected["summary"]


def shown_text(screen: CompareScreen, selector: str) -> str:
    """What a Static of the view shows, as plain text (tables rendered 200 columns wide)."""
    out = io.StringIO()
    Console(file=out, width=200, color_system=None).print(
        screen.query_one(selector, Static).content
    )
    return out.getvalue()


def item_rows(report: str) -> dict[str, list[str]]:
    """The rows of the report's Items table: item -> change, from, to (none: no such table)."""
    lines = report.splitlines()
    starts = [i for i, line in enumerate(lines) if line.split()[:2] == ["Item", "Change"]]
    rows: dict[str, list[str]] = {}
    for line in lines[starts[0] + 2 :] if starts else []:  # after the heading and its rule
        cells = line.split()
        if len(cells) < 4 or cells[1] not in ("added", "deferred", "removed", "advanced"):
            break
        rows[cells[0]] = cells[1:4]
    return rows


async def test_the_comparison_arrives_from_a_worker(
    example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing slow on the app's thread: the view says it is comparing, the comparison runs in
    a worker thread (held here until the test lets it go), then its rows are shown."""
    gate = threading.Event()
    threads: list[threading.Thread] = []

    def held(*args: Any) -> Comparison | None:
        threads.append(threading.current_thread())
        assert gate.wait(timeout=30)
        return compare_chosen(*args)

    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _compare(pilot)
        assert screen.impact is not None and not screen.impact.changed_items  # nothing edited
        monkeypatch.setattr("roadmap_tui.tui.screens.compare.compare_chosen", held)
        screen.choose(SAVED, [SCENARIO])
        await pilot.pause()
        assert str(screen.query_one("#compare-heading", Static).render()) == "Comparing…"
        assert screen.impact is not None and not screen.impact.changed_items  # not yet
        assert item_rows(shown_text(screen, "#impact-report")) == {}

        gate.set()
        await settle(pilot)
        assert threads and threading.main_thread() not in threads
        heading = str(screen.query_one("#compare-heading", Static).render())
        assert heading.startswith(f"Compare · roadmap as saved → {SCENARIO}")
        assert item_rows(shown_text(screen, "#impact-report")) == {
            "REQ-ACCOUNT-STRUCTURE": ["added", "backlog", "2027-Q1"],
            "REQ-TAGGING-POLICY": ["added", "backlog", "2027-Q1"],
            "WAREHOUSE-STACKS-ONBOARDING": ["deferred", "2027-Q1", "2027-Q2"],
            "ML-GPU-STACKS": ["deferred", "2027-Q1", "2027-Q2"],
            "SPACELIFT-SPOT-WORKERS": ["removed", "2027-Q2", "backlog"],
        }


async def test_only_the_latest_comparison_is_shown(example: Path) -> None:
    """Picks changed while a comparison runs: the earlier result, arriving late, is dropped."""
    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _compare(pilot)
        screen.choose(SAVED, [SCENARIO])
        screen.choose(SAVED, [CURRENT])
        await settle(pilot)
        assert screen.chosen == [CURRENT]
        assert screen.impact is not None and not screen.impact.changed_items


async def test_a_git_revision_is_a_baseline(example: Path) -> None:
    def git(*args: str) -> None:
        subprocess.run(["git", "-C", str(example), *args], check=True, capture_output=True)

    git("init", "-q")
    git("-c", "user.email=t@example.com", "-c", "user.name=T", "add", ".")
    git("-c", "user.email=t@example.com", "-c", "user.name=T", "commit", "-q", "-m", "plans")
    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _compare(pilot)
        commits = screen.sources.commits
        assert len(commits) == 1 and commits[0].subject == "plans"
        assert [spec for _, spec in screen.sources.baselines()][:2] == [SAVED, commits[0].spec]
        screen.choose(commits[0].spec, [SCENARIO])
        await settle(pilot)
        assert screen.impact is not None
        expected = cli_impact(example, f"git:{commits[0].sha}", SCENARIO)
        assert numbers(impact_json(screen.impact)) == numbers(expected)


async def test_make_room_then_a_scenario_of_the_current_state(example: Path) -> None:
    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _compare(pilot)
        await pilot.press("m")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, MakeRoomScreen)
        assert picker.quarter == "2026-Q4"  # the current quarter
        ticks = picker.query_one(SelectionList)
        ticks.select("REQ-ACCOUNT-STRUCTURE")
        ticks.select("REQ-TAGGING-POLICY")
        picker.action_go()
        await settle(pilot)
        review = app.screen
        assert isinstance(review, AdoptionReviewScreen)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("enter")  # into published 2026-Q4: reopens it
        await settle(pilot)  # compared again, in a worker, when the view is back
        assert not review.is_attached  # applied and closed
        impact = screen.impact
        assert impact is not None
        changes = {row.id: row.change for row in impact.changed_items}
        assert changes == {
            "REQ-ACCOUNT-STRUCTURE": "added",
            "REQ-TAGGING-POLICY": "added",
            "CI-SLO-QUEUE-TIME": "deferred",
            "SPACELIFT-WORKSHOP": "deferred",
            "REQ-SPACELIFT-NOTIFICATIONS": "deferred",
        }
        # the notices: one per affected team, the first selected; c copies it
        notices = screen.query_one("#notices", OptionList)
        assert notices.option_count == len(impact.notices) > 0
        await pilot.press("c")
        assert app.clipboard == impact.notices[0].message

        await pilot.press("n")
        await pilot.pause()
        naming = app.screen
        assert isinstance(naming, ScenarioNameScreen)
        naming.query_one(Input).value = "adjusted"
        await pilot.press("enter")
        await pilot.pause()
        assert (example / "scenarios" / "adjusted" / "2026-Q4.toml").is_file()
        assert app.session is not None and app.session.dirty  # the workspace is not saved
        expected = cli_impact(example, str(example), "scenario:adjusted")
        assert numbers(impact_json(impact)) == numbers(expected)


async def test_several_alternatives_are_options(example: Path) -> None:
    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _compare(pilot)
        screen.choose(SAVED, [CURRENT, SCENARIO])
        await settle(pilot)
        assert screen.options is not None
        assert [row.label for row in screen.options.rows] == [
            "roadmap as saved",
            "adjusted roadmap (unsaved edits)",
            SCENARIO,
        ]
        assert (
            screen.impact is not None
            and screen.impact.adjusted == "adjusted roadmap (unsaved edits)"
        )
        await pilot.press("o")
        assert screen.impact.adjusted == SCENARIO


async def _export(pilot: Pilot[Any], kind: str, path: Path) -> None:
    await pilot.press("x")
    await pilot.pause()
    dialog = pilot.app.screen
    assert isinstance(dialog, ExportScreen)
    if kind == "markdown":
        await pilot.click("#markdown")
        await pilot.pause()
    dialog.query_one("#export-path", Input).value = str(path)
    dialog.query_one("#export-path", Input).focus()
    await pilot.press("enter")
    await pilot.pause()


async def test_export_writes_the_deck_and_the_page(example: Path, tmp_path: Path) -> None:
    from pptx import Presentation

    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _compare(pilot)
        screen.choose(SAVED, [SCENARIO])
        await settle(pilot)
        await pilot.press("x")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportScreen)
        default = dialog.query_one("#export-path", Input).value
        assert default == str(example.resolve().parent / f"roadmap-impact-{TODAY}.pptx")
        await pilot.press("escape")
        await pilot.pause()

        deck = tmp_path / "out" / "impact.pptx"
        deck.parent.mkdir()
        await _export(pilot, "deck", deck)
        await settle(pilot)
        assert deck.is_file()
        slides = Presentation(str(deck)).slides
        assert len(slides) > 3
        assert any(str(deck) in n.message for n in app._notifications)  # noqa: SLF001 - Textual has no public list of shown notifications (textual is pinned)

        page = tmp_path / "out" / "impact.md"
        await _export(pilot, "markdown", page)
        await settle(pilot)
        assert page.read_text(encoding="utf-8").startswith("# ")

        # never overwritten without asking
        before = page.read_bytes()
        await _export(pilot, "markdown", page)
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("c")
        await settle(pilot)
        assert page.read_bytes() == before


async def test_a_first_visit_compares_once_and_copies_the_plan_only_with_edits(
    example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Mounting, filling the pickers and being shown each asked for a comparison (seven, each
    with a deep copy of the plan on the app's thread); now one per frame, and the copy only
    when there are unsaved edits (without, the saved version is the current one)."""
    import roadmap_tui.tui.screens.compare as compare_screen

    asked: list[Any] = []

    def counted(sources: Any, baseline: str, chosen: list[str], current: Any) -> Any:
        asked.append(current)
        return compare_chosen(sources, baseline, chosen, current)

    monkeypatch.setattr(compare_screen, "compare_chosen", counted)
    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _compare(pilot)
        assert asked == [None]  # one comparison, no copy: nothing is edited
        heading = str(screen.query_one("#compare-heading", Static).render())
        assert heading.startswith("Compare · roadmap as saved → adjusted roadmap")
        await pilot.press("1", "right_square_bracket", "greater_than_sign", "enter")  # defer one
        assert app.session is not None and app.session.dirty
        await pilot.press("5")
        await settle(pilot)
        assert len(asked) == 2
        copy = asked[1]
        assert copy is not None and copy is not app.session.workspace  # a copy of the edits
        assert copy == app.session.workspace
