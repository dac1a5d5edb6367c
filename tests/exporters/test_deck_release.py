"""Slides released section by section: the same file, without every slide's tree in memory."""

from __future__ import annotations

import io
import zipfile
from typing import Any

from pptx.parts.slide import NotesSlidePart, SlidePart

from roadmap_tui.exporters.deck import DeckInput
from roadmap_tui.exporters.deck.release import Released, release_slides
from roadmap_tui.exporters.deck.writer import build
from roadmap_tui.impact import ItemChange
from tests.exporters.deck_helpers import MEASURE, deck_input, small_impact


def _long_deck() -> DeckInput:
    rows = tuple(
        ItemChange(
            f"ITEM-{n:03}", f"Item {n}", "added", "backlog", "2027-Q1", "infra", estimate_after=1
        )
        for n in range(150)
    )
    return deck_input(small_impact(items=rows))


def _members(prs: Any) -> dict[str, bytes]:
    buffer = io.BytesIO()
    prs.save(buffer)
    with zipfile.ZipFile(buffer) as package:
        # The charts' embedded workbooks carry the time they were made: they differ between
        # any two runs, released or not.
        return {
            name: package.read(name)
            for name in package.namelist()
            if not name.startswith("ppt/embeddings/")
        }


def test_a_released_deck_saves_the_same_bytes_as_one_kept_whole() -> None:
    deck = _long_deck()
    kept, kept_result = build(deck, measure=MEASURE, release=False)
    released, released_result = build(deck, measure=MEASURE)
    assert released_result == kept_result
    kept_files, released_files = _members(kept), _members(released)
    assert list(released_files) == list(kept_files)  # same parts, same order
    assert released_files == kept_files
    slides = [n for n in kept_files if n.startswith("ppt/slides/slide")]
    assert len(slides) == len(kept_result.slides) > 10


def test_every_slide_and_notes_part_is_released_and_holds_no_tree() -> None:
    prs, result = build(_long_deck(), measure=MEASURE)
    parts = [p for p in prs.part.package.iter_parts() if isinstance(p, SlidePart | NotesSlidePart)]
    assert len(parts) == 2 * len(result.slides)  # each slide has its notes
    assert all(isinstance(p, Released) for p in parts)
    assert all("_element" not in vars(p) and "slide" not in vars(p) for p in parts)
    assert all(p.blob.startswith(b"<?xml") for p in parts)
    assert release_slides(prs) == 0  # nothing left to release


def test_release_counts_only_new_slides() -> None:
    prs, result = build(_long_deck(), measure=MEASURE, release=False)
    assert release_slides(prs) == 2 * len(result.slides)
    assert release_slides(prs) == 0


def test_a_released_tree_is_taken_apart_even_while_something_holds_it() -> None:
    # python-pptx's objects for shapes hold elements in reference cycles: the tree they hold
    # must not keep the slide's content until a full garbage collection.
    prs, _ = build(_long_deck(), measure=MEASURE, release=False)
    held = [slide.element for slide in prs.slides]
    sizes = [sum(1 for _ in root.iter()) for root in held]
    assert min(sizes) > 5
    release_slides(prs)
    assert [len(root) for root in held] == [0] * len(held)
