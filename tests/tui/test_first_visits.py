"""A view's first visit: built, styled and laid out once, its footer keys in its first frame."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets._footer import FooterKey

from roadmap_tui.tui.screens.dialog_screen import DialogScreen
from roadmap_tui.tui.screens.help import HelpScreen
from roadmap_tui.tui.screens.item_editor import ItemEditorScreen
from roadmap_tui.tui.screens.view_screen import ViewScreen
from roadmap_tui.tui.views import VIEWS
from tests.tui.conftest import SIZE, app_on, opened


def _restyled(
    monkeypatch: pytest.MonkeyPatch,
    which: Callable[[Screen[Any]], bool],
    kind: type[Widget] = Screen,
    name: Callable[[Any], str] = lambda node: type(node).__name__,
) -> list[str]:
    """The names of the nodes of `kind` (screens: of those `which` picks) Textual restyles
    whole from now: their class names, or `name` of each."""
    restyled: list[str] = []
    original = kind.update_node_styles

    def counted(node: Any, animate: bool = True) -> None:
        if which(node):
            restyled.append(name(node))
        original(node, animate)

    monkeypatch.setattr(kind, "update_node_styles", counted)
    return restyled


async def test_each_view_shows_its_keys_as_it_is_first_shown(
    example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual's footer is empty until after the first frame, then built and the view laid out
    and drawn again (50-60 ms of each first visit)."""
    keys_at_resume: dict[str, list[str]] = {}
    original = ViewScreen.on_screen_resume

    def resumed(screen: ViewScreen) -> None:
        name = type(screen).__name__
        keys_at_resume.setdefault(name, [key.key for key in screen.query(FooterKey)])
        original(screen)

    monkeypatch.setattr(ViewScreen, "on_screen_resume", resumed)
    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        # The plan's footer follows the app's first frame: its focused table adds a key (s).
        assert keys_at_resume["PlanScreen"] == []
        assert {"e", "s"} <= {key.key for key in app.screen.query(FooterKey)}
        for view in VIEWS[1:]:
            await pilot.press(view.key)
            await opened(pilot)
            settled = [key.key for key in app.screen.query(FooterKey)]
            name = type(app.screen).__name__
            assert keys_at_resume[name] == settled, name
        assert len(keys_at_resume) == len(VIEWS)
        assert "p" in keys_at_resume["DependenciesScreen"]  # next problem


