"""Python's cycle collector, kept off what a command loads and keeps until it exits."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cycle collector off while a workspace (or a module) is read, and what was read frozen
    (`gc.freeze`) after: everything read is kept, so the collections the reading would set off
    find nothing to free, yet with 10,000 items they walk millions of objects again and again,
    and so would every full collection after it, the one at exit included (together a sixth of
    the command's time). Reference counting still frees whatever is dropped, frozen or not; the
    terminal app does the same when it opens a workspace."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_on:
            gc.enable()
