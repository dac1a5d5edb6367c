"""What the reader accepts, and so what the writer may write: one set of limits for both.

A plan file has no size limit of its own beyond a generous one against accidents (a
100,000-item backlog is about 19 MB); what stays limited is what no plan needs and what makes
a parser or a terminal suffer: nesting deeper than `MAX_DEPTH`, a single text longer than
`MAX_TEXT_CHARS`, an integer of more digits than Python converts (`sys.int_info`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # imported where a problem is made: `storage.prefetch` reads the limits
    # before the models are imported
    from roadmap_tui.models import Problem

# Against accidents (a log or a disk image named .toml), not against plans: ~1.3 million items.
MAX_FILE_BYTES = 256 * 1024 * 1024
# Plan files nest four levels ([[items]] -> table -> list -> value); 32 is far beyond any.
MAX_DEPTH = 32
# One title, note or description: a megabyte of text is not a plan.
MAX_TEXT_CHARS = 1024 * 1024
_LONG_DIGITS = re.compile(r"[0-9][0-9_]{4299,}")


class LimitError(ValueError):
    def __init__(self, message: str, where: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.where = where


def too_big(size: int) -> str | None:
    if size > MAX_FILE_BYTES:
        return f"file is {size:,} bytes; plan files over {MAX_FILE_BYTES:,} bytes are refused"
    return None


def checked(value: Any, names: dict[str, str], depth: int = 0, where: str = "") -> Any:
    """The parsed tables with one string per key name, checked against the limits.

    tomllib makes a new `id`, `title`, ... for every item, and the data read is kept beside the
    models (for saving), so with 10,000 items the repeated names cost 13 MiB of the terminal
    app's memory; one walk shares them and checks depth and text length. Lists are changed in
    place. Raises LimitError naming where.
    """
    if depth > MAX_DEPTH:
        raise LimitError(f"nested more than {MAX_DEPTH} levels deep", where)
    if type(value) is dict:
        result = {}
        for key, item in value.items():
            if type(item) is dict or type(item) is list:
                item = checked(item, names, depth + 1, f"{where}.{key}" if where else key)
            elif type(item) is str and len(item) > MAX_TEXT_CHARS:
                raise LimitError(_long(len(item)), f"{where}.{key}" if where else key)
            result[names.setdefault(key, key)] = item
        return result
    for index, item in enumerate(value):
        if type(item) is dict or type(item) is list:
            value[index] = checked(item, names, depth + 1, f"{where}[{index}]")
        elif type(item) is str and len(item) > MAX_TEXT_CHARS:
            raise LimitError(_long(len(item)), f"{where}[{index}]")
    return value


def _long(length: int) -> str:
    return f"a text of {length:,} characters; more than {MAX_TEXT_CHARS:,} are refused"


def big_integer_problem(shown: str, text: str, error: ValueError) -> Problem:
    """tomllib's ValueError for an integer over Python's digit limit, located."""
    from roadmap_tui.models import Problem

    match = _LONG_DIGITS.search(text)
    if match is None:
        return Problem(shown, f"cannot read: {error}")
    line = text.count("\n", 0, match.start()) + 1
    column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
    return Problem(
        shown,
        "an integer of more than 4,300 digits: numbers that long are refused",
        line=line,
        column=column,
    )


def check_written(shown: str, data: bytes, raw: dict[str, Any]) -> Problem | None:
    """Why the reader would refuse these bytes (parsed as `raw`), or None: checked before a save."""
    from roadmap_tui.models import Problem

    message = too_big(len(data))
    if message is not None:
        return Problem(shown, message + "; nothing written")
    try:
        checked(raw, {})
    except LimitError as error:
        return Problem(shown, error.message + "; nothing written", where=error.where)
    except RecursionError:
        return Problem(shown, "nested too deeply to read; nothing written")
    return None
