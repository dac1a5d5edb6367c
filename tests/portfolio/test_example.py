"""The shipped example: examples/portfolio/ with a lending team and a git-served team, made at
test time by its script. The infrastructure team is the frozen fixture copy, not plans/."""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from roadmap_tui.cli import main
from tests.conftest import EXAMPLE, REPO


def test_the_example_shows_every_status_and_problem(tmp_path: Path) -> None:
    root = tmp_path / "examples" / "portfolio"
    shutil.copytree(REPO / "examples" / "portfolio", root, ignore=shutil.ignore_patterns("build"))
    shutil.copytree(EXAMPLE, tmp_path / "plans")
    spec = importlib.util.spec_from_file_location("make_git_member", root / "make_git_member.py")
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    script.make(root / "build" / "security-platform.git", root / "security-platform")

    result = CliRunner().invoke(
        main, ["portfolio", "check", str(root / "portfolio.toml"), "--format", "json"]
    )
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert [(m["owner"], m["error"]) for m in data["members"]] == [
        ("infra-platform", None),
        ("warehouse-systems", None),
        ("security-platform", None),
    ]
    statuses = {(a["item"], a["team"]): a["status"] for a in data["asks"]}
    assert statuses[("APP-MODULE-BETA", "warehouse-systems")] == "confirmed"
    assert statuses[("SPACELIFT-MIGRATION", "warehouse-systems")] == "short"
    assert statuses[("APP-MODULE-GA", "security-platform")] == "wrong-quarter"
    assert statuses[("WAREHOUSE-STACKS-ONBOARDING", "warehouse-systems")] == "unconfirmed"
    assert set(statuses.values()) == {
        "confirmed", "short", "wrong-quarter", "unconfirmed", "no-workspace"
    }  # fmt: skip
    assert [o["item"] for o in data["orphaned"]] == ["RES-INFRA-OLD-PILOT"]
    assert [(d["item"], d["problem"]) for d in data["dependencies"]] == [
        ("warehouse-systems/WH-EVENT-STACKS", "order"),
        ("security-platform/SEC-SCANNERS", "missing"),
    ]
    for folder in ("warehouse-systems/plans", "security-platform/plans"):
        valid = CliRunner().invoke(main, ["validate", "-w", str(root / folder)])
        assert valid.exit_code == 0, valid.output
