"""Quarter ids (`YYYY-Qn`) and their order."""

from __future__ import annotations

import re

QUARTER_RE = re.compile(r"^(\d{4})-Q([1-4])$")
ITEM_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


def is_quarter_id(text: str) -> bool:
    return QUARTER_RE.match(text) is not None


def quarter_index(quarter: str) -> int:
    """A number that orders quarters: 2026-Q4 < 2027-Q1."""
    match = QUARTER_RE.match(quarter)
    if match is None:
        raise ValueError(f"not a quarter id (YYYY-Qn, n = 1..4): {quarter!r}")
    return int(match.group(1)) * 4 + int(match.group(2)) - 1


def quarter_from_index(index: int) -> str:
    return f"{index // 4}-Q{index % 4 + 1}"


def next_quarter(quarter: str) -> str:
    return quarter_from_index(quarter_index(quarter) + 1)


def previous_quarter(quarter: str) -> str:
    return quarter_from_index(quarter_index(quarter) - 1)


def split_qualified(text: str) -> tuple[str, str] | None:
    """`OWNER/ID` (another workspace's item) as (owner, id); None when `text` is not one.

    Item ids never hold `/`, so a qualified reference cannot be taken for a local id.
    """
    owner, slash, item_id = text.partition("/")
    if not slash or not ITEM_ID_RE.match(owner) or not ITEM_ID_RE.match(item_id):
        return None
    return owner, item_id


def is_qualified(text: str) -> bool:
    """Whether a reference names another workspace (holds a `/`), well formed or not."""
    return "/" in text
