"""The words of the deck, computed from the impact: title lines, summary, decision, captions.

Pure: no deck library, so every sentence is tested on its own with hand-computed numbers.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from roadmap_tui.exporters.deck.clean import one_line
from roadmap_tui.exporters.deck.model import DeckInput
from roadmap_tui.exporters.deck.risks import Reopened, Risks, goal_moves, risks, touched
from roadmap_tui.exporters.deck.words import (
    ARROW,
    DASH,
    days,
    fmt,
    fmt_score,
    join,
    percent_change,
    plural,
    quarters,
    signed,
    some,
)
from roadmap_tui.impact import (
    AskChange,
    BrokenDependency,
    GoalSlip,
    Impact,
    ItemChange,
    Options,
    TeamEffort,
)
from roadmap_tui.impact.vocabulary import CHANGE_VERBS, ask_word, change_word
from roadmap_tui.models import BACKLOG, quarter_index

# Up to this many items are named in a sentence; beyond, a count (the notes name them all).
NAMED = 3


def is_quarter(where: str | None) -> bool:
    return where is not None and where != BACKLOG


def deck_title(deck: DeckInput) -> str:
    return deck.title if deck.title else f"{deck.impact.workspace_name}: roadmap change"


def covered(impact: Impact) -> str:
    if not impact.quarters:
        return "no quarters"
    first, last = impact.quarters[0], impact.quarters[-1]
    return first if first == last else f"{first} {DASH} {last}"


def review_stage(deck: DeckInput) -> str | None:
    """`2027-Q1 po-approved, 2027-Q2 draft`: the stage each quarter the change touches had
    before it (the baseline's; the adjusted plan's when the baseline is not at hand)."""
    spaces = [space for space in (deck.base_workspace, deck.workspace) if space is not None]
    if not spaces:
        return None
    quarters_shown = touched(deck.impact) or list(deck.impact.quarters)
    parts = []
    for quarter in quarters_shown:
        space = next((space for space in spaces if quarter in space.quarters), None)
        if space is not None:
            parts.append(f"{quarter} {space.quarters[quarter].quarter.stage}")
    return ", ".join(parts) if parts else None


def title_lines(deck: DeckInput) -> list[str]:
    """The cover's subtitle: workspace and quarters, sources, review stage, date."""
    impact = deck.impact
    lines = [f"{impact.workspace_name}, quarters {covered(impact)}"]
    lines.append(f"Baseline: {deck.base.shown}")
    if deck.options is not None and deck.alternatives:
        lines.append("Options: " + ", ".join(source.shown for source in deck.alternatives))
    else:
        lines.append(f"Adjusted: {deck.adjusted.shown}")
    stage = review_stage(deck)
    if stage:
        lines.append(f"Review stage before the change: {stage}")
    reopen = reopen_sentence(risks(deck))
    if reopen:
        lines.append(reopen)
    lines.append(f"Prepared on {deck.on.isoformat()}")
    return lines


# --- summary -------------------------------------------------------------------------------


def item_name(item_id: str, title: str | None) -> str:
    """`“Account structure” (REQ-ACCOUNT-STRUCTURE)`: the title first, the id second."""
    shown = one_line(title or "")
    return f"\u201c{shown}\u201d ({item_id})" if shown else item_id


def _rows(impact: Impact, change: str) -> list[ItemChange]:
    return [row for row in impact.items if row.change == change]


def _estimate(rows: Iterable[ItemChange], after: bool = True) -> float:
    total = 0.0
    for row in rows:
        figure = row.estimate_after if after else row.estimate_before
        total += figure or 0.0
    return total


def _names(rows: Sequence[ItemChange]) -> str:
    """Up to `NAMED` items by title and id, else a count."""
    if len(rows) <= NAMED:
        return join([item_name(row.id, row.title) for row in rows])
    return plural(len(rows), "item")


