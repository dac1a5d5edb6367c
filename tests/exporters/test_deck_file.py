"""The written deck, reopened with python-pptx: slides, charts, tables, notes, links, fit."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from roadmap_tui.exporters.deck import DeckError, DeckResult, write_deck
from roadmap_tui.exporters.deck.clean import clean_text
from roadmap_tui.impact import ItemChange
from tests.exporters.deck_helpers import (
    HOSTILE,
    MEASURE,
    deck_input,
    hostile_impact,
    item_changes,
    notes_of,
    open_deck,
    outside,
    overflows,
    small_impact,
    small_workspace,
    title_of,
)

TITLES = [
    "Infra roadmap: roadmap change",
    "Summary",
    "Roadmap before and after",
    "Value and effort",
    "Changes",
    "Cross-team asks",
    "Dependencies at risk",
    "Appendix: planned items",
]


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, DeckResult]:
    path = tmp_path_factory.mktemp("deck") / "impact.pptx"
    result = write_deck(deck_input(), path, measure=MEASURE)
    return open_deck(path), result


def _table(slide: Any) -> list[list[str]]:
    tables = [shape.table for shape in slide.shapes if shape.has_table]
    assert len(tables) == 1
    # line breaks inside a paragraph (wrapping) read as spaces; "\n" separates paragraphs
    return [[cell.text.replace("\v", " ") for cell in row.cells] for row in tables[0].rows]


def _charts(slide: Any) -> list[Any]:
    return [shape.chart for shape in slide.shapes if shape.has_chart]


def test_slides_in_order(written: tuple[Any, DeckResult]) -> None:
    prs, result = written
    assert [title_of(slide) for slide in prs.slides] == TITLES
    assert result.slides == TITLES
    assert result.warnings == []


def test_wide_slides_without_a_template(written: tuple[Any, DeckResult]) -> None:
    prs, _ = written
    assert (prs.slide_width, prs.slide_height) == (12192000, 6858000)  # 13.333 x 7.5 in


def test_every_shape_is_on_its_slide_and_no_text_overflows(written: tuple[Any, DeckResult]) -> None:
    prs, _ = written
    assert outside(prs) == []
    assert overflows(prs) == []


def test_every_slide_has_speaker_notes_with_the_numbers(written: tuple[Any, DeckResult]) -> None:
    prs, _ = written
    slides = list(prs.slides)
    assert all(notes_of(slide).strip() for slide in slides)
    assert "commit 0123456789abcdef0123456789abcdef01234567" in notes_of(slides[0])
    assert "2026-Q4: 22 → 20 (-2)" in notes_of(slides[1])
    assert "2027-Q1: 12 → 17 (+5)" in notes_of(slides[3])
    assert "Infrastructure platform 2027-Q1: 14 → 22 of 20 (over capacity)" in notes_of(slides[3])
    assert "“Account structure” (ADD), added: backlog → 2027-Q1" in notes_of(slides[2])
    summary = notes_of(slides[1])  # talking points: the ask, the risks and their answers
    assert summary.startswith("The ask:\n  Decision: reopen 2026-Q4 (published), add")
    assert (
        "  Infrastructure platform in 2027-Q1 (22 of 20 days, 2 over): ask Infrastructure"
        " platform for the missing days, or move work out of that quarter." in summary
    )
    assert "the earliest it can run is 2027-Q2." in summary
    assert "  What do we lose? Plan value 34 → 37 (+3, value-effort)." in summary
    assert "Storage: newly asked 6 days, days freed 0 days" in notes_of(slides[5])


def test_summary_shows_the_decision(written: tuple[Any, DeckResult]) -> None:
    prs, _ = written
    text = " ".join(
        shape.text_frame.text.replace("\v", " ")
        for shape in prs.slides[1].shapes
        if shape.has_text_frame
    )
    assert (
        "Decision: reopen 2026-Q4 (published), add “Account structure” (ADD) to 2027-Q1,"
        " defer “Onboard warehouse” (LATE) to 2027-Q1, pull in “Run cache” (EARLY) to 2026-Q4"
        " and remove “Spot workers” (GONE) from the plan; to run as written, also move"
        " “Datadog self-service” (NEXT) to 2027-Q2 and free 2 days of Infrastructure"
        " platform's work in 2027-Q1." in text
    )
    assert "Plan value rises from 34 to 37 (+3, +9%; value-effort)." in text
    assert "Dependency order broken: “Datadog self-service” (NEXT) in 2027-Q1 needs LATE" in text


def test_value_chart_equals_the_impact(written: tuple[Any, DeckResult]) -> None:
    from pptx.enum.chart import XL_CHART_TYPE

    value, effort = _charts(written[0].slides[3])
    assert value.chart_type == XL_CHART_TYPE.COLUMN_CLUSTERED
    assert list(value.plots[0].categories) == ["2026-Q4", "2027-Q1"]
    assert [(s.name, list(s.values)) for s in value.plots[0].series] == [
        ("Before", [22.0, 12.0]),
        ("After", [20.0, 17.0]),
    ]
    assert effort.chart_type == XL_CHART_TYPE.BAR_CLUSTERED
    # infra 2026-Q4 does not change (23 -> 23 of 40): not charted.
    assert list(effort.plots[0].categories) == [
        "Infrastructure platform\n2027-Q1",
        "Storage\n2027-Q1",
    ]
    # share of capacity: infra 14/20 -> 22/20, storage 0/10 -> 6/10
    before_series, after_series = effort.plots[0].series
    assert (before_series.name, after_series.name) == ("Before", "After")
    assert list(before_series.values) == pytest.approx([70.0, 0.0])
    assert list(after_series.values) == pytest.approx([110.0, 60.0])
    after = effort.plots[0].series[1]
    labels = [after.points[i].data_label.text_frame.text for i in range(2)]
    assert labels == ["22 of 20 d", "6 of 10 d"]
    before = effort.plots[0].series[0]  # both series say their days
    labels = [before.points[i].data_label.text_frame.text for i in range(2)]
    assert labels == ["was 14 of 20 d", "was 0 of 10 d"]
    assert str(after.points[0].format.fill.fore_color.rgb) == "B54A4A"  # over capacity


def test_changes_table(written: tuple[Any, DeckResult]) -> None:
    rows = _table(written[0].slides[4])
    assert rows == [
        ["Item", "Change", "From → to", "Score before → after", "Reason"],
        ["Account structure\nADD", "added", "backlog → 2027-Q1", "0.80", "adopted: security asked"],
        ["Run cache\nEARLY", "pulled in 1 quarter", "2027-Q1 → 2026-Q4", "1.33", ""],
        [
            "Onboard warehouse\nLATE",
            "deferred 1 quarter",
            "2026-Q4 → 2027-Q1",
            "3.00",
            "deferred: account first",
        ],
        [
            "Spot workers\nGONE",
            "removed (to the backlog)",
            "2027-Q1 → backlog",
            "1.25",
            "skipped for now",
        ],
        ["Naming\nSIZE", "re-estimated 6 → 8 d", "2026-Q4", "1.75", ""],
    ]


def test_changes_are_coloured_by_change(written: tuple[Any, DeckResult]) -> None:
    table = next(s.table for s in written[0].slides[4].shapes if s.has_table)
    fills = [str(table.cell(r, 1).fill.fore_color.rgb) for r in range(1, 6)]
    assert fills == ["D6EDD9", "D7E6F6", "FBE6C0", "F3DCDC", "ECEEF1"]


def test_asks_and_dependencies_tables(written: tuple[Any, DeckResult]) -> None:
    prs = written[0]
    assert _table(prs.slides[5]) == [
        ["Team", "Change", "Days", "Quarter", "Item", "Why"],
        [
            "Storage",
            "newly asked",
            "6",
            "2027-Q1",
            "Account structure\nADD",
            "bucket policies; adopted: security asked",
        ],
    ]
    assert _table(prs.slides[6]) == [
        ["Item", "Quarter", "Problem", "What happened", "Earliest"],
        [
            "Datadog self-service\nNEXT needs LATE",
            "2027-Q1",
            "deferred",
            "LATE moved to 2027-Q1, the same quarter",
            "2027-Q2",
        ],
    ]


def test_appendix_lists_planned_items_by_quarter_and_score_with_links(
    written: tuple[Any, DeckResult],
) -> None:
    slide = written[0].slides[7]
    rows = _table(slide)
    assert [row[1].split("\n")[-1] for row in rows[1:]] == [
        "SIZE",
        "EARLY",
        "KEEP",
        "LATE",
        "ADD",
        "NEXT",
    ]
    assert rows[5] == [
        "2027-Q1",
        "Account structure\nADD",
        "Infrastructure platform",
        "10",
        "value 8, effort 10; value 8, score 0.80",
    ]
    table = next(s.table for s in slide.shapes if s.has_table)
    title_runs = table.cell(5, 1).text_frame.paragraphs[0].runs  # the title carries the link
    assert [run.hyperlink.address for run in title_runs] == ["https://tracker.example/ADD-1"]
    assert table.cell(1, 1).text_frame.paragraphs[0].runs[0].hyperlink.address is None


def test_timeline_chips_ghosts_and_legend(written: tuple[Any, DeckResult]) -> None:
    slide = written[0].slides[2]
    names = sorted(shape.name for shape in slide.shapes if ":" in shape.name)
    assert names == [
        "added: ADD",
        "deferred: LATE",
        "ghost: EARLY",
        "ghost: LATE",
        "pulled-in: EARLY",
        "re-estimated: SIZE",
        "removed: GONE",
        "unchanged: KEEP",
        "unchanged: NEXT",
    ]
    chips = {shape.name: shape for shape in slide.shapes}
    assert str(chips["added: ADD"].fill.fore_color.rgb) == "D6EDD9"
    assert chips["ghost: LATE"].text_frame.text == "→ 2027-Q1: Onboard warehouse"
    # the ghost stands where LATE was (2026-Q4), left of LATE itself (2027-Q1)
    assert chips["ghost: LATE"].left < chips["deferred: LATE"].left
    texts = {shape.text_frame.text for shape in slide.shapes if shape.has_text_frame}
    assert {"added", "pulled in", "deferred", "removed", "unchanged", "where it was"} <= texts


def test_lanes_by_team_when_asked(tmp_path: Path) -> None:
    path = tmp_path / "teams.pptx"
    write_deck(deck_input(lanes="teams"), path, measure=MEASURE)
    slide = open_deck(path).slides[2]
    texts = {shape.text_frame.text for shape in slide.shapes if shape.has_text_frame}
    assert "Infrastructure platform" in texts and "Self-service" not in texts


def test_hostile_titles_come_out_intact(tmp_path: Path) -> None:
    path = tmp_path / "hostile.pptx"
    write_deck(deck_input(hostile_impact()), path, measure=MEASURE)
    prs = open_deck(path)
    assert outside(prs) == []
    assert overflows(prs) == []
    changes = _table(prs.slides[4])
    squeezed = {"".join(row[0].rsplit("\n", 1)[0].split()) for row in changes[1:]}
    for title in HOSTILE[:4]:  # the changed items' titles, whole in the changes table
        assert "".join(clean_text(title).split()) in squeezed
    notes = "\n".join(notes_of(slide) for slide in prs.slides)
    for title in HOSTILE:  # every title whole in the speaker notes
        assert clean_text(title).strip() in notes


def test_a_title_of_500_characters_wraps_whole_in_the_appendix(tmp_path: Path) -> None:
    rows = list(item_changes())
    long_title = "Long " + "very long title words " * 23  # 511 characters
    rows[1] = replace(rows[1], title=long_title)  # LATE, planned after
    path = tmp_path / "long.pptx"
    write_deck(deck_input(small_impact(items=tuple(rows))), path, measure=MEASURE)
    prs = open_deck(path)
    found = [
        cell.text
        for slide in prs.slides
        for shape in slide.shapes
        if shape.has_table
        for row in shape.table.rows
        for cell in row.cells
        if cell.text.endswith("\nLATE")
    ]
    assert found and all(
        " ".join(text.rsplit("\n", 1)[0].split()) == long_title.strip() for text in found
    )
    assert overflows(prs) == []


def test_unsafe_links_are_dropped_with_a_warning(tmp_path: Path) -> None:
    ws = small_workspace({"ADD": "javascript:alert(1)", "LATE": "mailto:lead@example.com"})
    path = tmp_path / "links.pptx"
    result = write_deck(deck_input(workspace=ws), path, measure=MEASURE)
    assert result.warnings == [
        "ADD: link 'javascript:alert(1)' left out of the deck (only http, https and mailto"
        " links are kept)"
    ]
    prs = open_deck(path)
    links = {
        run.hyperlink.address
        for slide in prs.slides
        for shape in slide.shapes
        if shape.has_table
        for row in shape.table.rows
        for cell in row.cells
        for paragraph in cell.text_frame.paragraphs
        for run in paragraph.runs
        if run.hyperlink.address
    }
    assert links == {"mailto:lead@example.com"}


def test_an_existing_file_is_not_overwritten_without_force(tmp_path: Path) -> None:
    path = tmp_path / "deck.pptx"
    path.write_bytes(b"keep me")
    with pytest.raises(DeckError) as refused:  # DeckExists: the command line adds --force
        write_deck(deck_input(), path, measure=MEASURE)
    assert str(refused.value) == f"{path} exists"
    assert path.read_bytes() == b"keep me"
    write_deck(deck_input(), path, force=True, measure=MEASURE)
    assert path.read_bytes()[:2] == b"PK"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deck.pptx"]  # no temporary left


def test_long_lists_continue_on_next_slides(tmp_path: Path) -> None:
    rows = tuple(
        ItemChange(
            f"ITEM-{n:03}",
            f"Item number {n} with a title of some length",
            "added",
            "backlog",
            "2027-Q1",
            "infra",
            estimate_after=1,
            note="adopted " * (n % 7),
        )
        for n in range(150)
    )
    path = tmp_path / "long.pptx"
    write_deck(deck_input(small_impact(items=rows), workspace=None), path, measure=MEASURE)
    prs = open_deck(path)
    titles = [title_of(slide) for slide in prs.slides]
    changes = [t for t in titles if t.startswith("Changes")]
    assert len(changes) > 1 and changes[0] == f"Changes (1/{len(changes)})"
    ids = [
        row.cells[0].text.split("\n")[-1]
        for slide in prs.slides
        if title_of(slide).startswith("Changes")
        for shape in slide.shapes
        if shape.has_table
        for row in list(shape.table.rows)[1:]
    ]
    # 120 rows, then the rest counted: a deck of hundreds of table slides informs no meeting
    assert ids[:120] == [f"ITEM-{n:03}" for n in range(120)]
    assert ids[120].replace("\v", " ") == (
        "and 30 more changes: see the Markdown export (roadmap export markdown)"
    )
    assert outside(prs) == []
    assert overflows(prs) == []


def _slide_numbers(slide: Any) -> list[str]:
    ns = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    return [
        field.findtext(f"{ns}t") or ""
        for shape in slide.shapes
        if shape.has_text_frame
        for field in shape.text_frame._txBody.iter(f"{ns}fld")  # noqa: SLF001 - python-pptx has no public API for this XML (bounded <1.1)
        if field.get("type") == "slidenum"
    ]


def test_slides_after_the_cover_are_numbered(written: tuple[Any, DeckResult]) -> None:
    prs, _ = written
    assert [_slide_numbers(slide) for slide in prs.slides] == [[]] + [[str(n)] for n in range(2, 9)]


def test_an_empty_impact_still_makes_a_calm_deck(tmp_path: Path) -> None:
    empty = small_impact(
        quarters=(), items=(), value=(), effort=(), asks=(), broken_dependencies=(), goals=()
    )
    path = tmp_path / "empty.pptx"
    result = write_deck(deck_input(empty, workspace=None), path, measure=MEASURE)
    assert result.slides == TITLES
    prs = open_deck(path)
    assert outside(prs) == [] and overflows(prs) == []
    texts = {
        shape.text_frame.text
        for slide in prs.slides
        for shape in slide.shapes
        if shape.has_text_frame
    }
    assert {
        "No item is planned in a quarter, before or after.",
        "No quarter is planned in either version.",
        "No team's load changes.",
        "No item changes.",
        "No other team is newly asked, released or moved.",
        "No dependency breaks: every item's dependencies still come first.",
        "No item is planned in the adjusted plan.",
    } <= {text.replace("\v", " ") for text in texts}
    assert not any(shape.has_chart for slide in prs.slides for shape in slide.shapes)


def test_the_deck_is_readable_by_colleagues(tmp_path: Path) -> None:
    import os

    from roadmap_tui.exporters.deck import write_deck as write
    from tests.exporters.deck_helpers import MEASURE, deck_input, small_impact

    out = tmp_path / "review.pptx"
    write(deck_input(small_impact()), out, measure=MEASURE)
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask
