"""Where the workspace lock lives: in the folder only where git ignores it, never a stray file."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from roadmap_tui.cli import main
from roadmap_tui.storage.lock import LOCK_NAME, git_ignores, lock_path, workspace_lock


def test_a_folder_whose_gitignore_names_the_lock_keeps_it(tmp_path: Path) -> None:
    (tmp_path / ".gitignore").write_text("# tool files\n.roadmap-recovery/\n.roadmap.lock\n")
    assert lock_path(tmp_path) == tmp_path.resolve() / LOCK_NAME


def test_elsewhere_the_lock_lives_outside_and_leaves_nothing(tmp_path: Path) -> None:
    path = lock_path(tmp_path)
    assert tmp_path.resolve() not in path.parents
    assert lock_path(tmp_path / ".") == path  # one folder, one lock, however it is named
    with workspace_lock(tmp_path):
        pass
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("root", "deeper", "ignored"),
    [
        (".roadmap.lock\n", None, True),  # a bare name matches at any depth
        ("*.lock\n", None, True),
        ("/.roadmap.lock\n", None, False),  # anchored to the root folder only
        ("plans/scenarios/*/.roadmap.lock\n", None, True),
        (".roadmap.lock\n", "!.roadmap.lock\n", False),  # a deeper file wins
        ("", ".roadmap.lock\n", True),
        ("*.toml\n", None, False),
    ],
)
def test_gitignore_patterns(tmp_path: Path, root: str, deeper: str | None, ignored: bool) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text(root)
    scenario = tmp_path / "plans" / "scenarios" / "demo"
    scenario.mkdir(parents=True)
    if deeper is not None:
        (tmp_path / "plans" / ".gitignore").write_text(deeper)
    assert git_ignores(scenario, LOCK_NAME) is ignored


def test_no_parent_gitignore_outside_a_repository(tmp_path: Path) -> None:
    (tmp_path / ".gitignore").write_text(".roadmap.lock\n")
    (tmp_path / "ws").mkdir()
    assert not git_ignores(tmp_path / "ws", LOCK_NAME)  # no .git: the parent is not its repo


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_adopt_into_a_scenario_leaves_git_nothing_but_the_scenario(example: Path) -> None:
    """The issue's repro: `adopt --scenario` left a 0-byte .roadmap.lock in the scenario."""
    (example / ".gitignore").unlink()  # a workspace whose .gitignore does not name the lock
    git = ["git", "-C", str(example)]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    args = ["-w", str(example), "adopt", "REQ-TAGGING-POLICY", "--quarter", "2027-Q1"]
    result = CliRunner().invoke(main, [*args, "--scenario", "demo"])
    assert result.exit_code == 0, result.output
    status = subprocess.run(
        [*git, "status", "--porcelain", "--untracked-files=all"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    untracked = sorted(line[3:] for line in status.splitlines() if line.startswith("??"))
    assert untracked
    assert all(name.startswith("scenarios/demo/") and name.endswith(".toml") for name in untracked)
