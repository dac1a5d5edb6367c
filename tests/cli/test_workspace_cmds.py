"""`roadmap init` and `roadmap validate` from the command line."""

from __future__ import annotations

import filecmp
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from roadmap_tui.cli import main
from tests.conftest import EXAMPLE


def test_init_writes_the_example_and_refuses_to_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "team-plans"
    result = CliRunner().invoke(main, ["init", str(target)])
    assert result.exit_code == 0, result.output
    assert f"{target}: new workspace from the example" in result.output
    for name in ("roadmap.toml", "backlog.toml", "2027-Q1.toml", "feedback.toml"):
        assert filecmp.cmp(target / name, EXAMPLE / name, shallow=False)
    assert (target / ".gitignore").read_text(encoding="utf-8").splitlines()[1:] == [
        ".roadmap-recovery/",
        ".roadmap.lock",
    ]
    (target / "roadmap.toml").write_text(
        "# mine\n" + (EXAMPLE / "roadmap.toml").read_text(), encoding="utf-8"
    )
    again = CliRunner().invoke(main, ["init", str(target)])
    assert again.exit_code == 1
    assert (
        "already holds a workspace (roadmap.toml); nothing written (--force to overwrite)"
        in again.output
    )
    assert (target / "roadmap.toml").read_text(encoding="utf-8").startswith("# mine\n")


def test_validate_summary_on_the_example() -> None:
    result = CliRunner().invoke(main, ["validate", "-w", str(EXAMPLE)])
    assert result.exit_code == 0
    assert result.output.strip().endswith("4 quarters, 50 items, 9 teams: valid")


def test_validate_a_scenario_source() -> None:
    result = CliRunner().invoke(
        main, ["validate", "-w", str(EXAMPLE), "--source", "scenario:adopt-account-structure"]
    )
    assert result.exit_code == 0, result.output
    assert "4 quarters, 50 items, 9 teams: valid" in result.output


def test_usage_error_exits_2() -> None:
    result = CliRunner().invoke(main, ["validate", "--no-such-option"])
    assert result.exit_code == 2


def test_python_dash_m_runs_the_command(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "roadmap_tui", "validate", "-w", str(EXAMPLE)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    assert "valid" in result.stdout
