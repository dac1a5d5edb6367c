"""A drafted quarter in words, as (text, style) pieces: no rich, so that `roadmap draft` on a pipe
writes plain lines without importing it, while the terminal and the app draw the same pieces
in colour (`rich_views.draft_text`). One wording for both faces."""

from __future__ import annotations

from typing import TYPE_CHECKING

from roadmap_tui.models.numbers import fmt

if TYPE_CHECKING:
    from roadmap_tui.planning.draft import Draft

Piece = tuple[str, str]  # (text, rich style; "" for none)


def draft_pieces(result: Draft, *, moves: bool = True) -> list[Piece]:
    """Leftovers, placed items (unless `moves` is False: the app lists them to tick), what was
    left out and why, capacity after, broken orders."""
    pieces: list[Piece] = []

    def add(text: str, style: str = "") -> None:
        pieces.append((text, style))

    if result.note:
        add(result.note + "\n", "bold yellow")
    if moves:
        if not result.previous_started:
            add(f"{result.previous} has not begun: nothing is left over from it.\n")
        elif result.leftovers:
            add(f"Leftovers of {result.previous} ({len(result.leftovers)}), carried first:\n")
            for move in result.leftovers:
                add(f"  {move.item} ({move.reason})\n")
        else:
            add(f"No leftovers in {result.previous}.\n")
    if result.kept:
        add(f"Already planned in {result.quarter}: {len(result.kept)} item(s)\n")
    if moves and result.placed:
        add(f"From the backlog ({len(result.placed)}, total value {fmt(result.value)}):\n")
        for move in result.placed:
            add(f"  + {move.item}", "bold green")
            add(f": {move.reason}\n")
    elif not result.placed:
        add("Nothing from the backlog fits.\n")
    if result.left_out:
        add(f"Left out ({len(result.left_out)}):\n", "bold")
        for entry in result.left_out:
            add(f"  - {entry.item}: {'; '.join(entry.reasons)}\n")
    add(f"Capacity in {result.quarter} with this draft:\n", "bold")
    for load in result.loads:
        if load.used or load.overloaded:
            add(f"  {load.sentence()}\n", "bold red" if load.overloaded else "")
    for load in result.overloads:
        add(f"overloaded: {load.sentence()}\n", "bold red")
    for violation in result.broken:
        add(f"breaks an order: {violation.sentence()}\n", "red")
    return pieces
