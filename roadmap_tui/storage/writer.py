"""Models -> file text, changing only what changed.

A file the tool read is patched in place with tomlkit: keys whose value changed are replaced where
they stand, new keys go after their neighbour in the format's order, items are matched by id, so
comments, blank lines, key order and unknown keys a person wrote all survive. A file that does not
exist yet is written from scratch in the same layout. Nothing is written when nothing changed.

tomli-w was considered for new files: it writes `score` as an `[items.score]` sub-table instead of
the inline `score = { ... }` the format shows, so new files are written with tomlkit too.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping, MutableMapping
from functools import partial
from typing import Any

import tomlkit
from pydantic import BaseModel
from tomlkit.container import Container
from tomlkit.items import AoT, InlineTable, Table

from roadmap_tui.models import (
    Ask,
    Backlog,
    Feedback,
    FeedbackLog,
    Goal,
    Item,
    QuarterHeader,
    QuarterPlan,
    Review,
    Roadmap,
    ScoringSettings,
    Team,
    Theme,
    Workspace,
    WorkspaceSettings,
)
from roadmap_tui.models.workspace import BACKLOG

# Lists written as [[arrays of tables]]; every other list is an inline array.
_TABLE_ARRAYS = {
    ("items",),
    ("teams",),
    ("goals",),
    ("feedback",),
    ("themes",),
    ("quarter", "reviews"),
}
# Arrays whose entries are matched by `id` (others by position).
_BY_ID = {("items",), ("teams",), ("goals",), ("themes",)}
_MODELS: dict[tuple[str, ...], type[BaseModel]] = {
    ("items",): Item,
    ("items", "asks"): Ask,
    ("quarter",): QuarterHeader,
    ("quarter", "reviews"): Review,
    ("workspace",): WorkspaceSettings,
    ("scoring",): ScoringSettings,
    ("teams",): Team,
    ("goals",): Goal,
    ("feedback",): Feedback,
    ("themes",): Theme,
}


def _dump(model: BaseModel) -> dict[str, Any]:
    return model.model_dump(by_alias=True, exclude_none=True)


def _defaults(model: type[BaseModel]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        if info.is_required():
            continue
        value = info.get_default(call_default_factory=True)
        values[info.alias or name] = _dump(value) if isinstance(value, BaseModel) else value
    return values


_DEFAULTS = {path: _defaults(model) for path, model in _MODELS.items()}
# Top level of every kind of file (their keys do not clash): absent lists and tables stay absent.
_DEFAULTS[()] = {
    key: value
    for model in (Roadmap, QuarterPlan, Backlog, FeedbackLog)
    for key, value in _defaults(model).items()
}


def desired_files(ws: Workspace) -> dict[str, dict[str, Any]]:
    """What each file of the workspace should hold, as plain data."""
    files: dict[str, dict[str, Any]] = {"roadmap.toml": _dump(ws.roadmap)}
    for quarter_id, plan in ws.quarters.items():
        data = {"quarter": _dump(plan.quarter), "items": [_dump(i) for i in plan.items]}
        data.update(plan.model_extra or {})
        files[f"{quarter_id}.toml"] = data
    backlog = {"items": [_dump(i) for i in ws.backlog.items]}
    backlog.update(ws.backlog.model_extra or {})
    files["backlog.toml"] = backlog
    if ws.feedback is not None:
        files["feedback.toml"] = _dump(ws.feedback)
    return files


def location_defaults(name: str) -> dict[tuple[str, ...], dict[str, Any]]:
    """Defaults that depend on the file: an item's status is `proposed` in the backlog."""
    defaults = dict(_DEFAULTS)
    if name == f"{BACKLOG}.toml":
        defaults[("items",)] = {**defaults[("items",)], "status": "proposed"}
    return defaults


def changes(old: Mapping[str, Any], new: Mapping[str, Any], name: str) -> bool:
    """Whether writing `new` over a file that holds `old` would change anything."""
    return _Patcher(location_defaults(name), dry=True).patch(dict(old), old, new, ())


