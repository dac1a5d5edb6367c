"""`roadmap portfolio export deck`: load across teams, promises not kept, one slide per team."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from pptx import Presentation

from roadmap_tui.cli import main
from tests.portfolio.conftest import INFRA, WH, portfolio_file, write


def texts(slide: object) -> list[str]:
    found = []
    for shape in slide.shapes:  # type: ignore[attr-defined]
        if shape.has_table:
            found += [cell.text for row in shape.table.rows for cell in row.cells]
        elif shape.has_text_frame:
            found.append(shape.text_frame.text)
    return found


def test_the_deck_tells_load_promises_and_each_team(tmp_path: Path) -> None:
    write(tmp_path / "infra", INFRA)
    write(tmp_path / "wh", WH)
    file = portfolio_file(tmp_path, ['path = "infra"', 'path = "wh"'])
    out = tmp_path / "portfolio.pptx"
    result = CliRunner().invoke(main, ["portfolio", "export", "deck", str(file), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output == f"{out}: 5 slides, Platform (2 members)\n"
    slides = list(Presentation(str(out)).slides)
    titles = [s.shapes.title.text if s.shapes.title else texts(s)[0] for s in slides]
    assert titles[1:] == ["Load across teams", "Promises not kept", "Team: infra", "Team: wh"]
    load = texts(slides[1])
    # wh in 2026-Q3: 16 used + 9 asked but not reserved, of 20
    assert "16 + 9 of 20" in load and "27 of 100" in load and "6 of 8" in load
    promises = texts(slides[2])
    for status in ("short", "wrong-quarter", "unconfirmed", "orphaned", "order", "missing"):
        assert status in promises
    again = CliRunner().invoke(main, ["portfolio", "export", "deck", str(file), "-o", str(out)])
    assert again.exit_code == 1 and "exists; use --force" in again.output
