"""Textual's footer, with its keys in the view's first frame, redrawn only when they change.

Textual's footer starts empty and builds a widget per key after the screen's first frame (once
the focus has settled, after a further refresh): each new view was then laid out and drawn once
more, 30-60 ms of its first visit. This one builds its keys as it is mounted, from the keys the
screen offers then (Textual focuses the view's first widget a moment later: a view whose focused
widget shows keys of its own, as the plan's item table does, asks for `keys_at_mount=False`,
or its footer would be built twice). Were the keys to change later, it is built again. Focus moving between
widgets that offer the same keys would otherwise rebuild it several times for nothing, and so
would every dialog opened over the screen.

Each key widget also starts at the footer's `compact` instead of Textual's default, which it was
then bound away from: two restyles per key as it mounted (15-40 ms of a view's first visit).
"""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey  # not exported; textual is pinned

Keys = tuple[tuple[str, str, bool], ...]


def shown_keys(screen: Screen[object]) -> Keys:
    """(key, description, enabled) of each key the footer shows for this screen."""
    return tuple(
        (binding.key, binding.description, enabled)
        for (_, binding, enabled, _) in screen.active_bindings.values()
        if binding.show
    )


class KeysFooter(Footer):
    _shown: Keys | None = None

    def __init__(self, *, keys_at_mount: bool = True) -> None:
        super().__init__()
        self.keys_at_mount = keys_at_mount

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                # Mounted compact (its default), then bound to ours: set before it mounts, with
                # the class its watcher sets. The palette's key is not bound: it stays compact.
                compact = True if widget.has_class("-command-palette") else self.compact
                widget.set_reactive(FooterKey.compact, compact)
                widget.set_class(compact, "-compact", update=False)
            yield widget

    @on(events.Mount)
    async def _keys_now(self) -> None:
        if not self.keys_at_mount:
            return  # as Textual's footer: built after the first frame
        self._shown = shown_keys(self.screen)
        # Footer.compose yields nothing until this flag (textual pinned; a test asserts the keys
        # in a view's first frame).
        self._bindings_ready = True
        await self.recompose()

    def bindings_changed(self, screen: Screen[object]) -> None:
        if screen is not self.app.screen:
            # A dialog covers this screen: its keys are the dialog's business until it closes
            # (rebuilding the footer behind each dialog cost 20-30 ms of its opening).
            return
        shown = shown_keys(screen)
        if shown == self._shown:
            return
        self._shown = shown
        super().bindings_changed(screen)
