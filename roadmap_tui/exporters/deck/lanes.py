"""What the timeline shows: a chip per planned item in its quarter, ghosts where moved items
were, grouped into swimlanes by goal or by team. Pure: no deck library."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from roadmap_tui.exporters.deck.clean import one_line
from roadmap_tui.exporters.deck.model import Lanes
from roadmap_tui.exporters.deck.words import ARROW, days
from roadmap_tui.impact import Impact, ItemChange
from roadmap_tui.impact.vocabulary import change_word
from roadmap_tui.models import BACKLOG

OTHER = ""  # lane key of items with no goal
OTHER_TITLE = "Other work"
# Order of chips inside a cell: what changed first, then the rest, then what left.
RANK = {
    "added": 0,
    "pulled-in": 1,
    "deferred": 2,
    "re-estimated": 3,
    "re-scored": 3,
    "unchanged": 4,
    "summary": 5,
    "removed": 6,
    "ghost": 7,
}


@dataclass(frozen=True)
class Chip:
    """One box on the timeline. `style` is a change, "ghost" (where a moved item was) or
    "summary" (unchanged items of a cell counted in one box)."""

    item: str
    title: str
    style: str
    quarter: str
    lane: str
    label: str
    short: str  # the label when chips are narrow: the id
    days: float = 0.0


@dataclass
class Lane:
    key: str
    title: str
    cells: dict[str, list[Chip]] = field(default_factory=dict)

    def rows(self, per_row: int) -> int:
        if not self.cells:
            return 0
        return max(-(-len(chips) // per_row) for chips in self.cells.values())


@dataclass
class Timeline:
    mode: str  # "goals" or "teams"
    quarters: tuple[str, ...]
    lanes: list[Lane]
    collapsed: bool = False

    @property
    def chips(self) -> list[Chip]:
        return [chip for lane in self.lanes for cell in lane.cells.values() for chip in cell]


def _is_quarter(where: str | None, quarters: Sequence[str]) -> bool:
    return where is not None and where != BACKLOG and where in quarters


def planned_after(row: ItemChange, quarters: Sequence[str]) -> bool:
    return (
        row.change != "removed"
        and row.status_after != "dropped"
        and _is_quarter(row.to_location, quarters)
    )


def team_names(impact: Impact) -> dict[str, str]:
    names = {impact.owner: impact.owner_name}
    for effort in impact.effort:
        names.setdefault(effort.team, effort.team_name)
    for ask in impact.asks:
        names.setdefault(ask.team, ask.team_name)
    return names


def _chips(impact: Impact) -> list[tuple[ItemChange, Chip]]:
    """Every chip, without its lane yet."""
    quarters = impact.quarters
    found: list[tuple[ItemChange, Chip]] = []
    for row in impact.items:
        title = one_line(row.title)
        days_after = float(row.estimate_after or 0.0)
        if planned_after(row, quarters):
            assert row.to_location is not None
            chip = Chip(row.id, title, row.change, row.to_location, "", title, row.id, days_after)
            found.append((row, chip))
        if row.change in ("deferred", "pulled-in") and _is_quarter(row.from_location, quarters):
            assert row.from_location is not None
            label = f"{ARROW} {row.to_location}: {title}"
            short = f"{ARROW} {row.to_location}: {row.id}"
            ghost = Chip(row.id, title, "ghost", row.from_location, "", label, short)
            found.append((row, ghost))
        if row.change == "removed" and _is_quarter(row.from_location, quarters):
            assert row.from_location is not None
            before = float(row.estimate_before or 0.0)
            chip = Chip(row.id, title, "removed", row.from_location, "", title, row.id, before)
            found.append((row, chip))
    return found


def _mode(impact: Impact, rows: Sequence[ItemChange], wanted: Lanes) -> str:
    if wanted != "auto":
        return wanted
    with_goal = [row for row in rows if row.goals]
    goals = {row.goals[0] for row in with_goal}
    teams = {row.team for row in rows}
    if len(goals) >= 2 and len(with_goal) * 2 >= len(rows):
        return "goals"
    if len(teams) >= 2:
        return "teams"
    return "goals"


def build(
    impact: Impact, wanted: Lanes = "auto", collapse: bool = False, count_all: bool = False
) -> Timeline:
    """The timeline of the impact: lanes in goal (or team) order, chips ranked in each cell.

    With `collapse`, each cell's unchanged items become one summary chip ("12 unchanged,
    140 days"), for plans too large to show item by item; with `count_all` as well, every
    kind of change is counted too ("57 deferred, 230 days"), for changes of hundreds of items
    (the Changes slides list them).
    """
    pairs = _chips(impact)
    mode = _mode(impact, [row for row, _ in pairs], wanted)
    goal_titles = {goal.goal: one_line(goal.title) for goal in impact.goals}
    names = team_names(impact)
    lanes: dict[str, Lane] = {}
    if mode == "goals":
        for goal, title in goal_titles.items():
            lanes[goal] = Lane(goal, title)
    else:
        for team, name in names.items():
            lanes[team] = Lane(team, one_line(name) or team)
    for row, chip in pairs:
        if mode == "goals":
            key = next(
                (g for g in row.goals if g in goal_titles), row.goals[0] if row.goals else OTHER
            )
            title = goal_titles.get(key, one_line(key) or OTHER_TITLE)
        else:
            key = row.team
            title = one_line(names.get(key, key)) or key
        lane = lanes.setdefault(key, Lane(key, title))
        placed = Chip(
            chip.item, chip.title, chip.style, chip.quarter, key, chip.label, chip.short, chip.days
        )
        lane.cells.setdefault(chip.quarter, []).append(placed)
    if OTHER in lanes:  # "Other work" goes last
        lanes[OTHER] = lanes.pop(OTHER)
    shown = [lane for lane in lanes.values() if lane.cells]
    for lane in shown:
        for quarter, chips in lane.cells.items():
            chips.sort(key=lambda chip: RANK.get(chip.style, 4))
            if count_all:
                lane.cells[quarter] = _counted(chips, lane.key, quarter)
            elif collapse:
                lane.cells[quarter] = _collapsed(chips, lane.key, quarter)
    return Timeline(mode, tuple(impact.quarters), shown, collapse or count_all)


def _counted(chips: list[Chip], lane: str, quarter: str) -> list[Chip]:
    """One chip per kind of change in the cell, in the kind's colours: "57 deferred, 230 days"."""
    kinds: dict[str, list[Chip]] = {}
    for chip in chips:
        kinds.setdefault(chip.style, []).append(chip)
    out = []
    for style, group in sorted(kinds.items(), key=lambda kv: RANK.get(kv[0], 4)):
        word = {"ghost": "moved out", "summary": "unchanged"}.get(style, change_word(style))
        label = f"{len(group)} {word}, {days(sum(chip.days for chip in group))}"
        shown = "summary" if style == "unchanged" else style
        out.append(Chip("", label, shown, quarter, lane, label, label, 0.0))
    return out


def _collapsed(chips: list[Chip], lane: str, quarter: str) -> list[Chip]:
    kept = [chip for chip in chips if chip.style != "unchanged"]
    same = [chip for chip in chips if chip.style == "unchanged"]
    if not same:
        return kept
    total = sum(chip.days for chip in same)
    label = f"{len(same)} unchanged {'item' if len(same) == 1 else 'items'}, {days(total)}"
    summary = Chip("", label, "summary", quarter, lane, label, f"{len(same)} unchanged", total)
    kept.append(summary)
    kept.sort(key=lambda chip: RANK.get(chip.style, 4))
    return kept
