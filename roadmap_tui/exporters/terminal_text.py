"""Text people wrote, made inert for a terminal: the one function every CLI line goes through.

A title holding an escape sequence would otherwise reach the terminal: change its window title
(OSC), hide the rows after it (an OSC cut by an ellipsis swallows what follows), move the cursor
or rewrite the line (carriage return, backspace). Control characters, C1 controls and the
bidirectional overrides are shown visibly instead (`\\x1b`, `\\u202e`); newlines and tabs stay.
"""

from __future__ import annotations

import re

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u2028-\u202e\u2066-\u2069]")


def _shown(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_text(text: str) -> str:
    """`text` with every character that would act on a terminal shown as an escape instead."""
    if text.isprintable():
        # Nearly every cell of a table: none of the characters above is printable (controls,
        # format characters, line and paragraph separators), and this test is far cheaper than
        # the search (70,000 cells in `roadmap score` with 10,000 items).
        return text
    return _UNSAFE.sub(_shown, text)


def terminal_json(text: str) -> str:
    """JSON text (from `json.dumps(ensure_ascii=False)`) with the same characters as JSON
    escapes, so it stays valid JSON: they can only stand inside its strings."""
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
