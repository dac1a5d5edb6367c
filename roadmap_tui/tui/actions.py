"""The app's actions, in one table: it builds the app's key bindings, and the footer, the help
screen and the command palette all read the same bindings, so each lists every action once.

The app's own actions come first (save, undo, views...); then the view's (`BINDINGS` of its
screen class, kept with the screen) and those of its own widgets (the item table's sort). The
framework's widget keys (a table's cursor keys) are not listed: they are the same everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from textual.binding import Binding, BindingType

from roadmap_tui.tui.views import VIEWS

if TYPE_CHECKING:
    from textual.app import App
    from textual.dom import DOMNode
    from textual.screen import Screen

UNDO = Binding.Group("Undo/redo", compact=True)
OWN_PACKAGE = "roadmap_tui."


def _view_binding(key: str, mode: str, title: str, tooltip: str) -> Binding:
    return Binding(
        key,
        f"switch_view('{mode}')",
        f"{title} view",
        show=False,
        id=f"view-{mode}",
        tooltip=tooltip,
    )


APP_ACTIONS: list[BindingType] = [
    Binding("ctrl+s", "save", "Save", id="save", tooltip="Write the changes to the plan files"),
    Binding("ctrl+z", "undo", "Undo", id="undo", tooltip="Undo the last edit", group=UNDO),
    Binding("ctrl+y", "redo", "Redo", id="redo", tooltip="Redo what was undone", group=UNDO),
    Binding("question_mark", "help", "Help", key_display="?", id="help", tooltip="Keys and help"),
    Binding("q", "quit_key", "Quit", id="quit", tooltip="Quit (asks if changes are unsaved)"),
    Binding(
        "ctrl+r",
        "reload",
        "Reload",
        show=False,
        id="reload",
        tooltip="Read the files again (asks if changes are unsaved)",
    ),
    Binding(
        "ctrl+t",
        "toggle_theme",
        "Light/dark",
        show=False,
        id="toggle-theme",
        tooltip="Switch between the light and the dark theme",
    ),
    Binding(
        "ctrl+p",
        "command_palette",
        "Command palette",
        show=False,
        priority=True,
        id="palette",
        tooltip="Every action, and every item by id or title",
    ),
    *(_view_binding(view.key, view.mode, view.title, view.tooltip) for view in VIEWS),
]


@dataclass(frozen=True)
class Listed:
    """One action as help and the palette show it."""

    key: str  # as displayed
    description: str
    tooltip: str
    action: str
    node: DOMNode


def listed(app: App[Any], screen: Screen[Any]) -> list[Listed]:
    """Every action once: the app's first, then the view's and its own widgets' (in focus
    order). Actions a dialog disables for now are listed too: they are the view's actions."""
    rows: list[Listed] = []
    seen: set[str] = set()

    def add(node: DOMNode, binding: Binding) -> None:
        if not binding.description or binding.action in seen:
            return
        seen.add(binding.action)
        rows.append(
            Listed(
                app.get_key_display(binding),
                binding.description,
                binding.tooltip or binding.description,
                binding.action,
                node,
            )
        )

    for entry in APP_ACTIONS:
        if isinstance(entry, Binding):
            add(app, entry)
    for binding in _own(type(screen)):
        add(screen, binding)
    for node, binding, _, _ in screen.active_bindings.values():
        if node is app or node is screen:
            continue
        if binding.action in _declared(type(node)):
            add(node, binding)
    return rows


def _own(cls: type) -> list[Binding]:
    """The bindings a class declares (not those it inherits from the framework)."""
    found = []
    for entry in cls.__dict__.get("BINDINGS", []):
        if isinstance(entry, Binding):
            found.append(entry)
    return found


def _declared(cls: type) -> set[str]:
    """The actions this package's classes in `cls`'s ancestry bind (not the framework's)."""
    return {
        binding.action
        for ancestor in cls.__mro__
        if ancestor.__module__.startswith(OWN_PACKAGE)
        for binding in _own(ancestor)
    }
