"""Slide geometry in points: boxes, the title and content areas of a layout.

Everything the deck places is computed in points (1/72 inch) and converted to EMU only when a
shape is made, so that the arithmetic reads like the slide.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pptx.enum.shapes import PP_PLACEHOLDER

EMU_PER_PT = 12700
MARGIN = 36.0  # half an inch around the content when the layout says nothing
BOTTOM = 28.0  # space kept under the content
GAP = 8.0
TITLE_INSET = 7.2  # left and right margin the deck gives titles
_TITLES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
_FOOTERS = (PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER)


def emu(points: float) -> int:
    return int(round(points * EMU_PER_PT))


def pt(value: int | None) -> float:
    return (value or 0) / EMU_PER_PT


@dataclass(frozen=True)
class Box:
    """A rectangle on the slide, in points from the top-left corner."""

    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    def inset(self, left: float, top: float = 0.0, right: float = 0.0, bottom: float = 0.0) -> Box:
        return Box(self.x + left, self.y + top, self.w - left - right, self.h - top - bottom)

    def take_top(self, height: float, gap: float = 0.0) -> tuple[Box, Box]:
        """This box cut in two: `height` points at the top, the rest below after `gap`."""
        top = Box(self.x, self.y, self.w, height)
        rest = Box(self.x, self.y + height + gap, self.w, self.h - height - gap)
        return top, rest

    def take_bottom(self, height: float, gap: float = 0.0) -> tuple[Box, Box]:
        """(rest above, `height` points at the bottom)."""
        bottom = Box(self.x, self.bottom - height, self.w, height)
        rest = Box(self.x, self.y, self.w, self.h - height - gap)
        return rest, bottom

    def columns(self, weights: Sequence[float], gap: float = 0.0) -> list[Box]:
        """Side-by-side boxes with widths in proportion to `weights`."""
        usable = self.w - gap * (len(weights) - 1)
        total = sum(weights)
        boxes, x = [], self.x
        for weight in weights:
            width = usable * weight / total
            boxes.append(Box(x, self.y, width, self.h))
            x += width + gap
        return boxes


@dataclass(frozen=True)
class Page:
    """A slide of a layout: its size, where the title goes and the area below it."""

    width: float
    height: float
    title: Box
    content: Box
    has_title_placeholder: bool


def _box(shape: Any) -> Box:
    return Box(pt(shape.left), pt(shape.top), pt(shape.width), pt(shape.height))


def _clamp(box: Box, width: float, height: float) -> Box:
    x, y = max(box.x, 0.0), max(box.y, 0.0)
    return Box(x, y, min(box.right, width) - x, min(box.bottom, height) - y)


def page_for(prs: Any, layout: Any) -> Page:
    """The title and content boxes of slides made from `layout`.

    The content area follows the layout's title horizontally, starts under it, and stops above
    what the template draws at the bottom of every slide (footers, a logo, a band).
    """
    width, height = pt(prs.slide_width), pt(prs.slide_height)
    title_shape = next(
        (ph for ph in layout.placeholders if ph.placeholder_format.type in _TITLES), None
    )
    margin = min(MARGIN, width * 0.05)
    if title_shape is not None:
        title = _clamp(_box(title_shape), width, height)
    else:
        title = Box(margin, margin * 0.5, width - 2 * margin, 60.0)
    # The content lines up with the title's text, not its box (the deck's title inset).
    left, right = title.x + TITLE_INSET, title.right - TITLE_INSET
    if title.w < 0.6 * width:  # a side title: use the page margins instead
        left, right = margin, width - margin
    top = title.bottom + GAP
    if top > 0.4 * height:  # a title low on the slide (a section layout): start at the top
        top = margin
    bottom = height - BOTTOM
    for shape in _decorations(layout):
        box = _box(shape)
        area = box.w * box.h
        overlaps = box.x < right and box.right > left
        if area > 0.4 * width * height or not overlaps:
            continue
        if box.y >= top + 0.5 * (bottom - top):
            bottom = min(bottom, box.y - GAP)
    if bottom - top < 0.45 * height:
        bottom = height - BOTTOM
    return Page(
        width=width,
        height=height,
        title=title,
        content=Box(left, top, right - left, bottom - top),
        has_title_placeholder=title_shape is not None,
    )


def _decorations(layout: Any) -> list[Any]:
    """Shapes drawn on every slide of the layout: its own and its master's non-placeholder
    shapes, and footer placeholders (which a person may switch on)."""
    found = []
    for owner in (layout, layout.slide_master):
        for shape in owner.shapes:
            if shape.left is None or shape.width is None:
                continue
            if shape.is_placeholder:
                if shape.placeholder_format.type in _FOOTERS and owner is layout:
                    found.append(shape)
                continue
            found.append(shape)
    return found
