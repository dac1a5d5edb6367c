"""The combined feedback document."""

from __future__ import annotations

from roadmap_tui.intake.report import feedback_report, group_by_theme, where_planned
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
    assert "| \\## \\<b\\>Theme\\</b\\> \\| \\*x\\* | 1 |" in report
    assert "## \\## \\<b\\>Theme\\</b\\> \\| \\*x\\* (1)" in report
    assert (
        "- \\# Take over - \\[link\\](https://evil.example) \\<img src=x onerror=alert(1)\\>"
        " (Storage and databases)"
    ) in report
    # no line of the document starts a heading or list from the user's text
    assert not any(line.startswith(("# Take", "- [", "<")) for line in report.splitlines())


def test_no_feedback_yet(small: MakeWorkspace) -> None:
    assert feedback_report(load(small(feedback=None))) == (
        "# Feedback: Test\n\n"
        "No feedback recorded yet (`roadmap feedback add` or `roadmap feedback import`).\n"
    )


def test_groups_most_entries_first_and_loose_entries_last(small: MakeWorkspace) -> None:
    groups = group_by_theme(load(small()))
    assert [(g.id, len(g.entries)) for g in groups] == [("docs", 2), ("speed", 1), (None, 1)]


def test_where_planned(small: MakeWorkspace) -> None:
    ws = load(small())
    assert where_planned(ws, "NAMING") == "done 2026-10-10 (2026-Q4)"
    assert where_planned(ws, "PORTAL") == "2026-Q4, planned"
    assert where_planned(ws, "REQ-DECLINED") == "backlog, dropped"
    assert where_planned(ws, "GONE") == "not in the workspace"


def test_example_workspace_report_counts(example_ws_report: str) -> None:
    lines = example_ws_report.splitlines()
    assert lines[2] == "9 entries from 7 teams, 2026-09-16 to 2026-11-12."
    table = lines[lines.index("| Theme | Entries |") + 2 : lines.index("| Theme | Entries |") + 6]
    assert table == [
        "| Documentation and examples | 3 |",
        "| Unreadable errors and plan output | 3 |",
        "| Slow CI and Spacelift runs | 2 |",
        "| Onboarding new engineers to self-service | 2 |",
    ]
