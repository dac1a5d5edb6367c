"""Who the deck is for (directors, PO, team), the template's look read from its theme, the
vocabulary shared with the other faces, and what keeps a large deck small and quick."""

from __future__ import annotations

import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from roadmap_tui.cli import main
from roadmap_tui.exporters.deck import write_deck
from roadmap_tui.exporters.deck.directors import horizons
from roadmap_tui.exporters.deck.theme import contrast, read_theme
from roadmap_tui.exporters.markdown import impact_markdown
from roadmap_tui.impact import Change, ItemChange
from roadmap_tui.impact.vocabulary import CHANGE_WORDS, change_word
from tests.exporters.deck_helpers import (
    MEASURE,
    deck_input,
    item_changes,
    notes_of,
    open_deck,
    small_impact,
    title_of,
)
from tests.exporters.deck_templates import NAVY, Look, make_template

SCENARIO = "scenario:adopt-account-structure"


def _titles(path: Path) -> list[str]:
    return [title_of(slide) for slide in open_deck(path).slides]


def test_directors_get_at_most_six_slides(tmp_path: Path) -> None:
    path = tmp_path / "directors.pptx"
    result = write_deck(deck_input(audience="directors"), path, measure=MEASURE)
    assert result.slides == [
        "Infra roadmap: roadmap change",
        "Summary",
        "Now, next, later: what changes",
        "Value and effort",
    ]
    assert _titles(path) == result.slides


def test_the_team_gets_item_details_before_the_appendix(tmp_path: Path) -> None:
    path = tmp_path / "team.pptx"
    result = write_deck(deck_input(audience="team"), path, measure=MEASURE)
    assert result.slides[-2:] == ["Item details", "Appendix: planned items"]
    po = write_deck(deck_input(), tmp_path / "po.pptx", measure=MEASURE)
    assert "Item details" not in po.slides
    assert len(result.slides) == len(po.slides) + 1


def test_now_next_later_sorts_changes_by_horizon() -> None:
    # DAY is 2026-11-27: now 2026-Q4, next 2027-Q1, later nothing (the plan ends there)
    now, following, later = horizons(small_impact(), "2026-Q4")
    assert (now.name, now.quarters, following.quarters, later.quarters) == (
        "Now",
        ["2026-Q4"],
        ["2027-Q1"],
        [],
    )
    # into 2026-Q4: EARLY pulled in; out of it: LATE deferred; SIZE re-estimated in place
    assert [(row.id, way) for row, way in now.changes] == [
        ("EARLY", "arrive"),
        ("LATE", "leave"),
        ("SIZE", "arrive"),
    ]
    assert (now.unchanged, now.unchanged_days) == (1, 12.0)  # KEEP
    assert [(row.id, way) for row, way in following.changes] == [
        ("ADD", "arrive"),
        ("EARLY", "leave"),
        ("LATE", "arrive"),
        ("GONE", "leave"),
    ]


def test_the_command_line_takes_the_audience(example: Path, tmp_path: Path) -> None:
    out = tmp_path / "board.pptx"
    args = ["-w", str(example), "export", "deck", str(example), SCENARIO, "-o", str(out)]
    result = CliRunner().invoke(main, [*args, "--audience", "directors"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"{out}: 4 slides")
    bad = CliRunner().invoke(main, [*args, "--audience", "board", "--force"])
    assert bad.exit_code == 2
    assert "'board' is not one of 'directors', 'po', 'team'" in bad.output


def test_a_dark_fill_takes_light_text_from_the_colour_map(tmp_path: Path) -> None:
    from pptx import Presentation

    path = make_template(tmp_path, Look("navy", fill=NAVY))
    prs = Presentation(str(path))
    theme = read_theme(prs, prs.slide_layouts[5], True)
    assert theme.background == NAVY
    assert theme.text == "FFFFFF"  # tx1 (black) fails on navy; bg1 (white) reads
    assert contrast(theme.muted, NAVY) >= 4.5


def test_a_dark_colour_map_and_a_serif_font_are_read(tmp_path: Path) -> None:
    from pptx import Presentation

    path = make_template(tmp_path, Look("dark", dark_map=True, font="DejaVu Serif"))
    prs = Presentation(str(path))
    theme = read_theme(prs, prs.slide_layouts[5], True)
    assert theme.background == "000000"  # bg1 maps to dk1
    assert theme.text == "FFFFFF"  # tx1 maps to lt1
    assert (theme.major, theme.minor) == ("DejaVu Serif", "DejaVu Serif")


def test_notes_slides_are_named_after_their_slides(tmp_path: Path) -> None:
    path = tmp_path / "deck.pptx"
    write_deck(deck_input(), path, measure=MEASURE)
    with zipfile.ZipFile(path) as archive:
        names = sorted(n for n in archive.namelist() if n.startswith("ppt/notesSlides/notes"))
        slides = sorted(n for n in archive.namelist() if n.startswith("ppt/slides/slide"))
    assert [n.rsplit("notesSlide", 1)[1] for n in names] == [
        n.rsplit("slide", 1)[1] for n in slides
    ]
    prs = open_deck(path)
    assert all(notes_of(slide) for slide in prs.slides)


def test_the_appendix_is_capped_with_a_count(tmp_path: Path) -> None:
    rows = tuple(
        ItemChange(
            f"P{n:03}",
            f"Planned {n}",
            "unchanged",
            "2027-Q1",
            "2027-Q1",
            "infra",
            estimate_after=1,
        )
        for n in range(130)
    )
    impact = small_impact(items=(*item_changes(), *rows))
    path = tmp_path / "deck.pptx"
    write_deck(deck_input(impact, workspace=None), path, measure=MEASURE)
    prs = open_deck(path)
    cells = [
        shape.table.cell(r, 1).text.replace("\v", " ")
        for slide in prs.slides
        if title_of(slide).startswith("Appendix")
        for shape in slide.shapes
        if shape.has_table
        for r in range(1, len(shape.table.rows))
    ]
    # 6 planned items of the small plan + 130 = 136: 100 shown, the changed ones first
    assert len(cells) == 101
    assert [cell.rsplit("\n", 1)[1] for cell in cells[:5]] == [  # changed first, by quarter
        "SIZE",
        "EARLY",
        "LATE",
        "ADD",
        "KEEP",  # then the unchanged, by quarter and score
    ]
    assert cells[-1] == "and 36 more items: see the Markdown export (roadmap export markdown)"


@pytest.mark.parametrize("change", ["added", "removed", "deferred", "pulled-in"])
def test_one_word_per_kind_of_change_in_markdown_and_the_deck(change: Change) -> None:
    word = change_word(change)
    assert word == CHANGE_WORDS[change]
    rows = tuple(replace(row, change=change) if row.id == "ADD" else row for row in item_changes())
    page = impact_markdown(small_impact(items=rows))
    assert f"| ADD | Account structure | {word} |" in page
    summary = next(line for line in page.splitlines() if line.startswith("**Summary.**"))
    assert "skipped" not in summary and "Adopted" not in summary
