"""`roadmap capacity`, `deps`, `asks`, `carry`, `draft` and `adopt` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner, Result

from roadmap_tui.cli import main

from .conftest import WriteFolder, files, item


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def _problems(folder: WriteFolder) -> Path:
    return folder(
        files(
            quarters={
                "2026-Q3": [item("OVER", estimate=60)],
                "2026-Q4": [
                    item("B", depends_on=["C"]),
                    item("C", depends_on=["A"]),
                    item("A", depends_on=["B", "GHOST"]),
                    item("EARLY", estimate=2, depends_on=["LATE", "BACK"]),
                    item("ASKS", asks=[{"team": "ghost-team", "days": 2}]),
                ],
                "2027-Q1": [item("LATE", estimate=3)],
            },
            in_backlog=[item("BACK")],
        )
    )


# --- capacity --------------------------------------------------------------------------------
def test_capacity_json_on_the_example(example: Path) -> None:
    result = run("capacity", "-w", str(example), "--quarter", "2027-Q1", "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert [row["team"] for row in rows][:3] == ["infra-platform", "infra-core", "observability"]
    first = {k: rows[0][k] for k in ("capacity", "own", "asked", "used", "free", "overloaded")}
    assert first == {
        "capacity": 145,
        "own": 129,
        "asked": 0,
        "used": 129,
        "free": 16,
        "overloaded": False,
    }
    assert {row["quarter"] for row in rows} == {"2027-Q1"}


def test_capacity_check_is_a_ci_gate(example: Path, folder: WriteFolder) -> None:
    assert run("capacity", "-w", str(example), "--check").exit_code == 0
    over = run("capacity", "-w", str(_problems(folder)), "--check")
    assert over.exit_code == 1
    assert "overloaded: infra 2026-Q3: 60 of 50 days used (own 60, asked 0), over by 10" in (
        over.output
    )
    assert "overloaded: ghost-team 2026-Q4: 2 of 0 days used (own 0, asked 2), over by 2" in (
        over.output
    )


def test_capacity_table_names_overloads_and_unestimated(folder: WriteFolder) -> None:
    result = run("capacity", "-w", str(_problems(folder)), "--quarter", "2026-Q4")
    assert result.exit_code == 0
    assert "unestimated (counted 0): infra 2026-Q4: A, ASKS, B, C" in result.output
    assert "not a team in roadmap.toml" in result.output


def test_a_bad_quarter_is_a_usage_error(example: Path) -> None:
    result = run("capacity", "-w", str(example), "--quarter", "2027-Q7")
    assert result.exit_code == 2
    assert "'2027-Q7' is not a quarter id" in result.output


# --- deps ------------------------------------------------------------------------------------
def test_deps_json_lists_cycles_dangling_and_broken_orders(folder: WriteFolder) -> None:
    result = run("deps", "-w", str(_problems(folder)), "--format", "json")
    assert result.exit_code == 1, result.output  # a cycle is an error
    assert json.loads(result.stdout) == {
        "cycles": [["A", "B", "C"]],
        "dangling": [{"item": "A", "depends_on": "GHOST"}],
        "order_violations": [
            {
                "item": "EARLY",
                "quarter": "2026-Q4",
                "depends_on": "LATE",
                "depends_quarter": "2027-Q1",
                "reason": "planned later",
            },
            {
                "item": "EARLY",
                "quarter": "2026-Q4",
                "depends_on": "BACK",
                "depends_quarter": None,
                "reason": "in the backlog",
            },
        ],
        "external": [],  # OWNER/ID dependencies: none here
    }


def test_deps_text(folder: WriteFolder) -> None:
    result = run("deps", "-w", str(_problems(folder)))
    assert result.exit_code == 1
    assert result.stderr.endswith(
        "2026-Q4.toml:22: items[A].depends_on: dependency cycle: A -> B -> C -> A"
        " (no order can plan it)\n"
    )
    for line in (
        "Cycles (1)",
        "  A -> B -> C -> A",
        "  A (2026-Q4) depends on GHOST, which is no item",
        "  EARLY (2026-Q4) depends on LATE, planned later, in 2027-Q1",
        "  EARLY (2026-Q4) depends on BACK, still in the backlog",
    ):
        assert line in result.stdout.splitlines()


def test_deps_of_one_item(example: Path) -> None:
    result = run("deps", "SECURITY-DRIFT-DETECTION", "-w", str(example), "--format", "json")
    assert json.loads(result.output) == {
        "item": "SECURITY-DRIFT-DETECTION",
        "upstream": [
            "NAMING",
            "SPACELIFT-ROLLOUT",
            "SPACELIFT-MIGRATION",
            "TAGGING",
            "SECURITY-BASELINE",
        ],
        "downstream": [],
        # by quarter, then id; NAMING is done (0 days) but still where the chain starts
        "chain": [
            "NAMING",
            "SPACELIFT-MIGRATION",
            "SECURITY-BASELINE",
            "SECURITY-DRIFT-DETECTION",
        ],
        "chain_days": 55,
    }
    unknown = run("deps", "SECURITY-DRIFT", "-w", str(example))
    assert unknown.exit_code == 1
    assert "there is no item SECURITY-DRIFT: did you mean SECURITY-DRIFT-DETECTION?" in (
        unknown.output
    )


# --- asks ------------------------------------------------------------------------------------
def test_asks_of_one_team(example: Path) -> None:
    result = run("asks", "-w", str(example), "--team", "storage", "--format", "json")
    assert result.exit_code == 0
    groups = json.loads(result.output)
    assert [(g["quarter"], g["to_team"], g["days"]) for g in groups] == [
        ("2026-Q4", "storage", 4),
        ("2027-Q1", "storage", 7),
        ("2027-Q2", "storage", 3),
    ]
    assert [a["item"] for a in groups[1]["asks"]] == ["APP-MODULE-DATABASES", "SPACELIFT-DR-DRILL"]
    text = run("asks", "-w", str(example), "--team", "storage", "--quarter", "2027-Q1")
    assert text.stdout.splitlines() == [
        "2027-Q1",
        "  storage (#team-storage): 7 days for infra-platform",
        "    APP-MODULE-DATABASES 5: backup and parameter group defaults",
        "    SPACELIFT-DR-DRILL 2: restore from the replica bucket during the drill",
    ]


def test_asks_of_unknown_teams_are_flagged(folder: WriteFolder) -> None:
    result = run("asks", "-w", str(_problems(folder)))
    assert "ASKS asks days of ghost-team, which is not a team in roadmap.toml" in result.output
    assert run("asks", "-w", str(_problems(folder)), "--team", "nobody").exit_code == 1


# --- carry -----------------------------------------------------------------------------------
def test_carry_dry_run_then_for_real(folder: WriteFolder) -> None:
    path = folder(
        files(
            quarters={
                "2026-Q3": [item("DONE", status="done"), item("LEFT", estimate=3)],
                "2026-Q4": [],
            }
        )
    )
    before = {p.name: p.read_bytes() for p in path.glob("*.toml")}
    dry = run("carry", "2026-Q3", "2026-Q4", "-w", str(path), "--dry-run")
    assert dry.exit_code == 0
    assert dry.stdout.splitlines() == [
        "Would carry 1 item(s) from 2026-Q3 to 2026-Q4:",
        "  LEFT (planned, 3 days)",
        "Dry run: nothing written.",
    ]
    assert {p.name: p.read_bytes() for p in path.glob("*.toml")} == before
    real = run("carry", "2026-Q3", "2026-Q4", "-w", str(path))
    assert real.exit_code == 0, real.output
    assert real.stdout.splitlines()[0] == "Carried 1 item(s) from 2026-Q3 to 2026-Q4:"
    q4 = (path / "2026-Q4.toml").read_text()
    assert 'id = "LEFT"' in q4 and 'carried_from = "2026-Q3"' in q4
    assert "LEFT" not in (path / "2026-Q3.toml").read_text()
    again = run("carry", "2026-Q3", "2026-Q4", "-w", str(path))
    assert again.stdout == "Nothing to carry: every item of 2026-Q3 is done or dropped.\n"
    backwards = run("carry", "2026-Q4", "2026-Q3", "-w", str(path))
    assert backwards.exit_code == 1
    assert "carry goes forward: 2026-Q3 is not after 2026-Q4" in backwards.output


# --- draft -----------------------------------------------------------------------------------
def test_draft_prints_reasons_and_writes_a_draft_quarter(folder: WriteFolder) -> None:
    path = folder(
        files(
            quarters={"2026-Q4": [item("FIXED", estimate=90)]},
            in_backlog=[
                item("BIG", estimate=6, score={"value": 7, "effort": 3}),
                item("SMALL-1", estimate=5, score={"value": 5, "effort": 2}),
                item("SMALL-2", estimate=5, score={"value": 5, "effort": 2}),
            ],
        )
    )
    result = run("draft", "2026-Q4", "-w", str(path))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "From the backlog (2, total value 10):" in lines
    assert "  + SMALL-1: value 5; 5 days of infra" in lines
    assert "  - BIG: needs 6 days of infra in 2026-Q4, 0 free once the placed items are in" in lines
    assert lines[-1] == "Not written (add --write to write the quarter file as a draft)."
    assert 'stage = "team-reviewed"' in (path / "2026-Q4.toml").read_text()
    written = run("draft", "2026-Q4", "-w", str(path), "--write")
    assert written.exit_code == 0, written.output
    text = (path / "2026-Q4.toml").read_text()
    assert 'stage = "draft"' in text and 'id = "SMALL-2"' in text and 'id = "BIG"' not in text


def test_draft_piped_keeps_each_line_whole(folder: WriteFolder) -> None:
    # Six missing dependencies: one reasons line of some 250 characters. On a pipe it stays one
    # line (rich folded it at 200 columns, mid-sentence, before the draft was written plain).
    deps = [f"MISSING-DEPENDENCY-{n}" for n in range(6)]
    path = folder(
        files(
            quarters={"2026-Q4": [item("FIXED", estimate=10)]},
            in_backlog=[
                item("WAITS", estimate=5, score={"value": 5, "effort": 2}, depends_on=deps)
            ],
        )
    )
    result = run("draft", "2026-Q4", "-w", str(path))
    assert result.exit_code == 0, result.output
    reasons = "; ".join(f"depends on {dep}, which is no item" for dep in deps)
    assert f"  - WAITS: {reasons}" in result.stdout.splitlines()
    assert len(f"  - WAITS: {reasons}") > 200


def test_draft_pieces_are_the_apps_text(example: Path) -> None:
    """The pipe's plain lines and the rich text the terminal and the app draw are one wording."""
    from roadmap_tui.exporters.draft_words import draft_pieces
    from roadmap_tui.exporters.rich_views import draft_text
    from roadmap_tui.planning.draft import draft_quarter
    from roadmap_tui.scoring import framework_for
    from roadmap_tui.storage import WorkspaceStore

    ws = WorkspaceStore.open(example).workspace
    result = draft_quarter(ws, "2027-Q2", framework_for(ws.roadmap.scoring).value)
    for moves in (True, False):
        pieces = draft_pieces(result, moves=moves)
        assert draft_text(result, moves=moves).plain == "".join(p for p, _ in pieces).rstrip()
    assert ("Left out (", "bold") in [(p[: len("Left out (")], s) for p, s in pieces]


