"""The base of the app's views (the screens of its modes): a view is styled once when first shown.

Each widget of a new view is styled as it mounts. Textual then sends the view two ScreenResume
events back to back (one as it makes the mode's screen, one as it switches to the mode), and
each restyled every widget again: 15-20 ms and 53,000-87,000 function calls of each first
visit at 1,000 items (a third of its stylesheet work), and of the app's first frame, for
nothing, as nothing a restyle would see changes in between (a focus change restyles the
widgets it touches itself; a new theme restyles every screen; no style of the app or of the
widgets it uses depends on the order of siblings). Later resumes, after another view or a
dialog was shown, restyle as Textual does; the snapshot tests check every view's first look.
"""

from __future__ import annotations

from textual import events
from textual.message import Message
from textual.screen import Screen


class ViewScreen(Screen[None]):
    _was_shown = False  # resumed (shown) at least once
    _restyle_queued = False  # a ScreenResume that restyles the view waits in its queue

    def post_message(self, message: Message) -> bool:
        if isinstance(message, events.ScreenResume):
            if not self._was_shown or self._restyle_queued:
                message = events.ScreenResume(refresh_styles=False)
            elif message.refresh_styles:
                self._restyle_queued = True
        return super().post_message(message)

    def on_screen_resume(self) -> None:
        # Runs before Screen's own handler (which restyles): a resume posted from now on is
        # the next, and restyles again.
        self._was_shown = True
        self._restyle_queued = False
