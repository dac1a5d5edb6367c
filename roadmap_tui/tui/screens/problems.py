"""A workspace that cannot be used (roadmap.toml unreadable): its problems, instead of a crash."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from roadmap_tui.models import Problem
from roadmap_tui.tui.widgets.problems_panel import problems_text, summary


class ProblemsScreen(Screen[None]):
    BINDINGS = [
        Binding("ctrl+r", "app.reload", "Reload", id="reload", tooltip="Read the files again"),
    ]

    def __init__(self, path: Path, problems: list[Problem]) -> None:
        super().__init__()
        self.path = path
        self.problems = problems

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(
            f"The workspace {self.path} cannot be opened: {summary(self.problems)}.\n"
            "Fix these in the files (`roadmap validate` says the same), then reload with ctrl+r.",
            id="problems-intro",
        )
        with VerticalScroll(id="problems-list"):
            yield Static(problems_text(self.problems))
        yield Footer()