# --- adopt -----------------------------------------------------------------------------------
def test_adopt_on_the_example_writes_a_scenario_whose_impact_shows_the_deferral(
    example: Path,
) -> None:
    args = ["adopt", "REQ-ACCOUNT-STRUCTURE", "REQ-TAGGING-POLICY", "--quarter", "2027-Q1"]
    result = run(*args, "-w", str(example), "--scenario", "demo")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "With them in, 2027-Q1 is over capacity: infra-platform by 19 days" in lines
    assert "Deferred (2, value lost 12):" in lines
    assert (
        "  - ML-GPU-STACKS to 2027-Q2 (value 7; frees 15 days of infra-platform;"
        " asks ml-platform 4)"
    ) in lines
    assert (
        "  - TF-WORKSHOP-ADVANCED to the backlog (value 5; frees 6 days of infra-platform;"
        " asks tech-academy 5)"
    ) in lines
    assert "      infra-platform is over by 19 days in 2027-Q1; this frees 6" in lines
    assert (
        "      no room in 2027-Q2: needs 6 days of infra-platform, 3 free once ML-GPU-STACKS"
        " is deferred there"
    ) in lines
    assert "  infra-platform 2027-Q2: 137 of 140 days used (own 137, asked 0), 3 free" in lines
    assert not any(line.startswith("breaks an order") for line in lines)
    assert (example / "scenarios" / "demo" / "2027-Q1.toml").is_file()
    impact = run("-w", str(example), "impact", str(example), "scenario:demo", "--format", "json")
    data = json.loads(impact.stdout)
    assert data["added"] == ["REQ-ACCOUNT-STRUCTURE", "REQ-TAGGING-POLICY"]
    assert data["removed"] == ["TF-WORKSHOP-ADVANCED"]
    assert data["broken_dependencies"] == []

    again = run(*args, "-w", str(example), "--scenario", "demo")
    assert again.exit_code == 1
    assert "scenario demo exists already" in again.output
    assert run(*args, "-w", str(example), "--scenario", "demo", "--force").exit_code == 0


