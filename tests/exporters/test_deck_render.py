"""The deck as LibreOffice draws it, in every variant: 3 audiences x light/dark x 16:9/4:3.

Each variant is written and rendered once per test session (one LibreOffice run for all
twelve), then read back as word boxes (`pdftotext -bbox`): no word leaves its slide, no word
overlaps another, no item id or quarter is broken over two lines. Sizes and contrast are read
from the file itself. Skipped when LibreOffice or poppler is not installed; .ci/run installs
them.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass, replace
from html import unescape
from pathlib import Path
from typing import Any

import pytest

from roadmap_tui.exporters.deck import DeckInput, write_deck
from roadmap_tui.exporters.deck.theme import Theme, contrast, read_theme
from roadmap_tui.impact import Impact, Notice
from tests.exporters.deck_helpers import (
    MEASURE,
    deck_input,
    hostile_impact,
    open_deck,
    small_impact,
    small_workspace,
    title_of,
)
from tests.exporters.deck_templates import NAVY, Look, make_template

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")
pytestmark = pytest.mark.skipif(
    SOFFICE is None or PDFTOTEXT is None,
    reason="LibreOffice (soffice) and poppler (pdftotext) are needed to render decks",
)

# Long hyphenated ids, so that a break inside an id would show.
IDS = {
    "ADD": "REQ-ACCOUNT-STRUCTURE",
    "LATE": "WAREHOUSE-STACKS-ONBOARDING",
    "GONE": "SPACELIFT-SPOT-WORKERS",
    "EARLY": "CI-RUNNER-CACHE",
    "SIZE": "NAMING-CONVENTIONS",
    "KEEP": "DATADOG-MONITORS",
    "NEXT": "DATADOG-SELF-SERVICE",
}
LOOKS = {
    # (light or dark, wide or 4:3) -> the template; None is the deck's own default
    ("light", "16:9"): None,
    ("light", "4:3"): Look("light-4x3-odd-names", wide=False, odd_names=True),
    ("dark", "16:9"): Look("dark-fill", wide=True, fill=NAVY),
    ("dark", "4:3"): Look("dark-map-serif", wide=False, dark_map=True, font="DejaVu Serif"),
}
AUDIENCES = ("directors", "po", "team")
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def renamed() -> Impact:
    """The small impact with long ids, a lender's notice, and every risk in it."""
    impact = small_impact()
    items = tuple(replace(row, id=IDS[row.id]) for row in impact.items)
    asks = tuple(replace(ask, item=IDS.get(ask.item, ask.item)) for ask in impact.asks)
    broken = tuple(
        replace(row, item=IDS[row.item], depends_on=IDS[row.depends_on], root=IDS[row.root])
        for row in impact.broken_dependencies
    )
    notice = Notice("storage", "Storage", "#storage", "...", (IDS["ADD"],))
    return replace(impact, items=items, asks=asks, broken_dependencies=broken, notices=(notice,))


def variant_input(audience: str) -> DeckInput:
    workspace = small_workspace()
    return deck_input(
        renamed(),
        audience=audience,
        workspace=workspace,
        base_workspace=workspace,
    )


@dataclass(frozen=True)
class Rendered:
    name: str
    pptx: Path
    pdf: Path


@pytest.fixture(scope="session")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Rendered]:
    """Every variant written and rendered to PDF, once per session."""
    folder = tmp_path_factory.mktemp("deck-variants")
    out: dict[str, Rendered] = {}
    for (tone, shape), look in LOOKS.items():
        template = make_template(folder, look) if look is not None else None
        for audience in AUDIENCES:
            name = f"{audience}-{tone}-{shape.replace(':', 'x')}"
            path = folder / f"{name}.pptx"
            write_deck(variant_input(audience), path, template=template)
            out[name] = Rendered(name, path, folder / f"{name}.pdf")
    _to_pdf([r.pptx for r in out.values()], folder)
    return out


def _to_pdf(files: list[Path], folder: Path) -> None:
    """One LibreOffice run for all files, with a private profile."""
    assert SOFFICE is not None
    profile = (folder / "lo-profile").resolve().as_uri()
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            *map(str, files),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass
class Page:
    width: float
    height: float
    words: list[Word]


