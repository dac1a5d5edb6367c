"""The Markdown page: summary first, then tables; user text can inject nothing."""

from __future__ import annotations

import re

import pytest
from markdown_it import MarkdownIt

from roadmap_tui.exporters.markdown import impact_markdown, options_markdown
from roadmap_tui.exporters.markdown_text import cell, escape
from roadmap_tui.impact import compare_options
from tests.impact.conftest import impact_of, item, score, value, workspace

Q1, Q2 = "2027-Q1", "2027-Q2"
HOSTILE = [
    "# Heading\n## Another",
    "[click me](https://evil.example)",
    "![pixel](https://evil.example/p.png)",
    "<script>alert(1)</script>",
    "<https://evil.example>",
    "<a href='https://evil.example'>x</a>",
    "a | b | c",
    "row\n| x | y |\n|---|---|",
    "`code` and ```fence```",
    "- list item",
    "1. numbered",
    "> quote",
    "=====",
    "&lt;b&gt; entity",
    "back\\slash \\[x]",
    "tab\tand\rcarriage\u2028separator\x00nul",
]


def render(text: str) -> str:
    """CommonMark with GFM tables, as Confluence's and most renderers read it."""
    html: str = MarkdownIt("commonmark").enable("table").render(text)
    return html


@pytest.mark.parametrize("title", HOSTILE)
def test_escape_makes_hostile_text_inert(title: str) -> None:
    for escaped in (escape(title), cell(title)):
        html = render(f"| Title |\n|---|\n| {escaped} |\n\n> {escape(title)}\n")
        assert "<a " not in html and "<img" not in html and "<script" not in html
        assert "<code>" not in html and "<h1>" not in html and "<h2>" not in html
        assert html.count("<td>") == 1  # one cell: no extra columns, no extra rows
        assert "<ul>" not in html and "<ol>" not in html
        assert "\n" not in escaped and "\x00" not in escaped


def test_escape_examples() -> None:
    assert escape("# Heading\n## Another") == "\\# Heading ## Another"
    assert escape("[click](https://x.example)") == "\\[click\\](https\\://x.example)"
    assert escape("<b>&amp;</b>") == "&lt;b&gt;&amp;amp;&lt;/b&gt;"
    assert escape("a | b") == "a \\| b"
    assert escape("- item") == "\\- item"
    assert cell("- item") == "- item"  # inside a cell or mid-line it starts nothing
    assert escape("Self-service: app module GA") == "Self-service: app module GA"


def test_visible_text_survives_escaping() -> None:
    title = "Fix <b> & [docs] | `tags` # 1"
    html = render(f"| T |\n|---|\n| {cell(title)} |\n")
    (shown,) = re.findall(r"<td>(.*)</td>", html)
    assert shown == "Fix &lt;b&gt; &amp; [docs] | `tags` # 1"


def test_page_with_a_hostile_title_keeps_its_shape() -> None:
    hostile = "# Pwned\n| x | y |\n[link](https://evil.example) <img src=x>"
    base = workspace(
        {
            Q1: [item("A", title=hostile, asks=[{"team": "warehouse", "days": 4}])],
            Q2: [],
        }
    )
    adjusted = workspace(
        {
            Q1: [],
            Q2: [
                item(
                    "A",
                    title=hostile,
                    note="## not a heading </td>",
                    asks=[{"team": "warehouse", "days": 4}],
                )
            ],
        }
    )
    page = impact_markdown(impact_of(base, adjusted))
    html = render(page)
    assert "<a " not in html and "<img" not in html
    assert html.count("<h1>") == 1
    assert re.findall(r"<h2>(.*?)</h2>", html) == [
        "Changes",
        "Value per quarter",
        "Days per team against capacity",
        "Days of other teams (asks)",
        "Broken dependencies",
        "Goals",
        "Notices",
    ]
    changes = html.split("<h2>Changes</h2>")[1].split("<h2>")[0]
    assert changes.count("<tr>") == 2  # header and the one changed item
    assert changes.count("<td>") == 8
    assert "<td>deferred</td>" in changes


def test_summary_first_then_the_tables() -> None:
    base = workspace({Q1: [item("A", asks=[{"team": "warehouse", "days": 4}])], Q2: []})
    adjusted = workspace(
        {Q1: [], Q2: [item("A", asks=[{"team": "warehouse", "days": 4}], note="later")]}
    )
    page = impact_markdown(impact_of(base, adjusted))
    lines = page.splitlines()
    assert lines[0] == "# Roadmap impact: base → adjusted"
    assert lines[2] == (
        "**Summary.** Deferred 1; value 2027-Q1 6 → 0, 2027-Q2 0 → 6 (total 6 → 6);"
        " asks of 1 team: 1 moved; no goal slips."
    )
    assert "| A | Title of A | deferred | 2027-Q1 | 2027-Q2 | 5 | 6 | later |" in lines
    assert "| Warehouse systems | A | moved | 4 | 2027-Q1 | 2027-Q2 | later |" in lines
    assert "**Warehouse systems** (#team-warehouse)" in lines
    assert any(line.startswith("> Hi Warehouse systems — ") for line in lines)
    assert page.index("**Summary.**") < page.index("## Changes") < page.index("## Notices")


def test_options_page() -> None:
    base = workspace({Q1: [item("A")], Q2: []}, [item("E", score={"value": 9, "effort": 1})])
    take_e = workspace({Q1: [item("E", score={"value": 9, "effort": 1})], Q2: [item("A")]})
    skip_a = workspace({Q1: [], Q2: []}, [item("A"), item("E")])
    options = compare_options(
        base, [("take-e", take_e), ("skip-a", skip_a)], value=value, score=score, base_label="plans"
    )
    page = options_markdown(options)
    assert page.startswith("# Roadmap options against plans\n")
    assert "| Option | 2027-Q1 | 2027-Q2 | Total value | Added | Removed | Deferred |" in page
    assert "| plans (base) | 6 | 0 | 6 | - | - | - | 0 | - |" in page
    assert "| take-e | 9 | 6 | 15 | E | - | A | 0 | - |" in page
    assert "| skip-a | 0 | 0 | 0 | - | A | - | 0 | - |" in page
    assert "- take-e: Added 1 item (value +9), deferred 1;" in page
    assert "## Goals delivered" not in page  # no item serves a goal in any option
