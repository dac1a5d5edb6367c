"""The one Markdown escaping: text people wrote stays text, and stays readable."""

from __future__ import annotations

import re
from html import escape as html_escape

import pytest
from markdown_it import MarkdownIt

from roadmap_tui.exporters.markdown_text import cell, code, escape, plain


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain words stay plain", "plain words stay plain"),
        ("# Heading", "\\# Heading"),
        ("## also", "\\## also"),
        ("- a list", "\\- a list"),
        ("+ a list", "\\+ a list"),
        ("* a list", "\\* a list"),
        ("1. ordered", "1\\. ordered"),
        ("12) ordered", "12\\) ordered"),
        ("> quote", "&gt; quote"),
        ("=== setext", "\\=== setext"),
        ("---", "\\---"),
        ("[click](https://evil.example)", "\\[click\\](https\\://evil.example)"),
        ("![img](x.png)", "!\\[img\\](x.png)"),
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("*bold* _it_ `code` ~~gone~~", "\\*bold\\* \\_it\\_ \\`code\\` \\~\\~gone\\~\\~"),
        ("a | b", "a \\| b"),
        ("default_tags and a_b_c", "default_tags and a_b_c"),  # never emphasis inside a word
        ("_x_ __y__ snake_ _case", "\\_x\\_ \\_\\_y\\_\\_ snake\\_ \\_case"),
        ("snake*case*x HEAD~1 vs HEAD~2", "snake\\*case\\*x HEAD\\~1 vs HEAD\\~2"),
        ("back\\slash", "back\\\\slash"),
        ("&lt;b&gt;", "&amp;lt;b&amp;gt;"),
        ("    indented code", "indented code"),
        ("see #infra-requests & more!", "see #infra-requests &amp; more!"),
        ("two\nlines  collapse", "two lines collapse"),
        ("nul\x00 bell\x07 esc\x1b del\x7f c1\x9b", "nul bell esc del c1"),
        ("line\u2028sep\x1cfile\x85nel\tab", "line sep file nel ab"),
        ("🚀 ship it ✅", "🚀 ship it ✅"),
        ("שלום עולם", "שלום עולם"),
    ],
)
def test_escape_at_a_line_start(text: str, expected: str) -> None:
    assert escape(text) == expected


def test_cell_leaves_line_starts_alone_mid_line() -> None:
    assert cell("#team-storage") == "#team-storage"
    assert cell("- x [y]") == "- x \\[y\\]"
    assert cell("1. first") == "1. first"
    assert cell("<b>") == "&lt;b&gt;"


def test_plain_is_one_line_without_controls() -> None:
    assert plain("  a\r\n b\x00c\ud800 ") == "a bc"


def test_code_spans_only_for_text_they_can_hold() -> None:
    assert code("REQ_A-1") == "`REQ_A-1`"
    assert code("a`b") == "a\\`b"
    assert code("a|b") == "a\\|b"
    assert code("two  spaces") == "two spaces"
    assert code("nul\x00") == "nul"


@pytest.mark.parametrize(
    "text",
    [
        "a_b_c _d_ x_y_ __z__ ___w___",
        "*a* **b** a*b*c",
        "~~gone~~ ~one~",
        "`x` ``y``",
        "[a](b) [c][d] ![e](f) <https://x.example>",
        "<b>bold</b> <!-- c -->",
    ],
)
def test_escaped_text_renders_as_typed(text: str) -> None:
    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    for escaped in (escape(text), cell(text), f"- {escape(text)}", f"## {escape(text)}"):
        html = md.render(escaped)
        for tag in ("<em>", "<strong>", "<s>", "<code>", "<a ", "<img", "<b>", "<!--"):
            assert tag not in html, (escaped, tag)
        shown = re.sub(r"<[^>]+>", "", html).strip()
        assert shown == html_escape(text, quote=False)
