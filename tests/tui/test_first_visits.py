"""A view's first visit: built, styled and laid out once, its footer keys in its first frame."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.screen import Screen
from textual.widgets._footer import FooterKey

from roadmap_tui.tui.screens.view_screen import ViewScreen
from roadmap_tui.tui.views import VIEWS
from tests.tui.conftest import SIZE, app_on, opened


async def test_each_view_shows_its_keys_as_it_is_first_shown(
    example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual's footer is empty until after the first frame, then built and the view laid out
    and drawn again (50-60 ms of each first visit)."""
    keys_at_resume: dict[str, list[str]] = {}

    def resumed(screen: ViewScreen) -> None:
        name = type(screen).__name__
        keys_at_resume.setdefault(name, [key.key for key in screen.query(FooterKey)])
        screen._restyle_queued = False  # noqa: SLF001 - what the spied handler does

    monkeypatch.setattr(ViewScreen, "on_screen_resume", resumed)
    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        for view in VIEWS[1:]:
            await pilot.press(view.key)
            await opened(pilot)
            settled = [key.key for key in app.screen.query(FooterKey)]
            name = type(app.screen).__name__
            assert keys_at_resume[name] == settled, name
        assert len(keys_at_resume) == len(VIEWS)
        assert "e" in keys_at_resume["PlanScreen"]
        assert "p" in keys_at_resume["DependenciesScreen"]  # next problem


async def test_a_first_visit_restyles_the_view_once(
    example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual resumes a new mode's screen twice in a row; the second restyle saw nothing new."""
    restyled: list[str] = []
    original = Screen.update_node_styles

    def counted(screen: Screen[Any], animate: bool = True) -> None:
        if type(screen) is not Screen:  # the app's default screen, under the modes
            restyled.append(type(screen).__name__)
        original(screen, animate)

    monkeypatch.setattr(Screen, "update_node_styles", counted)
    app = app_on(example)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        assert restyled == ["PlanScreen"]
        for view in VIEWS[1:]:
            restyled.clear()
            await pilot.press(view.key)
            await opened(pilot)
            assert restyled == [type(app.screen).__name__]
        restyled.clear()
        await pilot.press("1")  # shown again: restyled as ever (the theme may have changed)
        await opened(pilot)
        assert restyled == ["PlanScreen"]
