"""Member workspaces as the portfolio sees them: known by their owner, read by storage."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from roadmap_tui.models import Workspace


class MemberLike(Protocol):
    """What the portfolio needs of a member (storage's PortfolioMember is one)."""

    @property
    def source(self) -> str: ...

    @property
    def workspace(self) -> Workspace | None: ...

    @property
    def error(self) -> str | None: ...

    @property
    def note(self) -> str | None: ...


@dataclass(frozen=True)
class MemberLine:
    """One member in a report: who it is, where from, how many items, or what went wrong."""

    owner: str | None
    source: str
    items: int
    error: str | None
    note: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "owner": self.owner,
            "source": self.source,
            "items": self.items,
            "error": self.error,
            "note": self.note,
        }

    def sentence(self) -> str:
        name = self.owner or "(unknown owner)"
        if self.error is not None:
            return f"{name} from {self.source}: cannot be used: {self.error}"
        text = f"{name} from {self.source}: {self.items} items"
        return text + (f" ({self.note})" if self.note else "")


def by_owner(members: Sequence[MemberLike]) -> tuple[dict[str, Workspace], list[MemberLine]]:
    """Readable members by owner, and a line for every member. Two members with the same owner
    are an error: the first one counts, the second is reported."""
    found: dict[str, Workspace] = {}
    sources: dict[str, str] = {}
    lines = []
    for member in members:
        ws = member.workspace
        error = member.error
        owner = ws.owner if ws is not None else None
        if ws is not None and error is None and owner is not None:
            if owner in found:
                error = f"same owner `{owner}` as the member from {sources[owner]}"
            else:
                found[owner] = ws
                sources[owner] = member.source
        items = len(ws.all_items()) if ws is not None else 0
        lines.append(MemberLine(owner, member.source, items, error, member.note))
    return found, lines
