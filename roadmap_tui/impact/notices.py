"""Notices: one plain, polite, specific message per affected team, ready for its channel.

A team is affected when days reserved with it are released, moved, resized or newly asked,
or when an item it requested (or owns) is added, removed, deferred or pulled in. The team
whose roadmap it is gets none: it made the change.

Days that move or are released are told in the ask's words, saying what happened to the item:
deferred to a later quarter ("X (4 days) is deferred from 2027-Q1 to 2027-Q2 ... You can plan
those 4 days for other work in 2027-Q1"), deferred to the backlog with no date yet, dropped (the
days are no longer needed), with the item's note as the reason; an adopted request that needs new
days is told as the adoption, with the days after it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from roadmap_tui.impact.model import AskChange, ItemChange, Notice
from roadmap_tui.models import BACKLOG, quarter_index
from roadmap_tui.models.numbers import days

MOVES = ("added", "removed", "deferred", "pulled-in")


@dataclass
class _Lines:
    asks: list[str] = field(default_factory=list)
    requested: list[str] = field(default_factory=list)
    owned: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    reserved: bool = False  # an item sentence also tells of days reserved with the team
    sorry: bool = False


def _reason(note: str | None) -> str:
    return f" (reason: {note})" if note else ""


def _those(amount: float) -> str:
    return f"that {days(amount)}" if amount == 1 else f"those {days(amount)}"


def ask_sentence(ask: AskChange) -> str:
    """One ask change in the words of a message to the team that lends the days."""
    reason = _reason(ask.reason)
    if ask.kind == "moved":
        assert ask.from_quarter is not None and ask.to_quarter is not None
        later = quarter_index(ask.to_quarter) > quarter_index(ask.from_quarter)
        verb = "is deferred" if later else "is brought forward"
        if ask.days_before is not None:
            text = (
                f"{ask.item} {verb} from {ask.from_quarter} ({days(ask.days_before)}) to"
                f" {ask.to_quarter} ({days(ask.days)}){reason}."
            )
        else:
            text = f"{ask.item} ({days(ask.days)}) {verb} from {ask.from_quarter} to {ask.to_quarter}{reason}."
        return f"{text} You can plan {_those(ask.days_freed)} for other work in {ask.from_quarter}."
    if ask.kind == "released":
        return (
            f"{released(ask)}{reason}."
            f" You can plan {_those(ask.days)} for other work in {ask.from_quarter}."
        )
    purpose = f": {ask.ask_note}" if ask.ask_note else ""
    if ask.kind == "new":
        return (
            f"{ask.item} ({ask.item_title}) needs {days(ask.days)} from you in {ask.to_quarter}"
            f"{purpose}{reason}. Please tell us if that does not fit your plans."
        )
    before = ask.days_before if ask.days_before is not None else ask.days
    text = f"{ask.item} needs {days(ask.days)} instead of {days(before)} from you in {ask.to_quarter}{reason}."
    if ask.days < before:
        return f"{text} You can plan the other {days(before - ask.days)} for other work in {ask.to_quarter}."
    return f"{text} Please tell us if that does not fit your plans."


def released(ask: AskChange) -> str:
    """What happened to the item whose days are given back: deferred to the backlog (no date
    yet), dropped (the days are no longer needed), gone, or the ask alone taken back."""
    what = f"{ask.item} ({days(ask.days)} in {ask.from_quarter})"
    if ask.item_dropped:
        return f"{what} is dropped: those days are no longer needed"
    if ask.item_to == BACKLOG:
        return f"{what} is deferred: it goes back to our backlog, with no date yet"
    if ask.item_to is None:
        return f"{what} is removed from our roadmap: those days are no longer needed"
    return f"{what} no longer needs those days from you"


def ask_follow_up(ask: AskChange) -> str:
    """A new ask told right after its item's adoption ("It needs 5 days from you...")."""
    purpose = f" ({ask.ask_note})" if ask.ask_note else ""
    return (
        f"It needs {days(ask.days)} from you in {ask.to_quarter}{purpose};"
        " please tell us if that does not fit your plans."
    )