def _by_quarter(rows: Sequence[ItemChange], before: bool = False) -> dict[str, list[ItemChange]]:
    groups: dict[str, list[ItemChange]] = {}
    for row in rows:
        where = row.from_location if before else row.to_location
        groups.setdefault(where or "-", []).append(row)
    return dict(sorted(groups.items(), key=lambda kv: _order(kv[0])))


def _order(where: str) -> int:
    return quarter_index(where) if is_quarter(where) and where != "-" else 1 << 30


def _where(groups: dict[str, list[ItemChange]], word: str) -> str:
    """' in 2027-Q1' or ' in 2027-Q1 and 2027-Q2'."""
    places = [q for q in groups if q != "-"]
    return f" {word} {join(places)}" if places else ""


def _is_are(rows: Sequence[object]) -> str:
    return "is" if len(rows) == 1 else "are"


def changes_sentence(impact: Impact) -> str:
    added, removed = _rows(impact, "added"), _rows(impact, "removed")
    parts = []
    if added:
        parts.append(
            f"{CHANGE_VERBS['added']}s {_names(added)}"
            + _where(_by_quarter(added), "to")
            + f" ({days(_estimate(added))})"
        )
    if removed:
        parts.append(
            f"{CHANGE_VERBS['removed']}s {_names(removed)} from the plan"
            f" ({days(_estimate(removed, after=False))})"
        )
    if not parts:
        return "The change adds no item and removes none."
    return "The change " + join(parts) + "."


def moves_sentence(impact: Impact) -> str | None:
    deferred, pulled = _rows(impact, "deferred"), _rows(impact, "pulled-in")
    parts = []
    if deferred:
        parts.append(
            f"{_names(deferred)} {_is_are(deferred)} {change_word('deferred')}"
            + _where(_by_quarter(deferred), "to")
            + f" ({days(_estimate(deferred))})"
        )
    if pulled:
        parts.append(
            f"{_names(pulled)} {_is_are(pulled)} {change_word('pulled-in')}"
            + _where(_by_quarter(pulled), "to")
            + f" ({days(_estimate(pulled))})"
        )
    estimated = _rows(impact, "re-estimated") + _rows(impact, "re-scored")
    if estimated:
        parts.append(
            f"{plural(len(estimated), 'item')} {_is_are(estimated)}"
            f" {change_word('re-estimated')} or {change_word('re-scored')} in place"
        )
    if not parts:
        return None
    text = join(parts)
    return text[0].upper() + text[1:] + "."


def value_sentence(impact: Impact) -> str:
    before, after = impact.value_before, impact.value_after
    unscored = sorted({item for row in impact.value for item in row.unscored_after})
    if abs(after - before) < 1e-9:
        text = f"Plan value stays at {fmt(after)} ({impact.framework})"
    else:
        verb = "rises" if after > before else "falls"
        change = signed(after - before)
        pct = percent_change(before, after)
        text = (
            f"Plan value {verb} from {fmt(before)} to {fmt(after)}"
            f" ({change}{', ' + pct if pct else ''}; {impact.framework})"
        )
    if unscored:
        text += f"; {plural(len(unscored), 'planned item')} unscored, not counted"
    return text + "."


def _goal(goal: GoalSlip) -> str:
    return f"\u201c{one_line(goal.title) or goal.goal}\u201d"


def delivery_sentence(impact: Impact) -> str:
    """Every goal whose delivery quarter changes, in the direction it moves."""
    moves = goal_moves(impact)
    parts = []
    for goal in moves.later:
        assert goal.slip is not None
        parts.append(
            f"{_goal(goal)} is delivered {quarters(goal.slip)} later ({goal.after} instead of"
            f" {goal.before})"
        )
    for goal in moves.earlier:
        assert goal.slip is not None
        parts.append(
            f"{_goal(goal)} is delivered {quarters(goal.slip)} earlier ({goal.after} instead of"
            f" {goal.before})"
        )
    for goal in moves.into:
        parts.append(f"{_goal(goal)} is now delivered within the plan, in {goal.after}")
    for goal in moves.out:
        parts.append(f"{_goal(goal)} is no longer delivered within the plan (was {goal.before})")
    if not parts:
        return "Every goal is delivered in the same quarter as before."
    if len(parts) > 3:
        parts = [*parts[:2], f"{len(parts) - 2} more goals move (see the notes)"]
    return "Goals: " + "; ".join(parts) + "."


