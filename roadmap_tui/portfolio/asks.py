"""Asks between member workspaces, reconciled with the lenders' reservations.

An ask A -> B is an `asks` entry of an item of A planned in a quarter (not dropped). Asks of one
item of one team in one quarter add up. Its status: confirmed, short, wrong-quarter, unconfirmed
(B is a member without a reservation for it) or no-workspace (B is no member). A reservation for
an item that no longer asks for it there is orphaned.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from roadmap_tui.models import BACKLOG, Item, Workspace, quarter_index, split_qualified
from roadmap_tui.models.numbers import clean
from roadmap_tui.models.numbers import days as in_days
from roadmap_tui.models.numbers import fmt as show

CONFIRMED = "confirmed"
SHORT = "short"
WRONG_QUARTER = "wrong-quarter"
UNCONFIRMED = "unconfirmed"
NO_WORKSPACE = "no-workspace"
STATUSES = (CONFIRMED, SHORT, WRONG_QUARTER, UNCONFIRMED, NO_WORKSPACE)
KEPT = (CONFIRMED, NO_WORKSPACE)  # the statuses a CI gate lets pass


@dataclass(frozen=True)
class Reserved:
    item: str  # the (first) reservation item
    quarter: str
    days: float

    def to_json(self) -> dict[str, Any]:
        return {"item": self.item, "quarter": self.quarter, "days": clean(self.days)}


@dataclass(frozen=True)
class AskStatus:
    """What `asker` asks of `team` for `item` in `quarter`, and what `team` reserved for it."""

    asker: str
    item: str
    title: str
    team: str
    quarter: str
    days: float
    status: str
    reserved: Reserved | None
    item_quarter: str  # where the asking item is planned

    @property
    def key(self) -> str:
        return f"{self.asker}/{self.item}"

    @property
    def missing_days(self) -> float:
        """Days asked in the ask's quarter that the team has not reserved there."""
        if self.status in (CONFIRMED, NO_WORKSPACE):
            return 0
        if self.status == SHORT and self.reserved is not None:
            return clean(self.days - self.reserved.days)
        return clean(self.days)

    def to_json(self) -> dict[str, Any]:
        return {
            "from": self.asker,
            "item": self.item,
            "team": self.team,
            "quarter": self.quarter,
            "days": clean(self.days),
            "status": self.status,
            "reserved": self.reserved.to_json() if self.reserved else None,
            "title": self.title,
        }

    def sentence(self) -> str:
        text = f"{self.key} asks {in_days(self.days)} of {self.team} in {self.quarter}: "
        reserved = self.reserved
        if self.status == CONFIRMED and reserved is not None:
            return text + f"confirmed by {reserved.item}"
        if self.status == SHORT and reserved is not None:
            return text + f"short: {reserved.item} reserves {show(reserved.days)}"
        if self.status == WRONG_QUARTER and reserved is not None:
            return (
                text
                + f"wrong quarter: {reserved.item} reserves {show(reserved.days)} in {reserved.quarter}"
            )
        if self.status == NO_WORKSPACE:
            return text + f"no workspace: {self.team} is not a member"
        return text + "unconfirmed: no reservation"


@dataclass(frozen=True)
class Orphaned:
    """A lender's reservation that no ask stands behind any more."""

    team: str
    item: str
    for_: str
    quarter: str
    days: float
    reason: str

    def to_json(self) -> dict[str, Any]:
        return {
            "team": self.team,
            "item": self.item,
            "for": self.for_,
            "quarter": self.quarter,
            "days": clean(self.days),
            "reason": self.reason,
        }

    def sentence(self) -> str:
        return (
            f"{self.team} reserves {in_days(self.days)} in {self.quarter} ({self.item})"
            f" for {self.for_}: {self.reason}"
        )


@dataclass(frozen=True)
class Reservation:
    quarter: str
    item: Item


def reservations_of(ws: Workspace) -> dict[str, list[Reservation]]:
    """The workspace's reservations planned in a quarter (not dropped), by the item they serve."""
    found: dict[str, list[Reservation]] = defaultdict(list)
    for location, item in ws.located_items():
        target = item.reserved_for
        if target and location != BACKLOG and item.status != "dropped":
            found[target].append(Reservation(location, item))
    return found


@dataclass(frozen=True)
class Asked:
    asker: str
    item: Item
    item_quarter: str
    team: str
    quarter: str
    days: float


