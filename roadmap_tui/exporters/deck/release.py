"""Finished slides kept as their XML bytes, so a long deck never holds every slide's tree.

python-pptx keeps each slide's lxml tree until the file is saved, at some 200 bytes per
element and attribute: 50 MiB for the 64 slides of a 10,000-item impact deck (3 MiB of XML).
No slide is touched again once done (nothing links back to an earlier slide; the slide count
comes from the presentation's list), so the canvas releases the slides made so far after each
section and after each table slide (`Canvas.done`): a released part keeps its name, content
type and relationships, and gives the XML it held, serialized as python-pptx serializes it,
when the package is saved. The saved file is the same, byte for byte.
"""

from __future__ import annotations

from typing import Any

# What python-pptx caches on a slide or notes part (lazy properties): each holds the tree.
_CACHED = ("slide", "notes_slide")


class Released:
    """Mixed into a released part's class: its XML is bytes now, not a tree."""

    xml: bytes

    @property
    def blob(self) -> bytes:
        return self.xml


_CLASSES: dict[type, type] = {}


def _released_class(kind: type) -> type:
    if kind not in _CLASSES:
        _CLASSES[kind] = type(f"Released{kind.__name__}", (Released, kind), {})
    return _CLASSES[kind]


def release_slides(prs: Any) -> int:
    """Turn every slide and notes slide of `prs` not yet released into its bytes; returns how
    many were released. Only for slides nothing will change any more."""
    from pptx.parts.slide import NotesSlidePart, SlidePart

    count = 0
    for part in prs.part.package.iter_parts():
        if not isinstance(part, SlidePart | NotesSlidePart) or isinstance(part, Released):
            continue
        xml = part.blob
        state = vars(part)
        # The tree: python-pptx's own `_element` (no public API lets a part go; bounded <1.1,
        # and tests/exporters/test_deck_release.py fails if that changes).
        tree = state.pop("_element")
        for name in _CACHED:
            state.pop(name, None)  # python-pptx's cached slide object, which holds the tree too
        part.__class__ = _released_class(type(part))
        released: Any = part
        released.xml = xml
        _take_apart(tree)
        count += 1
    return count


def _take_apart(tree: Any) -> None:
    """Free a released tree now. python-pptx's objects for shapes (fills, lines, the slide)
    refer to each other in cycles and hold elements of the tree, which keeps the whole tree
    until a full garbage collection; unlinked one by one (deepest first), every node no such
    object holds is freed as soon as it is let go."""
    for element in reversed(list(tree.iter())):
        parent = element.getparent()
        if parent is not None:
            parent.remove(element)
