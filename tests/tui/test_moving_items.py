"""Moves in the app: defer, pull in, backlog, plan, drop; capacity follows at once; undo, redo."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from roadmap_tui.storage import WorkspaceStore
from roadmap_tui.tui.screens.pick_quarter import PickQuarterScreen
from roadmap_tui.tui.screens.plan import PlanScreen
from roadmap_tui.tui.screens.reason import ReasonScreen
from roadmap_tui.tui.widgets.capacity_bars import CapacityBars
from roadmap_tui.tui.widgets.item_table import ItemTable
from roadmap_tui.tui.widgets.quarter_list import QuarterList
from tests.tui.conftest import SIZE, app_on, opened, type_text


def _ids(example: Path, location: str) -> list[str]:
    return [item.id for item in WorkspaceStore.open(example).workspace.items_in(location)]


async def test_defer_updates_table_capacity_and_files(example: Path) -> None:
    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        screen = app.screen
        assert isinstance(screen, PlanScreen)
        table = screen.query_one(ItemTable)
        bars = screen.query_one(CapacityBars)
        await pilot.press("right_square_bracket")  # 2027-Q1
        assert table.current_item_id() == "DATADOG-SELF-SERVICE"
        before = bars.figures["infra-platform"]
        await pilot.press("greater_than_sign")
        assert isinstance(app.screen, ReasonScreen)
        assert app.screen.query_one(Input).value == "deferred to 2027-Q2"
        await pilot.press("enter")
        await pilot.pause()
        assert "DATADOG-SELF-SERVICE" not in table.shown_ids
        assert table.current_item_id() == "SECURITY-BASELINE"  # the cursor stays in place
        # 25 days leave infra-platform's 2027-Q1 and arrive in 2027-Q2
        used_before = int(before.split("/")[0])
        assert bars.figures["infra-platform"] == f"{used_before - 25}/145"
        quarters = screen.query_one(QuarterList)
        assert "12 items" in quarters.prompt("2027-Q2").plain  # 11 + 1
        assert app.session is not None
        moved = app.session.workspace.items_in("2027-Q2")[-1]
        assert (moved.id, moved.note) == ("DATADOG-SELF-SERVICE", "deferred to 2027-Q2")
        await pilot.press("ctrl+s")
    assert "DATADOG-SELF-SERVICE" not in _ids(example, "2027-Q1")
    assert _ids(example, "2027-Q2")[-1] == "DATADOG-SELF-SERVICE"
    assert 'note = "deferred to 2027-Q2"' in (example / "2027-Q2.toml").read_text(encoding="utf-8")


async def test_pull_in_backlog_and_plan(example: Path) -> None:
    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        table = app.screen.query_one(ItemTable)
        await pilot.press("right_square_bracket", "right_square_bracket")  # 2027-Q2
        assert table.current_item_id() == "APP-MODULE-MULTI-REGION"
        await pilot.press("less_than_sign", "enter")  # into 2027-Q1
        assert table.current_item_id() == "SECURITY-DRIFT-DETECTION"
        await pilot.press("b", "enter")  # to the backlog as proposed
        await pilot.press("right_square_bracket")  # backlog
        assert table.shown_ids[-1] == "SECURITY-DRIFT-DETECTION"
        assert table.select_item("SECURITY-DRIFT-DETECTION")
        await pilot.press("p")
        assert isinstance(app.screen, PickQuarterScreen)
        assert app.screen.default == "2027-Q2"  # the quarter last shown
        await pilot.press("down", "enter")  # 2027-Q3 (new)
        assert isinstance(app.screen, ReasonScreen)
        assert "2027-Q3 does not exist yet: this creates it" in app.screen.warnings
        await pilot.press("enter")
        assert isinstance(app.screen, PlanScreen)
        await pilot.press("ctrl+s")
    assert _ids(example, "2027-Q1")[-1] == "APP-MODULE-MULTI-REGION"
    backlog = WorkspaceStore.open(example).workspace
    assert "SECURITY-DRIFT-DETECTION" not in [i.id for i in backlog.backlog.items]
    planned = backlog.items_in("2027-Q3")
    assert [(i.id, i.status) for i in planned] == [("SECURITY-DRIFT-DETECTION", "planned")]
    assert (
        (example / "2027-Q3.toml")
        .read_text(encoding="utf-8")
        .startswith('[quarter]\nid = "2027-Q3"\n')
    )


async def test_drop_with_a_note_and_done_items_refused(example: Path) -> None:
    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        table = app.screen.query_one(ItemTable)
        table.select_item("TAGGING")  # done
        for key in ("greater_than_sign", "less_than_sign", "b", "x"):
            await pilot.press(key)
            assert isinstance(app.screen, PlanScreen)
        assert app.session is not None and not app.session.dirty
        notes = [n.message for n in app._notifications]  # noqa: SLF001 - Textual has no public list of shown notifications (textual is pinned)
        assert "TAGGING is done: it stays in the quarter it was delivered in" in notes
        table.select_item("CI-SLO-QUEUE-TIME")
        await pilot.press("x")
        assert isinstance(app.screen, ReasonScreen)
        app.screen.query_one(Input).value = ""
        await type_text(pilot, "queue time fixed by autoscaling")
        await pilot.press("enter")
        assert table.current_item_id() == "CI-SLO-QUEUE-TIME"  # dropped in place
        assert str(table.get_cell("CI-SLO-QUEUE-TIME", "status")).strip() == "dropped"
        await pilot.press("ctrl+s")
    item = WorkspaceStore.open(example).workspace.find("CI-SLO-QUEUE-TIME")
    assert item is not None
    assert (item[0], item[1].status, item[1].note) == (
        "2026-Q4",
        "dropped",
        "queue time fixed by autoscaling",
    )


async def test_undo_and_redo_every_edit(example: Path) -> None:
    before = {name: (example / name).read_bytes() for name in ("2027-Q1.toml", "2027-Q2.toml")}
    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        table = app.screen.query_one(ItemTable)
        await pilot.press("right_square_bracket", "greater_than_sign", "enter")
        await pilot.press("greater_than_sign", "enter")
        assert table.shown_ids[:2] == ["APP-MODULE-DATABASES", "CI-RUNNER-AUTOSCALING"]
        await pilot.press("ctrl+z")
        assert table.shown_ids[:2] == ["SECURITY-BASELINE", "APP-MODULE-DATABASES"]
        assert table.current_item_id() == "SECURITY-BASELINE"
        await pilot.press("ctrl+z")
        assert table.shown_ids[:2] == ["DATADOG-SELF-SERVICE", "SECURITY-BASELINE"]
        assert app.session is not None and not app.session.dirty
        await pilot.press("ctrl+y")
        assert table.shown_ids[0] == "SECURITY-BASELINE"
        assert app.session.dirty
        await pilot.press("ctrl+z")
        await pilot.press("ctrl+s")
    after = {name: (example / name).read_bytes() for name in before}
    assert after == before


async def test_undo_of_a_new_quarter_removes_it(example: Path) -> None:
    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        await pilot.press("right_square_bracket", "right_square_bracket")  # 2027-Q2
        await pilot.press("greater_than_sign", "enter")  # creates 2027-Q3
        assert app.session is not None
        assert "2027-Q3" in app.session.workspace.quarters
        quarters = app.screen.query_one(QuarterList)
        assert "2027-Q3" in [str(o.id) for o in quarters.options]
        await pilot.press("ctrl+z")
        assert "2027-Q3" not in app.session.workspace.quarters
        assert "2027-Q3" not in [str(o.id) for o in quarters.options]
        await pilot.press("ctrl+y")
        assert _quarter_ids(app) == ["2026-Q3", "2026-Q4", "2027-Q1", "2027-Q2", "2027-Q3"]
        await pilot.press("ctrl+z", "ctrl+s")
    assert not (example / "2027-Q3.toml").exists()


def _quarter_ids(app: object) -> list[str]:
    return app.session.workspace.quarter_ids()  # type: ignore[attr-defined, no-any-return]
