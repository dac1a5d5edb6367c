"""The presentation the deck is built in: the user's template, or a calm 16:9 default.

With a template, its slides are removed and its masters and layouts kept; layouts are chosen by
name ("Title Slide", "Title Only", "Title and Content", "Blank"), case-insensitively, then by the
placeholders they hold, so a template whose layouts are called "Cover" or "Headline" still works.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.exc import PackageNotFoundError
from pptx.slide import SlideLayout
from pptx.util import Emu, Inches

from roadmap_tui.exporters.deck.model import DeckError

WIDE = (Emu(12192000), Emu(6858000))  # PowerPoint's 16:9 widescreen, 13.333 x 7.5 in
_TITLES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
_FOOTERS = (PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER)
_BODIES = (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT)
_TEMPLATE_TYPES = (
    "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml",
    "application/vnd.ms-powerpoint.template.macroEnabled.main+xml",
)
_PRESENTATION_TYPE = (
    "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
)


@dataclass(frozen=True)
class Layouts:
    """The layouts the deck uses, and whether they came from the user's template."""

    cover: SlideLayout
    title_only: SlideLayout
    title_content: SlideLayout
    blank: SlideLayout
    from_template: bool


def _types(layout: Any) -> list[Any]:
    return [ph.placeholder_format.type for ph in layout.placeholders]


def _norm(name: str) -> str:
    return " ".join(name.lower().replace("_", " ").replace("-", " ").split())


def _by_name(layouts: list[SlideLayout], name: str) -> SlideLayout | None:
    for layout in layouts:
        if _norm(layout.name) == _norm(name):
            return layout
    return None


def _first(layouts: Iterable[SlideLayout]) -> SlideLayout | None:
    return next(iter(layouts), None)


def has_title(layout: SlideLayout) -> bool:
    return any(kind in _TITLES for kind in _types(layout))


def choose_layouts(prs: Any, from_template: bool) -> Layouts:
    """Pick the four layouts the deck needs, by name first, then by placeholder types."""
    layouts = list(prs.slide_layouts)
    if not layouts:
        raise DeckError("the template has no slide layouts")

    def content_kinds(layout: SlideLayout) -> set[Any]:
        return {kind for kind in _types(layout) if kind not in _FOOTERS and kind not in _TITLES}

    blank = _by_name(layouts, "Blank") or _first(
        layout for layout in layouts if not content_kinds(layout) and not has_title(layout)
    )
    if blank is None:
        blank = min(layouts, key=lambda layout: len(content_kinds(layout)) + has_title(layout))
    title_only = _by_name(layouts, "Title Only") or _first(
        layout for layout in layouts if has_title(layout) and not content_kinds(layout)
    )
    title_content = _by_name(layouts, "Title and Content") or _first(
        layout
        for layout in layouts
        if has_title(layout) and any(kind in _BODIES for kind in _types(layout))
    )
    title_only = title_only or title_content or blank
    title_content = title_content or title_only
    cover = (
        _by_name(layouts, "Title Slide")
        or _first(
            layout
            for layout in layouts
            if PP_PLACEHOLDER.CENTER_TITLE in _types(layout)
            and PP_PLACEHOLDER.SUBTITLE in _types(layout)
        )
        or _first(layout for layout in layouts if PP_PLACEHOLDER.SUBTITLE in _types(layout))
        or title_only
    )
    return Layouts(cover, title_only, title_content, blank, from_template)


def remove_slides(prs: Any) -> None:
    """Drop the template's own slides; masters and layouts stay."""
    id_list = prs.slides._sldIdLst  # noqa: SLF001 - python-pptx has no public API for this XML (bounded <1.1)
    for slide_id in list(id_list):
        prs.part.drop_rel(slide_id.rId)
        id_list.remove(slide_id)


def _open_template(path: Path) -> Any:
    """Open a .pptx, or a .potx (a template) as if it were a presentation."""
    try:
        with zipfile.ZipFile(path) as archive:
            types = archive.read("[Content_Types].xml").decode("utf-8", "replace")
    except (OSError, zipfile.BadZipFile, KeyError) as error:
        raise DeckError(f"template {path}: not a PowerPoint file ({error})") from None
    try:
        if any(kind in types for kind in _TEMPLATE_TYPES):
            return _open_potx(path, types)
        return Presentation(str(path))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as error:
        raise DeckError(f"template {path}: cannot be read as a presentation ({error})") from None


def _open_potx(path: Path, types: str) -> Any:
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "[Content_Types].xml":
                text = types
                for kind in _TEMPLATE_TYPES:
                    text = text.replace(kind, _PRESENTATION_TYPE)
                data = text.encode("utf-8")
            target.writestr(info, data)
    buffer.seek(0)
    return Presentation(buffer)


def open_presentation(template: Path | None) -> tuple[Any, Layouts]:
    """A presentation with no slides and the layouts to use."""
    if template is None:
        prs = Presentation()
        _widen_default(prs)
        return prs, choose_layouts(prs, from_template=False)
    prs = _open_template(template)
    remove_slides(prs)
    return prs, choose_layouts(prs, from_template=True)


def _place(shape: Any, left: float, top: float, width: float, height: float) -> None:
    shape.left, shape.top = Emu(int(left)), Emu(int(top))
    shape.width, shape.height = Emu(int(width)), Emu(int(height))


def _widen_default(prs: Any) -> None:
    """python-pptx's default template is 4:3 with 44 pt centred titles: make it 16:9, with the
    title at the top left of content slides, and drop the unused footer placeholders."""
    old_width = prs.slide_width
    width, height = WIDE
    scale = width / old_width
    shapes = [ph for layout in prs.slide_layouts for ph in layout.placeholders]
    # Layout placeholders first: the ones that inherit read the master's unscaled position.
    boxes = [(ph, ph.left, ph.top, ph.width, ph.height) for ph in shapes]
    for ph, left, top, w, h in boxes:
        _place(ph, left * scale, top, w * scale, h)
    for ph in prs.slide_master.placeholders:
        _place(ph, ph.left * scale, ph.top, ph.width * scale, ph.height)
    prs.slide_width, prs.slide_height = width, height
    margin = Inches(0.5)
    for layout in prs.slide_layouts:
        for ph in list(layout.placeholders):
            kind = ph.placeholder_format.type
            if kind in _FOOTERS:
                ph._element.getparent().remove(ph._element)  # noqa: SLF001 - python-pptx has no public API for this XML (bounded <1.1)
            elif (
                layout.name in ("Title Only", "Title and Content") and kind == PP_PLACEHOLDER.TITLE
            ):
                _place(ph, margin, Inches(0.3), width - 2 * margin, Inches(0.85))
            elif layout.name == "Title and Content" and kind in _BODIES:
                _place(ph, margin, Inches(1.3), width - 2 * margin, height - Inches(1.75))
            elif layout.name == "Title Slide" and kind == PP_PLACEHOLDER.CENTER_TITLE:
                _place(ph, Inches(0.9), Inches(1.7), width - Inches(1.8), Inches(1.6))
            elif layout.name == "Title Slide" and kind == PP_PLACEHOLDER.SUBTITLE:
                _place(ph, Inches(0.9), Inches(3.5), width - Inches(1.8), Inches(2.9))
