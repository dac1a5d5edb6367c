"""A save that only adds entries at the end of an array of tables, written as an append.

`feedback import` of a 100,000-row survey adds 100,000 `[[feedback]]` tables: patched into the
file's tomlkit document they cost minutes (tomlkit spends about a millisecond on each table).
When the new data is the old with entries added at the end of one array, the old text stays as
it is, byte for byte (comments included), and the new tables are written after it by
`toml_table`, a plain TOML writer for the values the models hold (text, numbers, booleans,
dates, lists and inline tables), in the order the writer's data gives. Anything else is left to
the patching writer.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping
from typing import Any

from roadmap_tui.storage.writer import changes

APPENDABLE = ("feedback", "items")
MIN_APPENDED = 200  # below this the patching writer is quick enough and keeps its own layout
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}
_NEEDS_ESCAPE = re.compile(r'["\\\x00-\x1f\x7f]')


class NotPlain(ValueError):
    """A value `toml_value` does not write (the patching writer will)."""


def appended(
    text: str | None, old: Mapping[str, Any], new: Mapping[str, Any], name: str
) -> bytes | None:
    """The bytes of `text` with the new entries appended, or None when this change is not such
    an append. Built table by table into one buffer: 100,000 tables never stand as strings."""
    if text is None or set(old) != set(new):
        return None
    grown = [
        key
        for key in APPENDABLE
        if isinstance(old.get(key), list)
        and isinstance(new.get(key), list)
        and len(new[key]) - len(old[key]) >= MIN_APPENDED
    ]
    if len(grown) != 1:
        return None
    key = grown[0]
    kept = len(old[key])
    if changes(old, {**new, key: new[key][:kept]}, name):
        return None  # something else changed too
    head = text.rstrip("\n")
    out = bytearray((head + "\n\n" if head else "").encode("utf-8"))
    try:
        for index, entry in enumerate(new[key][kept:]):
            if index:
                out += b"\n\n"
            out += toml_table(key, entry).encode("utf-8")
    except NotPlain:
        return None
    out += b"\n"
    return bytes(out)


def toml_table(name: str, entry: Any) -> str:
    """One `[[name]]` table of plain values."""
    if not isinstance(entry, Mapping):
        raise NotPlain(name)
    lines = [f"[[{_key(name)}]]"]
    for key, value in entry.items():
        if value is not None:
            shown = f'"{value}"' if type(value) is str and not _NEEDS_ESCAPE.search(value) else None
            lines.append(f"{_key(key)} = {shown or toml_value(value)}")
    return "\n".join(lines)


def toml_value(value: Any) -> str:
    if isinstance(value, str):
        if _NEEDS_ESCAPE.search(value):
            value = _NEEDS_ESCAPE.sub(_escape, value)
        return f'"{value}"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, Mapping):
        pairs = ", ".join(f"{_key(k)} = {toml_value(v)}" for k, v in value.items())
        return "{ " + pairs + " }" if pairs else "{}"
    raise NotPlain(type(value).__name__)


def _key(key: str, known: dict[str, str] = {}) -> str:  # noqa: B006 - a cache on purpose
    found = known.get(key)
    if found is None:
        found = known[key] = key if _BARE_KEY.fullmatch(key) else toml_value(key)
    return found


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    return _ESCAPES.get(char) or f"\\u{ord(char):04x}"
