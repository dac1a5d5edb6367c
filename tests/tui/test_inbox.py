"""The inbox: requests open first and oldest first, decisions as undoable edits, feedback themes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input, Static, Tree

from roadmap_tui.tui.screens.choice import ChoiceScreen
from roadmap_tui.tui.screens.decide_request import DecideRequestScreen
from roadmap_tui.tui.screens.inbox import InboxScreen
from tests.tui.conftest import SIZE, app_on, opened, type_text

REQUESTS = [  # open ones by date received, then the decided ones by date
    "REQ-ACCOUNT-STRUCTURE",  # 2026-09-03
    "REQ-TAGGING-POLICY",  # 2026-10-27
    "REQ-HELM-LIBRARY-CHART",  # 2026-11-05
    "REQ-KAFKA-TOPICS",  # 2026-11-16
    "REQ-TERRAFORM-CLOUD",  # declined, 2026-08-19
    "REQ-COST-TAGS",  # merged, 2026-09-15
    "REQ-SPACELIFT-NOTIFICATIONS",  # accepted, 2026-10-08
]


async def _inbox(pilot: Pilot[Any]) -> InboxScreen:
    await opened(pilot)
    await pilot.press("6")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, InboxScreen)
    return screen


def _decision(screen: InboxScreen, item_id: str) -> str:
    return str(screen.table.get_cell(item_id, "decision"))


async def test_open_requests_first_oldest_first(example: Path) -> None:
    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _inbox(pilot)
        assert screen.shown_ids() == REQUESTS
        heading = str(screen.query_one("#inbox-heading", Static).render())
        assert "4 open request(s), the oldest waiting 85 days" in heading  # 2026-09-03 to 11-27
        detail = str(screen.query_one("#request-detail", Static).render())
        assert "from security-platform, received 2026-09-03 (85 days ago)" in detail


async def test_accept_and_undo(example: Path) -> None:
    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _inbox(pilot)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, DecideRequestScreen)  # a note, optional
        await pilot.press("enter")
        await pilot.pause()
        session = app.session
        assert session is not None
        item = session.workspace.find("REQ-ACCOUNT-STRUCTURE")
        assert item is not None and item[1].decision == "accepted"
        assert _decision(screen, "REQ-ACCOUNT-STRUCTURE") == "accepted"
        assert screen.shown_ids()[:3] == REQUESTS[1:4]  # no longer open: it moves down
        assert [edit.label for edit in session.history] == ["accept REQ-ACCOUNT-STRUCTURE"]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert _decision(screen, "REQ-ACCOUNT-STRUCTURE") == "open"
        assert screen.shown_ids() == REQUESTS


async def test_decline_needs_a_reason(example: Path) -> None:
    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _inbox(pilot)
        await pilot.press("down", "d")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, DecideRequestScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog  # refused without a reason
        error = str(dialog.query_one("#decide-error", Static).render())
        assert error == "a declined request needs the reason"
        await type_text(pilot, "tags come with the account structure")
        await pilot.press("enter")
        await pilot.pause()
        session = app.session
        assert session is not None
        found = session.workspace.find("REQ-TAGGING-POLICY")
        assert found is not None
        assert found[1].decision == "declined" and found[1].status == "dropped"
        assert found[1].note == "declined: tags come with the account structure"
        assert _decision(screen, "REQ-TAGGING-POLICY") == "declined"


async def test_merge_completes_the_id(example: Path) -> None:
    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _inbox(pilot)
        screen.select("REQ-KAFKA-TOPICS")
        await pilot.press("m")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, DecideRequestScreen)
        await type_text(pilot, "REQ-HELM")
        await pilot.press("right")  # takes the suggestion
        box = dialog.query_one("#decide-into", Input)
        assert box.value == "REQ-HELM-LIBRARY-CHART"
        await pilot.press("enter")
        await pilot.pause()
        session = app.session
        assert session is not None
        merged = session.workspace.find("REQ-KAFKA-TOPICS")
        target = session.workspace.find("REQ-HELM-LIBRARY-CHART")
        assert merged is not None and target is not None
        assert merged[1].decision == "merged"
        assert merged[1].merged_into == "REQ-HELM-LIBRARY-CHART"
        assert "warehouse-systems" in target[1].requested_by  # the asking team is kept
        assert len(session.history) == 1
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert session.workspace.find("REQ-KAFKA-TOPICS")[1].decision == "open"  # type: ignore[index]


async def test_changing_a_decision_asks_first(example: Path) -> None:
    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _inbox(pilot)
        screen.select("REQ-TERRAFORM-CLOUD")
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("n")
        await pilot.pause()
        assert app.session is not None and not app.session.history
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        await pilot.press("enter")  # no note
        await pilot.pause()
        assert _decision(screen, "REQ-TERRAFORM-CLOUD") == "accepted"


async def test_feedback_by_theme(example: Path) -> None:
    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _inbox(pilot)
        tree = screen.query_one("#themes", Tree)
        themes = [str(node.label) for node in tree.root.children]
        assert themes == [
            "Documentation and examples (3)",
            "Unreadable errors and plan output (3)",
            "Slow CI and Spacelift runs (2)",
            "Onboarding new engineers to self-… (2)",
        ]
        first = [str(node.label) for node in tree.root.children[0].children]
        assert first[:2] == [
            "→ APP-MODULE-EXAMPLES: backlog, proposed",
            "→ DOCS-CONSOLIDATION: backlog, proposed",
        ]
        assert first[2].startswith("Warehouse systems: ")


async def test_accept_asks_for_a_note_which_is_kept(example: Path) -> None:
    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        await _inbox(pilot)
        await pilot.press("a")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, DecideRequestScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.session is not None and not app.session.history  # escape decides nothing
        await pilot.press("a")
        await pilot.pause()
        await type_text(pilot, "next quarter")
        await pilot.press("enter")
        await pilot.pause()
        item = app.session.workspace.find("REQ-ACCOUNT-STRUCTURE")
        assert item is not None
        assert (item[1].decision, item[1].note) == ("accepted", "accepted: next quarter")


async def test_a_declined_note_is_not_said_twice(example: Path) -> None:
    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _inbox(pilot)
        screen.select("REQ-TAGGING-POLICY")
        await pilot.press("d")
        await pilot.pause()
        await type_text(pilot, "covered by TAGGING")
        await pilot.press("enter")
        await pilot.pause()
        screen.select("REQ-TAGGING-POLICY")
        await pilot.pause()
        detail = str(screen.query_one("#request-detail", Static).render())
        assert "declined: covered by TAGGING" in detail
        assert "declined: declined:" not in detail


async def test_merge_into_itself_says_so_and_tab_completes(example: Path) -> None:
    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _inbox(pilot)
        screen.select("REQ-KAFKA-TOPICS")
        await pilot.press("m")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, DecideRequestScreen)
        await type_text(pilot, "REQ-KAFKA-TOPICS")
        await pilot.press("enter")
        await pilot.pause()
        error = str(dialog.query_one("#decide-error", Static).render())
        assert error == "REQ-KAFKA-TOPICS cannot be merged into itself"
        box = dialog.query_one("#decide-into", Input)
        box.value = ""
        await type_text(pilot, "REQ-HELM")
        await pilot.press("tab")  # completes, as the placeholder says
        assert box.value == "REQ-HELM-LIBRARY-CHART"
        assert dialog.focused is box
        await pilot.press("tab")  # nothing more to complete: the next field
        assert dialog.focused is dialog.query_one("#decide-note", Input)
