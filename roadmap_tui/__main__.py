"""`python -m roadmap_tui` is the `roadmap` command."""

from roadmap_tui.cli import run

run()
