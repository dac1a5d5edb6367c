"""The example workspace shipped with the package (the repository's plans/ folder)."""

from __future__ import annotations

from pathlib import Path


def example_folder() -> Path:
    """The example workspace: `roadmap_tui/example` links to the repository's `plans/`."""
    return Path(__file__).resolve().parent.parent / "example"
