"""`roadmap export deck` on the example workspace (a copy): base `plans` against the scenario
adopt-account-structure, and the command's own behaviour (overwrite, template, warnings)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from roadmap_tui.cli import main
from roadmap_tui.exporters.deck.measure import default_measure
from tests.exporters.deck_helpers import notes_of, open_deck, outside, overflows, title_of

SCENARIO = "scenario:adopt-account-structure"


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def here(example: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Work next to the copied workspace, so that the source `plans` is the copy."""
    monkeypatch.chdir(example.parent)
    return example.parent


@pytest.fixture
def deck(here: Path) -> Any:
    result = run("-w", "plans", "export", "deck", "plans", SCENARIO, "-o", "deck.pptx")
    assert result.exit_code == 0, result.output
    assert result.output == f"deck.pptx: 11 slides, impact of plans -> {SCENARIO}\n"
    return open_deck(here / "deck.pptx")


def _charts(slide: Any) -> list[Any]:
    return [shape.chart for shape in slide.shapes if shape.has_chart]


def _rows(prs: Any, prefix: str) -> list[list[str]]:
    """Table rows of the slides titled `prefix`..., wrapped lines joined with spaces."""
    return [
        [cell.text.replace("\v", " ") for cell in row.cells]
        for slide in prs.slides
        if title_of(slide).startswith(prefix)
        for shape in slide.shapes
        if shape.has_table
        for row in list(shape.table.rows)[1:]
    ]


def test_slides_of_the_example(deck: Any) -> None:
    assert [title_of(slide) for slide in deck.slides] == [
        "Infrastructure platform: roadmap change",
        "Summary",
        "Roadmap before and after",
        "Value and effort",
        "Changes",
        "Cross-team asks",
        "Dependencies at risk",
        "Appendix: planned items (1/4)",
        "Appendix: planned items (2/4)",
        "Appendix: planned items (3/4)",
        "Appendix: planned items (4/4)",
    ]
    assert outside(deck) == []
    assert overflows(deck, default_measure()) == []
    assert all(notes_of(slide).strip() for slide in deck.slides)


def test_the_decision_of_the_example(deck: Any) -> None:
    text = " ".join(
        shape.text_frame.text.replace("\v", " ")
        for shape in deck.slides[1].shapes
        if shape.has_text_frame
    )
    assert (
        "Decision: add “Account structure for decentralised stacks” (REQ-ACCOUNT-STRUCTURE)"
        " and “Enforce mandatory tags with Spacelift policies” (REQ-TAGGING-POLICY) to 2027-Q1,"
        " defer “Onboard warehouse-systems services to the app module”"
        " (WAREHOUSE-STACKS-ONBOARDING) and “Self-service GPU node pools for ml-platform”"
        " (ML-GPU-STACKS) to 2027-Q2 and remove “Spacelift private workers on spot instances”"
        " (SPACELIFT-SPOT-WORKERS) from the plan." in text
    )
    # a goal leaves the plan: said, and counted as a risk; the requesting teams are named
    assert (
        "Goals: “Reliable CI/CD for infrastructure: Spacelift, Helm tests, SLOs” is no longer"
        " delivered within the plan (was 2027-Q2)." in text
    )
    assert (
        "Teams that will be told: Infrastructure core (networking, accounts), Security"
        " platform, ML platform and Warehouse systems." in text
    )


def test_charts_hold_the_example_numbers(deck: Any) -> None:
    value, effort = _charts(deck.slides[3])
    assert list(value.plots[0].categories) == ["2026-Q3", "2026-Q4", "2027-Q1", "2027-Q2"]
    # 2027-Q1: 75 + 9 (account structure) + 7 (tagging) - 6 (warehouse) - 7 (GPU) = 78;
    # 2027-Q2: 70 + 6 + 7 (the two deferred) - 5 (spot workers skipped) = 78.
    assert [list(s.values) for s in value.plots[0].series] == [
        [49.0, 67.0, 75.0, 70.0],
        [49.0, 67.0, 78.0, 78.0],
    ]
    assert list(effort.plots[0].categories) == [
        "Infrastructure platform\n2027-Q1",
        "Infrastructure platform\n2027-Q2",
        "Infrastructure core\n2027-Q1",
        "Security platform\n2027-Q1",
        "ML platform\n2027-Q1",
        "ML platform\n2027-Q2",
        "Warehouse systems\n2027-Q1",
        "Warehouse systems\n2027-Q2",
    ]
    # infra-platform 2027-Q1: 129 + 25 + 10 - 8 - 15 = 141 of 145; 2027-Q2: 122 + 8 + 15 - 15
    # = 130 of 140; infra-core +6 of 25; security 6 + 5 + 2 = 13 of 20; ML and warehouse 4 of
    # 15 move from 2027-Q1 to 2027-Q2.
    after = effort.plots[0].series[1]
    assert list(after.values) == pytest.approx(
        [141 / 145 * 100, 130 / 140 * 100, 24.0, 65.0, 0.0, 4 / 15 * 100, 0.0, 4 / 15 * 100]
    )
    assert after.points[0].data_label.text_frame.text == "141 of 145 d"


