"""The command line's use of the collector policy (`tui.gc_policy`, its one home): only when
`roadmap` was launched as a program (`cli.run()`), never on import or under a test runner."""

from __future__ import annotations

from contextlib import AbstractContextManager

import click

from roadmap_tui.tui.gc_policy import reading_paused

LAUNCHED = "launched"  # key of the root context's `obj` that `run()` sets


def collector_paused() -> AbstractContextManager[None]:
    ctx = click.get_current_context(silent=True)
    root = ctx.find_root().obj if ctx is not None else None
    return reading_paused(isinstance(root, dict) and root.get(LAUNCHED) is True)
