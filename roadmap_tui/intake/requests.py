"""Requests: from a message in a channel to an item in the backlog, and a decision on it.

No request is ever lost: a declined or merged request stays in the backlog with its reason.
Each change returns an `Edit` (models.edits), as planning does: the command line applies and
saves it, the terminal app applies it as one undoable step. The workspace passed in is left as
it was. Messages say what is wrong; the faces say which option changes it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from roadmap_tui.intake.ids import request_id
from roadmap_tui.intake.lookup import (
    did_you_mean,
    fail,
    find_item,
    goal_id,
    item_file,
    requester_id,
    team_id,
)
from roadmap_tui.intake.scores import scoring_for
from roadmap_tui.models import BACKLOG, Ask, Item, Workspace, WorkspaceError, is_quarter_id
from roadmap_tui.models.edits import Change, Edit, add_item, replace_item
from roadmap_tui.models.item import Decision
from roadmap_tui.models.quarters import ITEM_ID_RE
from roadmap_tui.models.validation import BACKLOG_FILE

Action = Literal["accept", "decline", "merge"]
ACTIONS: tuple[Action, ...] = ("accept", "decline", "merge")
DECIDED: dict[Action, Decision] = {"accept": "accepted", "decline": "declined", "merge": "merged"}
SCORE_RANGE = (1, 10)


class IdTaken(WorkspaceError):
    """The id chosen for a new request is some item's already."""


class DecidedAlready(WorkspaceError):
    """The request has a decision already; deciding again needs `force`."""


def score_input(name: str, text: str) -> int | float:
    """A value-effort input from what a person typed: a number from 1 to 10, kept as written."""
    try:
        number: int | float = int(text)
    except ValueError:
        try:
            number = float(text)
        except ValueError:
            raise ValueError(f"{name} must be a number from 1 to 10, not {text!r}") from None
    low, high = SCORE_RANGE
    if not low <= number <= high:
        raise ValueError(f"{name} must be a number from {low} to {high}, not {text}")
    return number


def add_request(
    ws: Workspace,
    title: str,
    team: str,
    today: dt.date,
    *,
    source: str | None = None,
    value: int | float | None = None,
    effort: int | float | None = None,
    item_id: str | None = None,
    estimate: int | float | None = None,
    asks: Iterable[Ask] = (),
    depends_on: Iterable[str] = (),
    goals: Iterable[str] = (),
    link: str | None = None,
) -> tuple[Edit, Item]:
    """A new open request at the end of the backlog, with a generated id unless one is given.

    The requesting team need not be a team of roadmap.toml (anyone may ask; a declared team's
    name stands for its id; see `unknown_requester` for the warning); the teams asked for days
    must be, and what it depends on and the goals it serves must exist (`OWNER/ID` of another
    workspace is kept as an external dependency).
    """
    if not title.strip():
        raise fail(BACKLOG_FILE, "a request needs a title", where="items")
    team = requester_id(ws, team)
    taken = ws.locations()
    if item_id is None:
        item_id = request_id(title, taken)
    elif not ITEM_ID_RE.match(item_id):
        raise fail(
            BACKLOG_FILE,
            f"`{item_id}` is not a valid item id (letters, digits, '.', '_', '-';"
            " starting with a letter or digit)",
            where=f"items[{item_id}]",
        )
    elif item_id in taken:
        raise IdTaken(
            fail(
                item_file(taken[item_id]),
                f"id `{item_id}` is taken already",
                where=f"items[{item_id}]",
            ).problems
        )
    score: dict[str, int | float] = {}
    for name, number in (("value", value), ("effort", effort)):
        if number is not None:
            score[name] = score_input(name, str(number))
    where = f"items[{item_id}]"
    if estimate is not None and estimate < 0:
        raise fail(BACKLOG_FILE, f"estimate must be 0 or more days, not {estimate}", where=where)
    checked_asks = [_checked_ask(ws, ask, where) for ask in asks]
    needs = list(dict.fromkeys(_dependency(ws, dep, item_id) for dep in depends_on))
    serves = list(dict.fromkeys(goal_id(ws, goal) for goal in goals))
    item = Item(
        id=item_id,
        title=" ".join(title.split()),
        kind="request",
        status="proposed",
        requested_by=[team],
        source=source.strip() if source and source.strip() else None,
        decision="open",
        received=today,
        score=score,
        estimate=estimate,
        asks=checked_asks,
        depends_on=needs,
        goals=serves,
        link=link.strip() if link and link.strip() else None,
    )
    return add_item(ws, item, BACKLOG, f"add request {item.id}"), item


