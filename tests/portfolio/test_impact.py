"""What one team's change does to the others: `portfolio impact` and `notices --portfolio`."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from roadmap_tui.cli import main
from tests.portfolio.conftest import INFRA, WH, portfolio_file, write


def with_scenario(tmp_path: Path) -> Path:
    """infra, wh, and infra's scenario `later` that moves A1 (3 days of wh) to 2026-Q4."""
    infra = write(tmp_path / "infra", INFRA)
    write(tmp_path / "wh", WH)
    q3 = INFRA["2026-Q3.toml"]
    start = q3.index('[[items]]\nid = "A1"')
    end = q3.index('[[items]]\nid = "A2"')
    a1 = q3[start:end]
    write(
        infra / "scenarios" / "later",
        {
            "2026-Q3.toml": q3.replace(a1, ""),
            "2026-Q4.toml": '[quarter]\nid = "2026-Q4"\n\n' + a1,
            "backlog.toml": INFRA["backlog.toml"],
        },
    )
    return portfolio_file(tmp_path, ['path = "infra"', 'path = "wh"'])


def test_impact_names_the_ask_whose_status_changes(tmp_path: Path) -> None:
    file = with_scenario(tmp_path)
    args = ["portfolio", "impact", str(file), "--member", "infra=scenario:later"]
    result = CliRunner().invoke(main, [*args, "--format", "json"])
    assert result.exit_code == 1, result.output  # a confirmed promise is no longer kept
    data = json.loads(result.stdout)
    assert [(c["item"], c["team"]) for c in data["asks"]] == [("A1", "wh")]
    change = data["asks"][0]
    assert [(a["quarter"], a["status"]) for a in change["before"]] == [("2026-Q3", "confirmed")]
    assert [(a["quarter"], a["status"]) for a in change["after"]] == [("2026-Q4", "wrong-quarter")]
    text = CliRunner().invoke(main, args).output
    assert "infra/A1 of wh: 3 days in 2026-Q3 confirmed -> 3 days in 2026-Q4 wrong-quarter" in text
    # wh's 2026-Q3 gets no lighter: the reservation stays until wh moves it
    assert "Teams newly over capacity (0)" in text


def test_impact_of_an_unknown_member_or_bad_source(tmp_path: Path) -> None:
    file = with_scenario(tmp_path)
    unknown = CliRunner().invoke(main, ["portfolio", "impact", str(file), "--member", "ops=x"])
    assert unknown.exit_code == 2
    assert "no member ops" in unknown.output and "members: infra, wh" in unknown.output
    bad = CliRunner().invoke(
        main, ["portfolio", "impact", str(file), "--member", "infra=scenario:nope"]
    )
    assert bad.exit_code == 1
    assert "no scenario `nope`" in bad.output


def test_notices_tell_the_lender_where_its_reservation_stands(tmp_path: Path) -> None:
    file = with_scenario(tmp_path)
    infra = tmp_path / "infra"
    result = CliRunner().invoke(
        main,
        ["notices", str(infra), "scenario:later", "-w", str(infra), "--portfolio", str(file)],
    )
    assert result.exit_code == 0, result.output
    block = result.stdout.split("== Team wh")[1]
    assert "Your reservations:\n" in block
    assert (
        "- You reserved 3 days in 2026-Q3 for A1 (RES-A1); they are now asked in 2026-Q4." in block
    )
    assert "- You reserved 2 of the 4 days A2 asks in 2026-Q3 (RES-A2)." in block
    assert "- A4 asks 2 days in 2026-Q3: you have no reservation for it yet." in block
    assert "(RES-B1): the asking item is in the backlog; you can plan them for other work." in block
