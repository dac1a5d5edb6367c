"""Models -> file text, changing only what changed.

Two steps. First, `[[table]]` entries that come or go (an item moved in or out, a review or an
item added) are cut out or put in as blocks of text, each with the comments that are its own
(storage/blocks.py has the rule, storage/placing.py the cutting): a moved item arrives exactly as
it was written in its old file. This is done on the text, not through tomlkit, because tomlkit
files the comments above a table under the table before it, so moving tomlkit tables moves the
wrong comments. Second, the file is patched in place with tomlkit (public API only): keys whose
value changed are replaced where they stand, new keys go after their neighbour in the format's
order, items are matched by id, so comments, blank lines, key order and unknown keys a person
wrote all survive. A file that does not exist yet is written from scratch in the same layout.
Nothing is written when nothing changed.

tomli-w was considered for new files: it writes `score` as an `[items.score]` sub-table instead of
the inline `score = { ... }` the format shows, so new files are written with tomlkit too.
"""

from __future__ import annotations

import math
import re
import tomllib
from collections.abc import Callable, Iterable, Mapping, MutableMapping
from dataclasses import dataclass
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
from roadmap_tui.storage.blocks import classify, entries, split_lines
from roadmap_tui.storage.placing import place_entries

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


@dataclass(frozen=True)
class Origin:
    """An item as it was read from its file: its data, and its block of text (lead comments and
    table, exactly as written), or None when the file's text could not be cut into blocks."""

    raw: Mapping[str, Any]
    block: str | None


def item_origins(files: Iterable[tuple[str | None, Mapping[str, Any]]]) -> dict[str, Origin]:
    """Items by id from files as read (text, parsed data), so a moved item keeps how it was
    written and the comments that are its own (see storage/blocks.py)."""
    found: dict[str, Origin] = {}
    for text, raw in files:
        items = raw.get("items")
        if not isinstance(items, list):
            continue
        blocks: list[str | None] = [None] * len(items)
        if text is not None:
            lines = split_lines(text)
            located = entries(classify(lines), ("items",))
            if len(located) == len(items):
                blocks = ["".join(lines[e.start : e.end]) for e in located]
        for item, block in zip(items, blocks, strict=True):
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                found.setdefault(item["id"], Origin(item, block))
    return found


def render(
    text: str | None,
    old: Mapping[str, Any],
    new: Mapping[str, Any],
    name: str,
    origins: Mapping[str, Origin] | None = None,
) -> str | None:
    """The file's new text, or None when nothing changes. `text` None: a new file.

    Two steps. First the entries of `[[tables]]` that come and go are cut out and put in as text
    blocks (storage/placing.py), so an item moved here from another file arrives byte for byte
    with its own comments (`origins`: items as read from any file, by id). Then the values that
    differ are replaced where they stand, through tomlkit.
    """
    patcher = _Patcher(location_defaults(name), dry=False, origins=origins)
    original = text
    if text is None:
        # The header first (tomlkit), the items after it as blocks.
        head = {key: value for key, value in new.items() if key != "items"}
        document = tomlkit.document()
        patcher.patch(document, {}, head, ())
        text = tomlkit.dumps(document)
        old = tomllib.loads(text)
    placed = place_entries(
        text, old, new, sorted(_TABLE_ARRAYS), _entry_key, partial(_block, patcher)
    )
    if placed != text:
        try:
            old = tomllib.loads(placed)
            text = placed
        except tomllib.TOMLDecodeError:  # pragma: no cover - the blocks are whole tables
            pass
    box: list[Any] = [tomlkit.parse(text)]
    patcher.patch(box[0], old, new, (), place=lambda doc: box.__setitem__(0, doc))
    result = _leads_kept(text, tomlkit.dumps(box[0]))
    if result.endswith("\n\n"):
        # Removing the last table can leave the blank line that stood before it.
        result = result.rstrip("\n") + "\n"
    if (original is None or not _BLANK_RUN.search(original)) and _BLANK_RUN.search(result):
        # tomlkit 0.13 puts a second blank line before the table that follows a [[table]]
        # added inside another (`[[quarter.reviews]]`, then `[[items]]`). A file that had no
        # blank lines in a row gets none; one that had some is left as its author wrote it.
        result = _BLANK_RUN.sub(lambda run: run.group(1) * 2, result)
    return None if result == original else result


