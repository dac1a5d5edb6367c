"""Completion for comma-separated lists of ids: the word being typed is completed."""

from __future__ import annotations

from collections.abc import Iterable

from textual.suggester import Suggester


class SuggestInList(Suggester):
    """`NAMING, SPACE` -> `NAMING, SPACELIFT-ROLLOUT` (case-insensitive, first match)."""

    def __init__(self, choices: Iterable[str] = ()) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.choices: list[str] = []
        self._folded: list[str] = []
        self.replace(choices)

    def replace(self, choices: Iterable[str]) -> None:
        """Complete from these choices from now on (a form shown again for another item)."""
        self.choices = list(choices)
        self._folded = [choice.casefold() for choice in self.choices]

    async def get_suggestion(self, value: str) -> str | None:
        head, sep, word = value.rpartition(",")
        stripped = word.lstrip()
        if not stripped:
            return None
        folded = stripped.casefold()
        for choice, key in zip(self.choices, self._folded, strict=True):
            if key.startswith(folded) and key != folded:
                lead = word[: len(word) - len(stripped)]
                return f"{head}{sep}{lead}{choice}"
        return None


def suggest_one(choices: Iterable[str]) -> SuggestInList:
    """Completion for a single id (no commas expected)."""
    return SuggestInList(choices)
