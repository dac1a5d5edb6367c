"""Checks across the whole workspace: ids unique, every reference resolves, unknown keys named.

Each check collects every problem; nothing stops at the first.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Iterable, Iterator

from pydantic import BaseModel

from roadmap_tui.models.item import Item
from roadmap_tui.models.problems import Problem
from roadmap_tui.models.quarters import is_qualified, split_qualified
from roadmap_tui.models.workspace import BACKLOG, Workspace

ROADMAP_FILE = "roadmap.toml"
BACKLOG_FILE = "backlog.toml"
FEEDBACK_FILE = "feedback.toml"


def file_of(location: str) -> str:
    """The file name that holds a location (quarter id or `backlog`)."""
    return BACKLOG_FILE if location == BACKLOG else f"{location}.toml"


def nearest(name: str, known: Iterable[str]) -> str | None:
    matches = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
    return matches[0] if matches else None


def known_keys(model: type[BaseModel]) -> list[str]:
    return [field.alias or name for name, field in model.model_fields.items()]


def unknown_key_warnings(obj: BaseModel, file: str, where: str) -> Iterator[Problem]:
    """A warning for each key the format does not know, with the nearest known name."""
    for key in sorted((obj.model_extra or {}).keys()):
        hint = nearest(key, known_keys(type(obj)))
        suggestion = f": did you mean `{hint}`?" if hint else " (kept on save)"
        path = f"{where}.{key}" if where else key
        yield Problem(
            file=file,
            where=path,
            message=f"unknown key `{key}`{suggestion}",
            severity="warning",
            field=key,
        )


def _item_where(item: Item, field: str | None = None) -> str:
    return f"items[{item.id}]" + (f".{field}" if field else "")


def _item_problem(
    location: str, item: Item, field: str, message: str, *, warn: bool = False
) -> Problem:
    return Problem(
        file=file_of(location),
        where=_item_where(item, field),
        message=message,
        severity="warning" if warn else "error",
        item_id=item.id,
        field=field,
    )


def validate_workspace(ws: Workspace, unreadable: Iterable[str] = ()) -> list[Problem]:
    """Every cross-reference problem of a workspace (per-field problems are pydantic's).

    `unreadable` are ids of items that exist in the files but failed their own validation:
    references to them are not reported again as unknown (one mistake, one message).
    """
    skip = set(unreadable)
    problems: list[Problem] = []
    problems.extend(_check_roadmap(ws))
    problems.extend(_check_items(ws, skip))
    problems.extend(_check_quarters(ws))
    problems.extend(_check_feedback(ws, skip))
    return problems


def _check_roadmap(ws: Workspace) -> Iterator[Problem]:
    roadmap = ws.roadmap
    team_ids = [team.id for team in roadmap.teams]
    if ws.owner not in team_ids:
        yield Problem(
            ROADMAP_FILE,
            f"owner `{ws.owner}` is not a team in [[teams]]",
            where="workspace.owner",
            field="owner",
        )
    for kind, ids in (("team", team_ids), ("goal", [g.id for g in roadmap.goals])):
        seen: set[str] = set()
        for ident in ids:
            if ident in seen:
                yield Problem(
                    ROADMAP_FILE, f"{kind} id `{ident}` is defined twice", where=f"{kind}s"
                )
            seen.add(ident)
    yield from unknown_key_warnings(roadmap, ROADMAP_FILE, "")
    yield from unknown_key_warnings(roadmap.workspace, ROADMAP_FILE, "workspace")
    yield from unknown_key_warnings(roadmap.scoring, ROADMAP_FILE, "scoring")
    for team in roadmap.teams:
        yield from unknown_key_warnings(team, ROADMAP_FILE, f"teams[{team.id}]")
    for goal in roadmap.goals:
        yield from unknown_key_warnings(goal, ROADMAP_FILE, f"goals[{goal.id}]")


def _number(value: float) -> str:
    """`1000` for 1000 and 1e3 alike: the number as a person reads it."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,g}"


def _largest_capacities(ws: Workspace) -> dict[str, float]:
    """Each team's largest quarter (teams that give a capacity), the first team of an id."""
    largest: dict[str, float] = {}
    for team in reversed(ws.roadmap.teams):  # a repeated id: the first one counts, as ws.team
        if team.capacity:
            largest[team.id] = max(team.capacity.values())
        else:
            largest.pop(team.id, None)
    return largest


def _oversized(
    ws: Workspace, location: str, item: Item, largest_of: dict[str, float]
) -> Iterator[Problem]:
    """An estimate no quarter of its team could hold: a typo (`1e3`, an extra zero) most likely."""
    team_id = ws.team_of(item)
    largest = largest_of.get(team_id)
    if item.estimate is None or largest is None:
        return
    if item.estimate > largest:
        yield _item_problem(
            location,
            item,
            "estimate",
            f"estimate of {_number(item.estimate)} days is more than {team_id} has in any"
            f" quarter (at most {_number(largest)} days)",
            warn=True,
        )


def _check_items(ws: Workspace, unreadable: set[str]) -> Iterator[Problem]:
    team_ids = {team.id for team in ws.roadmap.teams}
    goal_ids = {goal.id for goal in ws.roadmap.goals}
    where_of: dict[str, list[str]] = defaultdict(list)
    for location, item in ws.located_items():
        where_of[item.id].append(location)
    for item_id, places in where_of.items():
        if len(places) > 1:
            files = ", ".join(file_of(p) for p in places)
            for location in places:
                item = next(i for i in ws.items_in(location) if i.id == item_id)
                yield _item_problem(
                    location, item, "id", f"duplicate item id `{item_id}` (in {files})"
                )

    largest_of = _largest_capacities(ws)
    for location, item in ws.located_items():
        if item.team is not None and item.team not in team_ids:
            yield _item_problem(location, item, "team", _unknown("team", item.team, team_ids))
        if item.estimate is not None:
            yield from _oversized(ws, location, item, largest_of)
        for dep in item.depends_on:
            if dep == item.id:
                yield _item_problem(location, item, "depends_on", "depends on itself")
            elif is_qualified(dep):
                # OWNER/ID: another workspace's item (external); only a portfolio checks it.
                if split_qualified(dep) is None:
                    yield _item_problem(location, item, "depends_on", _not_qualified(dep))
            elif dep not in where_of and dep not in unreadable:
                yield _item_problem(location, item, "depends_on", _unknown("item", dep, where_of))
        for index, ask in enumerate(item.asks):
            field = f"asks[{index}].team"
            if ask.team not in team_ids:
                yield _item_problem(location, item, field, _unknown("team", ask.team, team_ids))
            elif ask.team == ws.team_of(item):
                yield _item_problem(location, item, field, "asks days of its own team", warn=True)
            yield from (
                _relocate(p, location, item)
                for p in unknown_key_warnings(ask, file_of(location), f"asks[{index}]")
            )
        for goal in item.goals:
            if goal not in goal_ids:
                yield _item_problem(location, item, "goals", _unknown("goal", goal, goal_ids))
        if item.merged_into:
            if item.merged_into not in where_of and item.merged_into not in unreadable:
                yield _item_problem(
                    location, item, "merged_into", _unknown("item", item.merged_into, where_of)
                )
            elif item.merged_into == item.id:
                yield _item_problem(location, item, "merged_into", "merged into itself")
        if item.decision == "merged" and not item.merged_into:
            yield _item_problem(
                location, item, "merged_into", 'decision = "merged" needs `merged_into`'
            )
        if item.kind == "reservation" or item.for_ is not None:
            yield from _check_reservation(location, item)
        if item.model_extra:  # keys the format does not know (rare)
            yield from (
                _relocate(p, location, item)
                for p in unknown_key_warnings(item, file_of(location), "")
            )


def _not_qualified(text: str) -> str:
    return (
        f"`{text}` is not OWNER/ITEM (another workspace's owner and item id, one `/`,"
        " e.g. `infra-platform/APP-MODULE-V2`)"
    )


def _check_reservation(location: str, item: Item) -> Iterator[Problem]:
    """A reservation names the asking item (`for = "OWNER/ITEM"`); `for` means nothing elsewhere."""
    if item.kind == "reservation":
        if not item.for_:
            yield _item_problem(
                location, item, "for", 'a reservation needs `for = "OWNER/ITEM"` (the asking item)'
            )
        elif split_qualified(item.for_) is None:
            yield _item_problem(location, item, "for", _not_qualified(item.for_))
    elif item.for_ is not None:
        yield _item_problem(
            location,
            item,
            "for",
            '`for` is read only on reservations (kind = "reservation"); kept on save',
            warn=True,
        )


def _relocate(problem: Problem, location: str, item: Item) -> Problem:
    where = _item_where(item, problem.where)
    return Problem(
        file=file_of(location),
        where=where,
        message=problem.message,
        severity=problem.severity,
        item_id=item.id,
        field=problem.field,
    )


def _check_quarters(ws: Workspace) -> Iterator[Problem]:
    goal_ids = {goal.id for goal in ws.roadmap.goals}
    for quarter_id, plan in ws.quarters.items():
        file = file_of(quarter_id)
        for goal in plan.quarter.goals:
            if goal not in goal_ids:
                yield Problem(file, _unknown("goal", goal, goal_ids), where="quarter.goals")
        yield from unknown_key_warnings(plan, file, "")
        yield from unknown_key_warnings(plan.quarter, file, "quarter")
        for index, review in enumerate(plan.quarter.reviews):
            yield from unknown_key_warnings(review, file, f"quarter.reviews[{index}]")
    yield from unknown_key_warnings(ws.backlog, BACKLOG_FILE, "")


def _check_feedback(ws: Workspace, unreadable: set[str]) -> Iterator[Problem]:
    log = ws.feedback
    if log is None:
        return
    item_ids = {item.id for item in ws.all_items()} | set(unreadable)
    theme_ids = {theme.id for theme in log.themes}
    yield from unknown_key_warnings(log, FEEDBACK_FILE, "")
    for theme in log.themes:
        yield from unknown_key_warnings(theme, FEEDBACK_FILE, f"themes[{theme.id}]")
    for theme in log.themes:
        for ref in theme.items:
            if ref not in item_ids:
                yield Problem(
                    FEEDBACK_FILE,
                    _unknown("item", ref, item_ids),
                    where=f"themes[{theme.id}].items",
                )
    for index, entry in enumerate(log.feedback):
        where = f"feedback[{index}]"
        if entry.about and entry.about not in item_ids:
            yield Problem(
                FEEDBACK_FILE, _unknown("item", entry.about, item_ids), where=f"{where}.about"
            )
        for theme_id in entry.themes:
            if theme_id not in theme_ids:
                yield Problem(
                    FEEDBACK_FILE, _unknown("theme", theme_id, theme_ids), where=f"{where}.themes"
                )
        yield from unknown_key_warnings(entry, FEEDBACK_FILE, where)


def _unknown(kind: str, name: str, known: Iterable[str]) -> str:
    hint = nearest(name, known)
    return f"unknown {kind} `{name}`" + (f": did you mean `{hint}`?" if hint else "")
