"""The item editor: edit and add items, errors next to their field as you type, escape cancels."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Static

from roadmap_tui.storage import WorkspaceStore
from roadmap_tui.tui.screens.item_editor import ItemEditorScreen
from roadmap_tui.tui.screens.plan import PlanScreen
from roadmap_tui.tui.screens.reason import ReasonScreen
from roadmap_tui.tui.widgets.item_table import ItemTable
from roadmap_tui.tui.widgets.list_field import ListField, ListRow
from tests.tui.conftest import SIZE, app_on, opened, type_text


def _field(app: object, name: str) -> Input:
    return app.screen.query_one(f"#field-{name}", Input)  # type: ignore[attr-defined, no-any-return]


def _error(app: object, name: str) -> str:
    widget = app.screen.query_one(f"#error-{name}", Static)  # type: ignore[attr-defined]
    return str(widget.render()) if widget.display else ""


async def _clear_and_type(pilot: object, field: Input, text: str) -> None:
    field.focus()
    field.value = ""
    await type_text(pilot, text)  # type: ignore[arg-type]
    await pilot.pause()  # type: ignore[attr-defined]


async def test_edit_an_item_then_save(example: Path) -> None:
    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        await pilot.press("enter")  # SPACELIFT-DR, the first row of 2026-Q4
        assert isinstance(app.screen, ItemEditorScreen)
        assert _field(app, "id").disabled  # ids stay (others refer to them)
        await _clear_and_type(pilot, _field(app, "estimate"), "15")
        await _clear_and_type(pilot, _field(app, "note"), "restore test booked for November")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ReasonScreen)  # 2026-Q4 is published: reopened
        await pilot.press("enter")
        assert isinstance(app.screen, PlanScreen)
        assert app.session is not None and app.session.dirty
        assert "● unsaved" in app.sub_title
        item = app.session.workspace.items_in("2026-Q4")[0]
        assert (item.id, item.estimate, item.note) == (
            "SPACELIFT-DR",
            15,
            "restore test booked for November",
        )
        assert str(app.screen.query_one(ItemTable).get_cell("SPACELIFT-DR", "estimate")) == "15"
        await pilot.press("ctrl+s")
        assert not app.session.dirty
        assert "unsaved" not in app.sub_title
    text = (example / "2026-Q4.toml").read_text(encoding="utf-8")
    assert "estimate = 15\n" in text
    assert 'note = "restore test booked for November"' in text
    assert "# leftover from Q3: DR runbook review and the restore test slipped" in text  # kept
    again = WorkspaceStore.open(example).workspace.find("SPACELIFT-DR")
    assert again is not None and again[1].estimate == 15


async def test_escape_cancels_with_nothing_changed(example: Path) -> None:
    before = (example / "2026-Q4.toml").read_bytes()
    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        await pilot.press("enter")
        await _clear_and_type(pilot, _field(app, "title"), "Something else")
        await pilot.press("escape")
        assert isinstance(app.screen, PlanScreen)
        assert app.session is not None and not app.session.dirty
        assert app.session.workspace.items_in("2026-Q4")[0].title.startswith("Disaster recovery")
        await pilot.press("ctrl+s")
    assert (example / "2026-Q4.toml").read_bytes() == before


async def test_errors_stand_next_to_their_field_as_you_type(example: Path) -> None:
    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        await pilot.press("enter")
        await _clear_and_type(pilot, _field(app, "estimate"), "-3")
        assert "must be >= 0" in _error(app, "estimate")
        await _clear_and_type(pilot, _field(app, "estimate"), "twelve")
        assert "must be a number, not 'twelve'" in _error(app, "estimate")
        await _clear_and_type(pilot, _field(app, "estimate"), "12")
        assert _error(app, "estimate") == ""
        await _clear_and_type(pilot, _field(app, "goals"), "reliable-cj")
        assert "unknown goal `reliable-cj`: did you mean `reliable-ci`?" in _error(app, "goals")
        await _clear_and_type(pilot, _field(app, "title"), "")
        assert "required" in _error(app, "title")
        await pilot.press("ctrl+s")  # refused while errors stand
        assert isinstance(app.screen, ItemEditorScreen)
        status = str(app.screen.query_one("#editor-status", Static).render())
        assert status.startswith("✗ 2 errors")
        await pilot.press("escape")
        assert app.session is not None and not app.session.dirty


async def test_dependencies_and_asks_as_lists_with_completion(example: Path) -> None:
    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        await pilot.press("enter")  # SPACELIFT-DR depends on SPACELIFT-ROLLOUT
        deps = app.screen.query_one("#field-depends_on", ListField)
        await deps.add_row()
        await pilot.pause()
        await type_text(pilot, "naming-x")
        assert "unknown item `naming-x`" in _error(app, "depends_on")
        box = deps.query(ListRow).last().query_one(Input)
        box.value = ""
        await type_text(pilot, "nam")
        await pilot.pause(0.2)
        await pilot.press("right")  # accept the completion
        assert box.value == "NAMING"
        assert _error(app, "depends_on") == ""
        asks = app.screen.query_one("#field-asks", ListField)
        await asks.add_row()
        await pilot.pause()
        await type_text(pilot, "observability")
        await pilot.press("tab")
        await type_text(pilot, "2")
        await pilot.press("ctrl+s", "enter")
        assert isinstance(app.screen, PlanScreen)
        assert app.session is not None
        await pilot.press("ctrl+s")
    item = WorkspaceStore.open(example).workspace.items_in("2026-Q4")[0]
    assert item.depends_on == ["SPACELIFT-ROLLOUT", "NAMING"]
    assert [(a.team, a.days, a.note) for a in item.asks] == [
        ("storage", 4, "state bucket replication and restore test"),
        ("observability", 2, None),
    ]


async def test_add_an_item_to_the_backlog(example: Path) -> None:
    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        await pilot.press("right_square_bracket", "right_square_bracket", "right_square_bracket")
        assert app.screen.query_one(ItemTable).location == "backlog"
        await pilot.press("a")
        assert isinstance(app.screen, ItemEditorScreen)
        await type_text(pilot, "NAMING")
        assert "`NAMING` is already an item (in 2026-Q3)" in _error(app, "id")
        await _clear_and_type(pilot, _field(app, "id"), "REQ-PROBES")
        await _clear_and_type(pilot, _field(app, "title"), "Synthetic probes for the app module")
        await _clear_and_type(pilot, _field(app, "estimate"), "5")
        await _clear_and_type(pilot, _field(app, "score"), "value = 6, effort = 2")
        await pilot.press("enter")
        assert isinstance(app.screen, PlanScreen)
        table = app.screen.query_one(ItemTable)
        assert table.shown_ids[-1] == "REQ-PROBES"
        assert table.current_item_id() == "REQ-PROBES"
        await pilot.press("ctrl+s")
    text = (example / "backlog.toml").read_text(encoding="utf-8")
    assert text.endswith(
        '[[items]]\nid = "REQ-PROBES"\ntitle = "Synthetic probes for the app module"\n'
        "estimate = 5\nscore = { value = 6, effort = 2 }\n"
    )


async def test_one_editor_built_ahead_and_filled_afresh_for_each_item(example: Path) -> None:
    """The editor is built while the first screen is read and kept: each opening shows only the
    item it was opened for (its values, rows, title), with nothing left from the one before."""
    app = app_on(example, editor_ahead=True)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        for _ in range(50):  # the person reads the first screen; the editor is built then
            await pilot.pause(0.1)
            if app.is_screen_installed("item-editor"):
                if app.get_screen("item-editor").is_mounted:
                    break
        built = app.get_screen("item-editor")
        assert built.is_mounted and app.screen is not built
        await pilot.pause(0.2)  # filled once and drawn ahead: the view keeps its focus and keys
        assert isinstance(app.screen.focused, ItemTable)
        assert app.screen.query_one(ItemTable).cursor_row == 0
        await pilot.press("down")
        assert app.screen.query_one(ItemTable).cursor_row == 1
        await pilot.press("up")
        await pilot.press("enter")  # SPACELIFT-DR: one dependency, one ask
        assert app.screen is built
        await _clear_and_type(pilot, _field(app, "estimate"), "twelve")
        assert "must be a number" in _error(app, "estimate")
        await pilot.press("escape")
        table = app.screen.query_one(ItemTable)
        table.move_cursor(row=table.shown_ids.index("SPACELIFT-MIGRATION"))
        await pilot.press("e")
        await pilot.pause()
        editor = app.screen
        assert editor is built
        assert str(editor.query_one("#editor-title", Static).render()) == (
            "Edit SPACELIFT-MIGRATION in 2026-Q4"
        )
        assert _field(app, "id").value == "SPACELIFT-MIGRATION" and _field(app, "id").disabled
        assert _field(app, "estimate").value != "twelve"
        assert _error(app, "estimate") == ""  # the last item's error is gone
        deps = editor.query_one("#field-depends_on", ListField).rows()
        assert [row["id"] for row, _ in deps] == ["NAMING", "SPACELIFT-ROLLOUT"]
        asks = editor.query_one("#field-asks", ListField).rows()
        assert [(row["team"], row["days"]) for row, _ in asks] == [
            ("warehouse-systems", "3"),
            ("ml-platform", "3"),
        ]
        assert editor.focused is _field(app, "title")
        title = _field(app, "title")
        assert title.cursor_position == len(title.value)  # typing goes on from its end
        assert _field(app, "score").cursor_position == 0  # long values read from their start
        await pilot.press("escape")
        await pilot.press("a")  # a new item: empty, its id open and focused
        await pilot.pause()
        assert app.screen is built
        assert str(built.query_one("#editor-title", Static).render()) == "New item in 2026-Q4"
        assert _field(app, "id").value == "" and not _field(app, "id").disabled
        assert built.focused is _field(app, "id")
        assert built.query_one("#field-depends_on", ListField).rows() == []
        assert built.query_one("#field-asks", ListField).rows() == []
        assert _field(app, "estimate").value == ""
