"""Every `--format json` output parses, on a real standard output (a pipe, not click's runner):
nothing a library prints below Python can get in front of it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

COMMANDS = [
    ["score"],
    ["capacity"],
    ["deps"],
    ["asks"],
    ["draft", "2027-Q2"],
    ["adopt", "REQ-ACCOUNT-STRUCTURE", "--quarter", "2027-Q1", "--dry-run"],
    ["impact", "git:HEAD", "scenario:adopt-account-structure"],
    ["request", "list"],
    ["feedback", "list"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c[:1]))
def test_json_output_parses(example: Path, command: list[str]) -> None:
    if command[0] == "impact":
        git = ["git", "-c", "user.email=t@example.com", "-c", "user.name=T"]
        subprocess.run([*git, "init", "-q"], cwd=example, check=True)
        subprocess.run([*git, "add", "."], cwd=example, check=True)
        subprocess.run([*git, "commit", "-q", "-m", "plans"], cwd=example, check=True)
    result = subprocess.run(
        [sys.executable, "-m", "roadmap_tui", "-w", str(example), *command, "--format", "json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode in (0, 1), result.stderr
    data = json.loads(result.stdout)
    assert data not in (None, [], {})  # a real answer, not an empty shell
