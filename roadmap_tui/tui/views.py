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
    # Later issues: 2 prioritise, 3 capacity, 4 dependencies, 5 compare, 6 inbox.
)
