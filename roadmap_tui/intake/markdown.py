"""Escaping text people wrote (feedback, titles, notes) for Markdown documents.

Text from a survey or a channel must read as text wherever the document is pasted: it must not
start a heading, a list or a quote, open a link, an image, code or emphasis, or carry HTML.
"""

from __future__ import annotations

import re

# Characters that mean something anywhere in a line (CommonMark backslash-escapes each of them).
# `#`, `&` and `!` are left alone mid-line: harmless there, and "#infra-requests" stays readable.
_ANYWHERE = re.compile(r"([\\`*_\[\]<>|~])")
# What starts a block at the beginning of a line (or of a list item): list markers, quotes,
# headings, setext underlines.
_LINE_START = re.compile(r"^([-+=#])")
_ORDERED = re.compile(r"^(\d{1,9})([.)])")


def fragment(text: str) -> str:
    """Plain text as literal Markdown in the middle of a line, on one line."""
    return _ANYWHERE.sub(r"\\\1", " ".join(text.split()))


def inline(text: str) -> str:
    """Plain text as literal Markdown on one line, safe at the start of a line or list item."""
    line = _LINE_START.sub(r"\\\1", fragment(text))
    return _ORDERED.sub(r"\1\\\2", line)


def escape_text(text: str) -> list[str]:
    """Several lines of plain text as literal Markdown lines (blank lines dropped; leading
    spaces dropped, so no line becomes a code block)."""
    return [inline(line) for line in text.splitlines() if line.strip()]


def code(text: str) -> str:
    """An id as inline code; text a code span cannot hold literally falls back to plain text."""
    if "`" in text or not text.strip() or text != " ".join(text.split()):
        return fragment(text)
    return f"`{text}`"
