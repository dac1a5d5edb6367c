"""How wide text is, how it wraps, and the font size that makes it fit a box.

PowerPoint does not shrink text that a file marks as auto-fit until someone edits it, so every
text in the deck is sized and broken into lines here, in points, for Calibri (the deck's one
font). Widths come from Calibri's own advance widths (`widths.py`), a little wider to be safe;
when a Calibri or Carlito font file is installed, Pillow measures Latin text with it (kerning
included), and the table covers the rest. Characters Calibri lacks (emoji, CJK, Arabic, Hebrew)
are rendered from fallback fonts, so they get generous fixed widths.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from roadmap_tui.exporters.deck import widths

FONT = "Calibri"
# Exact line spacing the deck sets on every paragraph, as a multiple of the font size.
LINE = 1.2
# Every estimate is this much wider than the font's own advance widths.
SAFETY = 1.04
ELLIPSIS = "\u2026"

# Calibri-metric font files (regular, bold) Pillow may measure with, first found wins.
_FONT_FILES = (
    (
        "/usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf",
        "/usr/share/fonts/truetype/crosextra/Carlito-Bold.ttf",
    ),
    (
        "/usr/share/fonts/crosextra/Carlito-Regular.ttf",
        "/usr/share/fonts/crosextra/Carlito-Bold.ttf",
    ),
    ("/usr/share/fonts/carlito/Carlito-Regular.ttf", "/usr/share/fonts/carlito/Carlito-Bold.ttf"),
    ("C:/Windows/Fonts/calibri.ttf", "C:/Windows/Fonts/calibrib.ttf"),
    ("/Library/Fonts/Calibri.ttf", "/Library/Fonts/Calibri Bold.ttf"),
)


class Measure(Protocol):
    def width(self, text: str, size: float, bold: bool = False) -> float:
        """Estimated width of one line of `text` in points at `size` points."""
        ...


def _fallback_em(ch: str) -> float:
    """A generous width (in em) for a character the Calibri table does not list."""
    code = ord(ch)
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0.0  # combining marks, zero-width joiners, direction marks
    if 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF:
        return 0.0  # variation selectors (emoji presentation)
    if 0x1F000 <= code <= 0x1FAFF or 0x2600 <= code <= 0x27BF:
        return 1.3  # emoji and symbols, drawn from a colour or symbol font
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return 1.05
    if unicodedata.category(ch).startswith("Z"):
        return 0.3
    return 0.72  # other scripts: wider than any Calibri lowercase letter, most capitals


@lru_cache(maxsize=65536)
def _char_em(ch: str, bold: bool) -> float:
    table = widths.BOLD if bold else widths.REGULAR
    units = table.get(ord(ch))
    if units is not None:
        return units / widths.UNITS_PER_EM
    return _fallback_em(ch)


@lru_cache(maxsize=262144)
def _text_em(text: str, bold: bool) -> float:
    return sum(_char_em(ch, bold) for ch in text)


class TableMeasure:
    """Widths from Calibri's advance-width table: deterministic on every machine."""

    def width(self, text: str, size: float, bold: bool = False) -> float:
        return _text_em(text, bold) * size * SAFETY


class FontMeasure:
    """Pillow measures the Latin runs with a Calibri-metric font file; the table does the rest."""

    def __init__(self, regular: Path, bold: Path) -> None:
        from PIL import ImageFont

        size = widths.UNITS_PER_EM
        basic = ImageFont.Layout.BASIC
        self._fonts = {
            False: ImageFont.truetype(str(regular), size, layout_engine=basic),
            True: ImageFont.truetype(str(bold), size, layout_engine=basic),
        }
        self._cache: dict[tuple[str, bool], float] = {}

    def _em(self, text: str, bold: bool) -> float:
        key = (text, bold)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        table = widths.BOLD if bold else widths.REGULAR
        total = 0.0
        run: list[str] = []
        for ch in text:
            if ord(ch) in table:
                run.append(ch)
                continue
            if run:
                total += self._fonts[bold].getlength("".join(run)) / widths.UNITS_PER_EM
                run = []
            total += _fallback_em(ch)
        if run:
            total += self._fonts[bold].getlength("".join(run)) / widths.UNITS_PER_EM
        if len(self._cache) < 262144:
            self._cache[key] = total
        return total

    def width(self, text: str, size: float, bold: bool = False) -> float:
        return self._em(text, bold) * size * SAFETY


