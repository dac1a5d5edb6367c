"""`roadmap reservations sync`: the plan, what does not fit, and the files written (comments kept)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from roadmap_tui.cli import main
from tests.portfolio.conftest import INFRA, WH, portfolio_file, write


def sync(ws: Path, file: Path, *more: str) -> tuple[int, str]:
    result = CliRunner().invoke(
        main, ["reservations", "sync", "-w", str(ws), "--portfolio", str(file), *more]
    )
    return result.exit_code, result.output


def statuses(file: Path) -> dict[str, str]:
    result = CliRunner().invoke(main, ["portfolio", "check", str(file), "--format", "json"])
    data = json.loads(result.stdout)
    return {ask["item"]: ask["status"] for ask in data["asks"]}


def teams(tmp_path: Path, wh_q3_capacity: int) -> tuple[Path, Path]:
    write(tmp_path / "infra", INFRA)
    wh = dict(WH)
    wh["roadmap.toml"] = wh["roadmap.toml"].replace(
        '"2026-Q3" = 20', f'"2026-Q3" = {wh_q3_capacity}'
    )
    folder = write(tmp_path / "wh", wh)
    return folder, portfolio_file(tmp_path, ['path = "infra"', 'path = "wh"'])


def test_the_plan_is_printed_and_nothing_written_without_write(tmp_path: Path) -> None:
    folder, file = teams(tmp_path, 20)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    code, output = sync(folder, file)
    assert code == 0
    # free in 2026-Q3: 20 - 16 = 4, + 1 from RES-B1 removed = 5; A2 takes 2, A3's 5 do not fit, A4 2
    assert output.splitlines()[1:] == [
        "  remove RES-B1 from 2026-Q3 (1 day): infra/B1 no longer asks",
        "  resize RES-A2 in 2026-Q3: 2 -> 4 days for infra/A2",
        "  create RES-INFRA-A4 in 2026-Q3: 2 days for infra/A4",
        "  not reserved: infra/A3 asks 5 days in 2026-Q3; 5 more do not fit (3 free)",
        "Nothing written (add --write to save these changes).",
    ]
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_sync_then_check_is_confirmed_and_comments_are_kept(tmp_path: Path) -> None:
    folder, file = teams(tmp_path, 40)
    code, output = sync(folder, file, "--write")
    assert code == 0, output
    assert "move RES-A3 from 2026-Q4 to 2026-Q3 (5 -> 5 days) for infra/A3" in output
    assert statuses(file) == {
        "A1": "confirmed",
        "A2": "confirmed",
        "A3": "confirmed",
        "A4": "confirmed",
        "A5": "no-workspace",
    }
    q3 = (folder / "2026-Q3.toml").read_text(encoding="utf-8")
    assert "estimate = 4  # what we could promise" in q3
    assert "estimate = 5  # agreed in the planning" in q3  # moved with its comment
    assert "RES-B1" not in q3
    assert (
        '[[items]]\nid = "RES-INFRA-A4"\ntitle = "Days for Team infra: Unconfirmed"\n'
        'kind = "reservation"\nfor = "infra/A4"\nestimate = 2\n'
    ) in q3
    assert "RES-A3" not in (folder / "2026-Q4.toml").read_text(encoding="utf-8")
    again, output = sync(folder, file)
    assert again == 0 and "nothing to change" in output
    validate = CliRunner().invoke(main, ["validate", "-w", str(folder)])
    assert validate.exit_code == 0, validate.output


def test_in_progress_reservations_are_left_alone(tmp_path: Path) -> None:
    folder, file = teams(tmp_path, 40)
    q4 = folder / "2026-Q4.toml"
    q4.write_text(
        q4.read_text().replace('for = "infra/A3"', 'for = "infra/A3"\nstatus = "in-progress"')
    )
    code, output = sync(folder, file)
    assert code == 0
    assert (
        "left: RES-A3 (2026-Q4, in-progress) for infra/A3: not changed, days already given"
        in output
    )
    assert "create RES-INFRA-A3 in 2026-Q3: 5 days for infra/A3" in output
