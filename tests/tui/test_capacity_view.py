"""The capacity view: teams x quarters, what fills a cell, the drafted quarter, make room."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import SelectionList, Static

from roadmap_tui.tui.screens.adoption_review import AdoptionReviewScreen
from roadmap_tui.tui.screens.capacity import CapacityScreen
from roadmap_tui.tui.screens.draft_review import DraftReviewScreen
from roadmap_tui.tui.screens.make_room import MakeRoomScreen
from roadmap_tui.tui.screens.reason import ReasonScreen
from tests.tui.conftest import Q4, SIZE, app_on, opened

OWN_Q4 = [  # infra-platform's own items in 2026-Q4, by id
    "APP-MODULE-GA",
    "CHART-MUSEUM-SUNSET",
    "CI-SLO-QUEUE-TIME",
    "HELM-INTEGRATION-TESTS",
    "REQ-SPACELIFT-NOTIFICATIONS",
    "SPACELIFT-DR",
    "SPACELIFT-MIGRATION",
    "SPACELIFT-WORKSHOP",
    "TAGGING",
]


async def _capacity(pilot: object) -> CapacityScreen:
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    await opened(pilot)
    await pilot.press("3")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, CapacityScreen)
    return screen


async def settle(pilot: object) -> None:
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def test_cells_show_used_of_capacity(example: Path) -> None:
    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _capacity(pilot)
        assert screen.quarters == ["2026-Q3", "2026-Q4", "2027-Q1", "2027-Q2"]
        assert screen.teams[0] == "infra-platform"
        assert str(screen.grid.get_cell("infra-platform", "2026-Q4")) == "109/130"
        assert str(screen.grid.get_cell("storage", "2027-Q1")) == "7/15"
        # the owner in the current quarter is selected first
        assert screen.selected() == ("infra-platform", "2026-Q4")


async def test_selecting_a_cell_lists_what_fills_it(example: Path) -> None:
    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _capacity(pilot)
        heading = str(screen.query_one("#cell-heading", Static).render())
        assert "infra-platform 2026-Q4: 109 of 130 days used (own 109, asked 0), 21 free" in heading
        assert screen.listed_items() == OWN_Q4

        await pilot.press("down", "down", "down")  # infra-core, observability, storage
        await pilot.pause()
        assert screen.selected() == ("storage", "2026-Q4")
        assert screen.listed_items() == ["SPACELIFT-DR"]
        heading = str(screen.query_one("#cell-heading", Static).render())
        assert "storage 2026-Q4: 4 of 15 days used (own 0, asked 4), 11 free" in heading
        what = screen.query_one("#cell-items").get_row_at(0)  # type: ignore[attr-defined]
        assert str(what[3]) == "ask of infra-platform"


async def test_accepting_a_drafted_item_moves_it(example: Path) -> None:
    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _capacity(pilot)
        assert screen.draft_quarter() == "2027-Q1"  # the current quarter is selected
        await pilot.press("d")
        await settle(pilot)
        review = app.screen
        assert isinstance(review, DraftReviewScreen)
        # The draft carries 2026-Q4's leftovers (nothing from the backlog fits).
        assert [move.item for move in review.moves][:2] == [
            "SPACELIFT-DR",
            "HELM-INTEGRATION-TESTS",
        ]
        ticks = review.query_one(SelectionList)
        ticks.deselect_all()
        ticks.select([m.item for m in review.moves].index("CI-SLO-QUEUE-TIME"))
        await pilot.press("a")
        await pilot.pause()
        confirm = app.screen
        assert isinstance(confirm, ReasonScreen)  # 2026-Q4 is published: it asks
        assert confirm.warnings == ["2026-Q4 is published: this reopens it"]
        await pilot.press("enter")
        await pilot.pause()
        session = app.session
        assert session is not None
        found = session.workspace.find("CI-SLO-QUEUE-TIME")
        assert found is not None and found[0] == "2027-Q1"
        assert found[1].carried_from == "2026-Q4"
        assert session.workspace.find("SPACELIFT-DR") is not None
        assert session.workspace.find("SPACELIFT-DR")[0] == "2026-Q4"  # type: ignore[index]
        assert len(session.history) == 1
        assert "CI-SLO-QUEUE-TIME" not in screen.listed_items()  # the Q4 cell is redrawn
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert session.workspace.find("CI-SLO-QUEUE-TIME")[0] == "2026-Q4"  # type: ignore[index]


async def test_rejecting_a_draft_changes_nothing(example: Path) -> None:
    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        await _capacity(pilot)
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, DraftReviewScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.session is not None and not app.session.history


async def test_make_room_applies_one_undoable_edit(example: Path) -> None:
    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _capacity(pilot)
        await pilot.press("m")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, MakeRoomScreen)
        assert [item_id for item_id, _ in picker.choices][:2] == [
            "REQ-ACCOUNT-STRUCTURE",  # open requests first, oldest first
            "REQ-TAGGING-POLICY",
        ]
        ticks = picker.query_one(SelectionList)
        ticks.select("REQ-ACCOUNT-STRUCTURE")
        ticks.select("REQ-TAGGING-POLICY")
        picker.action_go()  # into 2026-Q4, the selected cell's quarter
        await settle(pilot)
        review = app.screen
        assert isinstance(review, AdoptionReviewScreen)
        # as `roadmap adopt REQ-ACCOUNT-STRUCTURE REQ-TAGGING-POLICY --quarter 2026-Q4`
        assert [d.item for d in review.result.deferred] == [
            "CI-SLO-QUEUE-TIME",
            "SPACELIFT-WORKSHOP",
            "REQ-SPACELIFT-NOTIFICATIONS",
        ]
        assert review.result.lost_value == 18
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ReasonScreen)  # into a published quarter: it asks
        await pilot.press("enter")
        await pilot.pause()
        session = app.session
        assert session is not None and len(session.history) == 1
        ws = session.workspace
        assert ws.find("REQ-ACCOUNT-STRUCTURE")[0] == "2026-Q4"  # type: ignore[index]
        assert ws.find("CI-SLO-QUEUE-TIME")[0] == "2027-Q1"  # type: ignore[index]
        assert str(screen.grid.get_cell("infra-platform", "2026-Q4")) == "128/130"
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert ws.find("REQ-ACCOUNT-STRUCTURE")[0] == "backlog"  # type: ignore[index]
        assert str(screen.grid.get_cell("infra-platform", "2026-Q4")) == "109/130"
        assert [i.id for i in ws.items_in("2026-Q4")] == Q4  # the rows in their order again


async def test_accepting_an_overloading_draft_warns_with_the_load_per_team(example: Path) -> None:
    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        await _capacity(pilot)
        await pilot.press("d")
        await settle(pilot)
        review = app.screen
        assert isinstance(review, DraftReviewScreen)
        warning = review.query_one(".dialog-warning", Static)
        assert str(warning.render()) == (
            "⚠ with every proposed item infra-platform is over capacity: 230/145 (over by 85)"
        )
        await pilot.press("a")  # every leftover ticked
        await pilot.pause()
        confirm = app.screen
        assert isinstance(confirm, ReasonScreen)
        assert confirm.warnings[0] == (
            "infra-platform is over capacity in 2027-Q1: 230/145 (over by 85)"
        )
        assert confirm.subject.startswith("Load after it, 2027-Q1: infra-platform 230/145, ")
        await pilot.press("escape")
        await pilot.pause()
        assert app.session is not None and not app.session.history  # nothing applied
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        ws = app.session.workspace
        assert [i.id for i in ws.items_in("2026-Q4")] == ["TAGGING", "CHART-MUSEUM-SUNSET"]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert [i.id for i in ws.items_in("2026-Q4")] == Q4  # undo: the same order


async def test_the_solver_is_prepared_in_a_thread_once_the_view_is_drawn(
    example: Path, monkeypatch: object
) -> None:
    """The first draft waited 0.45 s for the solver's import (scipy then): the view that drafts
    has it imported in a worker thread as soon as it is drawn, never on the app's thread."""
    import threading

    import pytest

    from roadmap_tui.planning import solver

    assert isinstance(monkeypatch, pytest.MonkeyPatch)
    threads: list[str] = []
    monkeypatch.setattr(solver, "prepare", lambda: threads.append(threading.current_thread().name))
    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        assert threads == []  # not for the plan view
        await _capacity(pilot)
        await settle(pilot)
        assert len(threads) == 1
        assert threads[0] != threading.main_thread().name