def affected_teams(impact: Impact) -> list[str]:
    """Team names, other than the owner, whose asks or load change, in the impact's order."""
    names: dict[str, str] = {}
    for ask in impact.asks:
        if ask.team != impact.owner:
            names.setdefault(ask.team, ask.team_name)
    for row in impact.effort:
        if row.team != impact.owner and abs(row.delta) > 1e-9:
            names.setdefault(row.team, row.team_name)
    return list(names.values())


def _ask_clause(asks: Sequence[AskChange], template: str, after: bool) -> str:
    """One kind of ask change in words: `template` gets {teams}, {days} and {where}."""
    teams = list(dict.fromkeys(ask.team_name for ask in asks))
    total = sum(ask.days for ask in asks)
    named = {ask.to_quarter if after else ask.from_quarter for ask in asks}
    where = join(sorted((q for q in named if q is not None), key=quarter_index))
    verb_are = "is" if len(teams) == 1 else "are"
    verb_have = "has" if len(teams) == 1 else "have"
    verb_get = "gets" if len(teams) == 1 else "get"
    return template.format(
        teams=some(teams, 3),
        days=days(total),
        where=where or "the plan",
        are=verb_are,
        have=verb_have,
        get=verb_get,
    )


def teams_sentence(impact: Impact) -> str:
    teams = affected_teams(impact)
    if not teams:
        return "No other team's days change."
    groups: dict[str, list[AskChange]] = {}
    for ask in impact.asks:
        if ask.team != impact.owner:
            groups.setdefault(ask.kind, []).append(ask)
    clauses = []
    if groups.get("new"):
        clauses.append(
            _ask_clause(
                groups["new"], "{teams} {are} " + ask_word("new") + " for {days} in {where}", True
            )
        )
    if groups.get("moved"):
        clauses.append(_ask_clause(groups["moved"], "{teams} {have} {days} moved to {where}", True))
    if groups.get("released"):
        clauses.append(
            _ask_clause(groups["released"], "{teams} {get} {days} back in {where}", False)
        )
    if groups.get("changed"):
        clauses.append(_ask_clause(groups["changed"], "{teams} {have} asks resized", True))
    head = f"{plural(len(teams), 'other team')} affected"
    return head + (": " + "; ".join(clauses) if clauses else f" ({some(teams, 3)})") + "."


def told_sentence(found: Risks) -> str | None:
    if not found.told:
        return None
    return f"Teams that will be told: {some(list(found.told), 4)}."


def over_text(row: TeamEffort) -> str:
    """`Storage in 2027-Q1: 3 days asked, 2 left`, said as days used of capacity."""
    over = row.after - row.capacity
    return (
        f"{one_line(row.team_name) or row.team} in {row.quarter}"
        f" ({fmt(row.after)} of {days(row.capacity)}, {fmt(over)} over)"
    )


def capacity_sentence(found: Risks) -> str | None:
    if not found.over:
        return None
    parts = [over_text(row) for row in found.over]
    return f"Over capacity after the change: {some(parts, 2)}."


def order_text(row: BrokenDependency) -> str:
    return (
        f"{item_name(row.item, row.item_title)} in {row.quarter} needs {row.depends_on}"
        f" ({one_line(row.reason)})"
    )


def orders_sentence(found: Risks) -> str | None:
    orders = found.orders
    knock = len(found.broken) - len(orders)
    if not found.broken:
        return None
    head = (
        "Dependency order broken: "
        if len(orders) == 1
        else f"{len(orders)} dependency orders broken: "
    )
    text = head + some([order_text(row) for row in orders], 2) if orders else ""
    if knock:
        more = f"{plural(knock, 'item')} must move with {'it' if len(orders) == 1 else 'them'}"
        text = f"{text}; {more}" if text else more[0].upper() + more[1:]
    return text + "."