def _font_files() -> tuple[Path, Path] | None:
    for regular, bold in _FONT_FILES:
        if Path(regular).is_file() and Path(bold).is_file():
            return Path(regular), Path(bold)
    return None


@lru_cache(maxsize=1)
def default_measure() -> Measure:
    """Pillow with a Calibri-metric font file when one is installed, else the table."""
    found = _font_files()
    if found is not None:
        try:
            return FontMeasure(*found)
        except (OSError, ImportError):
            pass
    return TableMeasure()


class ScaledMeasure:
    """Another measure made wider: for a theme font with no font file to measure it with."""

    def __init__(self, inner: Measure, factor: float) -> None:
        self.inner, self.factor = inner, factor

    def width(self, text: str, size: float, bold: bool = False) -> float:
        return self.inner.width(text, size, bold) * self.factor


CALIBRI_LIKE = ("calibri", "carlito")
UNKNOWN_FONT = 1.15  # a font we cannot measure is taken as this much wider than Calibri
OTHER_FONT = 1.05  # a theme font measured from its own file, with room for the renderer


def _fc_match(pattern: str) -> Path | None:
    """The font file fontconfig uses for `pattern`, as LibreOffice would."""
    import shutil
    import subprocess

    tool = shutil.which("fc-match")
    if tool is None:
        return None
    try:
        done = subprocess.run(
            [tool, "-f", "%{file}", pattern], capture_output=True, text=True, timeout=10
        )
    except (OSError, subprocess.SubprocessError):
        return None
    found = Path(done.stdout.strip()) if done.returncode == 0 and done.stdout.strip() else None
    return found if found is not None and found.is_file() else None


@lru_cache(maxsize=16)
def measure_for(font: str) -> Measure:
    """How to measure the theme font `font`: Calibri's table or font file, the font's own
    file found by fontconfig, or Calibri made wider when nothing better is at hand."""
    if font.strip().lower() in CALIBRI_LIKE or not font.strip():
        return default_measure()
    regular, bold = _fc_match(font), _fc_match(f"{font}:bold")
    if regular is not None and bold is not None:
        try:  # a little wider still: renderers hint other fonts less predictably than Calibri
            return ScaledMeasure(FontMeasure(regular, bold), OTHER_FONT)
        except (OSError, ImportError):
            pass
    return ScaledMeasure(default_measure(), UNKNOWN_FONT)


# --- wrapping ------------------------------------------------------------------------------


def _clusters(word: str) -> list[str]:
    """Characters of a word grouped so that a break never separates a combining mark, a
    variation selector or a zero-width joiner sequence from its base."""
    groups: list[str] = []
    join_next = False
    for ch in word:
        attach = (
            unicodedata.combining(ch) != 0
            or unicodedata.category(ch) in ("Mn", "Me")
            or 0xFE00 <= ord(ch) <= 0xFE0F
            or ord(ch) == 0x200D
            or 0x1F3FB <= ord(ch) <= 0x1F3FF  # skin tones
        )
        if groups and (attach or join_next):
            groups[-1] += ch
        else:
            groups.append(ch)
        join_next = ord(ch) == 0x200D
    return groups


def _break_word(word: str, width: float, measure: Measure, size: float, bold: bool) -> list[str]:
    """A word too long for a line, cut into pieces that each fit (at least one cluster each)."""
    pieces: list[str] = []
    current = ""
    for cluster in _clusters(word):
        if current and measure.width(current + cluster, size, bold) > width:
            pieces.append(current)
            current = cluster
        else:
            current += cluster
    if current:
        pieces.append(current)
    return pieces


