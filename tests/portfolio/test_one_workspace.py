"""In one workspace: reservations validated and counted, OWNER/ID dependencies external."""

from __future__ import annotations

import json

from click.testing import CliRunner

from roadmap_tui.cli import main
from tests.conftest import WriteWorkspace

Q4 = '[quarter]\nid = "2026-Q4"\n\n'


def test_a_reservation_needs_a_well_formed_for(write_ws: WriteWorkspace) -> None:
    ws = write_ws(
        {
            "2026-Q4.toml": Q4
            + '[[items]]\nid = "R1"\ntitle = "r"\nkind = "reservation"\nestimate = 2\n\n'
            + '[[items]]\nid = "R2"\ntitle = "r"\nkind = "reservation"\nfor = "infra"\n\n'
            + '[[items]]\nid = "E1"\ntitle = "e"\nfor = "a/B"\n'
        }
    )
    result = CliRunner().invoke(main, ["validate", "-w", str(ws)])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert any(
        "items[R1].for" in line and 'a reservation needs `for = "OWNER/ITEM"`' in line
        for line in lines
    ), result.output
    assert any("items[R2].for" in line and "`infra` is not OWNER/ITEM" in line for line in lines)
    assert any(
        "items[E1].for" in line and "warning" in line and "read only on reservations" in line
        for line in lines
    ), result.output


def test_external_dependencies_are_listed_not_errors(write_ws: WriteWorkspace) -> None:
    ws = write_ws(
        {
            "2026-Q4.toml": Q4
            + '[[items]]\nid = "A"\ntitle = "a"\ndepends_on = ["wh/W-1", "B"]\n\n'
            + '[[items]]\nid = "B"\ntitle = "b"\ndepends_on = ["bad/"]\n'
        }
    )
    result = CliRunner().invoke(main, ["validate", "-w", str(ws)])
    assert result.exit_code == 1
    assert "wh/W-1" not in result.output
    assert "`bad/` is not OWNER/ITEM" in result.output
    deps = CliRunner().invoke(main, ["deps", "-w", str(ws), "--format", "json"])
    data = json.loads(deps.stdout)
    assert data["external"] == [
        {"item": "A", "location": "2026-Q4", "depends_on": "wh/W-1"},
        {"item": "B", "location": "2026-Q4", "depends_on": "bad/"},
    ]
    assert data["dangling"] == []
    text = CliRunner().invoke(main, ["deps", "-w", str(ws)]).output
    assert "External: on other workspaces' items (2)" in text
    assert "A (2026-Q4) depends on wh/W-1, in another workspace" in text


def test_capacity_counts_reservations_as_own_days(write_ws: WriteWorkspace) -> None:
    ws = write_ws(
        {
            "2026-Q4.toml": Q4
            + '[[items]]\nid = "A"\ntitle = "a"\nestimate = 10\n\n'
            + '[[items]]\nid = "R"\ntitle = "r"\nkind = "reservation"\nfor = "wh/X"\nestimate = 3\n'
        }
    )
    result = CliRunner().invoke(main, ["capacity", "-w", str(ws), "--format", "json"])
    infra = next(r for r in json.loads(result.output) if r["team"] == "infra")
    assert (infra["own"], infra["used"], infra["free"]) == (13, 13, 87)