def reopen_text(row: Reopened) -> str:
    what = []
    if row.current:
        what.append("the current quarter")
    if row.approved and row.stage:
        what.append(f"already {row.stage}")
    return f"{row.quarter} ({', '.join(what)})" if what else row.quarter


def reopen_sentence(found: Risks) -> str | None:
    if not found.reopened:
        return None
    return f"The change reopens {join([reopen_text(row) for row in found.reopened])}."


def summary(deck: DeckInput) -> list[str]:
    """The summary's bullets: what changes, every risk, goals, value, the teams."""
    impact = deck.impact
    found = risks(deck)
    sentences = [changes_sentence(impact)]
    for extra in (
        moves_sentence(impact),
        capacity_sentence(found),
        orders_sentence(found),
        reopen_sentence(found),
    ):
        if extra:
            sentences.append(extra)
    sentences += [delivery_sentence(impact), value_sentence(impact), teams_sentence(impact)]
    told = told_sentence(found)
    if told:
        sentences.append(told)
    if deck.options is not None and len(deck.options.rows) > 2:
        sentences.append(options_sentence(deck.options))
    return sentences


def options_sentence(options: Options) -> str:
    alternatives = [row for row in options.rows if not row.is_base]
    best = max(alternatives, key=lambda row: row.total_value)
    return (
        f"{plural(len(alternatives), 'option')} compared; {best.label} gives the most value"
        f" ({fmt(best.total_value)})."
    )


def _phrase(verb: str, rows: Sequence[ItemChange], word: str, before: bool = False) -> str:
    groups = _by_quarter(rows, before=before)
    pieces = []
    for where, group in groups.items():
        pieces.append(_names(group) + (f" {word} {where}" if where != "-" else ""))
    return f"{verb} {join(pieces)}"


def resolutions(found: Risks, owner: str) -> list[str]:
    """What makes the plan run as written: each broken order's item moved to its earliest
    quarter (or its dependency planned again), each overloaded team given the missing days."""
    fixes: list[str] = []
    seen: set[str] = set()
    for row in found.broken:
        if row.item in seen:
            continue
        seen.add(row.item)
        if row.earliest:
            fixes.append(f"move {item_name(row.item, row.item_title)} to {row.earliest}")
        else:
            fixes.append(f"plan {row.root} again or remove {row.item}")
    if len(fixes) > NAMED:
        fixes = [*fixes[: NAMED - 1], f"move {len(fixes) - NAMED + 1} more items (see the notes)"]
    for load in found.over:
        over = load.after - load.capacity
        team = one_line(load.team_name) or load.team
        if load.team == owner:
            fixes.append(f"free {days(over)} of {team}'s work in {load.quarter}")
        else:
            fixes.append(
                f"ask {team} for {fmt(over)} more {'day' if over == 1 else 'days'} in {load.quarter}"
            )
    return fixes


