"""Views redraw on a change only while they are shown; a hidden view redraws when shown again."""

from __future__ import annotations

from roadmap_tui.tui.screens.view_screen import ViewScreen


class RedrawnWhenShown(ViewScreen):
    """A view whose `show_all` is deferred while another view is on screen."""

    _stale = False

    def show_all(self) -> None:
        raise NotImplementedError

    def redraw_when_shown(self) -> None:
        if self.is_current:
            self.show_all()
        else:
            self._stale = True

    def on_screen_resume(self) -> None:
        if self._stale:
            self.show_all()
