"""Outputs neutralised per medium (issue 21): CSV rows a CR cannot end, chart workbooks without
formulas, a terminal no escape sequence reaches, Slack without mentions, Markdown without
autolinks."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import replace
from pathlib import Path

from click.testing import CliRunner

from roadmap_tui.cli import main
from roadmap_tui.exporters.csv_out import csv_text
from roadmap_tui.exporters.deck import write_deck
from roadmap_tui.exporters.deck.charts import ChartData, Series, inert_workbook
from roadmap_tui.exporters.markdown_text import escape
from roadmap_tui.exporters.slack_text import slack_text
from roadmap_tui.exporters.terminal_text import terminal_json, terminal_text
from roadmap_tui.storage import WorkspaceStore
from tests.exporters.deck_helpers import MEASURE, deck_input, small_impact

ESCAPES = [
    "\x1b]0;pwned\x07",  # window title (OSC)
    "\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\",  # hyperlink
    "\x1b[2J\x1b[H",  # clear screen
    "\rover\x08written",
    "\x9b31m C1 CSI",
    "\u202eevil-RTL-override",
]


def _sheets(xlsx: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(xlsx)) as book:
        return {n: book.read(n).decode() for n in book.namelist() if n.startswith("xl/")}


def test_csv_row_cannot_be_ended_by_a_cr() -> None:
    rows = [["id", "title"], ["A", "\r=1+1"], ["B", "a\rb"], ["C", "x\n@SUM(1)"], ["D", "\n=2"]]
    text = csv_text(rows)
    parsed = list(csv.reader(io.StringIO(text, newline="")))
    assert [r[0] for r in parsed] == ["id", "A", "B", "C", "D"]
    assert parsed[1][1] == "'\r=1+1" and parsed[4][1] == "'\n=2"
    # a spreadsheet splitting on any CR or LF outside quotes still sees every row start with an id
    outside = re.sub(r'"(?:[^"]|"")*"', "Q", text)
    assert [line.split(",")[0] for line in outside.splitlines()] == ["id", "A", "B", "C", "D"]


def test_chart_workbook_writes_text_as_text() -> None:
    data = ChartData(
        categories=('=HYPERLINK("http://evil","x")', "+cmd", "http://evil.example", "12"),
        series=(Series("=SUM(A1)", (1.0, 2.0, 3.0, 4.0), "000000"),),
    )
    sheets = _sheets(inert_workbook(data, "General"))
    sheet = sheets["xl/worksheets/sheet1.xml"]
    assert "<f>" not in sheet and "hyperlink" not in sheet.lower()
    strings = sheets["xl/sharedStrings.xml"]
    for text in ('=HYPERLINK("http://evil","x")', "+cmd", "=SUM(A1)", ">12<"):
        assert text in strings


def test_deck_chart_workbooks_hold_no_formula(tmp_path: Path) -> None:
    impact = small_impact()
    hostile = tuple(
        replace(row, team_name='=HYPERLINK("http://evil","x")') for row in impact.effort
    )
    path = tmp_path / "deck.pptx"
    write_deck(deck_input(replace(impact, effort=hostile)), path, measure=MEASURE)
    with zipfile.ZipFile(path) as deck:
        books = [deck.read(n) for n in deck.namelist() if n.endswith(".xlsx")]
    assert books
    found = 0
    for book in books:
        for name, xml in _sheets(book).items():
            assert "<f>" not in xml, name
            found += "HYPERLINK" in xml
    assert found  # the team name is in a workbook, as text
    del found


def test_terminal_text_shows_escapes_visibly() -> None:
    for text in ESCAPES:
        shown = terminal_text(text)
        assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]", shown)
    assert terminal_text("\x1b]0;x\x07") == "\\x1b]0;x\\x07"
    assert terminal_text("Ship it 🚀\ttab\nnext") == "Ship it 🚀\ttab\nnext"
    assert terminal_json('"\x9b\u202e"') == '"\\u009b\\u202e"'


def _hostile_workspace(example: Path) -> Path:
    store = WorkspaceStore.open(example)
    ws = store.workspace
    for n, item in enumerate(ws.all_items()):
        item.title = ESCAPES[n % len(ESCAPES)] + f" title {n}"
    assert ws.feedback is not None
    for n, entry in enumerate(ws.feedback.feedback):
        entry.experience = ESCAPES[n % len(ESCAPES)]
    store.save(ws)
    return example


def test_no_escape_reaches_the_terminal_from_any_command(example: Path) -> None:
    path = _hostile_workspace(example)
    commands = [
        ["score"],
        ["score", "--format", "json"],
        ["request", "list"],
        ["asks"],
        ["capacity"],
        ["deps"],
        ["draft"],
        ["impact", str(path)],
        ["feedback", "list"],
        ["feedback", "report"],
        ["validate"],
    ]
    tried = 0
    for args in commands:
        result = CliRunner().invoke(main, ["-w", str(path), *args])
        assert not isinstance(result.exception, Exception) or isinstance(
            result.exception, SystemExit
        ), (args, result.exception)
        for stream in (result.stdout, result.stderr):
            assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]", stream), args
        tried += 1
    assert tried == len(commands)


def test_slack_notices_escape_control_sequences(example: Path) -> None:
    base = WorkspaceStore.open(example)
    for item in base.workspace.all_items():
        item.title = "<!channel> see <https://evil.example|docs> & <@U123>"
    base.save(base.workspace)
    scenario = CliRunner().invoke(main, ["-w", str(example), "scenario", "new", "s"])
    assert scenario.exit_code == 0
    store = WorkspaceStore.open("scenario:s", workspace=example)
    ws = store.workspace
    moved = next(i for i in ws.items_in("2026-Q4") if i.team != ws.owner)
    moved.note = "<!channel> see <https://evil.example|docs> & <@U123>"  # the notice's reason
    ws.items_in("2026-Q4").remove(moved)
    ws.items_in("2027-Q1").append(moved)
    store.save(ws)
    result = CliRunner().invoke(main, ["-w", str(example), "notices", str(example), "scenario:s"])
    assert result.exit_code == 0, result.output
    assert "&lt;!channel&gt; see &lt;https://evil.example|docs&gt; &amp; &lt;@U123&gt;" in (
        result.stdout
    )
    assert "<!" not in result.stdout and "<@" not in result.stdout
    assert slack_text("a<b>&c") == "a&lt;b&gt;&amp;c"


def test_markdown_bare_urls_are_not_autolinks() -> None:
    cases = {
        "see https://evil.example/x": "see https\\://evil.example/x",
        "www.evil.example": "www\\.evil.example",
        "mail bob@evil.example": "mail bob\\@evil.example",
        "ratio 3:1, Note: done, a_b": "ratio 3:1, Note: done, a_b",
    }
    for text, expected in cases.items():
        assert escape(text) == expected
    # GFM's autolink rules (the extended www., scheme and e-mail forms) find nothing left
    gfm = re.compile(r"(?<![\\\w])(https?://|www\.)|\w@\w")
    for expected in cases.values():
        assert not gfm.search(expected)


def test_every_character_that_acts_on_a_terminal_is_shown_as_an_escape() -> None:
    """All of them, one by one: C0 controls but tab and newline, DEL and the C1 controls, the
    bidirectional marks, embeddings, overrides and isolates, the line and paragraph separators;
    and printable text (letters, symbols, emoji, a space) passes unchanged."""
    unsafe = [
        *(chr(code) for code in range(0x00, 0x20) if chr(code) not in "\t\n"),
        *(chr(code) for code in range(0x7F, 0xA0)),
        "\u200e",
        "\u200f",
        *(chr(code) for code in range(0x2028, 0x202F)),
        *(chr(code) for code in range(0x2066, 0x206A)),
    ]
    for char in unsafe:
        shown = terminal_text(f"a{char}b")
        code = ord(char)
        assert shown == (f"a\\x{code:02x}b" if code < 0x100 else f"a\\u{code:04x}b"), repr(char)
    for text in ("plain title", "Zürich – 東京 🚀 [x] ∑", "tab\tand\nnewline"):
        assert terminal_text(text) == text