def days_input(text: str) -> int | float:
    """Person-days as typed: a number, 0 or more, kept as written (8 stays 8, 2.5 stays 2.5)."""
    try:
        days: int | float = int(text)
    except ValueError:
        try:
            days = float(text)
        except ValueError:
            raise ValueError(f"days must be a number, not {text!r}") from None
    if not days >= 0 or days == float("inf"):
        raise ValueError(f"days must be 0 or more, not {text}")
    return days


def parse_ask(text: str) -> Ask:
    """`TEAM:DAYS` or `TEAM:DAYS:QUARTER`, as typed after `--ask`."""
    parts = [part.strip() for part in text.split(":")]
    if len(parts) not in (2, 3) or not parts[0]:
        raise ValueError(f"{text!r}: expected TEAM:DAYS or TEAM:DAYS:QUARTER")
    try:
        days = days_input(parts[1])
    except ValueError as error:
        raise ValueError(f"{text!r}: {error}") from None
    if days == 0:
        raise ValueError(f"{text!r}: days must be more than 0")
    quarter = parts[2] if len(parts) == 3 else None
    if quarter is not None and not is_quarter_id(quarter):
        raise ValueError(f"{text!r}: {quarter!r} is not a quarter id (YYYY-Qn, n = 1..4)")
    return Ask(team=parts[0], days=days, quarter=quarter)


def _checked_ask(ws: Workspace, ask: Ask, where: str) -> Ask:
    """An ask of a declared team (its days come from that team's capacity) other than ours."""
    team = team_id(ws, ask.team)
    if team == ws.owner:
        raise fail(
            BACKLOG_FILE,
            f"an ask of {team}, the team that would do the request: its days are the estimate",
            where=f"{where}.asks",
        )
    return ask.model_copy(update={"team": team})


def _dependency(ws: Workspace, dep: str, item_id: str) -> str:
    """An item of the workspace, or `OWNER/ID` of another workspace's item (kept as written)."""
    if "/" in dep:
        owner, _, other = dep.partition("/")
        if owner and other:
            return dep
    if dep == item_id:
        raise fail(BACKLOG_FILE, "a request cannot depend on itself", where=f"items[{item_id}]")
    if ws.find(dep) is None:
        ids = [item.id for item in ws.all_items()]
        raise fail(
            BACKLOG_FILE,
            f"depends on `{dep}`, which is no item{did_you_mean(dep, ids)}",
            where=f"items[{item_id}].depends_on",
        )
    return dep


@dataclass(frozen=True)
class Decided:
    """What `decide` did, for the message to the person."""

    item: Item
    location: str
    target: Item | None = None  # the item a request was merged into
    added_teams: tuple[str, ...] = ()  # teams added to the target's requested_by


