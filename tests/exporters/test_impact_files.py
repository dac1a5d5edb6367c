"""A comparison written to a named file: the markdown page and the deck, as the app writes them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from roadmap_tui.exporters.impact_files import write_impact
from roadmap_tui.impact import compare_versions
from roadmap_tui.scoring import framework_for
from roadmap_tui.storage import WorkspaceStore
from roadmap_tui.storage.outputs import OutputExists

ON = dt.date(2026, 11, 27)


def test_the_page_and_the_deck_of_one_alternative(example: Path, tmp_path: Path) -> None:
    from pptx import Presentation

    base = WorkspaceStore.open(example).workspace
    scenario = WorkspaceStore.open("scenario:adopt-account-structure", workspace=example).workspace
    scorer = framework_for(base.roadmap.scoring)
    result = compare_versions(
        base,
        [("the scenario", scenario)],
        value=scorer.value,
        score=scorer.score,
        framework=scorer.name,
        base_label="as saved",
    )
    versions = [("as saved", None, base), ("the scenario", None, scenario)]
    page = tmp_path / "impact.md"
    written = write_impact("markdown", page, result, versions, scorer=scorer, on=ON, title="T")
    assert written == page
    text = page.read_text(encoding="utf-8")
    assert text.startswith("# T\n")
    assert "REQ-ACCOUNT-STRUCTURE" in text
    with pytest.raises(OutputExists):  # never overwritten unless agreed
        write_impact("markdown", page, result, versions, scorer=scorer, on=ON)

    deck = tmp_path / "impact.pptx"
    write_impact("deck", deck, result, versions, scorer=scorer, on=ON, title="Account structure")
    titles = [s.shapes.title.text for s in Presentation(str(deck)).slides if s.shapes.title]
    assert titles[0] == "Account structure"
