"""Text people wrote stays text in a Markdown document."""

from __future__ import annotations

import pytest

from roadmap_tui.intake.markdown import code, escape_text, fragment, inline


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain words stay plain", "plain words stay plain"),
        ("# Heading", "\\# Heading"),
        ("## also", "\\## also"),
        ("- a list", "\\- a list"),
        ("+ a list", "\\+ a list"),
        ("1. ordered", "1\\. ordered"),
        ("12) ordered", "12\\) ordered"),
        ("> quote", "\\> quote"),
        ("=== setext", "\\=== setext"),
        ("[click](https://evil.example)", "\\[click\\](https://evil.example)"),
        ("![img](x.png)", "!\\[img\\](x.png)"),
        ("<script>alert(1)</script>", "\\<script\\>alert(1)\\</script\\>"),
        ("*bold* _it_ `code` ~~gone~~", "\\*bold\\* \\_it\\_ \\`code\\` \\~\\~gone\\~\\~"),
        ("a | b", "a \\| b"),
        ("back\\slash", "back\\\\slash"),
        ("    indented code", "indented code"),
        ("see #infra-requests & more!", "see #infra-requests & more!"),
        ("two\nlines  collapse", "two lines collapse"),
    ],
)
def test_inline_escapes_what_markdown_would_act_on(text: str, expected: str) -> None:
    assert inline(text) == expected


def test_fragment_leaves_line_starts_alone_mid_line() -> None:
    assert fragment("#team-storage") == "#team-storage"
    assert fragment("- x [y]") == "- x \\[y\\]"


def test_escape_text_keeps_lines_and_drops_blank_ones() -> None:
    assert escape_text("# one\n\n  - two\n3. three") == ["\\# one", "\\- two", "3\\. three"]


def test_code_spans_only_for_text_they_can_hold() -> None:
    assert code("REQ_A-1") == "`REQ_A-1`"
    assert code("a`b") == "a\\`b"
    assert code("two  spaces") == "two spaces"
