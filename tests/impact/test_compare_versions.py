"""compare_versions: one alternative gives an Impact, several give Options; the deck's input
built from either the same way for the command line and the app."""

from __future__ import annotations

import datetime as dt

import pytest

from roadmap_tui.exporters.deck import SourceInfo
from roadmap_tui.exporters.deck.inputs import deck_input
from roadmap_tui.impact import Impact, Options, compare_versions
from roadmap_tui.models import Workspace
from roadmap_tui.scoring import framework_for

from .conftest import item, score, value, workspace

Q1, Q2 = "2027-Q1", "2027-Q2"


def _versions() -> tuple[Workspace, Workspace, Workspace]:
    base = workspace({Q1: [item("A", score={"value": 4, "effort": 2})], Q2: []})
    later = workspace({Q1: [], Q2: [item("A", score={"value": 4, "effort": 2})]})
    gone = workspace({Q1: [], Q2: []}, backlog=[item("A", score={"value": 4, "effort": 2})])
    return base, later, gone


def test_one_alternative_is_an_impact_several_are_options() -> None:
    base, later, gone = _versions()
    one = compare_versions(base, [("later", later)], value=value, score=score, base_label="b")
    assert isinstance(one, Impact)
    assert (one.base, one.adjusted, one.deferred) == ("b", "later", ["A"])
    both = compare_versions(
        base,
        [("later", later), ("gone", gone)],
        value=value,
        score=score,
        base_label="b",
    )
    assert isinstance(both, Options)
    assert [i.adjusted for i in both.impacts] == ["later", "gone"]
    assert [row.total_value for row in both.rows] == [4, 4, 0]
    with pytest.raises(ValueError):
        compare_versions(base, [], value=value, score=score)


def test_the_deck_shows_the_chosen_alternative_and_the_options() -> None:
    base, later, gone = _versions()
    alternatives: list[tuple[str, Workspace]] = [("later", later), ("gone", gone)]
    result = compare_versions(base, alternatives, value=value, score=score)
    infos = [(SourceInfo(label, None), ws) for label, ws in alternatives]
    scorer = framework_for(base.roadmap.scoring)
    on = dt.date(2027, 1, 5)
    deck = deck_input(result, SourceInfo("b", "abc"), infos, scorer=scorer, on=on, shown=1)
    assert deck.impact.adjusted == "gone" and deck.adjusted.label == "gone"
    assert deck.workspace is gone and deck.options is result
    assert [a.label for a in deck.alternatives] == ["later", "gone"]
    assert deck.explain is not None and deck.explain(later.all_items()[0]).startswith("value")

    single = compare_versions(base, alternatives[:1], value=value, score=score)
    deck = deck_input(single, SourceInfo("b", None), infos[:1], scorer=scorer, on=on, shown=1)
    assert deck.impact is single and deck.options is None and deck.alternatives == ()
    assert deck.workspace is later
