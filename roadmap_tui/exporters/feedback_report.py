"""The combined feedback document as Markdown: themes with counts, improvement items, quotes.

What it holds is chosen by roadmap_tui.intake.report; this module only writes it, every text a
person wrote (answers, theme titles, team names, item titles) escaped by
roadmap_tui.exporters.markdown_text.
"""

from __future__ import annotations

from roadmap_tui.exporters.markdown_text import cell, code, escape
from roadmap_tui.intake.report import FeedbackReport, Quote, ThemeSection, report_of
from roadmap_tui.intake.rounds import Selection
from roadmap_tui.models import Workspace


def feedback_report(ws: Workspace, selection: Selection | None = None) -> str:
    """The feedback document of `ws` (or of a round, or since a date) as Markdown."""
    return report_markdown(report_of(ws, selection))


def report_markdown(report: FeedbackReport) -> str:
    """The page: heading, counts, the theme table, the comparison with the previous round,
    then a section per theme."""
    covers = f", {cell(report.covers)}" if report.covers else ""
    lines = [f"# Feedback: {escape(report.workspace)}{covers}", ""]
    if not report.entries:
        if report.covers:
            lines += [f"No feedback {cell(report.covers)}."]
        else:
            lines += [
                "No feedback recorded yet (`roadmap feedback add` or `roadmap feedback import`)."
            ]
        lines += _comparison(report)
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
    lines += _comparison(report)
    for theme in report.themes:
        lines += ["", f"## {escape(theme.title)} ({theme.entries})"]
        if theme.id is not None:
            lines += ["", *_improvements(theme)]
        for answers in theme.answers:
            lines += ["", f"### {answers.question}", ""]
            lines += [f"- {escape(quote.text)} ({_who(quote)})" for quote in answers.quotes]
    return "\n".join(lines) + "\n"


def _comparison(report: FeedbackReport) -> list[str]:
    """The round's themes against the previous round's (nothing without a previous round)."""
    if report.previous_round is None or report.round_name is None:
        return []
    now, before = cell(report.round_name), cell(report.previous_round)
    lines = ["", f"## Compared with round {before}", ""]
    if not report.trends:
        return [*lines, "Neither round has entries."]
    lines += [f"| Theme | {before} | {now} | Change |", "| --- | ---: | ---: | --- |"]
    for trend in report.trends:
        if trend.before == 0:
            change = "new"
        elif trend.now == 0:
            change = "gone"
        elif trend.now == trend.before:
            change = "same"
        else:
            change = f"{trend.now - trend.before:+d}"
        lines.append(f"| {cell(trend.title)} | {trend.before} | {trend.now} | {change} |")
    return lines


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
