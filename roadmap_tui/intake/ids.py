"""Ids for new requests, made from their titles: readable in a channel, unique in the workspace."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection

PREFIX = "REQ"
MAX_WORDS = 4
# Words that carry no meaning in a title ("Account structure for decentralised stacks").
STOP_WORDS = frozenset(
    """a an the and or nor but for of in on at to from by with without into onto over under
    as is are be been it its this that these those our we us my me i you your their they them
    please can could would should need needs want wants some any all via per so""".split()
)
_WORD = re.compile(r"\d+(?:\.\d+)+|[A-Za-z0-9]+")


def title_words(title: str) -> list[str]:
    """The significant words of a title, upper-case ASCII ("can't" -> CANT, "é" -> E)."""
    text = re.sub(r"['\u2019]", "", title)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = _WORD.findall(text)
    significant = [w for w in words if w.lower() not in STOP_WORDS]
    return [w.upper() for w in (significant or words)]


def request_id(title: str, taken: Collection[str]) -> str:
    """`REQ-` + up to four significant words; `-2`, `-3`... when the id is taken already."""
    words = title_words(title)[:MAX_WORDS] or ["REQUEST"]
    base = "-".join([PREFIX, *words])
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"