_BLANK_RUN = re.compile(r"(\r?\n)(?:\r?\n){2,}")  # two blank lines or more in a row


def _leads_kept(before: str, after: str) -> str:
    """`after` without the blank line tomlkit may put between a table's lead comments and its
    header: replacing a table (to add a key) gives it a "cosmetic" trailing newline, and the lead
    comments of the next table are the end of that table in tomlkit's model."""
    old_lines, new_lines = split_lines(before), split_lines(after)
    old_kinds, new_kinds = classify(old_lines), classify(new_lines)
    old_heads = [i for i, line in enumerate(old_kinds) if line.kind == "header"]
    new_heads = [i for i, line in enumerate(new_kinds) if line.kind == "header"]
    if len(old_heads) != len(new_heads):
        return after
    dropped = {
        new - 1
        for old, new in zip(old_heads, new_heads, strict=True)
        if old > 0
        and old_kinds[old - 1].kind == "comment"
        and new > 1
        and new_kinds[new - 1].kind == "blank"
        and new_kinds[new - 2].kind == "comment"
    }
    if not dropped:
        return after
    return "".join(line for i, line in enumerate(new_lines) if i not in dropped)


def _entry_key(entry: Any, index: int, path: tuple[str, ...]) -> Any:
    return _key(entry, index, path in _BY_ID)


def _block(patcher: _Patcher, path: tuple[str, ...], entry: Mapping[str, Any]) -> str:
    """The text of an entry to add: a moved item's block as it was, or a table written new."""
    origin = patcher.origins.get(entry.get("id", "")) if path == ("items",) else None
    if origin is not None and origin.block is not None:
        return origin.block
    aot = tomlkit.aot()
    aot.append(patcher.new_table(entry, path))
    document = tomlkit.document()
    holder: Any = document
    for part in path[:-1]:
        outer = tomlkit.table(is_super_table=True)
        holder.append(part, outer)
        holder = outer
    holder.append(path[-1], aot)
    return tomlkit.dumps(document)


class _Patcher:
    def __init__(
        self,
        defaults: dict[tuple[str, ...], dict[str, Any]],
        *,
        dry: bool,
        origins: Mapping[str, Origin] | None = None,
    ) -> None:
        self.defaults = defaults
        self.dry = dry
        self.origins = origins or {}

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
                    table = self.new_table(entry, path)
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
        if (at_end and not _ends_in_trivia(target)) or (
            place is None or not isinstance(target, Container | Table | InlineTable)
        ):
            for _, key, item in inserts:
                target[key] = item
            return
        place(_rebuilt(target, inserts))

    def new_table(self, data: Mapping[str, Any], path: tuple[str, ...]) -> Table:
        box: list[Table] = [tomlkit.table()]
        place = partial(box.__setitem__, 0)
        origin = self.origins.get(data.get("id", "")) if path == ("items",) else None
        if origin is None:
            self.patch(box[0], {}, data, path, place=place)
        else:
            _Patcher({}, dry=False).patch(box[0], {}, origin.raw, path, place=place)
            self.patch(box[0], origin.raw, data, path, place=place)
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
                table = self.new_table(entry, path)
                if index > 0 or len(parent) > 0:
                    table.trivia.indent = "\n"  # a blank line before each [[table]]
                aot.append(table)
            return aot
        if isinstance(value, dict):
            if len(path) == 1 and isinstance(parent, Container | tomlkit.TOMLDocument):
                table = self.new_table(value, path)
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


def _ends_in_trivia(target: Any) -> bool:
    """Whether comments or blank lines follow the last key: a key added at the end would land
    after them (below the next table's lead comment), so the table is rebuilt instead."""
    container = target if isinstance(target, Container) else getattr(target, "value", None)
    if not isinstance(container, Container) or not container.body:
        return False
    return container.body[-1][0] is None


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
        if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
            return True  # `nan` in a key the tool does not know: unchanged, not rewritten
        return type(a) is type(b) and a == b
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)
