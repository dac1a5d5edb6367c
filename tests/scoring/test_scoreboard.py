"""One changed item is re-scored alone; the ranking follows."""

from __future__ import annotations

from roadmap_tui.scoring import Inputs, Number, Scoreboard, ValueEffort, Wsjf, rank
from tests.scoring.helpers import item


class CountingValueEffort(ValueEffort):
    """value-effort that counts how many times its formula runs."""

    def __init__(self) -> None:
        super().__init__()
        self.calls = 0

    def compute(self, score: Inputs, estimate: Number | None) -> tuple[Number, float] | None:
        self.calls += 1
        return super().compute(score, estimate)


def test_update_rescores_one_item_and_reranks() -> None:
    framework = CountingValueEffort()
    items = [item(f"I{n}", value=n % 10 + 1, effort=5) for n in range(100)]
    board = Scoreboard(framework, items)
    assert framework.calls == 100
    before = board.ranking()
    assert before.ids()[:2] == ["I19", "I29"]  # value 10 / 5 = 2.00; ties by id
    framework.calls = 0
    board.update(item("I0", value=10, effort=1))  # 10.00: now first
    after = board.ranking()
    assert framework.calls == 1
    assert after.ids()[0] == "I0"
    assert after.ids() == rank([*items[1:], item("I0", value=10, effort=1)], ValueEffort()).ids()
    assert board.ranking() is after  # unchanged: the same ranking, not re-sorted


def test_new_removed_and_unscored_items() -> None:
    board = Scoreboard(ValueEffort(), [item("A", value=4, effort=2), item("B", value=2, effort=2)])
    board.update(item("C", value=9))  # no effort: unscored
    board.remove("A")
    ranking = board.ranking()
    assert ranking.ids() == ["B", "C"]
    assert ranking.entry("C").missing == ("effort",)
    board.update(item("C", value=9, effort=1))
    assert board.ranking().ids() == ["C", "B"]
    assert "A" not in board and len(board) == 2


def test_ranking_of_a_subset_and_switching_framework() -> None:
    board = Scoreboard(
        ValueEffort(),
        [
            item(
                "A",
                value=4,
                effort=2,
                business_value=1,
                time_criticality=1,
                risk_reduction=1,
                job_size=1,
            ),
            item("B", value=9, effort=1),
            item(
                "C",
                value=3,
                effort=3,
                business_value=9,
                time_criticality=9,
                risk_reduction=9,
                job_size=1,
            ),
        ],
    )
    assert board.ranking(["C", "A"]).ids() == ["A", "C"]
    assert board.ranking(["C", "A"]).rank_of("C") == 2
    board.set_framework(Wsjf())
    assert board.ranking().ids() == ["C", "A", "B"]  # 27 > 3; B has no WSJF inputs


def test_an_edit_rescores_only_the_items_it_touches() -> None:
    from roadmap_tui.models.edits import Edit, ItemChange, Placement

    framework = CountingValueEffort()
    a, b = item("A", value=4, effort=2), item("B", value=2, effort=2)
    board = Scoreboard(framework, [a, b])
    framework.calls = 0
    renamed = item("A2", value=9, effort=1)
    edit = Edit(
        "edit",
        (
            ItemChange(Placement("backlog", 0, a), Placement("backlog", 0, renamed)),  # id changed
            ItemChange(Placement("backlog", 1, b), None),  # removed
            ItemChange(None, Placement("backlog", 1, item("C", value=6, effort=3))),  # new
        ),
    )
    board.apply_edit(edit)
    assert framework.calls == 2  # A2 and C, nothing else
    assert board.ranking().ids() == ["A2", "C"]  # 9.00, then 2.00
    assert "A" not in board and "B" not in board


def test_a_lazy_board_scores_what_a_ranking_first_includes() -> None:
    framework = CountingValueEffort()
    items = [item(f"I{n}", value=n % 10 + 1, effort=5) for n in range(100)]
    items.append(item("NO-EFFORT", value=3))
    board = Scoreboard(framework, items, lazy=True)
    assert framework.calls == 0 and len(board) == 101 and "I7" in board
    some = board.ranking(["I1", "I2", "NO-EFFORT"])
    assert framework.calls == 3
    assert some.ids() == ["I2", "I1", "NO-EFFORT"]  # 3/5 before 2/5; unscored last
    assert some.entry("NO-EFFORT").missing == ("effort",)
    board.ranking(["I2", "I1"])
    assert framework.calls == 3  # scored once
    assert board.ranking().ids() == rank(items, ValueEffort()).ids()
    assert framework.calls == 101  # the other 98, once each
