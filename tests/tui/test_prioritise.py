"""The prioritise view: ranking by a framework, switching framework, explanation, matrix."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from roadmap_tui.models.edits import replace_item
from roadmap_tui.tui.screens.prioritise import PrioritiseScreen
from roadmap_tui.tui.widgets.value_matrix import ValueMatrix
from tests.tui.conftest import SIZE, app_on, opened

# value / effort of the example's backlog: 7/2, 6/2, 5/2, 6/3, ...
BY_VALUE_EFFORT = [
    "APP-MODULE-EXAMPLES",  # 7 / 2 = 3.5
    "SPACELIFT-PLAN-SUMMARY",  # 6 / 2 = 3
    "REQ-COST-TAGS",  # 5 / 2 = 2.5
    "DOCS-CONSOLIDATION",  # 6 / 3 = 2
    "WORKSHOP-RECORDINGS",
    "REQ-TAGGING-POLICY",
    "REQ-HELM-LIBRARY-CHART",
    "REQ-ACCOUNT-STRUCTURE",
    "REQ-KAFKA-TOPICS",
    "CROSS-ACCOUNT-NETWORKING",
    "REQ-TERRAFORM-CLOUD",
]
BY_RICE = [
    "APP-MODULE-EXAMPLES",  # 240 / 6 = 40
    "DOCS-CONSOLIDATION",  # 160 / 8 = 20
    "SPACELIFT-PLAN-SUMMARY",  # 84 / 5 = 16.8
    "REQ-ACCOUNT-STRUCTURE",
    "REQ-HELM-LIBRARY-CHART",
    "REQ-TAGGING-POLICY",
    "WORKSHOP-RECORDINGS",
    "REQ-COST-TAGS",
    "CROSS-ACCOUNT-NETWORKING",
    "REQ-TERRAFORM-CLOUD",
    "REQ-KAFKA-TOPICS",  # unscored under rice: no reach, impact, confidence
]


def _text(screen: PrioritiseScreen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def test_switching_framework_changes_the_order_not_the_files(example: Path) -> None:
    roadmap_before = (example / "roadmap.toml").read_bytes()
    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        await pilot.press("2")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PrioritiseScreen)
        assert screen.shown_ids() == BY_VALUE_EFFORT
        assert "ranked by value-effort" in _text(screen, "#prioritise-heading")

        await pilot.press("f")
        await pilot.pause()
        assert screen.active_framework == "rice"
        assert screen.shown_ids() == BY_RICE
        heading = _text(screen, "#prioritise-heading")
        assert "ranked by rice (roadmap.toml: value-effort)" in heading
        assert "1 unscored" in heading
        # DOCS-CONSOLIDATION went from 4th to 2nd: the moved column says so.
        assert str(screen.table.get_cell("DOCS-CONSOLIDATION", "moved")) == "▲2"
        assert str(screen.table.get_cell("REQ-KAFKA-TOPICS", "note")) == (
            "needs reach, impact, confidence"
        )

        await pilot.press("F")
        await pilot.pause()
        assert screen.shown_ids() == BY_VALUE_EFFORT
        assert app.session is not None and not app.session.dirty
    assert (example / "roadmap.toml").read_bytes() == roadmap_before


async def test_a_framework_switch_reorders_the_rows_and_keeps_their_cells(example: Path) -> None:
    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        await pilot.press("2")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PrioritiseScreen)
        rank = screen.table.get_cell("DOCS-CONSOLIDATION", "rank")
        assert str(rank) == "4"
        await pilot.press("f")
        await pilot.pause()
        # The same cell, not built again: it reads the rice ranking when drawn.
        assert screen.table.get_cell("DOCS-CONSOLIDATION", "rank") is rank
        assert str(rank) == "2"
        assert str(screen.table.get_cell("DOCS-CONSOLIDATION", "score")) == "20.00"
        assert str(screen.table.get_cell("REQ-KAFKA-TOPICS", "rank")) == "-"


async def test_the_selected_item_is_explained_and_placed(example: Path) -> None:
    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        await pilot.press("2")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PrioritiseScreen)
        explanation = _text(screen, "#explanation")
        assert "value/effort = value / effort = 7 / 2 = 3.50" in explanation
        assert "rank 1 of 11 scored" in explanation
        assert "down: value 7 -> 6 would drop below SPACELIFT-PLAN-SUMMARY" in _text(
            screen, "#sensitivity"
        )
        matrix = screen.query_one(ValueMatrix)
        assert matrix.cells[(7, 2)] == ["APP-MODULE-EXAMPLES"]
        assert "APP-MODULE-EXAMPLES: quick win" in str(matrix.render())

        await pilot.press("down")
        await pilot.pause()
        assert screen.selected_id() == "SPACELIFT-PLAN-SUMMARY"
        assert "6 / 2 = 3.00" in _text(screen, "#explanation")
        assert "SPACELIFT-PLAN-SUMMARY: quick win" in str(matrix.render())


async def test_a_quarter_is_ranked_and_edits_re_rank(example: Path) -> None:
    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        await pilot.press("2", "right_square_bracket")  # the backlog, then 2026-Q3
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PrioritiseScreen)
        assert screen.location == "2026-Q3"
        assert "2026-Q3 · 7 items" in _text(screen, "#prioritise-heading")

        await pilot.press("left_square_bracket")  # back to the backlog
        await pilot.pause()
        assert screen.shown_ids()[-1] == "REQ-TERRAFORM-CLOUD"
        session = app.session
        assert session is not None
        found = session.workspace.find("REQ-TERRAFORM-CLOUD")
        assert found is not None
        better = found[1].model_copy(update={"score": {"value": 10, "effort": 1}}, deep=True)
        session.do(replace_item(session.workspace, better, "rescore"))
        await pilot.pause()
        assert screen.shown_ids()[0] == "REQ-TERRAFORM-CLOUD"
        assert matrix_ids(screen, (10, 1)) == ["REQ-TERRAFORM-CLOUD"]


def matrix_ids(screen: PrioritiseScreen, cell: tuple[int, int]) -> list[str]:
    return screen.query_one(ValueMatrix).cells.get(cell, [])
