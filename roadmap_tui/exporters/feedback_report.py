"""The combined feedback document as Markdown: themes with counts, improvement items, quotes.

What it holds is chosen by roadmap_tui.intake.report; this module only writes it, every text a
person wrote (answers, theme titles, team names, item titles) escaped by
roadmap_tui.exporters.markdown_text.
"""

from __future__ import annotations

from roadmap_tui.exporters.markdown_text import cell, code, escape
from roadmap_tui.intake.report import FeedbackReport, Quote, ThemeSection, report_of
from roadmap_tui.models import Workspace


def feedback_report(ws: Workspace) -> str:
    """The feedback document of `ws` as Markdown."""
    return report_markdown(report_of(ws))


def report_markdown(report: FeedbackReport) -> str:
    """The page: heading, counts, the theme table, then a section per theme."""
    lines = [f"# Feedback: {escape(report.workspace)}", ""]
    if not report.entries:
        lines += ["No feedback recorded yet (`roadmap feedback add` or `roadmap feedback import`)."]
        return "\n".join(lines) + "\n"
    span = ""
    if report.first is not None and report.last is not None:
        span = f", {report.first.isoformat()} to {report.last.isoformat()}"
    lines += [
        f"{_count(report.entries, 'entry', 'entries')} from {_count(report.teams, 'team')}{span}."
    ]
    lines += ["", "| Theme | Entries |", "| --- | ---: |"]
    lines += [f"| {cell(theme.title)} | {theme.entries} |" for theme in report.themes]
    if report.several_themes:
        lines += ["", "An entry with several themes counts under each."]
    for theme in report.themes:
        lines += ["", f"## {escape(theme.title)} ({theme.entries})"]
        if theme.id is not None:
            lines += ["", *_improvements(theme)]
        for answers in theme.answers:
            lines += ["", f"### {answers.question}", ""]
            lines += [f"- {escape(quote.text)} ({_who(quote)})" for quote in answers.quotes]
    return "\n".join(lines) + "\n"


def _improvements(theme: ThemeSection) -> list[str]:
    if not theme.improvements:
        hint = code(f"roadmap feedback theme {theme.id} --link ID")
        return [f"No improvement item linked yet ({hint})."]
    lines = ["Improvement items:", ""]
    for item in theme.improvements:
        title = f" {cell(item.title)}" if item.title is not None else ""
        lines.append(f"- {code(item.id)}{title}: {item.where}")
    return lines


def _who(quote: Quote) -> str:
    parts = [cell(quote.team)]
    if quote.on is not None:
        parts.append(quote.on.isoformat())
    if quote.about:
        parts.append(f"about {cell(quote.about)}")
    return ", ".join(parts)


def _count(number: int, word: str, plural: str | None = None) -> str:
    return f"{number} {word if number == 1 else plural or word + 's'}"
