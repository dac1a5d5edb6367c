"""The words of the deck, computed from the impact: title lines, summary, decision, captions.

Pure: no deck library, so every sentence is tested on its own with hand-computed numbers.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from roadmap_tui.exporters.deck.model import DeckInput
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
from roadmap_tui.impact import AskChange, Impact, ItemChange, Options
from roadmap_tui.models import BACKLOG, quarter_index

# Up to this many item ids are named in a sentence; beyond, a count and "see Changes".
NAMED = 4


def is_quarter(where: str | None) -> bool:
    return where is not None and where != BACKLOG


def deck_title(deck: DeckInput) -> str:
    return deck.title if deck.title else f"{deck.impact.workspace_name}: roadmap change"


def covered(impact: Impact) -> str:
    if not impact.quarters:
        return "no quarters"
    first, last = impact.quarters[0], impact.quarters[-1]
    return first if first == last else f"{first} {DASH} {last}"


def touched_quarters(impact: Impact) -> list[str]:
    """Quarters a changed item leaves or enters, in time order."""
    found = {
        where
        for row in impact.changed_items
        for where in (row.from_location, row.to_location)
        if is_quarter(where)
    }
    return sorted((q for q in found if q is not None), key=quarter_index)


def review_stage(deck: DeckInput) -> str | None:
    """`2027-Q1 team-reviewed, 2027-Q2 draft`: the stage of each quarter the change touches."""
    if deck.workspace is None:
        return None
    quarters_shown = touched_quarters(deck.impact) or list(deck.impact.quarters)
    parts = [
        f"{q} {deck.workspace.quarters[q].quarter.stage}"
        for q in quarters_shown
        if q in deck.workspace.quarters
    ]
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
        lines.append(f"Review stage: {stage}")
    lines.append(f"Prepared on {deck.on.isoformat()}")
    return lines


# --- summary -------------------------------------------------------------------------------


def _rows(impact: Impact, change: str) -> list[ItemChange]:
    return [row for row in impact.items if row.change == change]


def _estimate(rows: Iterable[ItemChange], after: bool = True) -> float:
    total = 0.0
    for row in rows:
        figure = row.estimate_after if after else row.estimate_before
        total += figure or 0.0
    return total


def _ids(rows: Sequence[ItemChange]) -> list[str]:
    return [row.id for row in rows]


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


def changes_sentence(impact: Impact) -> str:
    added, removed = _rows(impact, "added"), _rows(impact, "removed")
    parts = []
    if added:
        parts.append(
            f"adopts {_named(added)} ({days(_estimate(added))})" + _where(_by_quarter(added), "in")
        )
    if removed:
        parts.append(f"skips {_named(removed)} ({days(_estimate(removed, after=False))})")
    if not parts:
        return "The change adopts no new item and skips none."
    return "The change " + join(parts) + "."


def moves_sentence(impact: Impact) -> str | None:
    deferred, pulled = _rows(impact, "deferred"), _rows(impact, "pulled-in")
    parts = []
    if deferred:
        parts.append(
            f"{_named(deferred)} {'is' if len(deferred) == 1 else 'are'} deferred"
            f" ({days(_estimate(deferred))})" + _where(_by_quarter(deferred), "to")
        )
    if pulled:
        parts.append(
            f"{_named(pulled)} {'is' if len(pulled) == 1 else 'are'} pulled in"
            + _where(_by_quarter(pulled), "to")
        )
    estimated = _rows(impact, "re-estimated") + _rows(impact, "re-scored")
    if estimated:
        parts.append(f"{plural(len(estimated), 'item')} re-estimated or re-scored in place")
    if not parts:
        return None
    text = join(parts)
    return text[0].upper() + text[1:] + "."


def _named(rows: Sequence[ItemChange]) -> str:
    if len(rows) <= NAMED:
        return join(_ids(rows))
    return plural(len(rows), "item")


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


def delivery_sentence(impact: Impact) -> str:
    later = [g for g in impact.goals if g.slip is not None and g.slip > 0]
    earlier = [g for g in impact.goals if g.slip is not None and g.slip < 0]
    out = [g for g in impact.goals if g.changed and g.after == BACKLOG]
    into = [g for g in impact.goals if g.changed and g.before == BACKLOG and is_quarter(g.after)]
    parts = []
    if later:
        if len(later) == 1:
            goal = later[0]
            assert goal.slip is not None
            parts.append(
                f"“{goal.title}” is delivered {quarters(goal.slip)} later"
                f" ({goal.after} instead of {goal.before})"
            )
        else:
            worst = max(g.slip or 0 for g in later)
            parts.append(f"{len(later)} goals are delivered later, by up to {quarters(worst)}")
    if earlier:
        parts.append(
            f"{some([f'“{g.title}”' for g in earlier], 2)} "
            f"{'comes' if len(earlier) == 1 else 'come'} earlier"
        )
    if out:
        parts.append(
            f"{some([f'“{g.title}”' for g in out], 2)} no longer "
            f"{'lands' if len(out) == 1 else 'land'} within the plan"
        )
    if into:
        parts.append(
            f"{some([f'“{g.title}”' for g in into], 2)} now "
            f"{'lands' if len(into) == 1 else 'land'} within the plan"
        )
    if not parts:
        return "Every goal is delivered in the same quarter as before."
    text = "; ".join(parts)
    return "Delivery: " + text + "."


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
            _ask_clause(groups["new"], "{teams} {are} newly asked for {days} in {where}", True)
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


def capacity_sentence(impact: Impact) -> str | None:
    worse = [row for row in impact.effort if row.over_after and row.after > row.before + 1e-9]
    if not worse:
        return None
    parts = [
        f"{row.team_name} in {row.quarter} ({fmt(row.after)} of {days(row.capacity)})"
        for row in worse
    ]
    return f"Over capacity after the change: {some(parts, 2)}."


def summary(impact: Impact, options: Options | None = None) -> list[str]:
    """Three to five sentences: items, moves, value, delivery, teams (capacity if over)."""
    first = changes_sentence(impact)
    moves = moves_sentence(impact)
    sentences = [first] if moves is None else [first, moves]
    sentences += [value_sentence(impact), delivery_sentence(impact), teams_sentence(impact)]
    over = capacity_sentence(impact)
    if over:
        sentences.append(over)
    if options is not None and len(options.rows) > 2:
        sentences.append(options_sentence(options))
    while len(sentences) > 5:  # keep the summary short: merge the tail into one sentence
        last = sentences.pop()
        sentences[-1] = f"{sentences[-1]} {last}"
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
        names = join(_ids(group)) if len(group) <= NAMED else plural(len(group), "item")
        pieces.append(names + (f" {word} {where}" if where != "-" else ""))
    return f"{verb} {join(pieces)}"


def decision(impact: Impact, options: Options | None = None) -> str:
    """`Decision: adopt A and B in 2027-Q1 and defer C and D to 2027-Q2.`"""
    phrases = []
    added = _rows(impact, "added")
    if added:
        phrases.append(_phrase("adopt", added, "in"))
    deferred = _rows(impact, "deferred")
    if deferred:
        phrases.append(_phrase("defer", deferred, "to"))
    pulled = _rows(impact, "pulled-in")
    if pulled:
        phrases.append(_phrase("pull in", pulled, "to"))
    removed = _rows(impact, "removed")
    if removed:
        dropped = [r for r in removed if r.to_location is None or r.status_after == "dropped"]
        back = [r for r in removed if r not in dropped]
        if back:
            names = join(_ids(back)) if len(back) <= NAMED else plural(len(back), "item")
            phrases.append(f"move {names} back to the backlog")
        if dropped:
            names = join(_ids(dropped)) if len(dropped) <= NAMED else plural(len(dropped), "item")
            phrases.append(f"drop {names}")
    estimated = _rows(impact, "re-estimated") + _rows(impact, "re-scored")
    if not phrases and estimated:
        phrases.append(f"accept the new estimates or scores of {plural(len(estimated), 'item')}")
    if options is not None and len(options.rows) > 2:
        labels = [row.label for row in options.rows if not row.is_base]
        head = f"Decision: choose {', '.join(labels[:-1])} or {labels[-1]}"
        if phrases:
            return f"{head}; {labels[0]} would {join(phrases)}."
        return head + "."
    if not phrases:
        return "Decision: none needed; the plan is the same."
    return "Decision: " + join(phrases) + "."


# --- the summary's figures -------------------------------------------------------------------


def tiles(impact: Impact) -> list[tuple[str, str]]:
    """The big numbers over the summary: (figure, what it counts)."""
    added, removed = _rows(impact, "added"), _rows(impact, "removed")
    moved = _rows(impact, "deferred") + _rows(impact, "pulled-in")
    value_change = impact.value_after - impact.value_before
    later = [g.slip for g in impact.goals if g.slip is not None and g.slip > 0]
    out = [g for g in impact.goals if g.changed and g.after == BACKLOG]
    moved_word = "deferred" if not _rows(impact, "pulled-in") else "moved"
    if not _rows(impact, "deferred") and moved:
        moved_word = "pulled in"
    tiles_ = [
        (
            signed(value_change),
            f"plan value, {fmt(impact.value_before)} {ARROW} {fmt(impact.value_after)}",
        ),
        (str(len(added)), f"adopted, {days(_estimate(added))}"),
        (str(len(moved)), f"{moved_word}, {days(_estimate(moved))}"),
        (str(len(removed)), f"skipped, {days(_estimate(removed, after=False))}"),
        (str(len(affected_teams(impact))), "other teams affected"),
    ]
    if later:
        tiles_.append((f"+{max(later)}q", f"latest goal slip ({plural(len(later), 'goal')})"))
    elif out:
        tiles_.append((str(len(out)), "goals out of the plan"))
    else:
        tiles_.append(("0", "goals delivered later"))
    return tiles_


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
