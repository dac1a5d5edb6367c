"""Serve security-platform's workspace from git, as a team's own plans repository would be.

Makes examples/portfolio/build/security-platform.git (a bare repository, branch main) from the
files in examples/portfolio/security-platform/. Run it again to start over.

    python examples/portfolio/make_git_member.py [TARGET]
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def make(target: Path, files: Path = HERE / "security-platform") -> Path:
    """A bare repository at `target` whose main branch holds a copy of `files`."""
    shutil.rmtree(target, ignore_errors=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch) / "work"
        shutil.copytree(files, work)
        git("init", "--quiet", "--initial-branch=main", cwd=work)
        git("add", ".", cwd=work)
        git(
            "-c",
            "user.name=Security platform",
            "-c",
            "user.email=security@example.invalid",
            "commit",
            "--quiet",
            "-m",
            "Our plans",
            cwd=work,
        )
        git("clone", "--bare", "--quiet", str(work), str(target), cwd=work.parent)
    return target


if __name__ == "__main__":
    where = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "build" / "security-platform.git"
    print(make(where))
