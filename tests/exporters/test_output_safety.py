"""Hostile titles and notes through every exporter: they arrive intact and inert.

Markdown (impact page, feedback report, announcements): no link, HTML, heading, list or table
row the author did not mean, and the text reads as typed once rendered. CSV (`roadmap score
--format csv`): no cell a spreadsheet runs as a formula, numbers still numbers. Deck: the text
whole minus the characters XML cannot hold, and no hyperlink but http, https and mailto.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from markdown_it import MarkdownIt

from roadmap_tui.cli import main
from roadmap_tui.exporters.announcements import release_notes
from roadmap_tui.exporters.csv_out import csv_text, spreadsheet_cell
from roadmap_tui.exporters.deck import clean_text, safe_link, write_deck
from roadmap_tui.exporters.feedback_report import feedback_report
from roadmap_tui.exporters.markdown import impact_markdown
from roadmap_tui.intake.announce import done_since_date
from roadmap_tui.models import Feedback, FeedbackLog
from tests.conftest import WriteWorkspace
from tests.exporters.deck_helpers import (
    MEASURE,
    deck_input,
    item_changes,
    notes_of,
    open_deck,
    small_impact,
    small_workspace,
)
from tests.intake.conftest import MakeWorkspace, item_of, load
from tests.reliability.figures import record

CONTROLS = "".join(chr(c) for c in range(0x00, 0x09))
HOSTILE = [
    "[x](javascript:alert(1))",
    "<script>alert(1)</script>",
    "# heading",
    "| a | b |",
    '=HYPERLINK("http://evil")',
    "@SUM(1)",
    "-2+3",
    f"ctrl{CONTROLS}chars",
    "Ship it 🚀 ✅ 👩\u200d💻",
    "RTL: שלום עולם and مرحبا",
]
# What a reader sees: control characters gone, nothing else changed.
SHOWN = {title: title.replace(CONTROLS, "") for title in HOSTILE}


def render(markdown: str) -> str:
    """CommonMark with GFM tables, as Confluence's and most renderers read it."""
    page: str = MarkdownIt("commonmark").enable("table").render(markdown)
    return page


def assert_inert(page: str, ids: tuple[str, ...] = ()) -> None:
    """No element that only user text could have made (code spans hold the given ids only)."""
    for tag in ("<a ", "<img", "<script", "<em>", "<del>", "<ol", "<blockquote", "<pre"):
        assert tag not in page, tag
    assert set(re.findall(r"<code>(.*?)</code>", page)) <= set(ids)
    assert "\x00" not in page and "\x08" not in page


def shown(fragment: str) -> str:
    """Rendered HTML as the text a reader sees."""
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


# --- Markdown ------------------------------------------------------------------------------


def hostile_impact() -> Any:
    """The deck tests' impact, each item titled with one hostile text and noted with another
    (titles HOSTILE[0..6], notes HOSTILE[9..3]: every text is a title or a note)."""
    rows = [
        replace(row, title=HOSTILE[n], note=HOSTILE[-1 - n]) for n, row in enumerate(item_changes())
    ]
    return small_impact(items=tuple(rows))


def test_impact_page() -> None:
    page = render(impact_markdown(hostile_impact()))
    assert_inert(page)
    assert page.count("<h1>") == 1
    assert re.findall(r"<h2>(.*?)</h2>", page) == [
        "Changes",
        "Value per quarter",
        "Days per team against capacity",
        "Days of other teams (asks)",
        "Broken dependencies",
        "Goals",
        "Notices",
    ]
    changes = page.split("<h2>Changes</h2>")[1].split("<h2>")[0]
    rows = re.findall(r"<tr>(.*?)</tr>", changes, re.S)
    cells = [re.findall(r"<td>(.*?)</td>", row, re.S) for row in rows[1:]]
    # the 5 changed items (KEEP and NEXT are unchanged), 8 cells each, text as typed
    assert [len(row) for row in cells] == [8] * 5
    assert [(row[0], shown(row[1]), shown(row[7])) for row in cells] == [
        (item.id, SHOWN[item.title], SHOWN[item.note or ""])
        for item in hostile_impact().changed_items
    ]


