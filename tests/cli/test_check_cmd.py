"""`roadmap check`: the whole gate in one process, and `validate --require-stage`."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner, Result

from roadmap_tui.cli import main
from tests.conftest import WriteWorkspace
from tests.planning.conftest import ROADMAP, files, item, quarter


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def _broken(write_ws: WriteWorkspace) -> Path:
    """infra over capacity in 2026-Q3 (60 of 50), a cycle B -> C -> B, an item planned before
    what it depends on (EARLY in 2026-Q4, LATE in 2027-Q1)."""
    found: dict[str, str | bytes] = dict(
        files(
            quarters={
                "2026-Q3": [item("OVER", estimate=60)],
                "2026-Q4": [
                    item("B", depends_on=["C"]),
                    item("C", depends_on=["B"]),
                    item("EARLY", estimate=2, depends_on=["LATE"]),
                ],
                "2027-Q1": [item("LATE", estimate=3)],
            },
            roadmap=ROADMAP,
        )
    )
    return write_ws(found)


def test_check_passes_on_the_example(example: Path) -> None:
    result = run("check", "-w", str(example))
    assert result.exit_code == 0, result.output
    assert result.output == (
        f"{example}: 4 quarters, 50 items: validate ok, capacity ok, dependencies ok; passed\n"
    )


def test_check_fails_on_capacity_cycles_and_orders(write_ws: WriteWorkspace) -> None:
    folder = _broken(write_ws)
    result = run("check", "-w", str(folder))
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "capacity: overloaded: infra 2026-Q3: 60 of 50 days used (own 60, asked 0), over by 10",
        "dependencies: cycle: B -> C -> B",
        "dependencies: broken order: EARLY (2026-Q4) depends on LATE, planned later, in 2027-Q1",
        f"{folder}: 3 quarters, 5 items: validate ok, capacity failed (1),"
        " dependencies failed (2); 3 error(s): check failed",
    ]


def test_check_json_lists_each_step(write_ws: WriteWorkspace) -> None:
    folder = _broken(write_ws)
    result = run(
        "check", "-w", str(folder), "--format", "json", "--require-stage", "2026-Q4=published"
    )
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert (data["passed"], data["errors"], data["warnings"]) == (False, 4, 0)
    steps = {step["step"]: step for step in data["steps"]}
    assert list(steps) == ["validate", "capacity", "dependencies", "stages"]
    assert [steps[n]["passed"] for n in steps] == [True, False, False, False]
    assert [f["message"] for f in steps["dependencies"]["findings"]][0] == "cycle: B -> C -> B"
    [stage] = steps["stages"]["findings"]
    assert (stage["file"], stage["line"], stage["where"]) == (
        f"{folder}/2026-Q4.toml",
        3,
        "quarter.stage",
    )
    assert stage["message"].endswith("but it is at team-reviewed")


def test_check_stops_at_validation_when_unreadable(write_ws: WriteWorkspace) -> None:
    folder = write_ws({"roadmap.toml": "[workspace\n"})
    result = run("check", "-w", str(folder), "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert [(s["step"], s["ran"]) for s in data["steps"]] == [
        ("validate", True),
        ("capacity", False),
        ("dependencies", False),
    ]
    assert data["steps"][0]["findings"][0]["file"] == f"{folder}/roadmap.toml"
    text = run("check", "-w", str(folder))
    assert text.exit_code == 1
    assert (
        text.output.splitlines()[-1]
        == f"{folder}: cannot be read (1 error(s)); nothing else checked"
    )


def test_require_stage_in_check_and_validate(write_ws: WriteWorkspace) -> None:
    found: dict[str, str | bytes] = {
        "2026-Q4.toml": quarter("2026-Q4", item("A"), stage="po-approved"),
        "2027-Q1.toml": quarter("2027-Q1", item("B"), stage="draft"),
    }
    folder = write_ws({**files(roadmap=ROADMAP), **found})
    ok = ["--require-stage", "2026-Q4=team-reviewed", "--require-stage", "2026-Q4=po-approved"]
    assert run("check", "-w", str(folder), *ok).exit_code == 0
    assert run("validate", "-w", str(folder), *ok).exit_code == 0
    short = ["--require-stage", "2027-Q1=team-reviewed"]
    checked = run("check", "-w", str(folder), *short)
    assert checked.exit_code == 1
    assert checked.output.startswith(
        f"stages: {folder}/2027-Q1.toml:7: quarter.stage: must have reached team-reviewed"
    )
    validated = run("validate", "-w", str(folder), *short)
    assert validated.exit_code == 1
    assert f"{folder}/2027-Q1.toml:7: quarter.stage: must have reached" in validated.output
    assert "but it is at draft" in validated.output


def test_a_bad_requirement_is_a_usage_error(example: Path) -> None:
    for command in ("check", "validate"):
        result = run(command, "-w", str(example), "--require-stage", "2027-Q1=aproved")
        assert result.exit_code == 2
        assert "'aproved' is not a stage" in result.output
