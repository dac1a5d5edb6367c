"""The sidebar: quarters in time order, then the backlog, each with its stage and load."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from roadmap_tui.models import BACKLOG, Workspace
from roadmap_tui.models.numbers import fmt
from roadmap_tui.workbench.session import Session

if TYPE_CHECKING:
    from roadmap_tui.workbench.derived import Derived

STAGE_STYLE = {
    "draft": "yellow",
    "team-reviewed": "cyan",
    "po-approved": "blue",
    "directors-approved": "magenta",
    "published": "green",
}


class QuarterList(OptionList):
    """Highlighting a quarter shows it (the screen listens to OptionHighlighted)."""

    def __init__(self, session: Session, derived: Derived, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.session = session
        self.derived = derived
        self._locations: list[str] = []

    @property
    def ws(self) -> Workspace:
        return self.session.workspace

    def show(self, selected: str) -> None:
        """Build the list (again) and highlight `selected`."""
        self._locations = [*self.ws.quarter_ids(), BACKLOG]
        self.set_options(Option(self.prompt(loc), id=loc) for loc in self._locations)
        self.highlight_location(selected)

    def refresh_locations(self) -> None:
        """Quarters came or went, or their loads changed: redraw, keeping the highlight."""
        if [*self.ws.quarter_ids(), BACKLOG] != self._locations:
            option = self.highlighted_option
            self.show(option.id if option is not None and option.id else BACKLOG)
            return
        for location in self._locations:
            self.replace_option_prompt(location, self.prompt(location))

    def highlight_location(self, location: str) -> None:
        if location in self._locations:
            self.highlighted = self._locations.index(location)

    def prompt(self, location: str) -> Text:
        if location == BACKLOG:
            count = len(self.ws.backlog.items)
            return Text.assemble(("Backlog", "bold"), f"  {count} item{'s' * (count != 1)}")
        plan = self.ws.quarters[location]
        current = location == self.ws.roadmap.workspace.current_quarter
        stage = plan.quarter.stage
        text = Text.assemble(
            (location, "bold"),
            (" ●" if current else "", "bold green"),
            f"  {len(plan.items)} item{'s' * (len(plan.items) != 1)}\n ",
            (stage, STAGE_STYLE.get(stage, "")),
        )
        load = self.derived.facts.owner_load(location)
        if load is not None:
            style = "bold red" if load.overloaded else ""
            text.append(f" {fmt(load.used)}/{fmt(load.capacity)}", style=style)
        return text
