"""Safe to fumble: review stages logged, quitting asks, external changes ask, broken or missing
workspaces open without a crash."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Static

from roadmap_tui.storage import WorkspaceStore
from roadmap_tui.tui.screens.external_change import ExternalChangeScreen
from roadmap_tui.tui.screens.init_workspace import InitWorkspaceScreen
from roadmap_tui.tui.screens.plan import PlanScreen
from roadmap_tui.tui.screens.problems import ProblemsScreen
from roadmap_tui.tui.screens.review_stage import ReviewStageScreen
from roadmap_tui.tui.screens.unsaved_changes import UnsavedChangesScreen
from roadmap_tui.tui.widgets.item_table import ItemTable
from roadmap_tui.tui.widgets.problems_panel import ProblemsPanel
from tests.tui.conftest import SIZE, TODAY, app_on, opened, type_text


async def test_review_stage_is_logged(example: Path) -> None:
    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        await pilot.press("right_square_bracket", "right_square_bracket")  # 2027-Q2, draft
        await pilot.press("r")
        assert isinstance(app.screen, ReviewStageScreen)
        assert app.screen.proposed == "team-reviewed"
        await pilot.press("enter")  # nobody named: refused next to the form
        error = str(app.screen.query_one("#stage-error", Static).render())
        assert error == "✗ say who reviewed it (by)"
        await type_text(pilot, "infra-platform refinement")
        app.screen.query_one("#note", Input).value = "capacity checked with partner teams"
        await pilot.press("enter")
        assert isinstance(app.screen, PlanScreen)
        heading = str(app.screen.query_one("#quarter-heading", Static).render())
        assert "stage team-reviewed" in heading
        await pilot.press("ctrl+s")
    header = WorkspaceStore.open(example).workspace.quarters["2027-Q2"].quarter
    assert header.stage == "team-reviewed"
    review = header.reviews[-1]
    assert (review.stage, review.by, review.on, review.note) == (
        "team-reviewed",
        "infra-platform refinement",
        TODAY,
        "capacity checked with partner teams",
    )
    text = (example / "2027-Q2.toml").read_text(encoding="utf-8")
    assert "[[quarter.reviews]]\n" in text and "on = 2026-11-27\n" in text


async def test_quit_with_unsaved_changes_asks(example: Path) -> None:
    before = (example / "2027-Q1.toml").read_bytes()
    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        await pilot.press("right_square_bracket", "greater_than_sign", "enter", "q")
        assert isinstance(app.screen, UnsavedChangesScreen)
        assert "defer DATADOG-SELF-SERVICE to 2027-Q2" in app.screen.message
        await pilot.press("c")  # cancel: still here, still unsaved
        assert isinstance(app.screen, PlanScreen)
        assert app.session is not None and app.session.dirty
        await pilot.press("q", "d")  # discard
        assert app.return_code == 0 and not app.is_running
    assert (example / "2027-Q1.toml").read_bytes() == before


async def test_quit_and_save(example: Path) -> None:
    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        await pilot.press("right_square_bracket", "greater_than_sign", "enter", "ctrl+q")
        assert isinstance(app.screen, UnsavedChangesScreen)
        await pilot.press("s")
        assert not app.is_running
    ws = WorkspaceStore.open(example).workspace
    assert ws.items_in("2027-Q2")[-1].id == "DATADOG-SELF-SERVICE"


async def test_external_change_overwrite_reload_or_cancel(example: Path) -> None:
    path = example / "2027-Q1.toml"
    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        await pilot.press("right_square_bracket", "greater_than_sign", "enter")
        theirs = path.read_text(encoding="utf-8").replace("estimate = 18", "estimate = 19")
        path.write_text(theirs, encoding="utf-8")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ExternalChangeScreen)
        assert "2027-Q1.toml" in app.screen.message
        await pilot.press("c")  # cancel: nothing written, edits kept
        assert path.read_text(encoding="utf-8") == theirs
        assert app.session is not None and app.session.dirty
        await pilot.press("ctrl+s", "r")  # reload: their version, my edit gone
        assert not app.session.dirty
        table = app.screen.query_one(ItemTable)
        assert table.shown_ids[:2] == ["DATADOG-SELF-SERVICE", "SECURITY-BASELINE"]
        assert table.current_item_id() == "SECURITY-BASELINE"  # the cursor stayed on it
        found = app.session.workspace.find("SECURITY-BASELINE")
        assert found is not None and found[1].estimate == 19
        await pilot.press("greater_than_sign", "enter")  # defer it, then someone edits again
        later = theirs.replace("estimate = 20\n", "estimate = 21\n", 1)  # APP-MODULE-DATABASES
        assert later != theirs
        path.write_text(later, encoding="utf-8")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ExternalChangeScreen)
        await pilot.press("o")  # overwrite: mine wins
        assert not app.session.dirty
    text = path.read_text(encoding="utf-8")
    assert 'id = "SECURITY-BASELINE"' not in text and 'id = "DATADOG-SELF-SERVICE"' in text
    assert "estimate = 20\n" in text and "estimate = 21" not in text  # their later edit lost


async def test_a_broken_workspace_opens_with_its_problems(example: Path) -> None:
    path = example / "2027-Q1.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("estimate = 18", 'estimate = "18"'),
        encoding="utf-8",
    )
    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        assert isinstance(app.screen, PlanScreen)
        panel = app.screen.query_one(ProblemsPanel)
        assert panel.display
        text = str(panel.render())
        assert "2027-Q1.toml:34" in text and "items[SECURITY-BASELINE].estimate" in text
        assert "must be a number, not text '18'" in text
        await pilot.press("exclamation_mark")
        assert not panel.display
        # editing goes on and saves; the file with the error is never written by the tool
        before = {p.name: p.read_bytes() for p in example.glob("*.toml")}
        await pilot.press("b", "enter")  # SPACELIFT-DR from 2026-Q4 to the backlog
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.session is not None and not app.session.dirty
    after = {p.name: p.read_bytes() for p in example.glob("*.toml")}
    assert sorted(n for n in after if after[n] != before[n]) == ["2026-Q4.toml", "backlog.toml"]
    assert b'id = "SPACELIFT-DR"' in after["backlog.toml"]


async def test_an_unreadable_roadmap_shows_problems_then_reloads(example: Path) -> None:
    roadmap = example / "roadmap.toml"
    good = roadmap.read_text(encoding="utf-8")
    roadmap.write_text(good.replace("[workspace]", "[workspace"), encoding="utf-8")
    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        assert isinstance(app.screen, ProblemsScreen)
        assert any("roadmap.toml:4" in str(p) for p in app.screen.problems)
        roadmap.write_text(good, encoding="utf-8")
        await pilot.press("ctrl+r")
        await opened(pilot)
        assert isinstance(app.screen, PlanScreen)


async def test_a_missing_workspace_offers_init(tmp_path: Path) -> None:
    target = tmp_path / "new-plans"
    app = app_on(target)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, InitWorkspaceScreen)
        await pilot.press("i")
        await opened(pilot)
        assert isinstance(app.screen, PlanScreen)
        assert app.screen.query_one(ItemTable).location == "2026-Q4"
    assert (target / "roadmap.toml").is_file() and (target / "2027-Q2.toml").is_file()
    assert ".roadmap-recovery/" in (target / ".gitignore").read_text(encoding="utf-8")


async def test_going_back_a_stage_reopens_after_the_question(example: Path) -> None:
    """The dialog calls planning.stages: back from team-reviewed to draft is asked first, then
    logged as a reopening."""
    from textual.widgets import Select

    from roadmap_tui.tui.screens.choice import ChoiceScreen

    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        await pilot.press("right_square_bracket")  # 2027-Q1, team-reviewed
        await pilot.press("r")
        assert isinstance(app.screen, ReviewStageScreen)
        app.screen.query_one("#stage", Select).value = "draft"
        await type_text(pilot, "infra-platform")
        await pilot.press("enter")
        assert isinstance(app.screen, ChoiceScreen)
        assert app.screen.title_text == "Set 2027-Q1 back to draft?"
        await pilot.press("y")
        assert isinstance(app.screen, PlanScreen)
        await pilot.press("ctrl+s")
    header = WorkspaceStore.open(example).workspace.quarters["2027-Q1"].quarter
    assert header.stage == "draft"
    assert [(r.stage, r.by) for r in header.reviews][-1] == ("draft", "infra-platform")
