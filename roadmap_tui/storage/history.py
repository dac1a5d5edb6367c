"""Recent commits that touched a workspace folder: the git revisions worth comparing against."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

SEPARATOR = "\x1f"


@dataclass(frozen=True)
class Commit:
    sha: str  # full commit id
    date: str  # author date, YYYY-MM-DD
    subject: str

    @property
    def short(self) -> str:
        return self.sha[:7]

    @property
    def spec(self) -> str:
        """The source to open it with (`git:a1b2c3d…`)."""
        return f"git:{self.sha}"


def recent_commits(workspace: Path, limit: int = 10) -> list[Commit]:
    """The last `limit` commits touching the workspace folder, newest first; none when the folder
    is not in a git repository (or git is missing)."""
    if not workspace.is_dir():
        return []
    try:
        result = subprocess.run(
            [
                "git",
                "-C",
                str(workspace),
                "log",
                f"-n{limit}",
                f"--format=%H{SEPARATOR}%ad{SEPARATOR}%s",
                "--date=short",
                "--",
                ".",
            ],
            capture_output=True,
            check=False,
            timeout=10,
        )
    except (OSError, subprocess.TimeoutExpired):
        return []
    if result.returncode != 0:
        return []
    commits = []
    for line in result.stdout.decode("utf-8", "replace").splitlines():
        parts = line.split(SEPARATOR)
        if len(parts) == 3:
            commits.append(Commit(parts[0], parts[1], parts[2]))
    return commits
