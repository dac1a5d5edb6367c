"""What the deck is built from, and what writing it reports back. No deck library here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from roadmap_tui.impact import Impact, Options
from roadmap_tui.models import Item, Workspace

Lanes = Literal["auto", "goals", "teams"]
LANES: tuple[str, ...] = ("auto", "goals", "teams")
# Who the deck is for: directors (at most six slides: the ask, the risks, Now / Next / Later,
# value and capacity), the PO (the full deck) or the team (the PO's deck and item details).
Audience = Literal["directors", "po", "team"]
AUDIENCES: tuple[str, ...] = ("directors", "po", "team")


@dataclass(frozen=True)
class SourceInfo:
    """Where a compared version came from: what the person typed, and the commit for git."""

    label: str
    commit: str | None = None

    @property
    def shown(self) -> str:
        """`git:HEAD~1 (commit 1a2b3c4)`, or the label alone."""
        if self.commit:
            return f"{self.label} (commit {self.commit[:7]})"
        return self.label


@dataclass(frozen=True)
class DeckInput:
    """Everything one deck shows.

    `impact` compares the baseline with the proposal (the first adjusted version); `options`
    is given when there are several alternatives. `workspace` is the adjusted workspace, for
    review stages, item links and score inputs; without it the appendix shows the impact's
    figures only. `base_workspace` is the baseline, for the stages the change reopens.
    `explain` gives an item's score explanation (the scoring framework's);
    without it the appendix lists the framework's inputs.
    """

    impact: Impact
    base: SourceInfo
    adjusted: SourceInfo
    on: dt.date
    workspace: Workspace | None = None
    options: Options | None = None
    alternatives: tuple[SourceInfo, ...] = ()
    title: str | None = None
    lanes: Lanes = "auto"
    explain: Callable[[Item], str] | None = None
    base_workspace: Workspace | None = None
    audience: Audience = "po"


@dataclass
class DeckResult:
    """What was written: the slide titles in order, and warnings for the person."""

    slides: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


class DeckError(Exception):
    """A deck that cannot be written (unreadable template, file exists): a message, exit 1."""


class DeckExists(DeckError):
    """The file exists and overwriting was not asked for (the faces say how to ask)."""