def wrap(
    text: str, width: float, size: float, bold: bool = False, measure: Measure | None = None
) -> list[str]:
    """`text` broken into lines no wider than `width` points: at spaces, and inside words that
    are longer than a line. Runs of whitespace become one space; "\\n" forces a break."""
    measure = measure if measure is not None else default_measure()
    lines: list[str] = []
    for paragraph in text.split("\n"):
        words = paragraph.split()
        if not words:
            lines.append("")
            continue
        current = ""
        for word in words:
            candidate = f"{current} {word}" if current else word
            if measure.width(candidate, size, bold) <= width:
                current = candidate
                continue
            if current:
                lines.append(current)
                current = ""
            if measure.width(word, size, bold) <= width:
                current = word
                continue
            pieces = _break_word(word, width, measure, size, bold)
            lines.extend(pieces[:-1])
            current = pieces[-1]
        lines.append(current)
    return lines


def shorten(
    line: str, width: float, size: float, bold: bool = False, measure: Measure | None = None
) -> str:
    """`line` cut at the end with an ellipsis so that it fits `width`."""
    measure = measure if measure is not None else default_measure()
    if measure.width(line, size, bold) <= width:
        return line
    clusters = _clusters(line)
    low, high = 0, len(clusters)
    while low < high:  # the longest prefix that fits with the ellipsis
        middle = (low + high + 1) // 2
        if measure.width("".join(clusters[:middle]).rstrip() + ELLIPSIS, size, bold) <= width:
            low = middle
        else:
            high = middle - 1
    if not low:
        return ELLIPSIS
    kept = "".join(clusters[:low])
    at_space = kept.rfind(" ")
    # End at a word when that keeps most of the line: "monitors and…", not "monitors an…".
    if at_space > 0 and at_space >= 0.6 * len(kept):
        kept = kept[:at_space]
    return kept.rstrip() + ELLIPSIS


@dataclass(frozen=True)
class Fitted:
    """Text laid out for a box: the font size, its lines, and whether the end was cut."""

    size: float
    lines: tuple[str, ...]
    cut: bool = False

    @property
    def height(self) -> float:
        return text_height(len(self.lines), self.size)


def text_height(lines: int, size: float) -> float:
    """Height of `lines` lines at `size` points with the deck's exact line spacing."""
    return lines * size * LINE


def sizes(largest: float, smallest: float, step: float = 0.5) -> list[float]:
    count = int(math.floor((largest - smallest) / step + 1e-9))
    return [largest - i * step for i in range(count + 1)]


def fit(
    text: str,
    width: float,
    height: float,
    largest: float,
    smallest: float,
    *,
    bold: bool = False,
    max_lines: int | None = None,
    measure: Measure | None = None,
) -> Fitted:
    """The largest size from `largest` down to `smallest` at which `text` fits the box.

    If it fits at no size, the smallest size is used and the text is cut after the last line
    that fits, with an ellipsis (callers put the full text in the speaker notes).
    """
    measure = measure if measure is not None else default_measure()
    lines: list[str] = []
    for size in sizes(largest, smallest):
        lines = wrap(text, width, size, bold, measure)
        allowed = int((height + 1e-6) // (size * LINE))
        if max_lines is not None:
            allowed = min(allowed, max_lines)
        if len(lines) <= allowed:
            return Fitted(size, tuple(lines))
    size = smallest
    allowed = max(1, int((height + 1e-6) // (size * LINE)))
    if max_lines is not None:
        allowed = max(1, min(allowed, max_lines))
    lines = wrap(text, width, size, bold, measure)
    if len(lines) <= allowed:
        return Fitted(size, tuple(lines))
    kept = lines[:allowed]
    kept[-1] = shorten(kept[-1] + " " + lines[allowed], width, size, bold, measure)
    if not kept[-1].endswith(ELLIPSIS):
        kept[-1] = shorten(kept[-1] + ELLIPSIS * 2, width, size, bold, measure)
    return Fitted(size, tuple(kept), cut=True)
