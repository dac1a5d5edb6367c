"""`roadmap score`: table, JSON, CSV, --explain, and bad input as located errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from roadmap_tui.cli import main
from tests.conftest import WriteWorkspace
from tests.scoring.helpers import roadmap


def run(*args: str) -> Result:
    return CliRunner().invoke(main, ["score", *args])


def test_json_of_the_example_workspace(example: Path) -> None:
    result = run("-w", str(example), "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert len(rows) == 50
    assert rows[0] == {
        "id": "REQ-SPACELIFT-NOTIFICATIONS",
        "title": "Spacelift run notifications in team channels",
        "quarter": "2026-Q4",
        "framework": "value-effort",
        "value": 5,
        "score": 5.0,  # 5 / 1
        "rank": 1,
        "quadrant": "fill-in",  # value 5 is not above the threshold 5
        "missing": [],
    }
    assert [r["rank"] for r in rows] == list(range(1, 51))


@pytest.mark.parametrize(
    ("framework", "scored"), [("rice", 48), ("wsjf", 49), ("weighted", 49), ("ice", 0)]
)
def test_every_framework_gives_sensible_output(example: Path, framework: str, scored: int) -> None:
    result = run("-w", str(example), "--format", "json", "--framework", framework)
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert sum(r["rank"] is not None for r in rows) == scored
    assert all(r["quadrant"] is None and r["framework"] == framework for r in rows)
    unscored = [r for r in rows if r["rank"] is None]
    assert all(r["missing"] and r["score"] is None and r["value"] is None for r in unscored)
    if framework == "ice":  # nothing carries `ease`: all unscored, none an error
        assert all("ease" in r["missing"] for r in rows)
        # REQ-KAFKA-TOPICS carries value and effort only: it misses all three.
        assert {tuple(r["missing"]) for r in rows} == {("ease",), ("impact", "confidence", "ease")}


def test_quarter_scope_and_csv(example: Path) -> None:
    result = run(
        "-w", str(example), "--quarter", "2026-Q4", "--format", "csv", "--framework", "wsjf"
    )
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "id,title,quarter,framework,value,score,rank,quadrant,missing"
    assert len(lines) == 1 + 10  # ten items in 2026-Q4
    assert all(",2026-Q4,wsjf," in line for line in lines[1:])
    backlog = json.loads(run("-w", str(example), "--quarter", "backlog", "--format", "json").stdout)
    assert {r["quarter"] for r in backlog} == {None}
    assert [r["rank"] for r in backlog] == list(range(1, len(backlog) + 1))  # ranks within the set


def test_table(example: Path) -> None:
    result = run("-w", str(example))
    assert result.exit_code == 0, result.output
    assert "value-effort: all items, 50 items" in result.stdout
    first = next(
        line for line in result.stdout.splitlines() if "REQ-SPACELIFT-NOTIFICATIONS" in line
    )
    assert first.split()[0] == "1" and "5.00" in first and "fill-in" in first


def test_explain_and_compare(example: Path) -> None:
    result = run("-w", str(example), "--explain", "NAMING", "--explain", "SECURITY-DRIFT-DETECTION")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[:6] == [
        "NAMING: Uniform naming conventions for accounts, stacks and resources",
        "in: 2026-Q3; ranked among all items",
        "framework: value-effort",
        "value = 8",
        "value/effort = value / effort = 8 / 4 = 2.00",
        "quadrant: quick win (value 8 > 5, effort 4 <= 5)",
    ]
    assert "  up: value 8 -> 9 would pass VAULT-DYNAMIC-CREDS" in lines
    assert lines[-1] == (
        "why: NAMING ranks above SECURITY-DRIFT-DETECTION: same value/effort 2.00, value 8 and"
        " estimate 12 d; last tie-break: id NAMING sorts first (value 8 vs 8, effort 4 vs 4)"
    )


def test_explain_of_an_unknown_or_out_of_scope_item(example: Path) -> None:
    unknown = run("-w", str(example), "--explain", "NAMNG")
    assert unknown.exit_code == 1
    assert "unknown item `NAMNG`: did you mean `NAMING`?" in unknown.output
    elsewhere = run("-w", str(example), "--explain", "NAMING", "--quarter", "backlog")
    assert elsewhere.exit_code == 1
    assert "`NAMING` is in 2026-Q3, not in backlog (use --quarter all)" in elsewhere.output


def test_usage_errors_name_what_is_known(example: Path) -> None:
    framework = run("-w", str(example), "--framework", "wsfj")
    assert framework.exit_code == 2
    assert "'value-effort', 'rice', 'wsjf', 'ice', 'weighted'" in framework.output
    quarter = run("-w", str(example), "--quarter", "2029-Q1")
    assert quarter.exit_code == 2
    assert "one of: 2026-Q3, 2026-Q4, 2027-Q1, 2027-Q2, backlog, all" in quarter.output


BAD_QUARTER = """\
[quarter]
id = "2026-Q4"

[[items]]
id = "OK"
title = "Fine"
score = { value = 8, effort = 3 }

[[items]]
id = "BAD"
title = "Out of range"
score = { value = 12, effort = 3 }
"""


def test_bad_input_is_located_and_nothing_is_written(write_ws: WriteWorkspace) -> None:
    folder = write_ws({"roadmap.toml": roadmap(), "2026-Q4.toml": BAD_QUARTER})
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    result = run("-w", str(folder))
    assert result.exit_code == 1
    assert (
        f"{folder}/2026-Q4.toml:12: items[BAD].score.value: `value` = 12 is outside the range of every"
        " framework that reads it (value-effort 1-10)"
    ) in result.stderr
    assert "1 scoring error(s); nothing scored" in result.stderr
    assert result.stdout == ""
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_unknown_framework_in_roadmap_toml(write_ws: WriteWorkspace) -> None:
    folder = write_ws(
        {"roadmap.toml": roadmap("wsfj"), "2026-Q4.toml": BAD_QUARTER.replace("12", "2")}
    )
    result = run("-w", str(folder))
    assert result.exit_code == 1
    assert (
        f"{folder}/roadmap.toml:7: scoring.framework: unknown framework `wsfj`: did you mean `wsjf`?"
        in result.stderr
    )
    # Naming a framework on the command line scores anyway.
    assert run("-w", str(folder), "--framework", "value-effort").exit_code == 0


def test_validate_shows_scoring_problems(write_ws: WriteWorkspace) -> None:
    folder = write_ws({"roadmap.toml": roadmap(), "2026-Q4.toml": BAD_QUARTER})
    result = CliRunner().invoke(main, ["validate", "-w", str(folder)])
    assert result.exit_code == 1
    assert "2026-Q4.toml:12: items[BAD].score.value" in result.stderr
