"""The rich renderables both faces show: the same words and arrows in `roadmap impact` and the
app's compare view, and `roadmap adopt` prints exactly the app's proposal text."""

from __future__ import annotations

import io
from pathlib import Path

from click.testing import CliRunner
from rich.console import Console, RenderableType

from roadmap_tui.cli import main
from roadmap_tui.exporters.rich_views import adoption_text, impact_tables, options_table
from roadmap_tui.impact import Impact, Options, compare_versions
from roadmap_tui.planning.adopt import make_room
from roadmap_tui.storage import WorkspaceStore
from tests.impact.conftest import item, score, value, workspace

Q1, Q2 = "2027-Q1", "2027-Q2"


def _text(*parts: RenderableType) -> str:
    console = Console(width=160, record=True, file=io.StringIO())
    for part in parts:
        console.print(part)
    return "\n".join(line.rstrip() for line in console.export_text().splitlines())


def test_a_changed_figure_reads_the_same_in_both_faces() -> None:
    base = workspace({Q1: [item("A", estimate=5)], Q2: []})
    adjusted = workspace({Q1: [], Q2: [item("A", estimate=8, score={"value": 9, "effort": 3})]})
    impact = compare_versions(base, [("new", adjusted)], value=value, score=score)
    assert isinstance(impact, Impact)
    wide = _text(*impact_tables(impact))
    compact = _text(*impact_tables(impact, compact=True))
    assert "A      deferred       2027-Q1   2027-Q2   5 → 8   6 → 9" in wide
    assert "A      deferred       2027-Q1   2027-Q2   6 → 9" in compact
    assert "->" not in wide + compact
    assert "Days per team against capacity (changed only)" in wide
    assert "Days per team" not in compact


def test_options_table_lists_the_base_first() -> None:
    base = workspace({Q1: [item("A")], Q2: []})
    later = workspace({Q1: [], Q2: [item("A")]})
    options = compare_versions(base, [("x", later), ("y", base)], value=value, score=score)
    assert isinstance(options, Options)
    lines = _text(options_table(options)).splitlines()
    assert lines[0] == "Options against base"
    assert [line.split()[0] for line in lines[3:6]] == ["base", "x", "y"]
    assert lines[-1] == "Shift: the largest goal slip against the base, in quarters."


def test_roadmap_adopt_prints_the_apps_proposal_text(example: Path) -> None:
    args = ["adopt", "REQ-ACCOUNT-STRUCTURE", "--quarter", "2027-Q1", "--dry-run"]
    printed = CliRunner().invoke(main, ["-w", str(example), *args])
    assert printed.exit_code == 0, printed.output
    ws = WorkspaceStore.open(example).workspace
    result = make_room(ws, ["REQ-ACCOUNT-STRUCTURE"], "2027-Q1", value)
    lines = printed.stdout.splitlines()
    assert lines[0] == "Adopt REQ-ACCOUNT-STRUCTURE into 2027-Q1"
    assert lines[1:-1] == _text(adoption_text(result)).splitlines()
    assert lines[-1] == "Dry run: no scenario written."
