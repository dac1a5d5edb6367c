"""Items of a plan (initiatives, epics, requests, improvements) and their asks of other teams."""

from __future__ import annotations

import datetime as dt
import math
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    Strict,
    StrictFloat,
    StrictInt,
    field_validator,
)

from roadmap_tui.models.quarters import ITEM_ID_RE, is_quarter_id

Kind = Literal["initiative", "epic", "request", "improvement", "reservation"]
Status = Literal["proposed", "planned", "in-progress", "done", "dropped"]
Decision = Literal["open", "accepted", "declined", "merged"]
KINDS: tuple[str, ...] = ("initiative", "epic", "request", "improvement", "reservation")
STATUSES: tuple[str, ...] = ("proposed", "planned", "in-progress", "done", "dropped")
DECISIONS: tuple[str, ...] = ("open", "accepted", "declined", "merged")

# TOML integers are 64-bit; a reader may parse more, but no other TOML tool can store it.
INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1


def storable(value: int | float) -> int | float:
    """A number a plan can hold and compute with: a 64-bit integer or a finite float.

    TOML allows `nan` and `inf`, but a capacity or impact computed from them means nothing.
    """
    if INT64_MIN <= value <= INT64_MAX:  # nearly every value: one comparison (nan fails it)
        return value
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"must be a finite number, not {value!r}")
    if isinstance(value, int) and not INT64_MIN <= value <= INT64_MAX:
        digits = str(abs(value))
        shown = digits if len(digits) <= 30 else f"{digits[:12]}... ({len(digits)} digits)"
        sign = "-" if value < 0 else ""
        raise ValueError(
            f"{sign}{shown} is beyond TOML's 64-bit integers"
            f" ({INT64_MIN} to {INT64_MAX}); no other TOML tool can store it"
        )
    return value


# Person-days and score inputs keep the type the person wrote (20 stays 20, 2.5 stays 2.5),
# so that saving an unchanged file changes no byte.
# Strict: TOML `true` or `"20"` is an error, not a silent 1 or 20.
Number = Annotated[StrictInt | StrictFloat, AfterValidator(storable)]
Days = Annotated[Number, Field(ge=0)]
ScoreInput = Annotated[Number, Field(ge=0)]
# A TOML date (2026-09-12, unquoted); text that looks like one is an error, not a guess.
Date = Annotated[dt.date, Strict()]


class Ask(BaseModel):
    """Days reserved from another team's capacity, in the item's quarter unless `quarter` is set."""

    model_config = ConfigDict(extra="allow")

    team: str
    days: Days
    quarter: str | None = None
    note: str | None = None

    @field_validator("quarter")
    @classmethod
    def _quarter_id(cls, value: str | None) -> str | None:
        if value is not None and not is_quarter_id(value):
            raise ValueError(f"{value!r} is not a quarter id (YYYY-Qn, n = 1..4)")
        return value


class Item(BaseModel):
    """One line of a roadmap. Only `id` and `title` are required."""

    model_config = ConfigDict(extra="allow", validate_assignment=True, populate_by_name=True)

    id: str
    title: str
    kind: Kind = "epic"
    # reservations: the asking item, as OWNER/ITEM (the asking workspace's owner and item id)
    for_: str | None = Field(default=None, alias="for")
    status: Status = "planned"
    team: str | None = None
    estimate: Days | None = None
    depends_on: list[str] = Field(default_factory=list)
    requested_by: list[str] = Field(default_factory=list)
    tags: list[str] = Field(default_factory=list)
    goals: list[str] = Field(default_factory=list)
    link: str | None = None
    description: str | None = None
    score: dict[str, ScoreInput] = Field(default_factory=dict)
    asks: list[Ask] = Field(default_factory=list)
    carried_from: str | None = None
    note: str | None = None
    # requests
    source: str | None = None
    decision: Decision | None = None
    merged_into: str | None = None
    received: Date | None = None
    # delivery
    done_on: Date | None = None

    @field_validator("id")
    @classmethod
    def _item_id(cls, value: str) -> str:
        if not ITEM_ID_RE.match(value):
            raise ValueError(
                f"{value!r} is not a valid item id (letters, digits, '.', '_', '-';"
                " starting with a letter or digit)"
            )
        return value

    @field_validator("title")
    @classmethod
    def _title(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be empty")
        return value

    @field_validator("carried_from")
    @classmethod
    def _carried_quarter(cls, value: str | None) -> str | None:
        if value is not None and not is_quarter_id(value):
            raise ValueError(f"{value!r} is not a quarter id (YYYY-Qn, n = 1..4)")
        return value

    @property
    def days(self) -> float:
        """Estimate in person-days; an unestimated item counts as 0."""
        return self.estimate if self.estimate is not None else 0

    @property
    def is_request(self) -> bool:
        return self.kind == "request"

    @property
    def is_reservation(self) -> bool:
        """Days this team lends to another team's item (`for` names it)."""
        return self.kind == "reservation"

    @property
    def reserved_for(self) -> str | None:
        """The asking item (`OWNER/ITEM`) of a reservation; None for other kinds."""
        return self.for_ if self.kind == "reservation" else None

    @property
    def unknown_keys(self) -> list[str]:
        return sorted((self.model_extra or {}).keys())
