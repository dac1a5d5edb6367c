"""Asks that change: days of other teams released, moved, resized or newly reserved."""

from __future__ import annotations

from functools import partial

from roadmap_tui.impact.model import AskChange
from roadmap_tui.impact.versions import Version
from roadmap_tui.models import quarter_index
from roadmap_tui.models.numbers import same
from roadmap_tui.planning.graph import uses_of

# (item id, team id) -> quarter -> (days, the ask's note)
Reservations = dict[tuple[str, str], dict[str, tuple[float, str | None]]]


def reservations(version: Version) -> Reservations:
    """What a plan reserves of other teams: the asks of its items, by planning's rule
    (`uses_of`): in the ask's quarter or the item's, nothing for backlog or dropped items, and
    an ask of the item's own team is its own days, not a reservation. Two asks of one item to
    one team in one quarter add up.
    """
    found: Reservations = {}
    owner = version.workspace.owner
    for item_id in version.planned:
        for use in uses_of(version.items[item_id], version.locations[item_id], owner):
            if use.own or not use.counts:
                continue
            by_quarter = found.setdefault((item_id, use.team), {})
            days, note = by_quarter.get(use.quarter, (0.0, None))
            by_quarter[use.quarter] = (days + use.days, note or use.note)
    return found


def ask_changes(
    base: Version, adjusted: Version, names: dict[str, str], teams: list[str]
) -> list[AskChange]:
    """Every change of a reservation, ordered by team, then quarter, then item."""
    before = reservations(base)
    after = reservations(adjusted)
    rows: list[AskChange] = []
    for key in {*before, *after}:
        item_id, team = key
        old = before.get(key, {})
        new = after.get(key, {})
        if old.keys() == new.keys() and all(same(old[q][0], new[q][0]) for q in old):
            continue
        now = adjusted.items.get(item_id)
        item = now or base.items[item_id]
        # What the rows of this item and team share, set once.
        make = partial(
            AskChange,
            team=team,
            team_name=names.get(team, team),
            item=item_id,
            item_title=item.title,
            reason=item.note,
            item_to=adjusted.locations.get(item_id),
            item_dropped=now is not None and now.status == "dropped",
        )
        if len(old) == 1 and len(new) == 1:
            # One reservation that moved to another quarter or was resized (or both).
            (q_old, (d_old, n_old)), (q_new, (d_new, n_new)) = *old.items(), *new.items()
            rows.append(
                make(
                    kind="moved" if q_old != q_new else "changed",
                    days=d_new,
                    from_quarter=q_old,
                    to_quarter=q_new,
                    days_before=None if same(d_old, d_new) else d_old,
                    ask_note=n_new or n_old,
                )
            )
            continue
        gone = [q for q in old if q not in new]
        came = [q for q in new if q not in old]
        if len(gone) == 1 and len(came) == 1:
            # One of several reservations went from one quarter to another: a move.
            (q_old, (d_old, n_old)), (q_new, (d_new, n_new)) = (
                (gone[0], old[gone[0]]),
                (came[0], new[came[0]]),
            )
            rows.append(
                make(
                    kind="moved",
                    days=d_new,
                    from_quarter=q_old,
                    to_quarter=q_new,
                    days_before=None if same(d_old, d_new) else d_old,
                    ask_note=n_new or n_old,
                )
            )
            gone, came = [], []
        for quarter in sorted({*old, *new}, key=quarter_index):
            if quarter in gone:
                days, note = old[quarter]
                rows.append(
                    make(
                        kind="released",
                        days=days,
                        from_quarter=quarter,
                        to_quarter=None,
                        ask_note=note,
                    )
                )
            elif quarter in came:
                days, note = new[quarter]
                rows.append(
                    make(
                        kind="new", days=days, from_quarter=None, to_quarter=quarter, ask_note=note
                    )
                )
            elif quarter in old and quarter in new and not same(old[quarter][0], new[quarter][0]):
                rows.append(
                    make(
                        kind="changed",
                        days=new[quarter][0],
                        from_quarter=quarter,
                        to_quarter=quarter,
                        days_before=old[quarter][0],
                        ask_note=new[quarter][1] or old[quarter][1],
                    )
                )
    rank = {team: index for index, team in enumerate(teams)}
    rows.sort(
        key=lambda row: (
            rank.get(row.team, len(rank)),
            row.team,
            quarter_index(row.from_quarter or row.to_quarter or "0000-Q1"),
            row.item,
        )
    )
    return rows