def item_sentence(row: ItemChange, relation: str) -> str:
    """An item that moved, for a team that asked for it or owns it ("which you asked for")."""
    who = f"{row.id} ({row.title}), {relation},"
    reason = _reason(row.note)
    if row.change == "added":
        return f"{who} is now planned for {row.to_location}{reason}."
    if row.change == "deferred":
        return f"{who} is deferred from {row.from_location} to {row.to_location}{reason}."
    if row.change == "pulled-in":
        return f"{who} comes earlier: {row.to_location} instead of {row.from_location}{reason}."
    if row.to_location is None:
        return f"{who} is removed from our roadmap{reason}."
    if row.status_after == "dropped":
        return f"{who} is dropped from {row.from_location}: it is no longer planned{reason}."
    if row.to_location == BACKLOG:
        return (
            f"{who} is deferred from {row.from_location}: it goes back to our backlog,"
            f" with no date yet{reason}."
        )
    return f"{who} is no longer planned for {row.from_location}{reason}."  # pragma: no cover


def _subject(lines: _Lines) -> str:
    parts = []
    if lines.asks or lines.reserved:
        parts.append("the days we reserved with you")
    if lines.requested:
        parts.append("work you asked for")
    if lines.owned:
        parts.append("work of your team")
    if len(parts) == 1:
        return parts[0]
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def notices(
    owner: str,
    workspace_name: str,
    items: Sequence[ItemChange],
    asks: Sequence[AskChange],
    names: dict[str, str],
    channels: dict[str, str],
    teams: list[str],
) -> list[Notice]:
    """One notice per affected team except the owner, in `teams` order."""
    lines: dict[str, _Lines] = {}
    by_team_item: dict[tuple[str, str], list[AskChange]] = {}
    for ask in asks:
        if ask.team != owner:
            by_team_item.setdefault((ask.team, ask.item), []).append(ask)
    told: set[tuple[str, str]] = set()
    # First the items that moved, for the teams that asked for them or work on them, with
    # what that does to the days reserved with those teams.
    for row in items:
        if row.change not in MOVES:
            continue
        concerned = [(team, "which you asked for") for team in row.requested_by]
        if row.team not in row.requested_by:
            concerned.append((row.team, "which your team works on"))
        for team, relation in concerned:
            if team == owner or (team, row.id) in told:
                continue
            follow = by_team_item.get((team, row.id), [])
            if any(ask.kind != "new" for ask in follow):
                continue  # days moved or released say it best, in the ask's own words below
            told.add((team, row.id))
            entry = lines.setdefault(team, _Lines())
            sentence = " ".join([item_sentence(row, relation), *map(ask_follow_up, follow)])
            (entry.requested if relation.endswith("asked for") else entry.owned).append(sentence)
            entry.items.append(row.id)
            entry.reserved = entry.reserved or bool(follow)
            entry.sorry = entry.sorry or bool(follow) or row.change in ("removed", "deferred")
    # Then days reserved for items they did not ask for.
    for ask in asks:
        if ask.team == owner or (ask.team, ask.item) in told:
            continue
        entry = lines.setdefault(ask.team, _Lines())
        entry.asks.append(ask_sentence(ask))
        if ask.item not in entry.items:
            entry.items.append(ask.item)
        # A new or bigger ask takes their days; anything else changes what they planned.
        entry.sorry = True
    rank = {team: index for index, team in enumerate(teams)}
    found = []
    for team in sorted(lines, key=lambda team: (rank.get(team, len(rank)), team)):
        entry = lines[team]
        name = names.get(team, team)
        sentences = entry.asks + entry.requested + entry.owned
        opening = f"Hi {name} — a change to the {workspace_name} roadmap affects {_subject(entry)}"
        if len(sentences) == 1:
            body = f"{opening}: {sentences[0]}"
        else:
            body = f"{opening}:\n" + "\n".join(f"- {sentence}" for sentence in sentences)
        closing = "Thank you, and sorry for the short notice." if entry.sorry else "Thank you!"
        message = f"{body}\n{closing}" if len(sentences) > 1 else f"{body} {closing}"
        found.append(
            Notice(
                team=team,
                team_name=name,
                channel=channels.get(team, ""),
                message=message,
                items=tuple(entry.items),
            )
        )
    return found
