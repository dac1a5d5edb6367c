"""The app's views, switched by number keys: one place to add the views of later issues.

Each view is a Textual mode whose base screen is built by the app for the open session.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class View:
    key: str  # the number key that switches to it
    mode: str  # Textual mode name
    title: str
    tooltip: str


VIEWS: tuple[View, ...] = (
    View("1", "plan", "Plan", "Quarters and backlog: items, capacity, moves"),
    View("2", "prioritise", "Prioritise", "Rank by a framework: explanation, sensitivity, matrix"),
    View("3", "capacity", "Capacity", "Teams x quarters: load, what fills it, draft, make room"),
    View("4", "dependencies", "Dependencies", "What an item needs, what needs it; team asks"),
    View("5", "compare", "Compare", "Impact of the adjusted plan against a baseline; export"),
    View("6", "inbox", "Inbox", "Requests to decide (accept, decline, merge); feedback by theme"),
)
