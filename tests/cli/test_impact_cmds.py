"""`roadmap impact`, `notices`, `scenario new|list` and `export markdown` from the command line."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from roadmap_tui.cli import main

SCENARIO = "scenario:adopt-account-structure"
SUMMARY = (
    "Added 2 items (value +16), deferred 2, removed 1 (value -5); value 2027-Q1 75 -> 78,"
    " 2027-Q2 70 -> 78 (total 261 -> 272); asks of 4 teams: 2 moved, 3 newly asked;"
    " goals: reliable-ci no longer delivered within the plan."
)


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def test_impact_text_opens_with_the_summary(example: Path) -> None:
    result = run("-w", str(example), "impact", str(example), SCENARIO)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == f"Impact of {SCENARIO} against {example}"
    assert lines[1] == SUMMARY
    for heading in (
        "Items",
        "Value per quarter",
        "Days per team against capacity (changed only)",
        "Days of other teams (asks)",
        "Broken dependencies",
        "Goals",
    ):
        assert heading in lines
    row = next(line for line in lines if line.startswith("WAREHOUSE-STACKS-ONBOARDING"))
    assert row.split()[:5] == ["WAREHOUSE-STACKS-ONBOARDING", "deferred", "2027-Q1", "2027-Q2", "8"]
    assert "Teams to inform: " in result.stdout
    assert "Warehouse systems (#team-warehouse-systems)" in result.stdout


def test_impact_json_contract(example: Path) -> None:
    result = run("impact", str(example), SCENARIO, "-w", str(example), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["base"] == str(example) and data["adjusted"] == SCENARIO
    assert data["framework"] == "value-effort"
    assert data["added"] == ["REQ-ACCOUNT-STRUCTURE", "REQ-TAGGING-POLICY"]
    assert data["removed"] == ["SPACELIFT-SPOT-WORKERS"]
    assert data["deferred"] == ["WAREHOUSE-STACKS-ONBOARDING", "ML-GPU-STACKS"]
    assert data["pulled_in"] == []
    assert [entry["id"] for entry in data["items"]] == [
        "REQ-ACCOUNT-STRUCTURE",
        "REQ-TAGGING-POLICY",
        "WAREHOUSE-STACKS-ONBOARDING",
        "ML-GPU-STACKS",
        "SPACELIFT-SPOT-WORKERS",
    ]
    spot = data["items"][-1]
    assert {k: spot[k] for k in ("change", "from", "to", "estimate_before", "estimate_after")} == {
        "change": "removed",
        "from": "2027-Q2",
        "to": "backlog",
        "estimate_before": 15,
        "estimate_after": 15,
    }
    assert data["value"]["2027-Q1"]["before"] == 75 and data["value"]["2027-Q1"]["after"] == 78
    assert data["effort"]["warehouse-systems"]["2027-Q1"] == {
        "before": 4,
        "after": 0,
        "capacity": 15,
    }
    assert {"team": "warehouse-systems", "days": 4, "from": "2027-Q1", "to": "2027-Q2"}.items() <= (
        next(a for a in data["asks"] if a["team"] == "warehouse-systems").items()
    )
    assert [a["from"] for a in data["asks"] if a["kind"] == "new"] == [None, None, None]
    assert data["broken_dependencies"] == []
    assert [n["team"] for n in data["notices"]] == [
        "infra-core",
        "security-platform",
        "ml-platform",
        "warehouse-systems",
    ]
    everything = run(
        "impact", str(example), SCENARIO, "-w", str(example), "--format", "json", "--all"
    )
    assert len(json.loads(everything.stdout)["items"]) == 50


def test_adjusted_defaults_to_the_workspace(example: Path) -> None:
    result = run("impact", str(example), "-w", str(example), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["adjusted"] == str(example)
    assert data["items"] == [] and data["notices"] == []


def test_notices_one_block_per_team(example: Path) -> None:
    result = run("notices", str(example), SCENARIO, "-w", str(example))
    assert result.exit_code == 0, result.output
    blocks = result.stdout.strip().split("\n\n")
    assert [block.splitlines()[0] for block in blocks] == [
        "== Infrastructure core (networking, accounts): #team-infra-core",
        "== Security platform: #team-security-platform",
        "== ML platform: #team-ml-platform",
        "== Warehouse systems: #team-warehouse-systems",
    ]
    assert blocks[2].splitlines()[1] == (
        "Hi ML platform — a change to the Infrastructure platform roadmap affects the days we"
        " reserved with you: ML-GPU-STACKS (4 days) is deferred from 2027-Q1 to 2027-Q2 (reason:"
        " deferred: account structure first). You can plan those 4 days for other work in"
        " 2027-Q1. Thank you, and sorry for the short notice."
    )
    nothing = run("notices", str(example), "-w", str(example))
    assert nothing.exit_code == 0
    assert nothing.stdout == "No other team is affected: nothing to tell anyone.\n"


def test_export_markdown_writes_the_page(example: Path, tmp_path: Path) -> None:
    target = tmp_path / "impact.md"
    result = run(
        "export", "markdown", str(example), SCENARIO, "-w", str(example), "-o", str(target)
    )
    assert result.exit_code == 0, result.output
    assert f"{target}: impact of {example} -> {SCENARIO} written" in result.stdout
    page = target.read_text(encoding="utf-8")
    assert page.startswith(f"# Roadmap impact: {example} → {SCENARIO}\n\n**Summary.** Added 2")
    assert "## Notices" in page
    printed = run("impact", str(example), SCENARIO, "-w", str(example), "--format", "markdown")
    assert printed.stdout == page


def test_three_options_side_by_side(example: Path) -> None:
    scenarios = example / "scenarios"
    # A copy of the adjusted scenario, and a scenario that is the workspace unchanged.
    shutil.copytree(scenarios / "adopt-account-structure", scenarios / "copy")
    (scenarios / "same").mkdir()
    for path in [*example.glob("20*.toml"), example / "backlog.toml"]:
        shutil.copy(path, scenarios / "same" / path.name)
    result = run(
        "impact",
        str(example),
        SCENARIO,
        "scenario:copy",
        "scenario:same",
        "-w",
        str(example),
        "--format",
        "json",
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [row["option"] for row in data["table"]] == [
        str(example),
        SCENARIO,
        "scenario:copy",
        "scenario:same",
    ]
    assert [row["total_value"] for row in data["table"]] == [261, 272, 272, 261]
    assert len(data["options"]) == 3
    assert data["options"][2]["items"] == []
    shown = run("impact", str(example), SCENARIO, "scenario:same", "-w", str(example))
    assert shown.exit_code == 0, shown.output
    assert shown.stdout.splitlines()[0] == f"Options against {example}"


def git(folder: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example", *args],
        cwd=folder,
        check=True,
        capture_output=True,
    )


def test_git_revision_as_the_baseline(example: Path, tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(example, repo / "plans")
    shutil.rmtree(repo / "plans" / "scenarios")
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "plans")
    plans = repo / "plans"
    # Drop ML-GPU-STACKS in the working tree: its status line is the first after its id.
    head, tail = (plans / "2027-Q1.toml").read_text(encoding="utf-8").split('id = "ML-GPU-STACKS"')
    tail = tail.replace('status = "planned"', 'status = "dropped"', 1)
    (plans / "2027-Q1.toml").write_text(f'{head}id = "ML-GPU-STACKS"{tail}', encoding="utf-8")
    result = run("impact", "git:HEAD", "-w", str(plans), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["base"] == "git:HEAD"
    assert data["removed"] == ["ML-GPU-STACKS"]
    assert data["items"][0]["from"] == "2027-Q1" and data["items"][0]["to"] == "2027-Q1"
    assert data["asks"] == [
        {
            "team": "ml-platform",
            "days": 4,
            "from": "2027-Q1",
            "to": None,
            "item": "ML-GPU-STACKS",
            "kind": "released",
            "days_before": None,
        }
    ]


def test_scenario_new_and_list(example: Path) -> None:
    result = run("scenario", "new", "security-first", "-w", str(example))
    assert result.exit_code == 0, result.output
    folder = example / "scenarios" / "security-first"
    assert (folder / "2027-Q1.toml").read_bytes() == (example / "2027-Q1.toml").read_bytes()
    assert not (folder / "roadmap.toml").exists()  # inherited from the workspace
    assert f"impact {example} scenario:security-first" in result.stdout
    listed = run("scenario", "list", "-w", str(example))
    assert listed.stdout.splitlines() == ["adopt-account-structure", "security-first"]
    again = run("scenario", "new", "security-first", "-w", str(example))
    assert again.exit_code == 1
    assert "scenario `security-first` exists already; nothing written (--force to replace)" in (
        again.output
    )
    assert "Traceback" not in again.output


def test_scenario_list_when_there_are_none(tmp_path: Path, example: Path) -> None:
    shutil.rmtree(example / "scenarios")
    listed = run("scenario", "list", "-w", str(example))
    assert listed.exit_code == 0
    assert listed.stdout.startswith(f"No scenarios in {example / 'scenarios'}")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["scenario:nope"], "no scenario `nope`"),
        (["git:HEAD"], "not a git revision"),
        (["missing-folder"], "missing-folder: no such workspace folder"),
        (["scenario:../x"], "a scenario name is letters, digits"),
    ],
)
def test_bad_sources_exit_1_with_a_message(
    example: Path, args: list[str], message: str, tmp_path: Path
) -> None:
    outside = tmp_path / "outside"  # not a git repository
    shutil.copytree(example, outside)
    result = CliRunner().invoke(main, ["impact", *args, "-w", str(outside)])
    assert result.exit_code == 1, result.output
    assert message in result.output
    assert "Traceback" not in result.output


def test_unknown_framework_and_bad_format(example: Path) -> None:
    result = run("impact", str(example), "-w", str(example), "--framework", "wsj")
    assert result.exit_code == 1
    assert "unknown framework `wsj`: did you mean `wsjf`?" in result.output
    usage = run("impact", str(example), "-w", str(example), "--format", "pdf")
    assert usage.exit_code == 2


def test_impact_json_has_every_team_quarter_row(example: Path) -> None:
    """docs/impact.md: JSON has every team of roadmap.toml in every quarter, 0-day rows too."""
    result = CliRunner().invoke(
        main,
        [
            "-w",
            str(example),
            "impact",
            str(example),
            "scenario:adopt-account-structure",
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    effort = json.loads(result.output)["effort"]
    assert len(effort) == 9  # the fixture's teams
    assert {team: len(rows) for team, rows in effort.items()} == {team: 4 for team in effort}
    assert effort["infra-core"]["2026-Q4"] == {"before": 0, "after": 0, "capacity": 20}