def decide(
    ws: Workspace,
    item_id: str,
    action: Action,
    *,
    into: str | None = None,
    note: str | None = None,
    force: bool = False,
) -> tuple[Edit, Decided]:
    """Accept, decline (with a reason) or merge (into another item) a request: one edit of the
    request (and of the item it is merged into)."""
    location, found = find_item(ws, item_id)
    where = f"items[{item_id}]"
    if not found.is_request:
        raise fail(
            item_file(location),
            f"`{item_id}` is an item of kind `{found.kind}`, not a request",
            where=f"{where}.kind",
        )
    current = found.decision or "open"
    if current != "open" and not force:
        into_text = f" into `{found.merged_into}`" if found.merged_into else ""
        reason = f"{current}{into_text}"
        if found.note:
            reason = (
                found.note if found.note.startswith(f"{current}:") else f"{reason} ({found.note})"
            )
        raise DecidedAlready(
            fail(
                item_file(location), f"decided already: {reason}", where=f"{where}.decision"
            ).problems
        )
    note = " ".join(note.split()) if note else None
    if action == "decline" and not note:
        raise ValueError("a declined request needs a note: why it is declined")
    if action == "merge":
        if not into:
            raise ValueError("merge needs the item to merge into")
        _check_target(ws, item_id, into)
    item = found.model_copy(deep=True)
    word = DECIDED[action]
    item.decision = word
    item.note = _reason(word, note)
    item.merged_into = None
    target: Item | None = None
    added: list[str] = []
    if action == "accept":
        if item.status == "dropped":
            item.status = "proposed" if location == BACKLOG else "planned"
    elif action == "decline":
        item.status = "dropped"
    else:
        assert into is not None
        item.status = "dropped"
        item.merged_into = into
        target = find_item(ws, into)[1].model_copy(deep=True)
        added = [team for team in item.requested_by if team not in target.requested_by]
        if added:
            target.requested_by = [*target.requested_by, *added]
    label = f"{action} {item_id}" + (f" into {into}" if into else "")
    changes: list[Change] = list(replace_item(ws, item, label).changes)
    if target is not None:
        changes += replace_item(ws, target, label).changes
    return Edit(label, tuple(changes)), Decided(item, location, target, tuple(added))


def accepted_waiting(ws: Workspace) -> list[str]:
    """Accepted requests still waiting in the backlog (proposed, not yet planned): the items
    making room takes in first."""
    return [
        item.id
        for item in ws.items_in(BACKLOG)
        if item.is_request and item.decision == "accepted" and item.status == "proposed"
    ]


def _check_target(ws: Workspace, item_id: str, into: str) -> None:
    if into == item_id:
        raise fail(BACKLOG_FILE, "a request cannot be merged into itself", where=f"items[{into}]")
    location, target = find_item(ws, into)
    if target.is_request and target.decision in ("declined", "merged"):
        further = f": merge into `{target.merged_into}` instead" if target.merged_into else ""
        raise fail(
            item_file(location),
            f"`{into}` is a {target.decision} request{further}",
            where=f"items[{into}].decision",
        )


def _reason(word: str, note: str | None) -> str | None:
    """The note as the examples write it: "declined: we standardised on Spacelift"."""
    if not note:
        return None
    if note.lower().startswith(f"{word}:"):
        return note
    return f"{word}: {note}"


@dataclass(frozen=True)
class RequestRow:
    """One line of `request list`."""

    id: str
    title: str
    requested_by: tuple[str, ...]
    received: dt.date | None
    age_days: int | None
    decision: str
    value: float | None
    effort: float | None
    score: float | None
    note: str | None
    merged_into: str | None
    location: str
    status: str

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "from": list(self.requested_by),
            "received": self.received.isoformat() if self.received else None,
            "age_days": self.age_days,
            "decision": self.decision,
            "value": self.value,
            "effort": self.effort,
            "score": self.score,
            "note": self.note,
            "merged_into": self.merged_into,
            "where": self.location,
            "status": self.status,
        }


def request_rows(ws: Workspace, today: dt.date, *, open_only: bool = False) -> list[RequestRow]:
    """Every request in the workspace: open ones first, then decided ones; oldest first in each."""
    _, score_of = scoring_for(ws)
    rows: list[RequestRow] = []
    for location, item in ws.located_items():
        if not item.is_request:
            continue
        decision = item.decision or "open"
        if open_only and decision != "open":
            continue
        rows.append(
            RequestRow(
                id=item.id,
                title=item.title,
                requested_by=tuple(item.requested_by),
                received=item.received,
                age_days=(today - item.received).days if item.received else None,
                decision=decision,
                value=item.score.get("value"),
                effort=item.score.get("effort"),
                score=score_of(item),
                note=item.note,
                merged_into=item.merged_into,
                location=location,
                status=item.status,
            )
        )
    rows.sort(
        key=lambda r: (
            r.decision != "open",
            r.received is None,
            r.received or dt.date.min,
            r.id,
        )
    )
    return rows
