"""Speaker notes in one pass: each notes slide made with a known part name.

python-pptx's `slide.notes_slide` names a new notes part by listing every part of the
package (`next_partname`), so a deck of n slides costs n² part visits: minutes at a few
hundred slides. A slide's notes take its own number here (slide7.xml -> notesSlide7.xml),
which is unique by construction.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from roadmap_tui.exporters.deck.clean import clean_text

_NUMBER = re.compile(r"(\d+)\.xml$")


def notes_slide(slide: Any) -> Any:
    """The notes slide of `slide`, created (related both ways, placeholders cloned) if new."""
    from pptx.opc.constants import CONTENT_TYPE as CT
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT
    from pptx.opc.packuri import PackURI
    from pptx.oxml.slide import CT_NotesSlide
    from pptx.parts.slide import NotesSlidePart

    if slide.has_notes_slide:
        return slide.notes_slide
    part = slide.part
    match = _NUMBER.search(str(part.partname))
    if match is None:  # not a name we know: python-pptx's own (slower) way
        return slide.notes_slide
    package = part.package
    master_part = package.presentation_part.notes_master_part
    notes_part = NotesSlidePart(
        PackURI(f"/ppt/notesSlides/notesSlide{match.group(1)}.xml"),
        CT.PML_NOTES_SLIDE,
        package,
        CT_NotesSlide.new(),
    )
    notes_part.relate_to(master_part, RT.NOTES_MASTER)
    notes_part.relate_to(part, RT.SLIDE)
    part.relate_to(notes_part, RT.NOTES_SLIDE)
    notes = notes_part.notes_slide
    notes.clone_master_placeholders(master_part.notes_master)
    return notes


def write_notes(slide: Any, lines: Sequence[str]) -> None:
    """The slide's speaker notes, one paragraph per line."""
    notes_slide(slide).notes_text_frame.text = clean_text("\n".join(lines))
