"""What making room proposes (`Adoption`, one `Deferral` per item that leaves the quarter), its
JSON, the scenario it is written to, and `Placed`: where the search put the items that leave."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from roadmap_tui.models.numbers import clean
from roadmap_tui.planning.capacity import TeamLoad
from roadmap_tui.planning.common import describe_needs
from roadmap_tui.planning.dependencies import OrderViolation
from roadmap_tui.planning.graph import Key
from roadmap_tui.planning.move_plan import Move, MovePlan

MAX_NAME = 60


@dataclass(frozen=True)
class Deferral:
    move: Move
    title: str
    value: float
    needs: dict[Key, float]  # the days it frees in the quarter, per (team, quarter)
    reasons: tuple[str, ...]
    owner: str = ""

    @property
    def item(self) -> str:
        return self.move.item

    @property
    def target(self) -> str:
        return self.move.target

    @property
    def frees(self) -> str:
        """`20 days of infra-platform; asks storage 5`."""
        return describe_needs(self.needs, self.owner)

    def to_json(self) -> dict[str, Any]:
        return {
            "item": self.item,
            "title": self.title,
            "from": self.move.source,
            "to": self.target,
            "value": clean(self.value),
            "frees": [
                {"team": team, "quarter": quarter, "days": clean(days)}
                for (team, quarter), days in self.needs.items()
            ],
            "reasons": list(self.reasons),
        }


@dataclass
class Adoption:
    quarter: str
    items: list[str]  # the ids asked for
    adopted: list[Move]
    deferred: list[Deferral] = field(default_factory=list)
    over: dict[str, float] = field(default_factory=dict)  # team -> days over before deferring
    kept_unscored: list[str] = field(default_factory=list)  # could not be weighed, so stay
    shortfalls: list[str] = field(default_factory=list)  # non-empty: no way to make room
    warnings: list[str] = field(default_factory=list)
    lost_value: float = 0
    optimal: bool = True
    note: str = ""
    loads: list[TeamLoad] = field(default_factory=list)  # the quarter and the next, after
    broken: list[OrderViolation] = field(default_factory=list)  # orders the moves break
    fallback: bool = False  # True: no choice kept every order, so value alone decided
    plan: MovePlan = field(default_factory=lambda: MovePlan("adopt"))

    @property
    def feasible(self) -> bool:
        return not self.shortfalls

    def to_json(self) -> dict[str, Any]:
        return {
            "quarter": self.quarter,
            "adopted": [m.to_json() for m in self.adopted],
            "deferred": [d.to_json() for d in self.deferred],
            "over_before": {team: clean(days) for team, days in self.over.items()},
            "lost_value": clean(self.lost_value),
            "optimal": self.optimal,
            "note": self.note,
            "kept_unscored": self.kept_unscored,
            "shortfalls": self.shortfalls,
            "warnings": self.warnings,
            "capacity": [load.to_json() for load in self.loads],
            "order_violations": [v.to_json() for v in self.broken],
            "fallback": self.fallback,
        }


def scenario_name(item_ids: list[str]) -> str:
    """`adopt-req-account-structure-req-tagging-policy`, cut at a word when long."""
    name = "adopt-" + "-".join(item_id.lower() for item_id in item_ids)
    if len(name) <= MAX_NAME:
        return name
    cut = name[:MAX_NAME]
    return cut[: cut.rfind("-")] if cut.rfind("-") > len("adopt") else cut


@dataclass
class Placed:
    """Where the items that leave the quarter go, what each frees, and why (beyond its days)."""

    target: dict[str, str] | None  # item -> next quarter or backlog; None: no choice found
    frees: dict[str, dict[Key, float]] = field(default_factory=dict)
    why: dict[str, list[str]] = field(default_factory=dict)
    optimal: bool = True
    note: str = ""
