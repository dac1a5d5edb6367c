"""A problem found in a workspace, located well enough for a person to fix it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong (error) or suspicious (warning) in a workspace file.

    `where` is a path inside the file in the users' words: ``items[NAMING].estimate``.
    `line`/`column` are 1-based and filled in by storage, which has the file text.
    """

    file: str
    message: str
    where: str = ""
    severity: Severity = "error"
    line: int | None = None
    column: int | None = None
    item_id: str | None = None
    field: str | None = None

    def __str__(self) -> str:
        loc = self.file
        if self.line is not None:
            loc += f":{self.line}"
            if self.column is not None:
                loc += f":{self.column}"
        parts = [loc]
        if self.where:
            parts.append(self.where)
        text = ": ".join(parts) + ": "
        if self.severity == "warning":
            text += "warning: "
        return text + self.message

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


class WorkspaceError(Exception):
    """The project's own error for a workspace that cannot be used; carries located problems."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))
