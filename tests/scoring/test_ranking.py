"""The tie rule, unscored items, ranks of subsets; properties of any ranking (hypothesis)."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from roadmap_tui.models import Item
from roadmap_tui.scoring import (
    FRAMEWORKS,
    Framework,
    Ice,
    Rice,
    ValueEffort,
    Weighted,
    Wsjf,
    rank,
)
from tests.scoring.helpers import item


def test_ties_break_by_value_then_smaller_estimate_then_id() -> None:
    items = [
        item("b-late", estimate=None, value=4, effort=2),  # 2.0, value 4, unestimated
        item("a-late", estimate=None, value=4, effort=2),  # same: id decides, a before b
        item("big", estimate=30, value=4, effort=2),  # estimated beats unestimated
        item("small", estimate=3, value=4, effort=2),  # smaller estimate first
        item("worth", estimate=50, value=8, effort=4),  # 2.0 with value 8: first of the tie
        item("Z", estimate=3, value=4, effort=2),  # same as `small`: "Z" sorts before "s"
    ]
    assert rank(items, ValueEffort()).ids() == ["worth", "Z", "small", "big", "a-late", "b-late"]


def test_unscored_are_last_by_id_and_have_no_rank() -> None:
    items = [item("zz", value=2, effort=2), item("mm", value=3), item("aa", effort=3)]
    ranking = rank(items, ValueEffort())
    assert ranking.ids() == ["zz", "aa", "mm"]
    assert [e.rank for e in ranking] == [1, None, None]
    assert ranking.entry("aa").missing == ("value",)
    assert ranking.rank_of("mm") is None
    assert ranking.scored_count == 1 and len(ranking) == 3


def test_neighbours_in_a_ranking() -> None:
    ranking = rank(
        [item(n, value=v, effort=1) for n, v in [("a", 3), ("b", 2), ("c", 1)]], ValueEffort()
    )
    assert (ranking.above("a"), ranking.below("a")) == (None, "b")
    assert (ranking.above("c"), ranking.below("c")) == ("b", None)


# --- properties ----------------------------------------------------------------------------
def _in_range(spec_allowed: tuple[float, ...], low: float, high: float) -> st.SearchStrategy[float]:
    if spec_allowed:
        return st.sampled_from(spec_allowed)
    return st.integers(min_value=int(low), max_value=int(high)).map(float) | st.floats(
        min_value=low, max_value=high, allow_nan=False, allow_infinity=False
    )


WEIGHTED = Weighted({"business_value": 0.4, "developer_experience": 0.3, "risk_reduction": 0.3})
ALL_FRAMEWORKS: list[Framework] = [ValueEffort(), Rice(), Wsjf(), Ice(), WEIGHTED]
# The input whose rise raises value (and so never lowers the rank), per framework.
VALUE_INPUT = {
    "value-effort": "value",
    "rice": "reach",
    "wsjf": "business_value",
    "ice": "impact",
    "weighted": "business_value",
}


@st.composite
def scored_items(draw: st.DrawFn, framework: Framework) -> list[Item]:
    """Items with every input in range (some dropped, to make unscored ones), unique ids."""
    count = draw(st.integers(min_value=1, max_value=25))
    items = []
    for n in range(count):
        score: dict[str, float] = {}
        for spec in framework.inputs:
            high = spec.high if spec.high != float("inf") else 1000
            low = spec.low if not spec.low_open else 0.5
            if draw(st.integers(0, 9)) == 0:
                continue  # one input in ten missing: unscored items mix in
            score[spec.name] = draw(_in_range(spec.allowed, low, high))
        estimate = draw(st.none() | st.sampled_from([1, 2.5, 5, 10, 20]))
        items.append(Item(id=f"I{n:02d}", title="t", estimate=estimate, score=score))
    return items


@given(data=st.data(), which=st.sampled_from(range(len(ALL_FRAMEWORKS))))
@settings(max_examples=150, deadline=None)
def test_ranking_is_a_stable_permutation(data: st.DataObject, which: int) -> None:
    framework = ALL_FRAMEWORKS[which]
    items = data.draw(scored_items(framework))
    ranking = rank(items, framework)
    assert sorted(ranking.ids()) == sorted(i.id for i in items)
    assert [e.rank for e in ranking if e.rank is not None] == list(
        range(1, ranking.scored_count + 1)
    )
    shuffled = list(items)
    random.Random(data.draw(st.integers())).shuffle(shuffled)
    assert rank(shuffled, framework).ids() == ranking.ids()
    # The hot loop and the one-item path agree: same keys, same unscored items.
    keys = [framework.key(i) for i in items]
    assert sorted(k for k in keys if k is not None) == ranking.keys
    assert {e.item_id for e in ranking.unscored} == {
        i.id for i, k in zip(items, keys, strict=True) if k is None
    }


@given(data=st.data(), which=st.sampled_from(range(len(ALL_FRAMEWORKS))))
@settings(max_examples=150, deadline=None)
def test_raising_value_never_lowers_rank(data: st.DataObject, which: int) -> None:
    framework = ALL_FRAMEWORKS[which]
    items = data.draw(scored_items(framework))
    ranking = rank(items, framework)
    scored = [i for i in items if ranking.rank_of(i.id) is not None]
    if not scored:
        return
    chosen = data.draw(st.sampled_from(scored))
    name = VALUE_INPUT[framework.name]
    spec = framework.input(name)
    high = spec.high if spec.high != float("inf") else 10_000
    current = chosen.score[name]
    raised_to = data.draw(st.floats(min_value=current, max_value=high, allow_nan=False))
    raised = chosen.model_copy(update={"score": {**chosen.score, name: raised_to}})
    after = rank([raised if i.id == chosen.id else i for i in items], framework)
    before_rank = ranking.rank_of(chosen.id)
    after_rank = after.rank_of(chosen.id)
    assert before_rank is not None and after_rank is not None
    assert after_rank <= before_rank


@given(
    st.dictionaries(
        st.sampled_from(
            [
                "value",
                "effort",
                "reach",
                "impact",
                "confidence",
                "ease",
                "job_size",
                "business_value",
                "time_criticality",
                "risk_reduction",
                "developer_experience",
            ]
        ),
        st.floats(min_value=0, max_value=30) | st.integers(0, 30),
    ),
    st.none() | st.integers(0, 40),
)
@settings(max_examples=300, deadline=None)
def test_compute_scores_exactly_when_nothing_is_missing_or_out_of_range(
    score: dict[str, float], estimate: int | None
) -> None:
    thing = Item(id="X", title="t", estimate=estimate, score=score)
    for cls in FRAMEWORKS.values():
        framework = WEIGHTED if cls is Weighted else cls()
        missing, outside = framework.diagnose(thing)
        assert (framework.score(thing) is None) == bool(missing or outside), (framework.name, score)
