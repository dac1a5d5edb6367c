"""What an impact is: the result types of comparing a baseline with adjusted plans.

Plain frozen dataclasses, no behaviour beyond small derived properties, so that every face
(text, JSON, Markdown, the deck, the terminal app) reads the same facts. Stable: fields are only
ever added, never renamed or removed.

Conventions used throughout:
- A *location* is a quarter id (`2027-Q1`), `"backlog"`, or `None` when the item does not exist
  in that version of the workspace.
- Days are person-days (floats; `4.0` prints as `4`).
- "before" is the baseline, "after" the adjusted plan.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Change = Literal[
    "added",  # in a quarter of adjusted, in none of base (backlog, dropped or absent)
    "removed",  # in a quarter of base; in the backlog, dropped or gone in adjusted
    "deferred",  # planned in both, in a later quarter in adjusted
    "pulled-in",  # planned in both, in an earlier quarter in adjusted
    "re-estimated",  # same quarter, other estimate
    "re-scored",  # same quarter and estimate, other score under the framework
    "unchanged",
]
CHANGES: tuple[Change, ...] = (
    "added",
    "removed",
    "deferred",
    "pulled-in",
    "re-estimated",
    "re-scored",
    "unchanged",
)

AskKind = Literal["new", "released", "moved", "changed"]
BreakKind = Literal["removed", "deferred", "knock-on"]


@dataclass(frozen=True)
class ItemChange:
    """One item's change between the baseline and the adjusted plan (matched by id)."""

    id: str
    title: str  # as in adjusted when the item is there, else as in base
    change: Change
    from_location: str | None  # quarter id, "backlog", or None (absent in base)
    to_location: str | None  # quarter id, "backlog", or None (absent in adjusted)
    team: str  # owning team (adjusted when present, else base)
    kind: str = "epic"
    status_before: str | None = None
    status_after: str | None = None
    estimate_before: float | None = None
    estimate_after: float | None = None
    value_before: float | None = None  # the framework's value; None = unscored or absent
    value_after: float | None = None
    score_before: float | None = None  # the framework's ratio score; None = unscored or absent
    score_after: float | None = None
    requested_by: tuple[str, ...] = ()
    goals: tuple[str, ...] = ()
    note: str | None = None  # the item's `note` (latest reason for a change), adjusted first
    quarters_moved: int | None = None  # +n deferred by n quarters, -n pulled in; None otherwise

    @property
    def is_change(self) -> bool:
        return self.change != "unchanged"


@dataclass(frozen=True)
class QuarterValue:
    """A quarter's plan value before and after: the sum of the framework's value of its items.

    Dropped items are excluded; unscored items (missing inputs) are not counted as zero but named.
    A quarter that exists in only one version has 0 in the other.
    """

    quarter: str
    before: float
    after: float
    unscored_before: tuple[str, ...] = ()
    unscored_after: tuple[str, ...] = ()

    @property
    def delta(self) -> float:
        return self.after - self.before


@dataclass(frozen=True)
class TeamEffort:
    """A team's days used in a quarter, before and after, against its capacity.

    `before`/`after` are the days used (own estimates plus days other items ask of the team),
    as the planning layer counts them. Capacity may differ between versions (roadmap.toml can
    change between git revisions); `capacity` is the adjusted one.
    """

    team: str
    team_name: str
    quarter: str
    before: float
    after: float
    capacity: float
    capacity_before: float
    own_before: float = 0.0  # estimates of items the team owns
    own_after: float = 0.0
    asked_before: float = 0.0  # days reserved by asks
    asked_after: float = 0.0

    @property
    def delta(self) -> float:
        return self.after - self.before

    @property
    def free_after(self) -> float:
        return self.capacity - self.after

    @property
    def over_after(self) -> bool:
        return self.after > self.capacity

    @property
    def over_before(self) -> bool:
        return self.before > self.capacity_before


@dataclass(frozen=True)
class AskChange:
    """A reservation of another team's days that is new, released, moved or resized.

    `from_quarter` is None for a new ask, `to_quarter` None for a released one. `days` is the
    reservation as it now stands (for a released one: the days given back); `days_before` is set
    when the number of days changed.
    """

    team: str
    team_name: str
    item: str
    item_title: str
    kind: AskKind
    days: float
    from_quarter: str | None
    to_quarter: str | None
    days_before: float | None = None
    ask_note: str | None = None  # the ask's own note ("pair on moving their stacks")
    reason: str | None = None  # the item's note ("deferred: account structure first")
    # Where the asking item is in the adjusted plan (a quarter id, "backlog", None: deleted) and
    # whether it is dropped there: what a released ask says happened to it.
    item_to: str | None = None
    item_dropped: bool = False

    @property
    def days_freed(self) -> float:
        """Days the team gets back in `from_quarter` (0 for a new ask)."""
        if self.kind in ("released", "moved"):
            return self.days_before if self.days_before is not None else self.days
        if self.kind == "changed" and self.days_before is not None:
            return max(self.days_before - self.days, 0.0)
        return 0.0


