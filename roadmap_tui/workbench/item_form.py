"""The item editor's form as data: text typed into fields -> an item, and what is wrong with it.

Turning text into numbers, dates and lists is the form's job; every rule about the item itself
(types, ranges, unknown teams, goals and dependencies, duplicate ids) is asked of the models layer,
so the editor says exactly what `roadmap validate` would say about the saved file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from roadmap_tui.models import (
    BACKLOG,
    Backlog,
    Item,
    Problem,
    QuarterHeader,
    QuarterPlan,
    Workspace,
    validate_workspace,
)
from roadmap_tui.scoring.check import check_workspace
from roadmap_tui.storage.errors import schema_problems

# Plain text fields: "" means absent.
TEXT_FIELDS = ("title", "link", "description", "note", "source", "carried_from", "merged_into")
CHOICE_FIELDS = ("kind", "status", "team", "decision")  # "" means absent (team: the owner)
LIST_FIELDS = ("tags", "goals", "requested_by")  # comma-separated text
DATE_FIELDS = ("received", "done_on")


@dataclass
class AskRow:
    team: str = ""
    days: str = ""
    quarter: str = ""
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)  # unknown keys the ask had: kept

    @property
    def empty(self) -> bool:
        return not (
            self.team.strip() or self.days.strip() or self.quarter.strip() or self.note.strip()
        )


@dataclass
class ItemForm:
    """Everything the editor shows, as text."""

    values: dict[str, str]  # id, estimate, score and the TEXT/CHOICE/LIST/DATE fields
    depends_on: list[str]
    asks: list[AskRow]


@dataclass
class Checked:
    item: Item | None  # None while there are errors
    errors: dict[str, list[str]]  # field -> messages
    warnings: dict[str, list[str]]

    @property
    def ok(self) -> bool:
        return self.item is not None and not self.errors


def form_of(item: Item | None, location: str) -> ItemForm:
    """The form for an item (None: a new one, with the defaults of its location)."""
    if item is None:
        status = "proposed" if location == BACKLOG else "planned"
        values = {name: "" for name in (*TEXT_FIELDS, *CHOICE_FIELDS, *LIST_FIELDS, *DATE_FIELDS)}
        values.update(id="", estimate="", score="", kind="epic", status=status)
        return ItemForm(values, [], [])
    values = {"id": item.id, "estimate": _text(item.estimate), "score": score_text(item.score)}
    for name in TEXT_FIELDS + CHOICE_FIELDS:
        values[name] = _text(getattr(item, name))
    for name in LIST_FIELDS:
        values[name] = ", ".join(getattr(item, name))
    for name in DATE_FIELDS:
        date = getattr(item, name)
        values[name] = date.isoformat() if date is not None else ""
    asks = [
        AskRow(
            ask.team,
            _text(ask.days),
            ask.quarter or "",
            ask.note or "",
            dict(ask.model_extra or {}),
        )
        for ask in item.asks
    ]
    return ItemForm(values, list(item.depends_on), asks)


def check(ws: Workspace, location: str, original: Item | None, form: ItemForm) -> Checked:
    """The item the form describes, or the errors that stop it, by field."""
    errors: dict[str, list[str]] = {}
    warnings: dict[str, list[str]] = {}
    data = _data(original, form, errors)
    try:
        item: Item | None = Item.model_validate(data)
    except ValidationError as error:
        for problem in schema_problems("", "", error, None):
            _add(errors, problem)
        item = _without_errors(data, errors, original)
    if item is None:
        return Checked(None, errors, warnings)
    if original is None or item.id != original.id:
        taken = ws.find(item.id)
        if taken is not None and "id" not in errors:
            errors.setdefault("id", []).append(f"`{item.id}` is already an item (in {taken[0]})")
    broken = set(errors)
    view = _with_item(ws, location, original, item)
    # The same checks as `roadmap validate`: the workspace's, then the score inputs' (a misspelt
    # `valeu` is named, not silently unscored).
    for problem in [*validate_workspace(view), *check_workspace(view)]:
        if problem.item_id != item.id:
            continue
        found: dict[str, list[str]] = {}
        _add(found, problem)
        for name in found.keys() - broken:  # a field already in error says enough
            target = errors if problem.is_error else warnings
            for message in found[name]:
                if message not in target.get(name, []):
                    target.setdefault(name, []).append(message)
    return Checked(None if errors else item, errors, warnings)


def _without_errors(
    data: dict[str, Any], errors: dict[str, list[str]], original: Item | None
) -> Item | None:
    """The item without its broken fields, so the other fields can still be checked."""
    kept = {name: value for name, value in data.items() if name not in errors}
    kept.setdefault("id", original.id if original else "NEW-ITEM")
    kept.setdefault("title", "-")
    try:
        return Item.model_validate(kept)
    except ValidationError:
        return None


def score_text(score: dict[str, float]) -> str:
    return ", ".join(f"{name} = {_text(value)}" for name, value in score.items())


def parse_number(text: str) -> int | float:
    """`20` -> 20, `2.5` -> 2.5 (kept as written, like the files); ValueError otherwise."""
    text = text.strip()
    try:
        return int(text)
    except ValueError:
        number = float(text)
        if number != number or number in (float("inf"), float("-inf")):
            raise ValueError(text) from None
        return number


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _add(found: dict[str, list[str]], problem: Problem) -> None:
    where = (
        problem.where.removeprefix(f"items[{problem.item_id}].")
        if problem.item_id
        else problem.where
    )
    name = (problem.field or where or "id").split(".")[0].split("[")[0]
    message = problem.message if where in ("", name) else f"{where}: {problem.message}"
    if message not in found.get(name, []):
        found.setdefault(name, []).append(message)


def _data(original: Item | None, form: ItemForm, errors: dict[str, list[str]]) -> dict[str, Any]:
    data: dict[str, Any] = original.model_dump(exclude_none=True) if original else {}
    values = form.values
    # id and title are required: left empty, the model reports them missing.
    for name in ("id", *TEXT_FIELDS, *CHOICE_FIELDS):
        _set(data, name, values[name].strip() or None)
    for name in LIST_FIELDS:
        data[name] = [part.strip() for part in values[name].split(",") if part.strip()]
    data["depends_on"] = [dep.strip() for dep in form.depends_on if dep.strip()]
    _set(data, "estimate", _number(values["estimate"], "estimate", errors))
    data["score"] = _score(values["score"], errors)
    for name in DATE_FIELDS:
        _set(data, name, _date(values[name], name, errors))
    asks = []
    for index, row in enumerate(r for r in form.asks if not r.empty):
        ask: dict[str, Any] = {**row.extra, "team": row.team.strip()}
        days = _number(row.days, f"asks[{index}].days", errors, into="asks")
        ask["days"] = days if days is not None else 0
        if row.days.strip() == "":
            errors.setdefault("asks", []).append(f"asks[{index}].days: required")
        _set(ask, "quarter", row.quarter.strip() or None)
        _set(ask, "note", row.note.strip() or None)
        asks.append(ask)
    data["asks"] = asks
    return data


def _set(data: dict[str, Any], name: str, value: object) -> None:
    if value is None:
        data.pop(name, None)
    else:
        data[name] = value


def _number(
    text: str, where: str, errors: dict[str, list[str]], into: str | None = None
) -> int | float | None:
    if not text.strip():
        return None
    try:
        return parse_number(text)
    except ValueError:
        name = into or where
        message = "must be a number" if name == where else f"{where}: must be a number"
        errors.setdefault(name, []).append(f"{message}, not {text.strip()!r}")
        return None


def _date(text: str, name: str, errors: dict[str, list[str]]) -> dt.date | None:
    if not text.strip():
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        errors.setdefault(name, []).append(f"must be a date (YYYY-MM-DD), not {text.strip()!r}")
        return None


def _score(text: str, errors: dict[str, list[str]]) -> dict[str, int | float]:
    """`value = 8, effort = 3` -> {"value": 8, "effort": 3}."""
    score: dict[str, int | float] = {}
    for part in text.split(","):
        if not part.strip():
            continue
        name, sep, number = part.partition("=")
        if not sep:
            name, sep, number = part.partition(":")
        name = name.strip()
        if not sep or not name:
            errors.setdefault("score", []).append(f"`{part.strip()}`: write name = number")
            continue
        try:
            score[name] = parse_number(number)
        except ValueError:
            errors.setdefault("score", []).append(
                f"{name}: must be a number, not {number.strip()!r}"
            )
    return score


def _with_item(ws: Workspace, location: str, original: Item | None, item: Item) -> Workspace:
    """A shallow copy of the workspace with the item in place (the workspace is not touched)."""
    quarters = {
        quarter: QuarterPlan.model_construct(quarter=plan.quarter, items=list(plan.items))
        for quarter, plan in ws.quarters.items()
    }
    view = Workspace.model_construct(
        roadmap=ws.roadmap,
        quarters=quarters,
        backlog=Backlog.model_construct(items=list(ws.backlog.items)),
        feedback=ws.feedback,
    )
    if location != BACKLOG and location not in view.quarters:
        view.quarters[location] = QuarterPlan.model_construct(
            quarter=QuarterHeader(id=location), items=[]
        )
    items = view.items_in(location)
    if original is not None:
        for index, existing in enumerate(items):
            if existing is original or existing.id == original.id:
                items[index] = item
                return view
    items.append(item)
    return view