def test_adopt_default_name_dry_run_and_json(example: Path) -> None:
    args = ["adopt", "REQ-ACCOUNT-STRUCTURE", "REQ-TAGGING-POLICY", "--quarter", "2027-Q1"]
    result = run(*args, "-w", str(example), "--dry-run", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["scenario"] is None
    assert [(d["item"], d["from"], d["to"]) for d in data["deferred"]] == [
        ("ML-GPU-STACKS", "2027-Q1", "2027-Q2"),
        ("TF-WORKSHOP-ADVANCED", "2027-Q1", "backlog"),
    ]
    assert data["over_before"] == {"infra-platform": 19}
    assert data["lost_value"] == 12 and data["fallback"] is False
    assert data["order_violations"] == []
    assert not (example / "scenarios" / "adopt-req-account-structure-req-tagging-policy").exists()
    written = run(*args, "-w", str(example))
    assert written.exit_code == 0
    assert (example / "scenarios" / "adopt-req-account-structure-req-tagging-policy").is_dir()


def test_adopt_that_cannot_fit_writes_nothing(folder: WriteFolder) -> None:
    path = folder(
        files(
            quarters={"2027-Q1": []},
            in_backlog=[item("E", estimate=5, asks=[{"team": "storage", "days": 2}])],
        )
    )
    result = run("adopt", "E", "--quarter", "2027-Q1", "-w", str(path))
    assert result.exit_code == 1
    assert "cannot make room: storage would still be over by 2 days in 2027-Q1" in result.output
    assert not (path / "scenarios").exists()
    unknown = run("adopt", "F", "--quarter", "2027-Q1", "-w", str(path))
    assert unknown.exit_code == 1 and "there is no item F" in unknown.output


def test_a_scenario_can_be_planned_with_source(example: Path) -> None:
    result = run(
        "capacity",
        "-w",
        str(example),
        "--source",
        "scenario:adopt-account-structure",
        "--quarter",
        "2027-Q2",
        "--format",
        "json",
    )
    assert result.exit_code == 0, result.output
    infra = json.loads(result.stdout)[0]
    assert (infra["team"], infra["used"], infra["capacity"]) == ("infra-platform", 130, 140)
    missing = run("deps", "-w", str(example), "--source", "scenario:nope")
    assert missing.exit_code == 1 and "no scenario `nope`" in missing.output


def test_draft_json(example: Path) -> None:
    result = run("draft", "2027-Q2", "-w", str(example), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["quarter"] == "2027-Q2" and data["leftovers"] == []  # 2027-Q1 has not begun
    assert data["optimal"] is True and data["note"] == ""
    assert {"placed", "left_out", "capacity", "value", "order_violations"} <= set(data)
    left_out = {entry["item"]: entry["reasons"] for entry in data["left_out"]}
    assert left_out["CROSS-ACCOUNT-NETWORKING"] == [
        "needs 35 days of infra-platform in 2027-Q2, 18 free"
    ]


def test_adopt_says_when_every_choice_breaks_an_order(folder: WriteFolder) -> None:
    # X must go (over by 10), 2027-Q1 is full, and L there builds on X but is in progress.
    path = folder(
        files(
            quarters={
                "2026-Q4": [
                    item("BUSY", status="in-progress", estimate=80, score={"value": 1}),
                    item("X", estimate=20, score={"value": 1, "effort": 1}),
                ],
                "2027-Q1": [
                    item("FULL", status="in-progress", estimate=90),
                    item("L", status="in-progress", estimate=10, depends_on=["X"]),
                ],
            },
            in_backlog=[item("E", estimate=10)],
        )
    )
    result = run("adopt", "E", "--quarter", "2026-Q4", "-w", str(path), "--dry-run")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert (
        "note: no way to make room keeps every dependency order: the items of least value are"
        " deferred, to the next quarter when they fit there, else to the backlog"
    ) in lines
    assert "  - X to the backlog (value 1; frees 20 days of infra)" in lines
    assert "breaks an order: L (2027-Q1) depends on X, still in the backlog" in lines
