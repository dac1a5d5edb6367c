"""How the program tunes Python's garbage collector: the one place that does.

The app keeps a large, long-lived object graph (Textual, the workspace, the views). Full collections
walked it again and again (20 ms of the start; 0.13-0.25 s every few key presses with 10,000 items).
The app's launch (`run_app`) asks for this tuning; importing any module changes nothing, and tests
that build the app with `make_app` leave the collector as they found it unless they ask.
Everything here runs on the app's thread: a worker never pauses the collector.

The command line (`roadmap validate`, `check`, ...) is launched by `cli.run()`, which asks for
`reading_paused` around what a command imports and reads; under click's test runner (no launch)
the collector is left alone.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

FULL_COLLECTION_EVERY = 100  # middle-generation collections per full one (Python's default: 10)
# While the workspace is read, nearly every object made lives on: collect young ones rarely.
OPENING_YOUNG_THRESHOLD = 50_000


class CollectorPolicy:
    """The app's collector settings; `enabled` False leaves the collector untouched."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self._before: tuple[int, int, int] | None = None

    def launch(self) -> None:
        """At launch: what is loaded (modules) lives as long as the process; opening makes up to
        a million objects, nearly all kept, so young collections are made rare until it is read."""
        if not self.enabled:
            return
        self._before = gc.get_threshold()
        gc.freeze()
        young, middle, full = self._before
        gc.set_threshold(max(young, OPENING_YOUNG_THRESHOLD), middle, full)

    def opened(self) -> None:
        """The first view is drawn: keep what is loaded out of full collections, and make full
        collections one in 100 middle ones (a framework switch makes 100,000 objects)."""
        if not self.enabled:
            return
        young, middle, _ = self._before or gc.get_threshold()
        gc.set_threshold(young, middle, FULL_COLLECTION_EVERY)
        self.keep_loaded()

    def keep_loaded(self) -> None:
        """What exists now lives on (a view just built): young garbage in cycles is collected
        first, then the rest is kept out of full collections."""
        if not self.enabled:
            return
        gc.collect(1)
        gc.freeze()

    def replaced(self) -> None:
        """A reload replaced the workspace: what was frozen may now be garbage, so it goes back
        under the collector, is collected, and what lives on is frozen again."""
        if not self.enabled:
            return
        gc.unfreeze()
        gc.collect()
        gc.freeze()


@contextmanager
def reading_paused(enabled: bool) -> Iterator[None]:
    """For a command-line launch: the collector off while a workspace (or a module) is read, and
    what was read frozen after. Everything read is kept until the command exits, so the
    collections the reading would set off find nothing to free, yet with 10,000 items they walk
    millions of objects again and again (a sixth of the command's time). Reference counting
    still frees whatever is dropped. `enabled` False: the collector is left as it is."""
    if not enabled:
        yield
        return
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_on:
            gc.enable()
