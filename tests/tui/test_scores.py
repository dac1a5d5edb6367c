"""Scores and quadrants in the table come from the scoring layer and follow each edit at once,
re-scoring only the items the edit touched."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from roadmap_tui.models import Item
from roadmap_tui.scoring import Scoreboard
from roadmap_tui.tui.widgets.item_table import ItemTable
from tests.tui.conftest import SIZE, app_on, opened, type_text


def _cell(table: ItemTable, item_id: str, column: str) -> str:
    return str(table.get_cell(item_id, column)).strip()


async def test_scores_update_incrementally_after_an_edit(
    example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    updated: list[str] = []
    original_update = Scoreboard.update

    def spy(self: Scoreboard, item: Item) -> None:
        updated.append(item.id)
        original_update(self, item)

    monkeypatch.setattr(Scoreboard, "update", spy)
    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        table = app.screen.query_one(ItemTable)
        # value-effort: score = value / effort; quick win = value > 5 and effort <= 5
        assert (
            _cell(table, "SPACELIFT-DR", "score"),
            _cell(table, "SPACELIFT-DR", "quadrant"),
        ) == (
            "2.25",  # 9 / 4
            "quick win",
        )
        assert _cell(table, "APP-MODULE-GA", "score") == "1.25"  # 10 / 8, a big bet
        await pilot.press("enter")
        box = app.screen.query_one("#field-score", Input)
        box.focus()
        box.value = ""
        await type_text(pilot, "value = 4, effort = 8")
        await pilot.press("ctrl+s", "enter")  # saved, and 2026-Q4 reopened
        await pilot.pause()
        assert updated == ["SPACELIFT-DR"]  # one item re-scored, not the workspace
        assert (
            _cell(table, "SPACELIFT-DR", "score"),
            _cell(table, "SPACELIFT-DR", "quadrant"),
        ) == (
            "0.50",  # 4 / 8
            "time sink",
        )
        await pilot.press("enter")
        box = app.screen.query_one("#field-score", Input)
        box.focus()
        box.value = ""
        await type_text(pilot, "value = 4")
        await pilot.press("ctrl+s", "enter")  # the current quarter: it asks each time
        await pilot.pause()
        assert _cell(table, "SPACELIFT-DR", "score") == "?"
        assert _cell(table, "SPACELIFT-DR", "quadrant") == "unscored"
        detail = app.screen.detail_text  # type: ignore[attr-defined]
        assert "unscored (value-effort): needs effort" in detail
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert _cell(table, "SPACELIFT-DR", "score") == "0.50"
        await pilot.press("s", "s", "s", "s", "s", "s")  # sort by score, highest first
        assert table.sort_column == "score"
        assert table.shown_ids[:2] == [
            "REQ-SPACELIFT-NOTIFICATIONS",
            "SPACELIFT-WORKSHOP",
        ]  # 5/1, 6/2
        assert table.shown_ids[-1] == "SPACELIFT-DR"  # 0.50, lowest