def test_feedback_report(small: MakeWorkspace) -> None:
    ws = load(small())
    assert ws.feedback is not None
    ws.feedback.themes[0].title = "# heading <b>theme</b>"
    ws.feedback.feedback = [
        Feedback(from_team="storage", on=dt.date(2026, 10, 1), experience=text, themes=["docs"])
        for text in HOSTILE
    ]
    item_of(ws, "PORTAL").title = "[portal](javascript:alert(1))"
    page = render(feedback_report(ws))
    assert_inert(page, ("DOCS", "PORTAL", "roadmap feedback theme speed --link ID"))
    assert page.count("<h1>") == 1
    assert re.findall(r"<h2>(.*?)</h2>", page) == [
        "# heading &lt;b&gt;theme&lt;/b&gt; (10)",
        "Speed (0)",
    ]
    assert page.count("<tr>") == 3  # header, docs, speed
    items = [shown(li) for li in re.findall(r"<li>(.*?)</li>", page, re.S)]
    assert items == [
        "DOCS Docs in one place: backlog, proposed",
        "PORTAL [portal](javascript:alert(1)): 2026-Q4, planned",
        *(f"{SHOWN[text]} (Storage and databases, 2026-10-01)" for text in HOSTILE),
    ]


def test_announcements(small: MakeWorkspace) -> None:
    ws = load(small())
    assert isinstance(ws.feedback, FeedbackLog)
    for n, text in enumerate(HOSTILE):
        item = item_of(ws, "NAMING").model_copy(update={"id": f"H{n}", "title": text})
        item.description = HOSTILE[-1 - n]
        item.link = "javascript:alert(1)" if n % 2 else f"https://tracker.example/H{n}"
        ws.quarters["2026-Q4"].items.append(item)
    done, _ = done_since_date(ws, dt.date(2026, 10, 1))
    notes = release_notes(ws, done, "2026-10-01")
    page = render(notes)
    ids = ("NAMING", *(f"H{n}" for n in range(len(HOSTILE))))
    assert_inert(page.replace('<a href="https://tracker.example/', ""), ids)
    # the only links are the https tracker links of the even items, as autolinks
    assert re.findall(r'<a href="([^"]*)"', page) == [
        f"https://tracker.example/H{n}" for n in range(0, len(HOSTILE), 2)
    ]
    assert "javascript:alert(1)</a>" not in page
    assert re.findall(r"<h2>(.*?)</h2>", page) == ["Secure"]
    # done the same day: by id, so H0..H9 and NAMING last; titles bold, descriptions below
    items = re.findall(r"<li>(.*?)</li>", page, re.S)
    bold = [shown(b) for b in re.findall(r"<li><strong>(.*?)</strong>", page, re.S)]
    assert bold == [*(SHOWN[text] for text in HOSTILE), "Naming conventions"]
    below = [shown(li).split("\n", 1)[1] for li in items[:-1]]
    assert below == [SHOWN[HOSTILE[-1 - n]] for n in range(len(HOSTILE))]


# --- CSV -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ('=HYPERLINK("http://evil")', '\'=HYPERLINK("http://evil")'),
        ("@SUM(1)", "'@SUM(1)"),
        ("-2+3", "'-2+3"),
        ("+1+1", "'+1+1"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("-3", "-3"),  # a plain number, not a formula
        ("+2.5", "+2.5"),
        ("-1e-3", "-1e-3"),
        ("a=1", "a=1"),
        ("# heading", "# heading"),
        ("", ""),
        (None, ""),
        (-3, -3),
        (-0.25, -0.25),
        (float("-inf"), "'-inf"),
        (True, "true"),
    ],
)
def test_spreadsheet_cell(value: str | float | None, written: str | float) -> None:
    assert spreadsheet_cell(value) == written


def test_csv_text_quotes_and_neutralises() -> None:
    text = csv_text([["id", "title"], ["A", '=HYPERLINK("http://evil","x")'], ["B", "a,\nb"]])
    assert text == 'id,title\nA,"\'=HYPERLINK(""http://evil"",""x"")"\nB,"a,\nb"\n'


