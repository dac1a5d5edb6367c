"""The example workspace shipped with the package (the repository's plans/ folder), and a new
workspace made from it: the one place `roadmap init` and the terminal app create a workspace."""

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


class InitRefused(OSError):
    """Nothing written: the target is a file, or already holds a workspace (`overwrite` helps
    only then). An OSError, as the disk's own refusals are, so callers handle both at once."""

    def __init__(self, message: str, *, overwrite_helps: bool) -> None:
        super().__init__(message)
        self.overwrite_helps = overwrite_helps

    def __str__(self) -> str:
        return str(self.args[0])


def init_workspace(target: Path, *, overwrite: bool = False) -> None:
    """Write a new workspace from the example into `target` (created when missing); without
    `overwrite` a folder that already holds a workspace (roadmap.toml) is refused."""
    if target.exists() and not target.is_dir():
        raise InitRefused(f"{target}: exists and is not a folder", overwrite_helps=False)
    if (target / "roadmap.toml").exists() and not overwrite:
        raise InitRefused(
            f"{target}: already holds a workspace (roadmap.toml); nothing written",
            overwrite_helps=True,
        )
    shutil.copytree(example_folder(), target, dirs_exist_ok=True)
    ignore = target / ".gitignore"
    if not ignore.exists():
        ignore.write_text(EXAMPLE_GITIGNORE, encoding="utf-8")
