"""Hostile text made safe for the deck: one sanitising function, one link filter.

Every string the deck shows (titles, notes, ids, team names, chart categories) passes through
`clean_text` before python-pptx sees it: PowerPoint files are XML 1.0, and a control character
in an item title would otherwise make a file PowerPoint refuses to open (python-pptx writes
some of them as `_x001B_`, which is not the title either).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# Characters XML 1.0 does not allow: C0 controls except tab/newline/carriage return, lone
# surrogates (from undecodable bytes), and the non-characters U+FFFE/U+FFFF. C1 controls
# (U+0080-U+009F) are allowed by XML but are never meant as text, so they go as well.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_SPACES = re.compile(r"[\s\u2028\u2029]+")
LINK_SCHEMES = ("http", "https", "mailto")


def clean_text(text: str) -> str:
    """`text` without characters an XML file cannot hold; everything else (quotes, `<`, `&`,
    emoji, right-to-left text) is kept exactly."""
    if text.isascii() and text.isprintable():  # the common case, without the regex
        return text
    return _NOT_XML.sub("", text)


def one_line(text: str) -> str:
    """Clean text as one line: any run of whitespace (newlines, tabs) becomes one space."""
    return _SPACES.sub(" ", clean_text(text)).strip()


def safe_link(url: str | None) -> str | None:
    """The link if its scheme is http, https or mailto (with something after it), else None.

    Anything else (`javascript:`, `file:`, a bare path, a link with spaces or control
    characters) is dropped: a deck is shared widely and opened with a click.
    """
    if url is None:
        return None
    candidate = url.strip()
    if not candidate or clean_text(candidate) != candidate or any(c.isspace() for c in candidate):
        return None
    try:
        parts = urlsplit(candidate)
    except ValueError:
        return None
    if parts.scheme.lower() not in LINK_SCHEMES:
        return None
    if parts.scheme.lower() == "mailto":
        return candidate if parts.path else None
    return candidate if parts.netloc else None
