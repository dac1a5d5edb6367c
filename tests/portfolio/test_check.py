"""`roadmap portfolio check|asks|deps|capacity` on small generated teams: every status,
orphaned reservations, cross-team orders, load with unconfirmed days and declared capacities."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from roadmap_tui.cli import main
from tests.portfolio.conftest import INFRA, WH, portfolio_file, write


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def check_json(file: Path, command: str = "check") -> tuple[int, dict[str, Any]]:
    result = CliRunner().invoke(main, ["portfolio", command, str(file), "--format", "json"])
    return result.exit_code, json.loads(result.stdout)


def two_teams(tmp_path: Path) -> Path:
    write(tmp_path / "infra", INFRA)
    write(tmp_path / "wh", WH)
    return portfolio_file(tmp_path, ['path = "infra"', 'path = "wh"'])


def test_every_status_with_what_was_reserved(tmp_path: Path) -> None:
    code, data = check_json(two_teams(tmp_path))
    assert code == 1
    asks = [
        (a["from"], a["item"], a["team"], a["quarter"], a["days"], a["status"], a["reserved"])
        for a in data["asks"]
    ]
    assert asks == [
        ("infra", "A1", "wh", "2026-Q3", 3, "confirmed", {"item": "RES-A1", "quarter": "2026-Q3", "days": 3}),
        ("infra", "A2", "wh", "2026-Q3", 4, "short", {"item": "RES-A2", "quarter": "2026-Q3", "days": 2}),
        ("infra", "A3", "wh", "2026-Q3", 5, "wrong-quarter", {"item": "RES-A3", "quarter": "2026-Q4", "days": 5}),
        ("infra", "A4", "wh", "2026-Q3", 2, "unconfirmed", None),
        ("infra", "A5", "dev", "2026-Q3", 6, "no-workspace", None),
    ]  # fmt: skip
    assert data["members"] == [
        {"owner": "infra", "source": "infra", "items": 8, "error": None, "note": None},
        {"owner": "wh", "source": "wh", "items": 6, "error": None, "note": None},
    ]


def test_a_reservation_whose_item_went_to_the_backlog_is_orphaned(tmp_path: Path) -> None:
    _, data = check_json(two_teams(tmp_path))
    assert data["orphaned"] == [
        {
            "team": "wh",
            "item": "RES-B1",
            "for": "infra/B1",
            "quarter": "2026-Q3",
            "days": 1,
            "reason": "the asking item is in the backlog",
        }
    ]


def test_cross_team_dependencies_planned_later_or_missing(tmp_path: Path) -> None:
    code, data = check_json(two_teams(tmp_path), "deps")
    assert code == 1
    assert [
        (d["item"], d["quarter"], d["depends_on"], d["depends_quarter"], d["problem"])
        for d in data["dependencies"]
    ] == [
        ("infra/A6", "2026-Q3", "wh/W-LATE", "2026-Q4", "order"),
        ("infra/A7", "2026-Q3", "wh/NOPE", None, "missing"),
    ]


def test_capacity_counts_reservations_and_unconfirmed_asks(tmp_path: Path) -> None:
    code, data = check_json(two_teams(tmp_path), "capacity")
    assert code == 1  # wh is over in 2026-Q3
    rows = [
        (c["team"], c["quarter"], c["capacity"], c["used"], c["unconfirmed"], c["free"],
         c["overloaded"], c["source"])
        for c in data["capacity"]
    ]  # fmt: skip
    assert rows == [
        # 25 days of A1..A5 and 1 each of A6, A7
        ("infra", "2026-Q3", 100, 27, 0, 73, False, "workspace"),
        # W1 10 + reservations 3 + 2 + 1; unconfirmed: A2 short by 2, A3 5 (reserved in Q4), A4 2
        ("wh", "2026-Q3", 20, 16, 9, -5, True, "workspace"),
        ("dev", "2026-Q3", 8, 6, 0, 2, False, "declared"),
        ("wh", "2026-Q4", 20, 9, 0, 11, False, "workspace"),
    ]
    dev = data["capacity"][2]
    assert dev["declared"] == {"infra": 20, "wh": 8}
    assert dev["disagree"] is True


def test_text_report_names_each_problem(tmp_path: Path) -> None:
    code, output = run("portfolio", "check", str(two_teams(tmp_path)))
    assert code == 1
    assert "infra/A2 asks 4 days of wh in 2026-Q3: short: RES-A2 reserves 2" in output
    assert (
        "infra/A3 asks 5 days of wh in 2026-Q3: wrong quarter: RES-A3 reserves 5 in 2026-Q4"
        in output
    )
    assert "wh reserves 1 day in 2026-Q3 (RES-B1) for infra/B1" in output
    assert "order: infra/A6 (2026-Q3) depends on wh/W-LATE, planned later, in 2026-Q4" in output
    assert "wh 2026-Q3: 16 used + 9 unconfirmed of 20, over by 5" in output
    assert "askers disagree: infra 20, wh 8" in output


def test_all_promises_kept_exits_0(tmp_path: Path) -> None:
    infra = {
        "roadmap.toml": INFRA["roadmap.toml"],
        "2026-Q3.toml": '[quarter]\nid = "2026-Q3"\n\n[[items]]\nid = "A1"\ntitle = "x"\n'
        'estimate = 5\ndepends_on = ["wh/W1"]\nasks = [ { team = "wh", days = 3 },'
        ' { team = "dev", days = 1 } ]\n',
    }
    wh = {
        "roadmap.toml": WH["roadmap.toml"],
        "2026-Q3.toml": '[quarter]\nid = "2026-Q3"\n\n[[items]]\nid = "W1"\ntitle = "w"\n'
        'estimate = 1\n\n[[items]]\nid = "RES-A1"\ntitle = "r"\nkind = "reservation"\n'
        'for = "infra/A1"\nestimate = 3\n',
    }
    write(tmp_path / "infra", infra)
    write(tmp_path / "wh", wh)
    file = portfolio_file(tmp_path, ['path = "infra"', 'path = "wh"'])
    code, data = check_json(file)
    assert code == 0, data
    assert [a["status"] for a in data["asks"]] == ["no-workspace", "confirmed"]  # dev < wh
    assert data["orphaned"] == [] and data["dependencies"] == []


def test_a_missing_member_does_not_hide_the_others(tmp_path: Path) -> None:
    write(tmp_path / "infra", INFRA)
    write(tmp_path / "wh", WH)
    file = portfolio_file(
        tmp_path,
        ['path = "gone"', 'path = "infra"', f'git = "{tmp_path / "nowhere.git"}"', 'path = "wh"'],
    )
    code, data = check_json(file)
    assert code == 1
    members = data["members"]
    assert [m["owner"] for m in members] == [None, "infra", None, "wh"]
    assert "no such workspace folder" in members[0]["error"]
    assert members[2]["error"].startswith("cannot fetch and no cached copy:")
    assert [a["status"] for a in data["asks"]][:4] == [
        "confirmed",
        "short",
        "wrong-quarter",
        "unconfirmed",
    ]
    strict, _ = run("portfolio", "asks", str(file), "--fail-unreadable")
    assert strict == 1


def test_two_members_with_the_same_owner(tmp_path: Path) -> None:
    write(tmp_path / "wh", WH)
    write(tmp_path / "wh-copy", WH)
    file = portfolio_file(tmp_path, ['path = "wh"', 'path = "wh-copy"'])
    _, data = check_json(file)
    assert data["members"][1]["error"] == "same owner `wh` as the member from wh"


def test_bad_portfolio_files_are_located_messages(tmp_path: Path) -> None:
    cases = {
        '[portfolio]\nname = "P"\n[[workspaces]]\ngit = "--upload-pack=touch x"\n': (
            "workspaces[1].git: cannot start with '-'"
        ),
        '[portfolio]\nname = "P"\n[[workspaces]]\npath = "a"\ngit = "b"\n': (
            "needs exactly one of `path` or `git`"
        ),
        '[portfolio]\nname = "P"\n[[workspaces]]\npaht = "a"\n': "unknown key `paht`",
        '[portfolio]\nname = "P"\n': "lists no members",
        "[portfolio\n": "not valid TOML",
    }
    for text, message in cases.items():
        file = tmp_path / "portfolio.toml"
        file.write_text(text, encoding="utf-8")
        code, output = run("portfolio", "check", str(file))
        assert code == 1
        assert message in output, output
        assert "Traceback" not in output
    assert not (tmp_path / "x").exists()
