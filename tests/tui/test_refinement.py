"""The app in a refinement meeting: moves ask why, guard rails ask first, files changed outside
are merged with the session's edits."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.widgets import Input, Select, SelectionList

from roadmap_tui.storage import WorkspaceStore
from roadmap_tui.tui.screens.choice import ChoiceScreen
from roadmap_tui.tui.screens.conflicts import ConflictsScreen
from roadmap_tui.tui.screens.external_change import ExternalChangeScreen
from roadmap_tui.tui.screens.plan import PlanScreen
from roadmap_tui.tui.screens.reason import ReasonScreen
from roadmap_tui.tui.screens.review_stage import ReviewStageScreen
from roadmap_tui.tui.widgets.item_table import ItemTable
from tests.tui.conftest import SIZE, TODAY, app_on, opened, type_text


async def test_a_move_out_of_a_published_quarter_asks_and_reopens_it(example: Path) -> None:
    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        table = app.screen.query_one(ItemTable)
        assert table.select_item("SPACELIFT-MIGRATION")  # 2026-Q4: published, current
        await pilot.press("greater_than_sign")
        dialog = app.screen
        assert isinstance(dialog, ReasonScreen)
        assert dialog.warnings == ["2026-Q4 is published: this reopens it"]
        box = dialog.query_one(Input)
        assert box.value == "deferred to 2027-Q1"  # prefilled
        box.value = ""
        await type_text(pilot, "deferred: naming first")
        await pilot.press("enter")
        assert isinstance(app.screen, PlanScreen)
        await pilot.press("ctrl+s")
        await pilot.press("ctrl+z")  # one undo takes back the move and the reopening
        assert app.session is not None
        assert app.session.workspace.quarters["2026-Q4"].quarter.stage == "published"
    ws = WorkspaceStore.open(example).workspace
    header = ws.quarters["2026-Q4"].quarter
    last = header.reviews[-1]
    assert (header.stage, last.stage, last.by, last.on, last.note) == (
        "draft",
        "draft",
        "infra-platform",
        TODAY,
        "reopened: deferred: naming first",
    )
    moved = ws.items_in("2027-Q1")[-1]
    assert (moved.id, moved.note) == ("SPACELIFT-MIGRATION", "deferred: naming first")


async def test_escape_moves_nothing(example: Path) -> None:
    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        await pilot.press("b")
        assert isinstance(app.screen, ReasonScreen)
        await pilot.press("escape")
        assert app.session is not None and not app.session.dirty


async def test_a_move_into_a_new_quarter_without_capacity_asks(example: Path) -> None:
    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        await pilot.press("right_square_bracket", "right_square_bracket")  # 2027-Q2, a draft
        await pilot.press("greater_than_sign")
        dialog = app.screen
        assert isinstance(dialog, ReasonScreen)
        assert dialog.warnings == [
            "2027-Q3 does not exist yet: this creates it",
            "infra-platform has no capacity in 2027-Q3",
        ]


async def test_a_stage_going_back_asks_first(example: Path) -> None:
    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        await pilot.press("r")  # 2026-Q4, published
        dialog = app.screen
        assert isinstance(dialog, ReviewStageScreen)
        dialog.query_one("#stage", Select).value = "team-reviewed"
        dialog.query_one("#by", Input).value = "refinement"
        await pilot.press("enter")
        question = app.screen
        assert isinstance(question, ChoiceScreen)
        assert question.title_text == "Set 2026-Q4 back to team-reviewed?"
        await pilot.press("n")
        assert app.session is not None and not app.session.dirty
        await pilot.press("r")
        app.screen.query_one("#stage", Select).value = "team-reviewed"
        app.screen.query_one("#by", Input).value = "refinement"
        await pilot.press("enter", "y")
        assert app.session.workspace.quarters["2026-Q4"].quarter.stage == "team-reviewed"


def _bump(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


async def test_save_over_an_outside_change_reapplies_my_edits(example: Path) -> None:
    path = example / "2027-Q1.toml"
    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        await pilot.press("right_square_bracket", "greater_than_sign", "enter")  # DATADOG-…
        _bump(path, "estimate = 18", "estimate = 19")  # SECURITY-BASELINE, someone else
        await pilot.press("ctrl+s")
        dialog = app.screen
        assert isinstance(dialog, ExternalChangeScreen)
        assert "SECURITY-BASELINE: estimate 18 → 19" in dialog.message
        await pilot.press("a")  # reload and re-apply my edits
        assert isinstance(app.screen, PlanScreen)
        assert app.session is not None and app.session.dirty
        await pilot.press("ctrl+s")
        await pilot.press("ctrl+z")  # undo survives the merge
        assert app.session.workspace.find("DATADOG-SELF-SERVICE")[0] == "2027-Q1"  # type: ignore[index]
    text = path.read_text(encoding="utf-8")
    assert "estimate = 19" in text and 'id = "DATADOG-SELF-SERVICE"' not in text


async def test_a_real_conflict_is_the_persons_to_choose(example: Path) -> None:
    path = example / "2027-Q1.toml"
    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        assert app.session is not None
        ws = app.session.workspace
        from roadmap_tui.models.edits import replace_item

        found = ws.find("SECURITY-BASELINE")
        assert found is not None
        app.session.do(replace_item(ws, found[1].model_copy(update={"estimate": 22})))
        _bump(path, "estimate = 18", "estimate = 19")
        await pilot.press("ctrl+s", "a")
        dialog = app.screen
        assert isinstance(dialog, ConflictsScreen)
        options = dialog.query_one(SelectionList)
        assert str(options.get_option_at_index(0).prompt) == (
            "SECURITY-BASELINE estimate: mine 22, theirs 19"
        )
        await pilot.press("space", "enter")  # ✓ keeps mine
        assert isinstance(app.screen, PlanScreen)
        found = app.session.workspace.find("SECURITY-BASELINE")
        assert found is not None and found[1].estimate == 22


async def test_an_outside_change_is_noticed_while_open(example: Path) -> None:
    app = app_on(example)
    app.poll_seconds = 0.05
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        await asyncio.sleep(0.1)
        assert isinstance(app.screen, PlanScreen)  # nothing changed: nothing offered
        _bump(example / "backlog.toml", "Account structure", "Account layout")
        for _ in range(20):
            await asyncio.sleep(0.05)
            await pilot.pause()
            if isinstance(app.screen, ExternalChangeScreen):
                break
        dialog = app.screen
        assert isinstance(dialog, ExternalChangeScreen)
        assert "backlog.toml" in dialog.message
        assert "REQ-ACCOUNT-STRUCTURE: title" in dialog.message
        await pilot.press("r")
        assert app.session is not None
        found = app.session.workspace.find("REQ-ACCOUNT-STRUCTURE")
        assert found is not None and found[1].title.startswith("Account layout")


async def test_help_lists_every_action_once_the_apps_first(example: Path) -> None:
    from roadmap_tui.tui.screens.help import HelpScreen

    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        await pilot.press("question_mark")
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        described = [description for _, description, _ in help_screen.bindings]
        assert described[:5] == ["Save", "Undo", "Redo", "Help", "Quit"]
        assert len(described) == len(set(described))  # once each
        for expected in ("Reload", "Command palette", "Plan view", "Inbox view", "Defer", "Edit"):
            assert expected in described
        assert "Sort" in described  # the item table's own key
        keys = [key for key, _, _ in help_screen.bindings]
        assert "↑" not in keys and "home" not in keys  # not the table's cursor keys


async def test_the_palette_finds_and_runs_every_action(example: Path) -> None:
    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        commands = [c.title for c in app.get_system_commands(app.screen)]
        assert len(commands) == len(set(commands))
        for expected in ("Save (^s)", "Undo (^z)", "Reload (^r)", "Help (?)", "Defer (>)"):
            assert expected in commands
        await pilot.press("b", "enter")  # an edit to save
        await pilot.press("ctrl+p")
        await type_text(pilot, "save")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.session is not None and not app.session.dirty
    assert 'id = "SPACELIFT-DR"' in (example / "backlog.toml").read_text(encoding="utf-8")


async def test_one_item_is_said_one_item(example: Path) -> None:
    from roadmap_tui.tui.widgets.quarter_list import QuarterList

    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        await pilot.press("right_square_bracket", "right_square_bracket")  # 2027-Q2
        await pilot.press("greater_than_sign", "enter")  # into a new 2027-Q3
        prompt = app.screen.query_one(QuarterList).prompt("2027-Q3").plain
        assert "1 item\n" in prompt and "1 items" not in prompt


async def test_every_button_label_whole_and_e_in_the_footer_at_80x24(example: Path) -> None:
    from textual.widgets import Button
    from textual.widgets._footer import FooterKey

    app = app_on(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        footer_keys = [key.key for key in app.screen.query(FooterKey)]
        assert "e" in footer_keys  # edit
        await pilot.press("right_square_bracket", "greater_than_sign", "enter", "q")
        buttons = list(app.screen.query(Button))
        assert [str(b.label) for b in buttons] == [
            "Save and quit (s)",
            "Discard and quit (d)",
            "Cancel (c)",
        ]
        for button in buttons:
            assert button.content_size.width >= len(str(button.label))  # not "Ca"
            assert button.region.right <= 80 and button.region.bottom <= 24  # on screen


async def test_the_footer_behind_a_dialog_is_left_alone_and_right_after(example: Path) -> None:
    """A dialog's keys are its own: the footer of the screen behind it is not rebuilt when it
    opens (each rebuild made ~25 widgets), and shows the screen's keys when it closes."""
    from textual.widgets._footer import FooterKey

    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        plan = app.screen
        before = list(plan.query(FooterKey))
        assert "e" in [key.key for key in before]
        await pilot.press("question_mark")  # help, a dialog over the plan
        await pilot.pause()
        assert app.screen is not plan
        assert list(plan.query(FooterKey)) == before  # the same widgets: not rebuilt
        await pilot.press("escape")
        await pilot.pause()
        after = list(plan.query(FooterKey))
        assert [(k.key, k.description) for k in after] == [(k.key, k.description) for k in before]


async def test_a_first_visit_of_a_view_does_not_reparse_the_stylesheet(example: Path) -> None:
    """A view built at its first visit is styled as it mounts; re-reading every stylesheet and
    restyling every screen on top cost 60-120 ms of each first visit."""
    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        reparsed: list[int] = []
        original = app.stylesheet.reparse

        def counted() -> None:
            reparsed.append(1)
            original()

        app.stylesheet.reparse = counted  # type: ignore[method-assign]
        for key in "23456":
            await pilot.press(key)
            await opened(pilot)
        assert reparsed == []
        assert type(app.screen).__name__ == "InboxScreen"
        app.theme = "textual-light" if app.theme != "textual-light" else "nord"
        await pilot.pause()
        await pilot.press("2")  # built before the theme changed: brought up to date once
        await pilot.pause()
        assert reparsed
