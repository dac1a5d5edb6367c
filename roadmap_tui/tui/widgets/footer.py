"""Textual's footer, redrawn only when the keys it shows change.

Each redraw rebuilds a widget per key; focus moving between widgets that offer the same keys (and
the start-up of a view) would otherwise rebuild it several times for nothing, and so would
every dialog opened over the screen.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class KeysFooter(Footer):
    _shown: tuple[tuple[str, str, bool], ...] | None = None

    def bindings_changed(self, screen: Screen[object]) -> None:
        if screen is not self.app.screen:
            # A dialog covers this screen: its keys are the dialog's business until it closes
            # (rebuilding the footer behind each dialog cost 20-30 ms of its opening).
            return
        shown = tuple(
            (binding.key, binding.description, enabled)
            for (_, binding, enabled, _) in screen.active_bindings.values()
            if binding.show
        )
        if shown == self._shown:
            return
        self._shown = shown
        super().bindings_changed(screen)
