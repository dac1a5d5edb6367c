"""The example workspace shipped with the package (the repository's plans/ folder)."""

from __future__ import annotations

import shutil
from pathlib import Path


def example_folder() -> Path:
    """The example workspace: `roadmap_tui/example` links to the repository's `plans/`."""
    return Path(__file__).resolve().parent.parent / "example"


EXAMPLE_GITIGNORE = (
    "# unsaved edits the terminal app keeps for crash recovery, and the save lock\n"
    ".roadmap-recovery/\n.roadmap.lock\n"
)


def init_workspace(target: Path) -> None:
    """Write a new workspace from the example into `target` (what `roadmap init` does)."""
    shutil.copytree(example_folder(), target, dirs_exist_ok=True)
    ignore = target / ".gitignore"
    if not ignore.exists():
        ignore.write_text(EXAMPLE_GITIGNORE, encoding="utf-8")
