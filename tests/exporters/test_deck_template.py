"""The user's template: its masters and layouts are used, chosen by name or by placeholders."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.util import Pt

from roadmap_tui.exporters.deck import DeckError, write_deck
from tests.exporters.deck_helpers import (
    MEASURE,
    deck_input,
    open_deck,
    outside,
    overflows,
    title_of,
)

BRAND = "7A1F5C"


def _template(path: Path, names: dict[str, str]) -> Path:
    """A 4:3 template with renamed layouts, a coloured master and one slide of its own."""
    prs = Presentation()
    for layout in prs.slide_layouts:
        layout.name = names.get(layout.name, layout.name)
    fill = prs.slide_master.background.fill
    fill.solid()
    fill.fore_color.rgb = RGBColor.from_string(BRAND)  # type: ignore[no-untyped-call]
    slide = prs.slides.add_slide(prs.slide_layouts[0])
    slide.shapes.title.text = "TEMPLATE SLIDE"
    slide.shapes.add_textbox(0, 0, Pt(100), Pt(20)).text_frame.text = "their example"
    prs.save(str(path))
    return path


def _layouts(prs: Any) -> list[str]:
    return [slide.slide_layout.name for slide in prs.slides]


def _all_text(prs: Any) -> str:
    return "\n".join(
        shape.text_frame.text
        for slide in prs.slides
        for shape in slide.shapes
        if shape.has_text_frame
    )


def test_layouts_chosen_by_placeholders_when_names_differ(tmp_path: Path) -> None:
    names = {
        "Title Slide": "Corporate cover",
        "Title Only": "Headline",
        "Title and Content": "Headline and text",
        "Blank": "Empty",
    }
    template = _template(tmp_path / "corp.pptx", names)
    out = tmp_path / "deck.pptx"
    result = write_deck(deck_input(), out, template=template, measure=MEASURE)
    prs = open_deck(out)
    # 4:3 holds fewer bullets at 12 pt: the summary continues on a second slide
    assert _layouts(prs) == ["Corporate cover", "Headline and text"] + ["Headline"] * 7
    assert result.slides[2] == "Summary (continued)"
    assert [title_of(slide) for slide in prs.slides] == result.slides
    assert (prs.slide_width, prs.slide_height) == (9144000, 6858000)  # the template's 4:3
    assert str(prs.slide_master.background.fill.fore_color.rgb) == BRAND
    text = _all_text(prs)
    assert "TEMPLATE SLIDE" not in text and "their example" not in text
    assert len(prs.slides) == 9
    assert outside(prs) == []
    assert overflows(prs) == []


def test_layouts_chosen_by_name_case_insensitively(tmp_path: Path) -> None:
    # "Section Header" also has a title and a body; the name decides, whatever the case.
    names = {"Title Only": "TITLE ONLY", "Title and Content": "title_and_content"}
    template = _template(tmp_path / "corp.pptx", names)
    out = tmp_path / "deck.pptx"
    write_deck(deck_input(), out, template=template, measure=MEASURE)
    prs = open_deck(out)
    assert _layouts(prs)[:3] == ["Title Slide", "title_and_content", "TITLE ONLY"]


def test_a_potx_template_works_too(tmp_path: Path) -> None:
    pptx_file = _template(tmp_path / "corp.pptx", {})
    potx = tmp_path / "corp.potx"
    with zipfile.ZipFile(pptx_file) as source, zipfile.ZipFile(potx, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = data.replace(
                    b"presentationml.presentation.main+xml", b"presentationml.template.main+xml"
                )
            target.writestr(info, data)
    out = tmp_path / "deck.pptx"
    write_deck(deck_input(), out, template=potx, measure=MEASURE)
    assert _layouts(open_deck(out))[0] == "Title Slide"


def test_a_file_that_is_not_a_presentation_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "corp.pptx"
    bad.write_text("not a zip", encoding="utf-8")
    with pytest.raises(DeckError, match="not a PowerPoint file"):
        write_deck(deck_input(), tmp_path / "deck.pptx", template=bad, measure=MEASURE)
    assert not (tmp_path / "deck.pptx").exists()


def test_the_templates_own_slide_number_placeholder_is_used(tmp_path: Path) -> None:
    from pptx.enum.shapes import PP_PLACEHOLDER

    template = _template(tmp_path / "corp.pptx", {})
    out = tmp_path / "deck.pptx"
    write_deck(deck_input(), out, template=template, measure=MEASURE)
    prs = open_deck(out)
    numbers = [
        shape.text_frame.text
        for slide in prs.slides
        for shape in slide.placeholders
        if shape.placeholder_format.type == PP_PLACEHOLDER.SLIDE_NUMBER
    ]
    assert numbers == [str(n) for n in range(2, 10)]
