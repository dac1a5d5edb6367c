"""Turn parser and schema errors into located problems a person can act on."""

from __future__ import annotations

import re
from typing import Any

from pydantic import ValidationError

from roadmap_tui.models import Problem

_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")
_TOML_END = re.compile(r"\s*\(at end of document\)$")
_ARRAY_TABLE_RE = re.compile(r"^\s*\[\[\s*([A-Za-z0-9_.-]+)\s*\]\]")
_TABLE_RE = re.compile(r"^\s*\[\s*([A-Za-z0-9_.-]+)\s*\]")


def toml_problem(file: str, error: Exception, text: str) -> Problem:
    """`plans/2026-Q4.toml:12:7: Invalid value` from a tomllib error."""
    message = str(error)
    match = _TOML_POSITION.search(message)
    if match:
        return Problem(
            file,
            message[: match.start()],
            line=int(match.group(1)),
            column=int(match.group(2)),
        )
    if _TOML_END.search(message):
        lines = text.count("\n") + 1
        return Problem(file, _TOML_END.sub("", message) + " (at end of file)", line=lines)
    return Problem(file, message)


def _describe(error: Any) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind == "greater_than_equal":
        return f"must be >= {ctx.get('ge')}"
    if kind == "less_than_equal":
        return f"must be <= {ctx.get('le')}"
    if kind == "missing":
        return "required"
    if kind == "literal_error":
        return f"must be one of {ctx.get('expected', '')}"
    if kind in ("int_type", "float_type", "int_parsing", "float_parsing", "int_from_float"):
        return f"must be a number, not {_toml_type(error.get('input'))}"
    if kind == "string_type":
        return f"must be text (a quoted string), not {_toml_type(error.get('input'))}"
    if kind == "list_type":
        return f"must be a list [ ... ], not {_toml_type(error.get('input'))}"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"must be a table {{ ... }}, not {_toml_type(error.get('input'))}"
    if kind.startswith(("date", "datetime")):
        return "must be a date (YYYY-MM-DD, unquoted)"
    message = str(error["msg"])
    return message.removeprefix("Value error, ")


def _toml_type(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, str):
        return f"text {value!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, int | float):
        return "a number"
    return type(value).__name__


# Parts of a pydantic error location that name a type of a union, not a key.
_TYPE_PARTS = {"int", "float", "str", "bool", "list", "dict", "date", "constrained-float"}


def schema_problems(
    file: str, prefix: str, error: ValidationError, item_id: str | None
) -> list[Problem]:
    """Located problems from a pydantic error: `items[NAMING].estimate: must be >= 0`."""
    seen: set[tuple[str, str]] = set()
    problems: list[Problem] = []
    for entry in error.errors():
        parts: list[str] = []
        for part in entry["loc"]:
            if isinstance(part, int):
                parts.append(f"[{part}]")
            elif part in _TYPE_PARTS or part.startswith(("function-", "json-or-python")):
                continue
            else:
                parts.append(("." if parts else "") + part)
        field = "".join(parts)
        where = f"{prefix}.{field}" if prefix and field else prefix or field
        message = _describe(entry)
        if (where, message) in seen:
            continue
        seen.add((where, message))
        problems.append(
            Problem(file, message, where=where, item_id=item_id, field=field.split(".")[0] or None)
        )
    return problems


def locate_all(problems: list[Problem], texts: dict[str, str]) -> list[Problem]:
    """`locate` for many problems, splitting each file's text once."""
    lines = {
        name: text.splitlines()
        for name, text in texts.items()
        if any(p.file == name for p in problems)
    }
    return [locate(p, lines=lines[p.file]) if p.file in lines else p for p in problems]


def locate(problem: Problem, text: str = "", *, lines: list[str] | None = None) -> Problem:
    """Fill in the line of a problem's `where` (`items[NAMING].estimate`) from the file text."""
    if problem.line is not None or not problem.where:
        return problem
    head, _, rest = problem.where.partition(".")
    key = re.split(r"[.\[]", rest)[0] if rest else ""
    match = re.match(r"^([A-Za-z0-9_-]+)\[(.+?)\]$", head)
    if lines is None:
        lines = text.splitlines()
    start: int | None = None
    if match:
        array, ident = match.group(1), match.group(2)
        start = _find_array_entry(lines, array, ident)
    elif rest:
        start = _find_table(lines, head)
    else:
        key = head
        start = 0
    if start is None:
        return problem
    line = start
    if key:
        found = _find_key(lines, start, key)
        line = found if found is not None else start
    return Problem(
        problem.file,
        problem.message,
        where=problem.where,
        severity=problem.severity,
        line=line + 1,
        item_id=problem.item_id,
        field=problem.field,
    )


def _find_array_entry(lines: list[str], array: str, ident: str) -> int | None:
    id_line = re.compile(r"^\s*id\s*=\s*[\"']" + re.escape(ident) + r"[\"']")
    ordinal = int(ident[1:]) if ident.startswith("#") and ident[1:].isdigit() else None
    count = 0
    current: int | None = None
    for number, line in enumerate(lines):
        header = _ARRAY_TABLE_RE.match(line)
        if header:
            current = number if header.group(1) == array else None
            if current is not None:
                count += 1
                if ordinal is not None and count == ordinal:
                    return number
            continue
        if _TABLE_RE.match(line):
            current = None
        elif current is not None and id_line.match(line):
            return current
    return None


def _find_table(lines: list[str], name: str) -> int | None:
    for number, line in enumerate(lines):
        header = _TABLE_RE.match(line)
        if header and header.group(1) == name:
            return number
    return None


def _find_key(lines: list[str], start: int, key: str) -> int | None:
    pattern = re.compile(r"^\s*[\"']?" + re.escape(key) + r"[\"']?\s*=")
    for number in range(start, len(lines)):
        if number > start and (
            _ARRAY_TABLE_RE.match(lines[number]) or _TABLE_RE.match(lines[number])
        ):
            return None
        if pattern.match(lines[number]):
            return number
    return None
