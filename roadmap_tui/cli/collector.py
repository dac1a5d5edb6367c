"""The command line's use of the collector policy (`tui.gc_policy`, its one home): only when
`roadmap` was launched as a program (`cli.run()`), never on import or under a test runner."""

from __future__ import annotations

from contextlib import AbstractContextManager

import click

from roadmap_tui.cli.launch import launched
from roadmap_tui.tui.gc_policy import reading_paused


def collector_paused() -> AbstractContextManager[None]:
    return reading_paused(launched(click.get_current_context(silent=True)))
