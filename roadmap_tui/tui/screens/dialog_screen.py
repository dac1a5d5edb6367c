"""The base of the app's dialogs: a dialog is restyled when shown only if its styles can be out
of date.

Textual restyles every widget of a screen each time it is resumed (shown), in case the app's
styles changed while it was hidden. A dialog's widgets are styled as they mount, and the item
editor, built once and shown again for each item, was restyled whole at every opening: 40% of
opening the add form (about 110 widgets). A dialog now skips that restyle when the app's styles
have not changed since its widgets were styled (Textual counts each change of the app's CSS,
a theme switch say, in `App._css_update_count`: textual is pinned). Widgets whose classes change
while a dialog is filled are restyled by Textual as the classes change.
"""

from __future__ import annotations

from typing import TypeVar

from textual import events
from textual.screen import ModalScreen

Result = TypeVar("Result")


class DialogScreen(ModalScreen[Result]):
    _styled_for: int | None = None  # the app's CSS generation the widgets were last styled for

    def _styles_generation(self) -> int:
        return self.app._css_update_count  # noqa: SLF001 - see the module docstring

    def on_mount(self) -> None:
        # Each widget was styled as it mounted, with the styles as they are now.
        self._styled_for = self._styles_generation()

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        # Runs before Screen's own handler, which restyles the whole dialog when asked to.
        if not event.refresh_styles:
            return  # not restyled now: styled for what it was styled for
        generation = self._styles_generation()
        if self._styled_for == generation:
            event.refresh_styles = False
        else:
            self._styled_for = generation  # Screen's handler restyles it now