_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)
_WORD = re.compile(
    r'<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">(.*?)</word>'
)


def pages(pdf: Path) -> list[Page]:
    assert PDFTOTEXT is not None
    done = subprocess.run(
        [PDFTOTEXT, "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True
    )
    found = []
    for width, height, body in _PAGE.findall(done.stdout):
        words = [
            Word(unescape(text), float(a), float(b), float(c), float(d))
            for a, b, c, d, text in _WORD.findall(body)
        ]
        found.append(Page(float(width), float(height), words))
    return found


def outside(page: Page) -> list[str]:
    return [
        w.text
        for w in page.words
        if w.x0 < -0.5 or w.y0 < -0.5 or w.x1 > page.width + 0.5 or w.y1 > page.height + 0.5
    ]


def overlapping(page: Page) -> list[tuple[str, str]]:
    """Pairs of words whose boxes cross: more than a point across and a third of the lower
    word's height down (lines set close together touch at the font's ascent and descent)."""
    found = []
    words = sorted(page.words, key=lambda w: w.x0)
    for i, one in enumerate(words):
        for other in words[i + 1 :]:
            if other.x0 >= one.x1 - 1.0:
                break
            across = min(one.x1, other.x1) - max(one.x0, other.x0)
            down = min(one.y1, other.y1) - max(one.y0, other.y0)
            tall = min(one.y1 - one.y0, other.y1 - other.y0)
            if across > 1.0 and down > tall / 3:
                found.append((one.text, other.text))
    return found


def broken_names(page: Page, names: list[str]) -> list[str]:
    """Names (ids, quarters) cut over two words in reading order: "WAREHOUSE-STACKS-ONBO"
    then "ARDING", or "2027-" then "Q1"."""
    found = []
    bare = [w.text.strip("“”\"'(),.;:…") for w in page.words]
    for one, other in zip(bare, bare[1:], strict=False):
        for name in names:
            if name in one or name in other:
                continue
            for cut in range(2, len(name) - 1):
                if one.endswith(name[:cut]) and other.startswith(name[cut:]):
                    found.append(f"{one} / {other} ({name})")
                    break
    return found


def test_every_variant_renders_one_page_per_slide(rendered: dict[str, Rendered]) -> None:
    for variant in rendered.values():
        slides = open_deck(variant.pptx).slides
        assert len(pages(variant.pdf)) == len(slides), variant.name
        if variant.name.startswith("directors"):
            assert len(slides) <= 6, variant.name


def test_no_word_leaves_its_slide_or_overlaps_another(rendered: dict[str, Rendered]) -> None:
    problems = []
    for variant in rendered.values():
        for number, page in enumerate(pages(variant.pdf), start=1):
            problems += [f"{variant.name} p{number}: {w!r} off the slide" for w in outside(page)]
            problems += [
                f"{variant.name} p{number}: {a!r} over {b!r}" for a, b in overlapping(page)
            ]
    assert not problems, "\n".join(problems)


def test_ids_and_quarters_are_never_broken(rendered: dict[str, Rendered]) -> None:
    names = [*IDS.values(), "2026-Q4", "2027-Q1", "2027-Q2"]
    problems = []
    for variant in rendered.values():
        text = []
        for number, page in enumerate(pages(variant.pdf), start=1):
            problems += [f"{variant.name} p{number}: {b}" for b in broken_names(page, names)]
            text += [w.text for w in page.words]
        joined = " ".join(text)
        # every changed item's id reads whole somewhere in the deck
        for name in (IDS["ADD"], IDS["LATE"], IDS["GONE"]):
            if name not in joined:
                problems.append(f"{variant.name}: {name} never whole")
    assert not problems, "\n".join(problems)


# --- read from the file: sizes and contrast ----------------------------------------------------


def _runs(element: Any) -> list[Any]:
    return [node for node in element.iter(f"{A}rPr", f"{A}endParaRPr", f"{A}defRPr")]


def _chart_elements(slide: Any) -> list[Any]:
    return [shape.chart.part._element for shape in slide.shapes if shape.has_chart]  # noqa: SLF001 - the chart part's XML, read only


def test_no_text_under_12_pt_outside_the_appendix(rendered: dict[str, Rendered]) -> None:
    problems = []
    for variant in rendered.values():
        for number, slide in enumerate(open_deck(variant.pptx).slides, start=1):
            least = 10.0 if title_of(slide).startswith("Appendix") else 12.0
            for element in [slide.element, *_chart_elements(slide)]:
                for run in _runs(element):
                    size = run.get("sz")
                    if size is not None and int(size) / 100 < least:
                        problems.append(f"{variant.name} slide {number}: {int(size) / 100} pt")
    assert not problems, "\n".join(problems)


def _fill(shape: Any) -> str | None:
    """A shape's solid fill colour, if it has one."""
    try:
        fill = shape.fill
        if fill.type == 1:  # MSO_FILL.SOLID
            return str(fill.fore_color.rgb)
    except (AttributeError, TypeError, NotImplementedError):
        return None
    return None


def _colours(element: Any) -> list[str]:
    return [
        str(node.get("val")) for run in element.iter(f"{A}rPr") for node in run.iter(f"{A}srgbClr")
    ]


def _behind(shapes: list[Any], index: int, background: str) -> str:
    """The fill under the middle of shape `index`: the topmost filled shape drawn before it
    that contains that point, else the slide's background."""
    shape = shapes[index]
    x, y = shape.left + shape.width // 2, shape.top + shape.height // 2
    for below in reversed(shapes[:index]):
        colour = _fill(below)
        if colour is None or below.left is None:
            continue
        if (
            below.left <= x <= below.left + below.width
            and below.top <= y <= below.top + below.height
        ):
            return colour
    return background


def test_every_text_reads_on_what_is_behind_it(rendered: dict[str, Rendered]) -> None:
    """Every run has an explicit colour with contrast >= 4.5:1 against its own fill, the
    shape under it, or the slide's real background (from the template's colour map)."""
    problems = []
    for variant in rendered.values():
        prs = open_deck(variant.pptx)
        for number, slide in enumerate(prs.slides, start=1):
            theme: Theme = read_theme(prs, slide.slide_layout, True)
            shapes = list(slide.shapes)
            for index, shape in enumerate(shapes):
                if shape.has_table:
                    for row in shape.table.rows:
                        for cell in row.cells:
                            under = _fill(cell) or "FFFFFF"
                            for colour in _colours(cell._tc):  # noqa: SLF001 - the cell's XML, read only
                                if contrast(colour, under) < 4.5:
                                    problems.append(f"{variant.name} {number}: {colour}/{under}")
                    continue
                if not shape.has_text_frame or not shape.text_frame.text.strip():
                    continue
                under = _fill(shape) or _behind(shapes, index, theme.background)
                runs = list(shape.text_frame._txBody.iter(f"{A}r"))  # noqa: SLF001 - the text's XML, read only
                for run in runs:
                    colours = _colours(run)
                    if not colours:
                        problems.append(
                            f"{variant.name} {number}: {run.findtext(f'{A}t')!r} no colour"
                        )
                    for colour in colours:
                        if contrast(colour, under) < 4.5:
                            problems.append(
                                f"{variant.name} {number}: {run.findtext(f'{A}t')!r}"
                                f" {colour} on {under}"
                            )
    assert not problems, "\n".join(problems)


def test_theme_fonts_not_a_named_font(rendered: dict[str, Rendered]) -> None:
    for variant in rendered.values():
        for slide in open_deck(variant.pptx).slides:
            faces = {str(node.get("typeface")) for node in slide.element.iter(f"{A}latin")}
            assert faces <= {"+mj-lt", "+mn-lt"}, (variant.name, faces)


def test_libreoffice_renders_hostile_titles(tmp_path: Path) -> None:
    path = tmp_path / "hostile.pptx"
    result = write_deck(deck_input(hostile_impact()), path, measure=MEASURE)
    _to_pdf([path], tmp_path)
    assert len(pages(tmp_path / "hostile.pdf")) == len(result.slides) == 8
