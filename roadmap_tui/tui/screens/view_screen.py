"""The base of the app's views (the screens of its modes): a view being shown is restyled once.

Textual sends a screen made for a new mode two ScreenResume events back to back (one as it
makes the mode's screen, one as it switches to the mode), and each restyled every widget of
the view: 8-10 ms of each first visit, and of the app's first frame, for nothing the second
time, as nothing can change in between that a restyle would see (a focus change restyles the
widgets it touches itself; a new theme restyles every screen).
"""

from __future__ import annotations

from textual import events
from textual.message import Message
from textual.screen import Screen


class ViewScreen(Screen[None]):
    _restyle_queued = False  # a ScreenResume that restyles the view waits in its queue

    def post_message(self, message: Message) -> bool:
        if isinstance(message, events.ScreenResume):
            if self._restyle_queued:
                message = events.ScreenResume(refresh_styles=False)
            elif message.refresh_styles:
                self._restyle_queued = True
        return super().post_message(message)

    def on_screen_resume(self) -> None:
        # Runs before Screen's own handler (which restyles): a resume posted from now on is
        # the next, and restyles again.
        self._restyle_queued = False