def asks_made(owner: str, ws: Workspace) -> list[Asked]:
    """Asks of other teams by the workspace's planned items (not dropped), summed per item,
    team and quarter."""
    days: dict[tuple[str, str, str], float] = {}
    where: dict[str, tuple[str, Item]] = {}
    for location, item in ws.located_items():
        if location == BACKLOG or item.status == "dropped":
            continue
        own_team = ws.team_of(item)
        for ask in item.asks:
            if ask.team in (own_team, owner):
                continue
            key = (item.id, ask.team, ask.quarter or location)
            days[key] = days.get(key, 0) + ask.days
            where.setdefault(item.id, (location, item))
    result = []
    for (item_id, team, quarter), total in days.items():
        location, item = where[item_id]
        result.append(Asked(owner, item, location, team, quarter, clean(total)))
    return result


def _sum(reservations: list[Reservation]) -> float:
    return clean(sum(r.item.days for r in reservations))


def ask_statuses(
    members: Mapping[str, Workspace],
) -> tuple[list[AskStatus], list[Orphaned]]:
    """Every ask between members (and of non-members) with its status, and the orphans."""
    reservations = {owner: reservations_of(ws) for owner, ws in members.items()}
    made = [asked for owner, ws in members.items() for asked in asks_made(owner, ws)]
    asked_quarters: dict[tuple[str, str], set[str]] = defaultdict(set)  # (team, A/ITEM) -> q
    for asked in made:
        asked_quarters[(asked.team, f"{asked.asker}/{asked.item.id}")].add(asked.quarter)
    statuses: list[AskStatus] = []
    pointed: set[tuple[str, str]] = set()  # (team, reservation id) an ask points at
    for asked in made:
        key = f"{asked.asker}/{asked.item.id}"
        if asked.team not in members:
            statuses.append(_status(asked, NO_WORKSPACE, None))
            continue
        mine = reservations[asked.team].get(key, [])
        here = [r for r in mine if r.quarter == asked.quarter]
        if here:
            days = _sum(here)
            status = CONFIRMED if days >= asked.days - 1e-9 else SHORT
            pointed.update((asked.team, r.item.id) for r in here)
            statuses.append(_status(asked, status, Reserved(here[0].item.id, asked.quarter, days)))
            continue
        others = [r for r in mine if r.quarter not in asked_quarters[(asked.team, key)]]
        if others:
            first = others[0].quarter
            same = [r for r in others if r.quarter == first]
            pointed.update((asked.team, r.item.id) for r in same)
            reserved = Reserved(same[0].item.id, first, _sum(same))
            statuses.append(_status(asked, WRONG_QUARTER, reserved))
            continue
        statuses.append(_status(asked, UNCONFIRMED, None))
    order = {owner: index for index, owner in enumerate(members)}
    statuses.sort(key=lambda s: (order.get(s.asker, 0), quarter_index(s.quarter), s.item, s.team))
    orphaned = _orphans(members, reservations, asked_quarters, pointed)
    return statuses, orphaned


def _status(asked: Asked, status: str, reserved: Reserved | None) -> AskStatus:
    return AskStatus(
        asker=asked.asker,
        item=asked.item.id,
        title=asked.item.title,
        team=asked.team,
        quarter=asked.quarter,
        days=asked.days,
        status=status,
        reserved=reserved,
        item_quarter=asked.item_quarter,
    )


def _orphans(
    members: Mapping[str, Workspace],
    reservations: Mapping[str, Mapping[str, list[Reservation]]],
    asked_quarters: Mapping[tuple[str, str], set[str]],
    pointed: set[tuple[str, str]],
) -> list[Orphaned]:
    found = []
    for team, by_target in reservations.items():
        for target, held in by_target.items():
            parts = split_qualified(target)
            if parts is None or parts[0] not in members:
                continue  # a malformed `for` is validate's; a non-member's asks are unknown
            for reservation in held:
                if reservation.item.status == "done" or (team, reservation.item.id) in pointed:
                    continue
                reason = _why_orphaned(
                    members[parts[0]], parts[1], team, asked_quarters.get((team, target))
                )
                found.append(
                    Orphaned(
                        team,
                        reservation.item.id,
                        target,
                        reservation.quarter,
                        reservation.item.days,
                        reason,
                    )
                )
    found.sort(key=lambda o: (quarter_index(o.quarter), o.team, o.item))
    return found


def _why_orphaned(asker: Workspace, item_id: str, team: str, quarters: set[str] | None) -> str:
    if quarters:
        return f"asked in {', '.join(sorted(quarters, key=quarter_index))} only (reserved there already)"
    found = asker.find(item_id)
    if found is None:
        return f"{asker.owner} has no item {item_id}"
    location, item = found
    if location == BACKLOG:
        return "the asking item is in the backlog"
    if item.status == "dropped":
        return "the asking item is dropped"
    return f"the asking item no longer asks days of {team}"
