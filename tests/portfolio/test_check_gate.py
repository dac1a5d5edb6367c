"""`roadmap check --portfolio`: the one-process gate also fails on a broken promise between teams."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from roadmap_tui.cli import main
from tests.portfolio.conftest import quarter, roadmap, team, write

ASKING = quarter(
    "2026-Q3",
    '[[items]]\nid = "MIGRATE"\ntitle = "Migrate"\nestimate = 10\n'
    'asks = [ { team = "lender", days = 3 } ]\n',
)


def _portfolio(tmp_path: Path, reserved_days: int | None) -> tuple[Path, Path]:
    ours = write(
        tmp_path / "ours",
        {
            "roadmap.toml": roadmap(
                "ours", '{ "2026-Q3" = 50 }', team("lender", '{ "2026-Q3" = 9 }')
            ),
            "2026-Q3.toml": ASKING,
        },
    )
    lender_items = (
        ""
        if reserved_days is None
        else '[[items]]\nid = "RES-OURS-MIGRATE"\ntitle = "Days for ours"\nkind = "reservation"\n'
        f'for = "ours/MIGRATE"\nestimate = {reserved_days}\n'
    )
    write(
        tmp_path / "lender",
        {
            "roadmap.toml": roadmap("lender", '{ "2026-Q3" = 9 }'),
            "2026-Q3.toml": quarter("2026-Q3", lender_items),
        },
    )
    file = tmp_path / "portfolio.toml"
    file.write_text(
        '[portfolio]\nname = "P"\n\n[[workspaces]]\npath = "ours"\n\n[[workspaces]]\npath = "lender"\n',
        encoding="utf-8",
    )
    return ours, file


def _check(ours: Path, file: Path) -> tuple[int, dict[str, object]]:
    result = CliRunner().invoke(
        main, ["-w", str(ours), "check", "--portfolio", str(file), "--format", "json"]
    )
    return result.exit_code, json.loads(result.stdout)


def test_an_unconfirmed_ask_fails_the_gate(tmp_path: Path) -> None:
    ours, file = _portfolio(tmp_path, reserved_days=None)
    code, data = _check(ours, file)
    assert code == 1
    steps = {step["step"]: step for step in data["steps"]}  # type: ignore[attr-defined]
    assert [f["message"] for f in steps["portfolio"]["findings"]] == [
        "ask of lender by ours/MIGRATE in 2026-Q3 (3 days): unconfirmed"
    ]
    assert steps["validate"]["passed"] and steps["capacity"]["passed"]


def test_a_short_reservation_fails_and_a_full_one_passes(tmp_path: Path) -> None:
    ours, file = _portfolio(tmp_path / "short", reserved_days=2)
    code, data = _check(ours, file)
    assert code == 1
    assert "(3 days): short" in json.dumps(data)
    ours, file = _portfolio(tmp_path / "full", reserved_days=3)
    code, data = _check(ours, file)
    assert code == 0 and data["passed"] is True
