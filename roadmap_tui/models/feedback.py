"""Feedback collected with four questions, and the themes that group it."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from roadmap_tui.models.item import Date

FOUR_QUESTIONS: dict[str, str] = {
    "experience": "How was your experience?",
    "liked": "What did you like?",
    "disliked": "What did you not like?",
    "improve": "What could be improved?",
}


class Feedback(BaseModel):
    model_config = ConfigDict(defer_build=True, extra="allow", populate_by_name=True)

    # `from` is a Python keyword: the TOML key is kept by the alias.
    from_team: str = Field(alias="from")
    on: Date | None = None
    about: str | None = None
    experience: str = ""
    liked: str = ""
    disliked: str = ""
    improve: str = ""
    themes: list[str] = Field(default_factory=list)
    # The feedback round it was collected in ("2026-Q4": the quarter by default); `round` is a
    # Python built-in: the TOML key is kept by the alias.
    round_name: str | None = Field(default=None, alias="round")


class Theme(BaseModel):
    model_config = ConfigDict(defer_build=True, extra="allow")

    id: str
    title: str = ""
    items: list[str] = Field(default_factory=list)


class FeedbackLog(BaseModel):
    """The contents of feedback.toml."""

    model_config = ConfigDict(defer_build=True, extra="allow", populate_by_name=True)

    feedback: list[Feedback] = Field(default_factory=list)
    themes: list[Theme] = Field(default_factory=list)
