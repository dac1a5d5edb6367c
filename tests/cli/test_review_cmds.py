"""`roadmap stage` and `roadmap status`: the review flow from the command line."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from roadmap_tui.cli import main
from tests.conftest import WriteWorkspace


def run(*args: str) -> Result:
    return CliRunner(env={"ROADMAP_TODAY": "2027-03-01"}).invoke(main, list(args))


Q4 = """\
[quarter]
id = "2026-Q4"
stage = "po-approved"

[[quarter.reviews]]
stage = "team-reviewed"
by = "refinement"
on = 2026-09-01

[[quarter.reviews]]
stage = "po-approved"
by = "PO"
on = 2026-09-08
note = "fine"

[[items]]
id = "A"
title = "A"
estimate = 60
asks = [{ team = "storage", days = 12 }]

[[items]]
id = "B"
title = "B"
estimate = 30
depends_on = ["C"]

[[items]]
id = "D"
title = "D"
"""

Q1 = """\
[quarter]
id = "2027-Q1"

[[items]]
id = "C"
title = "C"
estimate = 20
status = "in-progress"
"""


@pytest.fixture
def ws(write_ws: WriteWorkspace) -> Path:
    return write_ws({"2026-Q4.toml": Q4, "2027-Q1.toml": Q1})


def test_status_text(ws: Path) -> None:
    result = run("-w", str(ws), "status")
    assert result.exit_code == 0, result.output
    assert result.output == (
        f"Test ({ws}): current quarter 2026-Q4\n"
        "\n"
        "2026-Q4  po-approved  (last review: po-approved by PO on 2026-09-08)\n"
        "  items: 3 (3 planned)\n"
        "  load: infra 90 of 100 days, 10 free\n"
        "  asked of: storage 12/10\n"
        "  open:\n"
        "    - storage over capacity by 2 days (12 of 10)\n"
        "    - unestimated: D\n"
        "    - B (2026-Q4) depends on C, planned later, in 2027-Q1\n"
        "  next: directors-approved\n"
        "\n"
        "2027-Q1  draft  (not reviewed yet)\n"
        "  items: 1 (1 in-progress)\n"
        "  load: infra 20 of 100 days, 80 free\n"
        "  open: nothing\n"
        "  next: team-reviewed\n"
        "\n"
        "Open requests: none\n"
    )


def test_status_json(ws: Path) -> None:
    result = run("-w", str(ws), "status", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["current_quarter"] == "2026-Q4"
    q4, q1 = data["quarters"]
    assert q4["stage"] == "po-approved" and q4["next_stage"] == "directors-approved"
    assert q4["last_review"] == {
        "stage": "po-approved",
        "by": "PO",
        "on": "2026-09-08",
        "note": "fine",
    }
    assert (q4["items"], q4["by_status"]) == (3, {"planned": 3})
    loads = {row["team"]: (row["used"], row["capacity"], row["overloaded"]) for row in q4["load"]}
    assert loads == {"infra": (90, 100, False), "storage": (12, 10, True)}
    assert len(q4["problems"]) == 3
    assert q1["last_review"] is None and q1["problems"] == []
    assert data["open_requests"] == []


def test_stage_forward_then_back_needs_reopen(ws: Path) -> None:
    result = run("-w", str(ws), "stage", "2026-Q4", "directors-approved", "--by", "Directors")
    assert result.exit_code == 0, result.output
    assert result.output == (
        f"{ws}/2026-Q4.toml: 2026-Q4 po-approved -> directors-approved (by Directors, 2027-03-01)\n"
        "Next: roadmap stage 2026-Q4 published --by WHO\n"
    )
    header = tomllib.loads((ws / "2026-Q4.toml").read_text(encoding="utf-8"))["quarter"]
    assert header["stage"] == "directors-approved"
    assert header["reviews"][-1] == {
        "stage": "directors-approved",
        "by": "Directors",
        "on": _d(2027, 3, 1),
    }

    before = (ws / "2026-Q4.toml").read_bytes()
    result = run("-w", str(ws), "stage", "2026-Q4", "draft", "--by", "me")
    assert result.exit_code == 1
    assert result.output == (
        "Error: 2026-Q4 is directors-approved: going back to draft reopens its review;"
        " nothing changed (--reopen to go back)\n"
    )
    assert (ws / "2026-Q4.toml").read_bytes() == before

    result = run(
        "-w", str(ws), "stage", "2026-Q4", "draft", "--by", "me", "--note", "storage cut",
        "--on", "2027-03-02", "--reopen",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    header = tomllib.loads((ws / "2026-Q4.toml").read_text(encoding="utf-8"))["quarter"]
    assert header["stage"] == "draft"
    assert header["reviews"][-1] == {
        "stage": "draft", "by": "me", "on": _d(2027, 3, 2), "note": "storage cut"
    }  # fmt: skip
    assert not (ws / ".roadmap.lock").exists()  # the folder has no .gitignore covering it


def _d(year: int, month: int, day: int) -> object:
    import datetime as dt

    return dt.date(year, month, day)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("2027-Q3", "team-reviewed", "--by", "me"), "there is no quarter 2027-Q3"),
        (("2027-Q1", "draft", "--by", "me"), "2027-Q1 is draft already"),
        (("2027-Q1", "team-reviewed", "--by", " "), "say who reviewed it"),
        (("2027-Q1", "approved", "--by", "me"), "'approved' is not one of"),
        (("2027-Q1", "team-reviewed", "--by", "me", "--on", "1/3/2027"), "is not a date"),
    ],
)
def test_stage_refusals(ws: Path, args: tuple[str, ...], message: str) -> None:
    before = {p.name: p.read_bytes() for p in ws.iterdir()}
    result = run("-w", str(ws), "stage", *args)
    assert result.exit_code != 0
    assert message in result.output
    assert "Traceback" not in result.output
    assert {p.name: p.read_bytes() for p in ws.iterdir()} == before


def test_status_on_the_example(example: Path) -> None:
    result = run("-w", str(example), "status", "--format", "json")
    data = json.loads(result.output)
    stages = {q["quarter"]: q["stage"] for q in data["quarters"]}
    assert stages == {
        "2026-Q3": "published",
        "2026-Q4": "published",
        "2027-Q1": "team-reviewed",
        "2027-Q2": "draft",
    }
    q1 = data["quarters"][2]
    assert q1["last_review"]["by"] == "infra-platform refinement"
    run("-w", str(example), "stage", "2027-Q1", "po-approved", "--by", "Platform PO")
    data = json.loads(run("-w", str(example), "status", "--format", "json").output)
    assert data["quarters"][2]["last_review"] == {
        "stage": "po-approved", "by": "Platform PO", "on": "2027-03-01", "note": None
    }  # fmt: skip


def test_status_of_one_quarter(ws: Path) -> None:
    result = run("-w", str(ws), "status", "--quarter", "2027-Q1")
    assert result.exit_code == 0, result.output
    assert "2026-Q4" not in result.output.split("\n", 1)[1]
    assert "2027-Q1  draft  (not reviewed yet)\n" in result.output
    data = json.loads(
        run("-w", str(ws), "status", "--quarter", "2027-Q1", "--format", "json").output
    )
    assert [q["quarter"] for q in data["quarters"]] == ["2027-Q1"]
    bad = run("-w", str(ws), "status", "--quarter", "2027-Q3")
    assert bad.exit_code == 2
    assert "no quarter 2027-Q3" in bad.output and "(quarters: 2026-Q4, 2027-Q1)" in bad.output


def test_status_counts_the_problems_of_a_quarter_file(write_ws: WriteWorkspace) -> None:
    broken = Q4.replace('title = "D"', 'title = "D"\nestimte = 3')
    folder = write_ws({"2026-Q4.toml": broken, "2027-Q1.toml": Q1})
    result = run("-w", str(folder), "status", "--quarter", "2026-Q4")
    assert result.exit_code == 0, result.output
    assert "    - 1 warning in 2026-Q4.toml\n" in result.output