def decision(deck: DeckInput) -> str:
    """`Decision: add A to 2027-Q1 and defer B to 2027-Q2; to run as written, also move C to
    2027-Q3 and ask Storage for 2 more days in 2027-Q1.`"""
    impact, options = deck.impact, deck.options
    found = risks(deck)
    phrases = []
    added = _rows(impact, "added")
    if added:
        phrases.append(_phrase(CHANGE_VERBS["added"], added, "to"))
    deferred = _rows(impact, "deferred")
    if deferred:
        phrases.append(_phrase(CHANGE_VERBS["deferred"], deferred, "to"))
    pulled = _rows(impact, "pulled-in")
    if pulled:
        phrases.append(_phrase(CHANGE_VERBS["pulled-in"], pulled, "to"))
    removed = _rows(impact, "removed")
    if removed:
        phrases.append(f"{CHANGE_VERBS['removed']} {_names(removed)} from the plan")
    estimated = _rows(impact, "re-estimated") + _rows(impact, "re-scored")
    if not phrases and estimated:
        phrases.append(f"accept the new estimates or scores of {plural(len(estimated), 'item')}")
    approved = [row for row in found.reopened if row.approved]
    if approved and phrases:
        phrases.insert(0, "reopen " + join([f"{row.quarter} ({row.stage})" for row in approved]))
    fixes = resolutions(found, impact.owner)
    tail = f"; to run as written, also {join(fixes)}" if fixes else ""
    if options is not None and len(options.rows) > 2:
        labels = [row.label for row in options.rows if not row.is_base]
        head = f"Decision: choose {', '.join(labels[:-1])} or {labels[-1]}"
        if phrases:
            return f"{head}; {labels[0]} would {join(phrases)}{tail}."
        return head + tail + "."
    if not phrases:
        return "Decision: none needed; the plan is the same."
    text = join(phrases)
    return "Decision: " + text + tail + "."


# --- the summary's figures -------------------------------------------------------------------


@dataclass(frozen=True)
class Tile:
    """A big number over the summary: the figure, what it counts, and whether it is a risk
    (shown in red when above zero)."""

    figure: str
    label: str
    risk: bool = False


def tiles(deck: DeckInput) -> list[Tile]:
    impact = deck.impact
    found = risks(deck)
    changed = impact.changed_items
    value_change = impact.value_after - impact.value_before
    moves = found.goals
    goal_figure = str(moves.count)
    goals_word = "goal" if moves.count == 1 else "goals"
    goal_label = f"{goals_word} delivered in another quarter"
    if moves.count and not moves.earlier and not moves.into:
        goal_label = f"{goals_word} delivered later or not at all"
    elif moves.count and not moves.later and not moves.out:
        goal_label = f"{goals_word} delivered earlier"
    return [
        Tile(
            signed(value_change),
            f"plan value, {fmt(impact.value_before)} {ARROW} {fmt(impact.value_after)}",
        ),
        Tile(
            str(len(changed)),
            f"{'item changes' if len(changed) == 1 else 'items change'},"
            f" {days(_estimate(changed))}",
        ),
        Tile(
            str(len(found.over)),
            f"{'team' if len(found.over) == 1 else 'teams'} over capacity",
            risk=True,
        ),
        Tile(
            str(len(found.orders)),
            f"dependency {'order' if len(found.orders) == 1 else 'orders'} broken",
            risk=True,
        ),
        Tile(goal_figure, goal_label, risk=bool(moves.later or moves.out)),
        Tile(
            str(len(found.told)),
            f"{'team' if len(found.told) == 1 else 'teams'} will be told",
        ),
    ]


# Score inputs each framework reads (plan-format.md), for the appendix when no scoring
# explanation is given.
FRAMEWORK_INPUTS: dict[str, tuple[str, ...]] = {
    "value-effort": ("value", "effort"),
    "rice": ("reach", "impact", "confidence", "effort"),
    "wsjf": ("business_value", "time_criticality", "risk_reduction", "job_size"),
    "ice": ("impact", "confidence", "ease"),
}


def inputs_text(
    framework: str,
    score: dict[str, float] | None,
    weights: Sequence[str] = (),
    value: float | None = None,
    ratio: float | None = None,
) -> str:
    """`value 9, effort 7; value 9, score 1.29`: the framework's inputs and results."""
    names = FRAMEWORK_INPUTS.get(framework, (*weights, "effort"))
    given = score or {}
    shown = [f"{name} {fmt(given[name])}" for name in names if name in given]
    missing = [name for name in names if name not in given and name != "effort"]
    parts = [", ".join(shown)] if shown else []
    if value is None and ratio is None:
        parts.append("unscored" + (f": missing {', '.join(missing)}" if missing else ""))
    else:
        parts.append(f"value {fmt(value)}, score {fmt_score(ratio)}")
    return "; ".join(parts)
