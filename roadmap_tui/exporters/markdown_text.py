"""Text people wrote, made inert for Markdown: the one escaping used by every Markdown exporter.

Titles, notes, team names and feedback come from anyone (a channel, a survey, a CSV export). In
the impact page, the feedback report and the announcements they must read as text wherever the
document is pasted (Confluence, GitHub, a chat that renders Markdown): no heading, list, quote or
table row they did not mean, no link, image, code, emphasis or HTML.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# Characters that are never text: C0 and C1 controls other than whitespace, lone surrogates
# (from undecodable bytes; they would fail the UTF-8 write) and the non-characters U+FFFE/F.
# Whitespace controls (tab, newlines, \x1c-\x1f, NEL) are turned into spaces instead.
_DROP = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
# Characters that mean something anywhere in a line: escapes, code, emphasis, strikethrough,
# links and images, table cells. `<`, `>` and `&` become entities instead (see `escape`).
# `#` and `!` are left alone mid-line: harmless there, and "#infra-requests" stays readable.
_ANYWHERE = re.compile(r"([\\`*~\[\]|])")
# `_` too, except between two letters or digits, where CommonMark and GFM never read it as
# emphasis: `default_tags` and paths stay as typed (a backslash would show in a chat paste).
_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")
# What starts a block at the beginning of a line or a list item: heading, list, setext
# underline (`>` quotes are entities already; `*`, `~` and a leading `_` are escaped anyway).
_LINE_START = re.compile(r"^([#+\-=])")
_ORDERED = re.compile(r"^(\d+)([.)])")
# What GFM's autolink extension turns into a link in plain text: a scheme's colon, `www.` and
# the `@` of an e-mail address. A backslash before the colon, dot or `@` keeps the text as it
# reads and makes it no link (a title cannot carry a target the reader did not see).
_AUTOLINK = re.compile(
    r"(?i)(\b[a-z][a-z0-9+.-]*(?=://)|\bmailto|\bxmpp)(:)|(\bwww)(\.)|(\w)(@)(?=\w)"
)


def plain(text: str) -> str:
    """`text` on one line without characters that are never text: every run of whitespace
    (newlines included) becomes one space, controls go. Emoji and right-to-left text stay."""
    return " ".join(_DROP.sub("", text).split())


def escape(text: str, *, line_start: bool = True) -> str:
    """User text made inert for Markdown: one line, no markup it did not mean.

    `&`, `<` and `>` become entities (no HTML, no `<url>` autolinks; Slack uses the same three
    entities); backslashes, backticks, `*`, `_` (unless inside a word), `~`, brackets and pipes
    get a backslash (no escapes, code, emphasis, links or table cells); a leading `#`, `-`,
    `+`, `=` or `1.` is escaped (no headings, lists or setext underlines) unless
    `line_start=False` says the text comes after other text on its line or in a table cell,
    where those cannot start anything. A bare URL or e-mail address reads as typed but is no
    link: GFM would autolink it, so its scheme's colon (`https\\://`), `www\\.` or `@` is
    escaped.
    """
    line = plain(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    line = _UNDERSCORE.sub(r"\\_", _ANYWHERE.sub(r"\\\1", line))
    line = _AUTOLINK.sub(_no_autolink, line)
    if not line_start:
        return line
    return _ORDERED.sub(r"\1\\\2", _LINE_START.sub(r"\\\1", line))


def _no_autolink(match: re.Match[str]) -> str:
    groups = [g for g in match.groups() if g is not None]
    return f"{groups[0]}\\{groups[1]}"


def cell(text: str) -> str:
    """User text for a table cell or the middle of a line."""
    return escape(text, line_start=False)


def code(text: str) -> str:
    """An id as inline code; text a code span cannot hold literally falls back to `cell`."""
    if any(c in text for c in "`|") or not text.strip() or text != plain(text):
        return cell(text)
    return f"`{text}`"


def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A pipe table of already escaped cells."""
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines.extend("| " + " | ".join(text or " " for text in row) + " |" for row in rows)
    return "\n".join(lines)