def render(
    text: str | None,
    old: Mapping[str, Any],
    new: Mapping[str, Any],
    name: str,
    origins: Mapping[str, Mapping[str, Any]] | None = None,
    origin_tables: Callable[[str], Table | None] | None = None,
) -> str | None:
    """The file's new text, or None when nothing changes. `text` None: a new file.

    `origins` are items as they were read from any file, by id: an item moved here from another
    file keeps the keys it was written with (an explicit `kind = "epic"` stays). `origin_tables`
    gives such an item's table as written (tomlkit), so its comments move with it.
    """
    patcher = _Patcher(
        location_defaults(name), dry=False, origins=origins, origin_tables=origin_tables
    )
    if text is None:
        document = tomlkit.document()
        patcher.patch(document, {}, new, ())
        return tomlkit.dumps(document)
    box: list[Any] = [tomlkit.parse(text)]
    if not patcher.patch(box[0], old, new, (), place=lambda doc: box.__setitem__(0, doc)):
        return None
    result = tomlkit.dumps(box[0])
    if result.endswith("\n\n"):
        # Removing the last table can leave the blank line that stood before it.
        result = result.rstrip("\n") + "\n"
    return None if result == text else result


class _Patcher:
    def __init__(
        self,
        defaults: dict[tuple[str, ...], dict[str, Any]],
        *,
        dry: bool,
        origins: Mapping[str, Mapping[str, Any]] | None = None,
        origin_tables: Callable[[str], Table | None] | None = None,
    ) -> None:
        self.defaults = defaults
        self.dry = dry
        self.origins = origins or {}
        self.origin_tables = origin_tables

    def patch(
        self,
        target: MutableMapping[str, Any],
        old: Mapping[str, Any],
        new: Mapping[str, Any],
        path: tuple[str, ...],
        place: Callable[[Any], None] | None = None,
    ) -> bool:
        """Make `target` (which holds `old`) hold `new`; True when anything changed.

        A key that must go between existing ones means rebuilding `target` (tomlkit has no
        public insert); `place` puts the rebuilt table where `target` stood.
        """
        changed = False
        defaults = self.defaults.get(path, {})
        previous: str | None = None
        inserts: list[tuple[str | None, str, Any]] = []
        for key, value in new.items():
            if key in old:
                if not _same(old[key], value) and self._replace(
                    target, key, old[key], value, path + (key,)
                ):
                    changed = True
            elif not (key in defaults and _same(defaults[key], value)):
                changed = True
                if not self.dry:
                    inserts.append((previous, key, self._to_toml(value, path + (key,), target)))
                previous = key
                continue
            if key in old or key in target:
                previous = key
        for key in old:
            if key not in new:
                changed = True
                if not self.dry:
                    del target[key]
        if inserts:
            self._insert(target, inserts, place)
        return changed

    def _replace(
        self,
        target: MutableMapping[str, Any],
        key: str,
        old: Any,
        value: Any,
        path: tuple[str, ...],
    ) -> bool:
        """Replace one value; nested tables and arrays of tables are patched, not replaced."""
        current = old if self.dry else target[key]
        if path in _TABLE_ARRAYS and value == [] and key in self.defaults.get(path[:-1], {}):
            # The last item left: drop the key rather than write `items = []`.
            if not self.dry:
                del target[key]
            return True
        if isinstance(old, dict) and isinstance(value, dict) and isinstance(current, dict):
            return self.patch(
                current, old, value, path, place=lambda table: target.__setitem__(key, table)
            )
        if path in _TABLE_ARRAYS and isinstance(old, list) and isinstance(value, list):
            if self.dry or isinstance(current, AoT):
                return self._patch_tables(current, old, value, path)
        if not self.dry:
            target[key] = self._to_toml(value, path, target)
        return True

    def _patch_tables(
        self, aot: Any, old: list[Any], new: list[Any], path: tuple[str, ...]
    ) -> bool:
        keyed = path in _BY_ID
        old_keys = [_key(entry, i, keyed) for i, entry in enumerate(old)]
        new_by_key = {_key(entry, i, keyed): entry for i, entry in enumerate(new)}
        changed = False
        # Remove entries that are gone, last first so positions stay valid.
        for index in reversed(range(len(old))):
            if old_keys[index] not in new_by_key:
                changed = True
                if not self.dry:
                    del aot[index]
        kept = [(k, e) for k, e in zip(old_keys, old, strict=True) if k in new_by_key]
        for position, (entry_key, entry) in enumerate(kept):
            if not isinstance(entry, dict):
                continue
            target = entry if self.dry else aot[position]
            place = None if self.dry else partial(aot.__setitem__, position)
            if self.patch(target, entry, new_by_key[entry_key], path, place=place):
                changed = True
        known = {k for k, _ in kept}
        for index, entry in enumerate(new):
            if _key(entry, index, keyed) not in known:
                changed = True
                if not self.dry:
                    table = self._new_table(entry, path)
                    table.trivia.indent = "\n"
                    aot.append(table)
        return changed

    def _insert(
        self,
        target: MutableMapping[str, Any],
        inserts: list[tuple[str | None, str, Any]],
        place: Callable[[Any], None] | None,
    ) -> None:
        """Add keys, each after its neighbour in the format's order (None: first)."""
        keys = list(target.keys())
        at_end = all(
            after == (keys[-1] if keys else None) or (after is None and not keys)
            for after, _, _ in inserts[:1]
        ) and all(after == inserts[i][1] for i, (after, _, _) in enumerate(inserts[1:]))
        if at_end or place is None or not isinstance(target, Container | Table | InlineTable):
            for _, key, item in inserts:
                target[key] = item
            return
        place(_rebuilt(target, inserts))

    def _new_table(self, data: Mapping[str, Any], path: tuple[str, ...]) -> Table:
        box: list[Table] = [tomlkit.table()]
        place = partial(box.__setitem__, 0)
        origin = self.origins.get(data.get("id", "")) if path == ("items",) else None
        if origin is None:
            self.patch(box[0], {}, data, path, place=place)
        else:
            written = self.origin_tables(data["id"]) if self.origin_tables else None
            if written is not None:
                box[0] = copy.deepcopy(written)  # comments and layout move with the item
            else:
                _Patcher({}, dry=False).patch(box[0], {}, origin, path, place=place)
            self.patch(box[0], origin, data, path, place=place)
        return box[0]

    def _to_toml(self, value: Any, path: tuple[str, ...], parent: Any) -> Any:
        if self.dry:
            return value
        if (
            path in _TABLE_ARRAYS
            and isinstance(value, list)
            and all(isinstance(v, dict) for v in value)
        ):
            aot = tomlkit.aot()
            for index, entry in enumerate(value):
                table = self._new_table(entry, path)
                if index > 0 or len(parent) > 0:
                    table.trivia.indent = "\n"  # a blank line before each [[table]]
                aot.append(table)
            return aot
        if isinstance(value, dict):
            if len(path) == 1 and isinstance(parent, Container | tomlkit.TOMLDocument):
                table = self._new_table(value, path)
                if len(parent) > 0:
                    table.trivia.indent = "\n"
                return table
            return _inline(
                {key: self._to_toml(entry, path + (key,), None) for key, entry in value.items()}
            )
        if isinstance(value, list):
            array = tomlkit.array()
            for entry in value:
                array.append(self._to_toml(entry, path, array))
            return array
        return tomlkit.item(value)