def test_tables_of_the_example(deck: Any) -> None:
    changes = _rows(deck, "Changes")
    assert [(row[0].split("\n")[-1], row[1], row[2]) for row in changes] == [
        ("REQ-ACCOUNT-STRUCTURE", "added", "backlog → 2027-Q1"),
        ("REQ-TAGGING-POLICY", "added", "backlog → 2027-Q1"),
        ("ML-GPU-STACKS", "deferred 1 quarter", "2027-Q1 → 2027-Q2"),
        ("WAREHOUSE-STACKS-ONBOARDING", "deferred 1 quarter", "2027-Q1 → 2027-Q2"),
        ("SPACELIFT-SPOT-WORKERS", "removed (to the backlog)", "2027-Q2 → backlog"),
    ]
    asks = _rows(deck, "Cross-team asks")
    assert [row[:4] for row in asks] == [
        ["Infrastructure core (networking, accounts)", "newly asked", "6", "2027-Q1"],
        ["Security platform", "newly asked", "5", "2027-Q1"],
        ["Security platform", "newly asked", "2", "2027-Q1"],
        ["ML platform", "moved", "4", "2027-Q1 → 2027-Q2"],
        ["Warehouse systems", "moved", "4", "2027-Q1 → 2027-Q2"],
    ]
    appendix = _rows(deck, "Appendix")
    assert len(appendix) == 39  # planned items of the scenario
    account = next(row for row in appendix if row[1].endswith("\nREQ-ACCOUNT-STRUCTURE"))
    assert "value/effort = value / effort = 9 / 7 = 1.29" in account[4]


def test_appendix_titles_link_to_the_tracker(deck: Any) -> None:
    links = [
        run.hyperlink.address
        for slide in deck.slides
        if title_of(slide).startswith("Appendix")
        for shape in slide.shapes
        if shape.has_table
        for row in shape.table.rows
        for paragraph in row.cells[1].text_frame.paragraphs
        for run in paragraph.runs
        if run.hyperlink.address
    ]
    assert len(set(links)) == 36  # the planned items that have a link
    assert "https://tracker.example/INFRA-170" in links


def test_a_git_baseline_shows_its_commit(here: Path) -> None:
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.com"]
    subprocess.run([*git, "init", "-q"], cwd=here, check=True)
    subprocess.run([*git, "add", "plans"], cwd=here, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "plans"], cwd=here, check=True)
    commit = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=here, check=True, capture_output=True, text=True
    ).stdout.strip()
    result = run("-w", "plans", "export", "deck", "git:HEAD", SCENARIO, "-o", "deck.pptx")
    assert result.exit_code == 0, result.output
    prs = open_deck(here / "deck.pptx")
    cover = prs.slides[0].placeholders[1].text_frame.text
    assert f"Baseline: git:HEAD (commit {commit[:7]})" in cover
    assert f"commit {commit}" in notes_of(prs.slides[0])


def test_two_alternatives_add_the_options_slide(here: Path) -> None:
    result = run("-w", "plans", "export", "deck", "plans", SCENARIO, "plans", "-o", "deck.pptx")
    assert result.exit_code == 0, result.output
    prs = open_deck(here / "deck.pptx")
    titles = [title_of(slide) for slide in prs.slides]
    assert titles.index("Options") == titles.index("Dependencies at risk") + 1
    options = next(slide for slide in prs.slides if title_of(slide) == "Options")
    table = next(shape.table for shape in options.shapes if shape.has_table)
    assert [cell.text for cell in table.rows[0].cells] == ["", "Baseline: plans", SCENARIO, "plans"]
    assert [cell.text for cell in table.rows[1].cells] == [
        "Plan value",
        "261",
        "272 (+11)",
        "261 (±0)",
    ]


def test_an_existing_file_is_refused_without_force(here: Path) -> None:
    (here / "deck.pptx").write_bytes(b"mine")
    result = run("-w", "plans", "export", "deck", "plans", SCENARIO, "-o", "deck.pptx")
    assert result.exit_code == 1
    assert "error: deck.pptx exists; use --force to overwrite it" in result.output
    assert (here / "deck.pptx").read_bytes() == b"mine"
    forced = run("-w", "plans", "export", "deck", "plans", SCENARIO, "-o", "deck.pptx", "--force")
    assert forced.exit_code == 0, forced.output
    assert (here / "deck.pptx").read_bytes()[:2] == b"PK"


def test_a_bad_template_is_a_message_not_a_traceback(here: Path) -> None:
    (here / "corp.pptx").write_text("not a deck", encoding="utf-8")
    result = run(
        "-w",
        "plans",
        "export",
        "deck",
        "plans",
        SCENARIO,
        "-o",
        "deck.pptx",
        "--template",
        "corp.pptx",
    )
    assert result.exit_code == 1
    assert result.output.startswith("error: template corp.pptx: not a PowerPoint file")
    assert not (here / "deck.pptx").exists()


def test_an_unsafe_link_is_left_out_with_a_warning(here: Path) -> None:
    scenario = here / "plans" / "scenarios" / "adopt-account-structure" / "2027-Q1.toml"
    text = scenario.read_text(encoding="utf-8")
    scenario.write_text(
        text.replace('"https://tracker.example/INFRA-170"', '"javascript:alert(1)"'),
        encoding="utf-8",
    )
    result = run("-w", "plans", "export", "deck", "plans", SCENARIO, "-o", "deck.pptx")
    assert result.exit_code == 0, result.output
    assert (
        "warning: REQ-ACCOUNT-STRUCTURE: link 'javascript:alert(1)' left out of the deck (only"
        " http, https and mailto links are kept)" in result.stderr
    )


def test_the_command_line_imports_no_deck_library_until_a_deck_is_written() -> None:
    code = (
        "import json, sys\n"
        "import roadmap_tui.exporters, roadmap_tui.exporters.deck\n"
        "import roadmap_tui.cli.export_cmds, roadmap_tui.cli.deck_cmd\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] == 'pptx')))"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert json.loads(out.stdout.strip().splitlines()[-1]) == []
