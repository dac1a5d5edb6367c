"""The workspace's problems (errors and warnings), each located: file, line, where, what."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from roadmap_tui.models import Problem


def problem_line(problem: Problem) -> Text:
    style = "bold red" if problem.is_error else "yellow"
    label = "error" if problem.is_error else "warning"
    location = problem.file + (f":{problem.line}" if problem.line is not None else "")
    where = f" {problem.where}" if problem.where else ""
    return Text.assemble(
        (f"{label:<8}", style), (location, "bold"), (where, "cyan"), f"  {problem.message}"
    )


def problems_text(problems: list[Problem]) -> Text:
    return Text("\n").join(problem_line(p) for p in problems)


def summary(problems: list[Problem]) -> str:
    errors = sum(1 for p in problems if p.is_error)
    warnings = len(problems) - errors
    return f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"


class ProblemsPanel(Static):
    """Shown when the workspace has problems; the plan screen toggles it."""

    def show_problems(self, problems: list[Problem]) -> None:
        self.border_title = f"Problems: {summary(problems)}"
        self.border_subtitle = "fix the files, then reload (ctrl+r)"
        self.update(problems_text(problems) if problems else Text("No problems.", style="dim"))