def _rebuilt(target: Any, inserts: list[tuple[str | None, str, Any]]) -> Any:
    """A copy of `target` with the new keys placed after their neighbours, made with tomlkit's
    public constructors: the same entries, comments and blank lines, in the same order."""
    container: Container = target if isinstance(target, Container) else target.value
    entries: list[tuple[Any, Any]] = list(container.body)
    for after, key, item in inserts:
        position = 0
        if after is not None:
            for index, (existing, _) in enumerate(entries):
                if existing is not None and str(getattr(existing, "key", existing)) == after:
                    position = index + 1
        entries.insert(position, (key, item))
    fresh = tomlkit.document() if isinstance(target, Container) else Container(parsed=True)
    for key, item in entries:
        fresh.append(key, item)
    if isinstance(target, Container):
        return fresh
    if isinstance(target, InlineTable):
        return InlineTable(fresh, target.trivia)
    return Table(
        fresh,
        target.trivia,
        target.is_aot_element(),
        target.is_super_table(),
        target.name,
        target.display_name,
    )


def _inline(values: Mapping[str, Any]) -> Any:
    """`{ value = 8, effort = 3 }`, spaced as the format's examples and people write it.

    Made from its text with tomlkit's public `value()`, which keeps that spacing.
    """
    if not values:
        return tomlkit.inline_table()
    parts = (f"{tomlkit.key(k).as_string()} = {v.as_string()}" for k, v in values.items())
    return tomlkit.value("{ " + ", ".join(parts) + " }")


def _key(entry: Any, index: int, keyed: bool) -> Any:
    if keyed and isinstance(entry, dict) and isinstance(entry.get("id"), str):
        return entry["id"]
    return ("#", index)


def _same(a: Any, b: Any) -> bool:
    """Equal as data, and of the same kind (1 and true, 20 and 20.0 are told apart)."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, int | float) and isinstance(b, int | float):
        return type(a) is type(b) and a == b
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)