@dataclass(frozen=True)
class BrokenDependency:
    """An item in the adjusted plan whose dependency no longer comes first.

    kind `removed`: the dependency is no longer planned; `deferred`: it is planned in a later
    quarter than the item; `knock-on`: the item depends (maybe through others) on a broken item
    and must move too. `depends_on` is the direct dependency; `root` the item whose change
    started it. `earliest` is the first quarter the item could now be in, None if it cannot be
    planned until the root is planned again.
    """

    item: str
    item_title: str
    quarter: str
    depends_on: str
    kind: BreakKind
    reason: str
    root: str
    earliest: str | None = None


@dataclass(frozen=True)
class GoalSlip:
    """When a goal is delivered before and after: the latest quarter of its items.

    `before`/`after` are a quarter id, `"backlog"` when an item serving it is in the backlog
    (not delivered within the plan), or None when no item names it. `slip` is the number of
    quarters later (negative: earlier), None when either side is not a quarter.
    """

    goal: str
    title: str
    before: str | None
    after: str | None
    slip: int | None
    waiting_before: tuple[str, ...] = ()  # unscheduled items that keep it out of the plan
    waiting_after: tuple[str, ...] = ()

    @property
    def changed(self) -> bool:
        return self.before != self.after


@dataclass(frozen=True)
class Notice:
    """A message for one affected team, ready to paste into its channel."""

    team: str
    team_name: str
    channel: str
    message: str
    items: tuple[str, ...] = ()  # ids of the items the message is about


@dataclass(frozen=True)
class Impact:
    """The difference between a baseline and one adjusted plan."""

    base: str  # label of the baseline source ("plans", "git:HEAD~1")
    adjusted: str  # label of the adjusted source ("scenario:adopt-account-structure")
    framework: str
    owner: str  # the team whose roadmap this is
    owner_name: str
    workspace_name: str
    quarters: tuple[str, ...]  # quarters of either version, in time order
    items: tuple[ItemChange, ...]  # every item of either version, unchanged ones included
    value: tuple[QuarterValue, ...]
    effort: tuple[TeamEffort, ...]
    asks: tuple[AskChange, ...]
    broken_dependencies: tuple[BrokenDependency, ...]
    goals: tuple[GoalSlip, ...]
    notices: tuple[Notice, ...] = ()

    def ids(self, change: Change) -> list[str]:
        return [row.id for row in self.items if row.change == change]

    @property
    def changed_items(self) -> list[ItemChange]:
        return [row for row in self.items if row.is_change]

    @property
    def added(self) -> list[str]:
        return self.ids("added")

    @property
    def removed(self) -> list[str]:
        return self.ids("removed")

    @property
    def deferred(self) -> list[str]:
        return self.ids("deferred")

    @property
    def pulled_in(self) -> list[str]:
        return self.ids("pulled-in")

    @property
    def value_before(self) -> float:
        return sum(row.before for row in self.value)

    @property
    def value_after(self) -> float:
        return sum(row.after for row in self.value)

    @property
    def delivery_shift(self) -> int | None:
        """The largest goal slip in quarters (negative: everything earlier); None if no goal
        is delivered within the plan in both versions."""
        slips = [goal.slip for goal in self.goals if goal.slip is not None]
        return max(slips) if slips else None


@dataclass(frozen=True)
class OptionRow:
    """One line of the options table: an alternative (or the baseline) and what it delivers."""

    label: str
    is_base: bool
    value: dict[str, float]  # quarter -> plan value
    total_value: float
    adopted: tuple[str, ...]  # items added to the plan
    skipped: tuple[str, ...]  # items removed from the plan
    deferred: tuple[str, ...]
    pulled_in: tuple[str, ...]
    asks_moved: int  # ask changes of any kind (new, released, moved, resized)
    ask_days_moved: float  # days of other teams touched by those changes
    goal_slips: dict[str, int | None]  # goal id -> slip in quarters
    goals_delivered: dict[str, str | None]  # goal id -> quarter / "backlog" / None
    delivery_shift: int | None  # largest goal slip against the baseline (0 for the baseline)
    broken: int  # broken dependencies, knock-ons included


@dataclass(frozen=True)
class Options:
    """A baseline and two or more alternatives side by side.

    `rows[0]` is the baseline; `impacts[i]` is the full comparison behind `rows[i + 1]`.
    """

    base: str
    framework: str
    quarters: tuple[str, ...]
    rows: tuple[OptionRow, ...]
    impacts: tuple[Impact, ...] = field(default_factory=tuple)