def _quarter_toml(titles: list[str]) -> str:
    lines = ['[quarter]\nid = "2026-Q4"\n']
    for n, title in enumerate(titles):
        # json.dumps writes a valid TOML basic string (\uXXXX escapes for control characters)
        lines.append(
            f'[[items]]\nid = "H{n}"\ntitle = {json.dumps(title, ensure_ascii=False)}\nestimate = 2\n'
            f"score = {{ value = {n + 1}, effort = 1 }}\n"
        )
    return "\n".join(lines)


def test_score_csv(write_ws: WriteWorkspace) -> None:
    folder = write_ws({"2026-Q4.toml": _quarter_toml(HOSTILE)})
    result = CliRunner().invoke(main, ["score", "-w", str(folder), "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.output)))
    assert rows[0] == [
        "id",
        "title",
        "quarter",
        "framework",
        "value",
        "score",
        "rank",
        "quadrant",
        "missing",
    ]
    by_id = {row[0]: row for row in rows[1:]}
    formulas = {'=HYPERLINK("http://evil")', "@SUM(1)", "-2+3"}
    for n, title in enumerate(HOSTILE):
        expected = "'" + title if title in formulas else title  # the rest exactly as typed
        assert by_id[f"H{n}"][1] == expected
    # numbers stay numbers: H9 has value 10, effort 1, so score 10.0 and rank 1
    assert by_id["H9"][4:7] == ["10", "10.0", "1"]
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


# --- Deck ----------------------------------------------------------------------------------


def test_clean_text_and_safe_link() -> None:
    for title in HOSTILE:
        assert clean_text(title) == SHOWN[title]
    assert safe_link("javascript:alert(1)") is None
    assert safe_link("JavaScript:alert(1)") is None
    assert safe_link("data:text/html,<script>") is None
    assert safe_link("file:///etc/passwd") is None
    assert safe_link("https://tracker.example/A\x00") is None
    assert safe_link("https://tracker.example/A-1") == "https://tracker.example/A-1"
    assert safe_link("mailto:lead@example.com") == "mailto:lead@example.com"


def _deck_text(prs: Any) -> str:
    """Every text of the deck (shapes, table cells, speaker notes), whitespace squeezed out:
    the deck wraps long titles at its own places."""
    parts = []
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                parts.append(shape.text_frame.text)
            if shape.has_table:
                parts.extend(cell.text for row in shape.table.rows for cell in row.cells)
        parts.append(notes_of(slide))
    return "".join("".join(parts).split())


def _hyperlinks(prs: Any) -> list[str]:
    """Targets of every external hyperlink relationship in the file, whatever holds it."""
    return [
        rel.target_ref
        for slide in prs.slides
        for rel in slide.part.rels.values()
        if rel.is_external and rel.reltype.endswith("/hyperlink")
    ]


def test_deck(tmp_path: Path) -> None:
    links = {
        "ADD": "javascript:alert(1)",
        "LATE": "https://tracker.example/LATE-1",
        "NEXT": "mailto:lead@example.com",
        "EARLY": "file:///etc/passwd",
    }
    deck = deck_input(hostile_impact(), workspace=small_workspace(links))
    path = tmp_path / "hostile.pptx"
    result = write_deck(deck, path, measure=MEASURE)
    assert result.warnings == [
        f"{item}: link {link!r} left out of the deck (only http, https and mailto links are kept)"
        for item, link in (("EARLY", "file:///etc/passwd"), ("ADD", "javascript:alert(1)"))
    ]
    prs = open_deck(path)  # python-pptx reads back what it wrote
    text = _deck_text(prs)
    for title in HOSTILE:
        assert "".join(SHOWN[title].split()) in text
    assert "_x000" not in text  # no control character smuggled in as an XML escape
    assert sorted(set(_hyperlinks(prs))) == [
        "https://tracker.example/LATE-1",
        "mailto:lead@example.com",
    ]


def test_record_the_hostile_inputs_tried() -> None:
    """The figures for docs/reliability.md: what the tests above feed every exporter."""
    assert len(HOSTILE) >= 10
    record(
        "hostile",
        "Hostile titles and notes reach every exporter intact and inert (Markdown escaped, CSV"
        " formulas neutralised, deck links only http/https/mailto, control characters removed)",
        "tests/exporters/test_output_safety.py",
        hostile_texts=len(HOSTILE),
        exporters=5,
        injected_links_or_html=0,
    )
