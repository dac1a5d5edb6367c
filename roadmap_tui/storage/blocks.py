"""Where each `[[table]]` entry of a plan file stands in its text, with the comments that are its own.

The comment rule (docs/plan-format.md, "Comments belong to what they describe"):

- an entry's **lead** is the run of comment lines directly above its header, up to the previous
  blank line, key or table;
- its **body** is the header, its keys, its sub-tables (`[items.score]`, `[[items.asks]]`), every
  comment among them, and the comment lines directly after its last key (no blank line between);
- everything else (blank lines, and comment blocks with a blank line on both sides, such as a
  section heading `# --- Bigger ideas ---`) belongs to the file.

An entry's block is its lead and body. Moving, removing and adding entries happens on these blocks
as text, so an entry keeps its exact bytes (inline arrays, spacing, trailing comments) and its own
comments, and nothing of its neighbours: tomlkit's document model attaches the comments above a
table to the table before it, which is why the text is cut here and not through tomlkit.

The scan knows just enough TOML to tell a header line from a line inside a multi-line string or
array: strings (basic, literal, multi-line), brackets and comments.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

LineKind = Literal["blank", "comment", "header", "content"]


@dataclass(frozen=True)
class Line:
    kind: LineKind
    header: tuple[str, ...] = ()  # the table's name, for a header line
    array: bool = False  # `[[name]]` rather than `[name]`


@dataclass(frozen=True)
class Entry:
    """Lines [start, end) of the text: lead comments from `start`, the header at `header`."""

    start: int
    header: int
    end: int


def split_lines(text: str) -> list[str]:
    """Lines with their `\\n` kept (TOML's only line break; `\\r` stays part of the line)."""
    parts = text.split("\n")
    lines = [part + "\n" for part in parts[:-1]]
    if parts[-1]:
        lines.append(parts[-1])
    return lines


def classify(lines: list[str]) -> list[Line]:
    """Each line's kind, following strings and brackets across lines."""
    found: list[Line] = []
    open_string: str | None = None
    depth = 0
    for raw in lines:
        body = raw.rstrip("\r\n")
        if open_string is not None or depth > 0:
            found.append(Line("content"))
            open_string, depth = _scan_value(body, 0, open_string, depth)
            continue
        stripped = body.lstrip(" \t")
        if not stripped:
            found.append(Line("blank"))
        elif stripped.startswith("#"):
            found.append(Line("comment"))
        elif stripped.startswith("["):
            array = stripped.startswith("[[")
            name, _ = _key(stripped, 2 if array else 1)
            found.append(Line("header", tuple(name), array))
        else:
            found.append(Line("content"))
            _, position = _key(stripped, 0)
            if position < len(stripped) and stripped[position] == "=":
                open_string, depth = _scan_value(stripped, position + 1, None, 0)
    return found


def entries(kinds: list[Line], path: tuple[str, ...]) -> list[Entry]:
    """The `[[path]]` entries of a file, in order, with their leads and bodies."""
    found = []
    for index, line in enumerate(kinds):
        if line.kind == "header" and line.array and line.header == path:
            end = _region_end(kinds, index, path)
            found.append(Entry(_lead_start(kinds, index), index, _body_end(kinds, index, end)))
    return found


def table_end(kinds: list[Line], path: tuple[str, ...]) -> int | None:
    """Where the body of table `[path]` ends (its sub-tables included); None if it has no header."""
    for index, line in enumerate(kinds):
        if line.kind == "header" and not line.array and line.header == path:
            return _body_end(kinds, index, _region_end(kinds, index, path))
    return None


def _region_end(kinds: list[Line], header: int, path: tuple[str, ...]) -> int:
    """The next header that is not a sub-table of this one."""
    for index in range(header + 1, len(kinds)):
        line = kinds[index]
        if line.kind == "header" and not (
            len(line.header) > len(path) and line.header[: len(path)] == path
        ):
            return index
    return len(kinds)


def _lead_start(kinds: list[Line], header: int) -> int:
    start = header
    while start > 0 and kinds[start - 1].kind == "comment":
        start -= 1
    return start


def _body_end(kinds: list[Line], header: int, region_end: int) -> int:
    """One past the body: the last key or header, then comments directly after it."""
    limit = _lead_start(kinds, region_end) if region_end < len(kinds) else region_end
    last = header
    for index in range(header, limit):
        if kinds[index].kind in ("header", "content"):
            last = index
    end = last + 1
    while end < limit and kinds[end].kind == "comment":
        end += 1
    return end


def _key(text: str, position: int) -> tuple[list[str], int]:
    """A dotted key from `position`: its parts and where it stops (at `=`, `]` or the end)."""
    parts: list[str] = []
    i = position
    n = len(text)
    while i < n:
        while i < n and text[i] in " \t":
            i += 1
        if i >= n:
            break
        char = text[i]
        if char == '"':
            end = _basic_end(text, i + 1)
            parts.append(text[i + 1 : end - 1])
            i = end
        elif char == "'":
            end = text.find("'", i + 1)
            end = n if end < 0 else end + 1
            parts.append(text[i + 1 : end - 1])
            i = end
        else:
            start = i
            while i < n and (text[i].isalnum() or text[i] in "_-"):
                i += 1
            if i == start:
                break
            parts.append(text[start:i])
        while i < n and text[i] in " \t":
            i += 1
        if i < n and text[i] == ".":
            i += 1
            continue
        break
    return parts, i


def _basic_end(text: str, i: int) -> int:
    """One past the closing quote of a basic string whose content starts at `i`."""
    n = len(text)
    while i < n and text[i] != '"':
        i += 2 if text[i] == "\\" else 1
    return min(i + 1, n)


def _scan_value(text: str, i: int, open_string: str | None, depth: int) -> tuple[str | None, int]:
    """Follow a value to the end of the line; what is still open there (string, brackets)."""
    n = len(text)
    while i < n:
        if open_string is not None:
            if open_string == '"""' and text[i] == "\\":
                i += 2
                continue
            if text.startswith(open_string, i):
                quote = open_string[0]
                while i < n and text[i] == quote:
                    i += 1  # up to two quotes of content may stand before the closing three
                open_string = None
                continue
            i += 1
            continue
        char = text[i]
        if char == "#":
            break
        if char in "\"'":
            triple = char * 3
            if text.startswith(triple, i):
                open_string = triple
                i += 3
            elif char == '"':
                i = _basic_end(text, i + 1)
            else:
                end = text.find("'", i + 1)
                i = n if end < 0 else end + 1
            continue
        if char in "[{":
            depth += 1
        elif char in "]}":
            depth = max(0, depth - 1)
        i += 1
    return open_string, depth
