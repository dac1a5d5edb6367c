"""Release notes as Markdown: done items by goal, plan changes and request decisions."""

from __future__ import annotations

import datetime as dt

from markdown_it import MarkdownIt

from roadmap_tui.exporters.announcements import release_notes
from roadmap_tui.intake.announce import decisions_since, done_since_date, plan_changes
from roadmap_tui.intake.requests import decide
from roadmap_tui.models.edits import applied
from tests.intake.conftest import MakeWorkspace, item_of, load, move


def test_release_notes_by_goal(small: MakeWorkspace) -> None:
    ws = load(small())
    portal = item_of(ws, "PORTAL")
    portal.status, portal.done_on = "done", dt.date(2026, 11, 2)
    portal.link = "https://tracker.example/P-1"
    portal.description = "One place for *all* the docs"
    done, _ = done_since_date(ws, dt.date(2026, 10, 1))
    assert release_notes(ws, done, "2026-10-01") == (
        "# Test: done since 2026-10-01\n"
        "\n"
        "2 items done.\n"
        "\n"
        "## Self-service\n"
        "\n"
        "- **Developer portal** (`PORTAL`, done 2026-11-02) <https://tracker.example/P-1>\n"
        "  One place for \\*all\\* the docs\n"
        "\n"
        "## Secure\n"
        "\n"
        "- **Naming conventions** (`NAMING`, done 2026-10-10), asked for by storage\n"
        "\n"
        "Teams who asked: #storage\n"
    )


def test_nothing_done(small: MakeWorkspace) -> None:
    ws = load(small())
    assert release_notes(ws, [], "2027-01-01") == (
        "# Test: done since 2027-01-01\n\nNothing done since.\n"
    )


def test_items_without_a_goal_and_unsafe_links(small: MakeWorkspace) -> None:
    ws = load(small())
    docs = item_of(ws, "DOCS")
    docs.status, docs.done_on = "done", dt.date(2026, 11, 1)
    for link in ("javascript:alert(1)", "https://x.example/a>b", "https://x.example/\x00"):
        docs.link = link
        text = release_notes(ws, [docs], "x")
        assert "## Other work\n\n- **Docs in one place** (`DOCS`, done 2026-11-01)\n" in text
        assert "javascript" not in text and "x.example" not in text


def test_plan_changes_with_their_notes(small: MakeWorkspace) -> None:
    before = load(small())
    now = before.model_copy(deep=True)
    move(now, "DOCS", "2026-Q4")
    item_of(now, "DOCS").note = "added: <b>docs</b> week"
    text = release_notes(now, [], "git:HEAD", changes=plan_changes(now, before), decisions=[])
    assert text == (
        "# Test: done since git:HEAD\n"
        "\n"
        "Nothing done since.\n"
        "\n"
        "## Plan changes\n"
        "\n"
        "- `DOCS` Docs in one place: added to 2026-Q4 (added: &lt;b&gt;docs&lt;/b&gt; week)\n"
    )


def test_decisions_are_told_with_their_reason(small: MakeWorkspace) -> None:
    before = load(small())
    now = applied(before, decide(before, "REQ-OPEN-OLD", "decline", note="no owner")[0])
    now = applied(now, decide(now, "REQ-OPEN-NEW", "merge", into="PORTAL")[0])
    text = release_notes(now, [], "git:HEAD~1", decisions=decisions_since(now, before))
    assert text.endswith(
        "## Decisions on requests\n"
        "\n"
        "- `REQ-OPEN-NEW` New open request, asked for by storage: merged into `PORTAL`\n"
        "- `REQ-OPEN-OLD` Old open request, asked for by storage: declined: no owner\n"
        "\n"
        "Teams who asked: #storage\n"
    )


def test_hostile_titles_and_notes_stay_text(small: MakeWorkspace) -> None:
    before = load(small())
    hostile = "# Pwned\n- [x](javascript:alert(1)) <script>alert(1)</script> | a | b |"
    now = applied(before, decide(before, "REQ-OPEN-OLD", "decline", note=hostile)[0])
    naming = item_of(now, "NAMING")
    naming.title = hostile
    naming.description = "## not a heading\n1. not a list"
    text = release_notes(now, [naming], "2026-10-01", decisions=decisions_since(now, before))
    lines = text.splitlines()
    assert lines[4:7] == [
        "## Secure",
        "",
        "- **\\# Pwned - \\[x\\](javascript:alert(1)) &lt;script&gt;alert(1)&lt;/script&gt;"
        " \\| a \\| b \\|** (`NAMING`, done 2026-10-10), asked for by storage",
    ]
    assert lines[7] == "  \\## not a heading 1. not a list"
    html = MarkdownIt("commonmark").enable("table").render(text)
    assert "<a " not in html and "<script" not in html and "<table" not in html
    assert html.count("<h1>") == 1 and html.count("<h2>") == 2  # Secure, Decisions on requests
