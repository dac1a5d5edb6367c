"""The combined feedback document as Markdown: themes by count, improvement items, quotes."""

from __future__ import annotations

from pathlib import Path

from markdown_it import MarkdownIt

from roadmap_tui.exporters.feedback_report import feedback_report
from tests.intake.conftest import MakeWorkspace, load

EXPECTED = """\
# Feedback: Test

3 entries from 2 teams, 2026-09-01 to 2026-10-02.

| Theme | Entries |
| --- | ---: |
| Documentation | 2 |
| Speed | 1 |
| No theme | 1 |

An entry with several themes counts under each.

## Documentation (2)

Improvement items:

- `DOCS` Docs in one place: backlog, proposed
- `PORTAL` Developer portal: 2026-Q4, planned

### How was your experience?

- Slow (Infra, 2026-09-01)
- Good (Storage and databases, 2026-10-02, about NAMING)

### What did you like?

- Short names (Storage and databases, 2026-10-02, about NAMING)

### What could be improved?

- More examples (Storage and databases, 2026-10-02, about NAMING)

## Speed (1)

No improvement item linked yet (`roadmap feedback theme speed --link ID`).

### How was your experience?

- Slow (Infra, 2026-09-01)

## No theme (1)

### How was your experience?

- No theme yet (Storage and databases)
"""


def test_report_by_theme_with_counts_items_and_quotes(small: MakeWorkspace) -> None:
    assert feedback_report(load(small())) == EXPECTED


def test_text_people_wrote_cannot_inject_markdown(small: MakeWorkspace) -> None:
    feedback = """\
[[feedback]]
from = "storage"
experience = "# Take over\\n- [link](https://evil.example) <img src=x onerror=alert(1)>"
themes = ["t"]

[[themes]]
id = "t"
title = "## <b>Theme</b> | *x*"
"""
    report = feedback_report(load(small(feedback=feedback)))
    assert "| ## &lt;b&gt;Theme&lt;/b&gt; \\| \\*x\\* | 1 |" in report  # a cell starts nothing
    assert "## \\## &lt;b&gt;Theme&lt;/b&gt; \\| \\*x\\* (1)" in report
    assert (
        "- \\# Take over - \\[link\\](https\\://evil.example) &lt;img src=x onerror=alert(1)&gt;"
        " (Storage and databases)"
    ) in report
    # no line of the document starts a heading or list from the user's text
    assert not any(line.startswith(("# Take", "- [", "<")) for line in report.splitlines())
    html = MarkdownIt("commonmark").enable("table").render(report)
    assert "<a " not in html and "<img" not in html and "<b>" not in html and "<em>" not in html
    assert html.count("<h1>") == 1 and html.count("<td") == 2  # one theme row: two cells


def test_no_feedback_yet(small: MakeWorkspace) -> None:
    assert feedback_report(load(small(feedback=None))) == (
        "# Feedback: Test\n\n"
        "No feedback recorded yet (`roadmap feedback add` or `roadmap feedback import`).\n"
    )


def test_example_workspace_report_counts(example: Path) -> None:
    lines = feedback_report(load(example)).splitlines()
    assert lines[2] == "9 entries from 7 teams, 2026-09-16 to 2026-11-12."
    table = lines[lines.index("| Theme | Entries |") + 2 : lines.index("| Theme | Entries |") + 6]
    assert table == [
        "| Documentation and examples | 3 |",
        "| Unreadable errors and plan output | 3 |",
        "| Slow CI and Spacelift runs | 2 |",
        "| Onboarding new engineers to self-service | 2 |",
    ]
