"""The workspace: settings, goals, teams, quarterly plans, backlog and feedback."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from roadmap_tui.models.feedback import FeedbackLog
from roadmap_tui.models.item import Date, Days, Item, Number
from roadmap_tui.models.quarters import is_quarter_id, quarter_index

Stage = Literal["draft", "team-reviewed", "po-approved", "directors-approved", "published"]
STAGES: tuple[str, ...] = (
    "draft",
    "team-reviewed",
    "po-approved",
    "directors-approved",
    "published",
)
BACKLOG = "backlog"


def _quarter(value: str) -> str:
    if not is_quarter_id(value):
        raise ValueError(f"{value!r} is not a quarter id (YYYY-Qn, n = 1..4)")
    return value


class WorkspaceSettings(BaseModel):
    model_config = ConfigDict(extra="allow")

    name: str
    owner: str
    current_quarter: str | None = None

    _check_quarter = field_validator("current_quarter")(
        lambda v: None if v is None else _quarter(v)
    )


class ScoringSettings(BaseModel):
    model_config = ConfigDict(extra="allow")

    framework: str = "value-effort"
    weights: dict[str, Days] = Field(default_factory=dict)
    # value-effort quadrant thresholds: value > thresholds.value is high value, etc.
    thresholds: dict[str, Number] = Field(default_factory=dict)


class Goal(BaseModel):
    model_config = ConfigDict(extra="allow")

    id: str
    title: str


class Team(BaseModel):
    model_config = ConfigDict(extra="allow")

    id: str
    name: str = ""
    channel: str = ""
    capacity: dict[str, Days] = Field(default_factory=dict)

    @field_validator("capacity")
    @classmethod
    def _capacity(cls, value: dict[str, float]) -> dict[str, float]:
        for quarter in value:
            _quarter(quarter)
        return value

    def capacity_in(self, quarter: str) -> float:
        """Person-days the team has in a quarter; a quarter it names no figure for has 0."""
        return self.capacity.get(quarter, 0)


class Roadmap(BaseModel):
    """The contents of roadmap.toml."""

    model_config = ConfigDict(extra="allow")

    workspace: WorkspaceSettings
    scoring: ScoringSettings = Field(default_factory=ScoringSettings)
    goals: list[Goal] = Field(default_factory=list)
    teams: list[Team] = Field(default_factory=list)


class Review(BaseModel):
    model_config = ConfigDict(extra="allow")

    stage: Stage
    by: str = ""
    on: Date | None = None
    note: str | None = None


class QuarterHeader(BaseModel):
    model_config = ConfigDict(extra="allow")

    id: str
    stage: Stage = "draft"
    goals: list[str] = Field(default_factory=list)
    reviews: list[Review] = Field(default_factory=list)

    _check_id = field_validator("id")(_quarter)


class QuarterPlan(BaseModel):
    """One quarter file."""

    model_config = ConfigDict(defer_build=True, extra="allow")

    quarter: QuarterHeader
    items: list[Item] = Field(default_factory=list)

    @property
    def id(self) -> str:
        return self.quarter.id


class Backlog(BaseModel):
    model_config = ConfigDict(defer_build=True, extra="allow")

    items: list[Item] = Field(default_factory=list)


class Workspace(BaseModel):
    """A whole workspace: roadmap settings, quarters by id, the backlog and optional feedback."""

    model_config = ConfigDict(defer_build=True)

    roadmap: Roadmap
    quarters: dict[str, QuarterPlan] = Field(default_factory=dict)
    backlog: Backlog = Field(default_factory=Backlog)
    feedback: FeedbackLog | None = None

    # --- lookups -------------------------------------------------------------------------
    @property
    def owner(self) -> str:
        return self.roadmap.workspace.owner

    @property
    def framework(self) -> str:
        return self.roadmap.scoring.framework

    def quarter_ids(self) -> list[str]:
        """Quarter ids in time order."""
        return sorted(self.quarters, key=quarter_index)

    def team(self, team_id: str) -> Team | None:
        for team in self.roadmap.teams:
            if team.id == team_id:
                return team
        return None

    def team_of(self, item: Item) -> str:
        """The owning team of an item (the workspace owner by default)."""
        return item.team or self.owner

    def items_in(self, location: str) -> list[Item]:
        """Items of a quarter id or of `backlog`."""
        if location == BACKLOG:
            return self.backlog.items
        return self.quarters[location].items

    def located_items(self) -> Iterator[tuple[str, Item]]:
        """Every item with its location (a quarter id or `backlog`), quarters in time order."""
        for quarter in self.quarter_ids():
            for item in self.quarters[quarter].items:
                yield quarter, item
        for item in self.backlog.items:
            yield BACKLOG, item

    def all_items(self) -> list[Item]:
        return [item for _, item in self.located_items()]

    def locations(self) -> dict[str, str]:
        """Item id -> location (quarter id or `backlog`)."""
        return {item.id: where for where, item in self.located_items()}

    def find(self, item_id: str) -> tuple[str, Item] | None:
        for where, item in self.located_items():
            if item.id == item_id:
                return where, item
        return None