async def test_a_view_is_styled_as_it_mounts_and_restyled_only_when_shown_again(
    example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual resumes a new mode's screen twice in a row, and each restyled every widget styled
    a moment before as it mounted (a third of a first visit's stylesheet work). The snapshot
    tests check that every view looks as it did."""
    # Not the app's default screen, under the modes.
    restyled = _restyled(monkeypatch, lambda screen: type(screen) is not Screen)
    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        assert restyled == []
        for view in VIEWS[1:]:
            await pilot.press(view.key)
            await opened(pilot)
            assert type(app.screen).__name__ != "PlanScreen"
        assert restyled == []
        await pilot.press("1")  # shown again: restyled as ever (the theme may have changed)
        await opened(pilot)
        await pilot.press("4")
        await opened(pilot)
        assert restyled == ["PlanScreen", "DependenciesScreen"]


async def test_rows_added_in_one_step_are_the_rows_add_row_adds() -> None:
    """FixedTable.add_keyed_rows writes DataTable's row tables itself (textual is pinned): the
    table must be the one `add_row` makes, row for row, cursor and highlight included."""
    from rich.text import Text
    from textual.app import App, ComposeResult
    from textual.widgets import DataTable
    from textual.widgets.data_table import DuplicateKey

    from roadmap_tui.tui.widgets.fixed_table import FixedTable

    rows = [(f"ITEM-{n}", (Text(str(n)), Text(f"title {n}"))) for n in range(120)]
    highlighted: list[tuple[str, str | None]] = []

    class Two(App[None]):
        def compose(self) -> ComposeResult:
            yield FixedTable(id="one-by-one", cursor_type="row")
            yield FixedTable(id="in-one-step", cursor_type="row")

        def on_mount(self) -> None:
            for table in self.query(FixedTable):
                table.add_column("n", key="n", width=4)
                table.add_column("title", key="title", width=12)
            by_one = self.query_one("#one-by-one", FixedTable)
            for key, cells in rows:
                by_one.add_row(*cells, key=key)
            self.query_one("#in-one-step", FixedTable).add_keyed_rows(iter(rows))

        def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
            highlighted.append((event.data_table.id or "", event.row_key.value))

    app = Two()
    async with app.run_test(size=(40, 20)) as pilot:
        await pilot.pause()
        by_one = app.query_one("#one-by-one", FixedTable)
        in_one = app.query_one("#in-one-step", FixedTable)
        for table in (by_one, in_one):
            assert table.row_count == 120
            assert [row.key.value for row in table.ordered_rows] == [key for key, _ in rows]
            assert table.get_row("ITEM-7") == list(rows[7][1])
            assert table.get_row_at(119) == list(rows[119][1])
            assert table.get_row_index("ITEM-50") == 50
            assert table.cursor_coordinate == (0, 0)
            assert table.virtual_size.height == 121  # the rows and the header
        assert sorted(highlighted) == [("in-one-step", "ITEM-0"), ("one-by-one", "ITEM-0")]
        in_one.move_cursor(row=119)
        await pilot.pause()
        assert highlighted[-1] == ("in-one-step", "ITEM-119")
        assert in_one.scroll_offset.y > 0  # the last row scrolled into view
        with pytest.raises(DuplicateKey):
            in_one.add_keyed_rows([("ITEM-3", (Text("again"),))])


async def test_the_compare_view_says_it_compares_from_its_first_frame_and_compares_once(
    example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The view is drawn first; the comparison (and git log) start after its first frame, in
    workers: started before, they made the frame wait for the interpreter they share."""
    from textual.widgets import Static

    from roadmap_tui.tui.screens.compare import WORKING, CompareScreen

    started: list[str] = []
    at_first_frame: list[str] = []
    start_work = CompareScreen.start_work
    resume = ViewScreen.on_screen_resume

    def counted(screen: CompareScreen, name: str, *args: Any, **kwargs: Any) -> None:
        started.append(name)
        start_work(screen, name, *args, **kwargs)

    def resumed(screen: ViewScreen) -> None:
        if isinstance(screen, CompareScreen) and not at_first_frame:
            heading = screen.query_one("#compare-heading", Static)
            at_first_frame.append(str(heading.render()))
            at_first_frame.append(",".join(started))
        resume(screen)

    monkeypatch.setattr(CompareScreen, "start_work", counted)
    monkeypatch.setattr(ViewScreen, "on_screen_resume", resumed)
    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        await pilot.press("5")
        await opened(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert at_first_frame == [WORKING, ""]  # nothing started before the view was shown
        assert started == ["list-commits", "compare"]
        assert screen.comparison is not None
        heading = str(screen.query_one("#compare-heading", Static).render())
        assert heading.startswith("Compare · roadmap as saved → adjusted roadmap")
        await pilot.press("1", "5")  # shown again: compared again (scenarios may be new)
        await opened(pilot)
        assert started == ["list-commits", "compare", "compare"]


async def test_a_dialog_is_restyled_when_shown_only_after_the_styles_changed(
    example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The item editor is built once and shown for every item: Textual restyled its 110 widgets
    at each opening (40% of opening the add form). It is restyled only when the app's styles
    changed while it was hidden (a theme switch), and then looks as a fresh one would."""
    restyled = _restyled(monkeypatch, lambda screen: isinstance(screen, DialogScreen))
    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        for _ in range(2):  # built at the first opening, shown again at the second
            await pilot.press("e")
            await pilot.pause()
            assert isinstance(app.screen, ItemEditorScreen)
            old_apply = app.screen.query_one("#apply").styles.background
            await pilot.press("escape")
            await pilot.pause()
        await pilot.press("question_mark")  # a dialog made anew: styled as it mounts
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert restyled == []

        before = app.theme
        app.theme = next(name for name in app.available_themes if name != before)
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        editor = app.screen
        assert restyled == ["ItemEditorScreen"]
        apply = editor.query_one("#apply").styles.background
        assert apply != old_apply  # the primary colour of the new theme
        await pilot.press("escape")
        await pilot.pause()
        app.uninstall_screen(editor)  # the app builds a fresh editor at the next opening
        await pilot.press("e")
        await pilot.pause()
        assert app.screen is not editor
        assert app.screen.query_one("#apply").styles.background == apply


async def test_footer_keys_are_not_restyled_as_they_mount(
    example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual's footer keys mount compact and are then bound to the footer's `compact`: two
    restyles per key, 15-40 ms of a view's first visit. Ours start at the footer's value, with
    its class; the snapshot tests check that the footer looks as it did."""
    restyled = _restyled(monkeypatch, lambda _: True, FooterKey, lambda key: str(key.key))
    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        await pilot.press("4")
        await opened(pilot)
        keys = list(app.screen.query(FooterKey))
        assert len(keys) >= 5
        assert restyled == []
        palette = [key for key in keys if key.has_class("-command-palette")]
        assert [key.compact for key in palette] == [True]  # Textual's: never bound
        assert {key.compact for key in keys if key not in palette} == {False}


async def test_a_view_switch_is_drawn_without_textuals_repaint_hold(example: Path) -> None:
    """`switch_mode` holds repaints for 50 ms (`delay_update`): a view ready sooner was drawn,
    thrown away and drawn again after the hold. The app's view switches do not hold."""
    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        held: list[int] = []
        for view in (*VIEWS[1:], VIEWS[0]):
            app.action_switch_view(view.mode)
            held.append(app._batch_count)  # noqa: SLF001 - repaints held (textual is pinned)
            await opened(pilot)
            assert app.current_mode == view.mode
        assert held == [0] * len(VIEWS)
        app.delay_update(0.01)  # anything else still may hold them
        assert app._batch_count == 1  # noqa: SLF001 - textual is pinned
        await pilot.pause(0.05)
        assert app._batch_count == 0  # noqa: SLF001 - textual is pinned
