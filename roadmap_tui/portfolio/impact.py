"""What one team's change does to every other team: asks whose status changes, lenders newly
over capacity, cross-team dependencies broken (or mended). Two reports compared, nothing read.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from roadmap_tui.models.numbers import days as in_days
from roadmap_tui.models.numbers import fmt as show
from roadmap_tui.portfolio.asks import (
    CONFIRMED,
    KEPT,
    NO_WORKSPACE,
    SHORT,
    WRONG_QUARTER,
    AskStatus,
)
from roadmap_tui.portfolio.capacity import CapacityLine
from roadmap_tui.portfolio.dependencies import CrossDependency
from roadmap_tui.portfolio.report import PortfolioReport


@dataclass(frozen=True)
class AskChange:
    """One asking item's asks of one team, before and after (each ask: quarter, days, status)."""

    asker: str
    item: str
    team: str
    before: tuple[AskStatus, ...]
    after: tuple[AskStatus, ...]

    @property
    def worse(self) -> bool:
        """More asks not kept, or more days unreserved, than before."""

        def broken(asks: tuple[AskStatus, ...]) -> tuple[int, float]:
            return (
                len([a for a in asks if a.status not in KEPT]),
                sum(a.missing_days for a in asks),
            )

        after, before = broken(self.after), broken(self.before)
        return after[0] > before[0] or after[1] > before[1] + 1e-9

    def to_json(self) -> dict[str, Any]:
        return {
            "from": self.asker,
            "item": self.item,
            "team": self.team,
            "before": [a.to_json() for a in self.before],
            "after": [a.to_json() for a in self.after],
        }

    def sentence(self) -> str:
        return (
            f"{self.asker}/{self.item} of {self.team}: {_asks(self.before)} -> {_asks(self.after)}"
        )


def _asks(asks: tuple[AskStatus, ...]) -> str:
    if not asks:
        return "no ask"
    return ", ".join(f"{in_days(a.days)} in {a.quarter} {a.status}" for a in asks)


@dataclass(frozen=True)
class PortfolioImpact:
    asks: list[AskChange]
    overloaded: list[CapacityLine]  # lenders over capacity after, not before
    broken: list[CrossDependency]  # dependency problems after, not before
    mended: list[CrossDependency]  # dependency problems before, not after

    @property
    def harmful(self) -> bool:
        return bool(self.overloaded or self.broken or any(c.worse for c in self.asks))

    def to_json(self) -> dict[str, Any]:
        return {
            "asks": [change.to_json() for change in self.asks],
            "overloaded": [line.to_json() for line in self.overloaded],
            "broken": [dep.to_json() for dep in self.broken],
            "mended": [dep.to_json() for dep in self.mended],
            "harmful": self.harmful,
        }


def _by_ask(report: PortfolioReport) -> dict[tuple[str, str, str], tuple[AskStatus, ...]]:
    found: dict[tuple[str, str, str], list[AskStatus]] = defaultdict(list)
    for ask in report.asks:
        found[(ask.asker, ask.item, ask.team)].append(ask)
    return {key: tuple(asks) for key, asks in found.items()}


def _shape(asks: tuple[AskStatus, ...]) -> list[tuple[str, float, str]]:
    return [(a.quarter, a.days, a.status) for a in asks]


def compare_reports(
    before: PortfolioReport, after: PortfolioReport, changed: Collection[str] = ()
) -> PortfolioImpact:
    """`changed`: the teams whose plans changed; their own load is theirs to judge, not listed."""
    old, new = _by_ask(before), _by_ask(after)
    changes = [
        AskChange(*key, old.get(key, ()), new.get(key, ()))
        for key in sorted(set(old) | set(new))
        if _shape(old.get(key, ())) != _shape(new.get(key, ()))
    ]
    was_over = {(line.team, line.quarter) for line in before.overloaded}
    overloaded = [
        line
        for line in after.overloaded
        if (line.team, line.quarter) not in was_over and line.team not in changed
    ]

    def keys(deps: list[CrossDependency]) -> set[tuple[str, str, str | None]]:
        return {(d.item, d.depends_on, d.problem) for d in deps}

    old_deps, new_deps = keys(before.dependencies), keys(after.dependencies)
    broken = [d for d in after.dependencies if (d.item, d.depends_on, d.problem) not in old_deps]
    mended = [d for d in before.dependencies if (d.item, d.depends_on, d.problem) not in new_deps]
    return PortfolioImpact(changes, overloaded, broken, mended)


def reservation_lines(report: PortfolioReport, asker: str, team: str) -> list[str]:
    """What `team` should hear about its reservations for `asker`'s items, in its own words."""
    lines = []
    for ask in report.asks:
        if ask.asker != asker or ask.team != team or ask.status in (CONFIRMED, NO_WORKSPACE):
            continue
        reserved = ask.reserved
        if ask.status == WRONG_QUARTER and reserved is not None:
            lines.append(
                f"You reserved {in_days(reserved.days)} in {reserved.quarter} for {ask.item}"
                f" ({reserved.item}); they are now asked in {ask.quarter}."
            )
        elif ask.status == SHORT and reserved is not None:
            lines.append(
                f"You reserved {show(reserved.days)} of the {in_days(ask.days)} {ask.item} asks"
                f" in {ask.quarter} ({reserved.item})."
            )
        else:
            lines.append(
                f"{ask.item} asks {in_days(ask.days)} in {ask.quarter}: you have no reservation"
                " for it yet."
            )
    for orphan in report.orphaned:
        if orphan.team == team and orphan.for_.startswith(f"{asker}/"):
            lines.append(
                f"You reserved {in_days(orphan.days)} in {orphan.quarter} for"
                f" {orphan.for_.partition('/')[2]} ({orphan.item}): {orphan.reason}; you can plan"
                " them for other work."
            )
    return lines
