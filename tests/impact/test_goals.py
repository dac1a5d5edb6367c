"""Each goal's delivery quarter before and after (latest quarter of its items) and its slip."""

from __future__ import annotations

from roadmap_tui.impact import impact_json
from tests.impact.conftest import impact_of, item, workspace

Q1, Q2, Q3 = "2027-Q1", "2027-Q2", "2027-Q3"


def goals(impact: object) -> list[tuple[object, ...]]:
    return [(g.goal, g.before, g.after, g.slip) for g in impact.goals]  # type: ignore[attr-defined]


def test_slip_in_quarters_from_the_latest_item() -> None:
    base = workspace(
        {
            Q1: [item("A", goals=["self-service"]), item("B", goals=["self-service", "secure"])],
            Q2: [item("C", goals=["secure"])],
        }
    )
    adjusted = workspace(
        {
            Q1: [item("C", goals=["secure"])],
            Q3: [item("A", goals=["self-service"]), item("B", goals=["self-service", "secure"])],
        }
    )
    impact = impact_of(base, adjusted)
    assert goals(impact) == [("self-service", Q1, Q3, 2), ("secure", Q2, Q3, 1)]
    assert impact.delivery_shift == 2
    assert impact_json(impact)["goals"][0] == {
        "goal": "self-service",
        "before": Q1,
        "after": Q3,
        "slip": 2,
        "waiting_before": [],
        "waiting_after": [],
    }


def test_pulled_in_goal_slips_negative() -> None:
    impact = impact_of(
        workspace({Q2: [item("A", goals=["secure"])]}),
        workspace({Q1: [item("A", goals=["secure"])]}),
    )
    assert goals(impact)[1] == ("secure", Q2, Q1, -1)


def test_a_skipped_item_takes_the_goal_out_of_the_plan() -> None:
    impact = impact_of(
        workspace({Q1: [item("A", goals=["secure"]), item("B", goals=["secure"])]}),
        workspace({Q1: [item("A", goals=["secure"])]}, [item("B", goals=["secure"])]),
    )
    (secure,) = [g for g in impact.goals if g.goal == "secure"]
    assert (secure.before, secure.after, secure.slip) == (Q1, "backlog", None)
    assert secure.waiting_after == ("B",)


def test_committed_backlog_work_holds_a_goal_back_proposals_do_not() -> None:
    backlog = [
        item("IDEA", goals=["secure"]),  # proposed: an idea
        item("OPEN-REQ", kind="request", decision="open", goals=["secure"]),
        item("NO", kind="request", decision="declined", goals=["self-service"]),
        item("ACCEPTED", kind="request", decision="accepted", goals=["self-service"]),
    ]
    ws = workspace(
        {Q1: [item("A", goals=["secure", "self-service"])]},
        backlog,
    )
    impact = impact_of(ws, ws)
    assert goals(impact) == [
        ("self-service", "backlog", "backlog", None),
        ("secure", Q1, Q1, 0),
    ]
    assert impact.goals[0].waiting_after == ("ACCEPTED",)


def test_dropped_items_and_goals_nobody_serves() -> None:
    impact = impact_of(
        workspace({Q1: [item("A", goals=["secure"])], Q2: [item("B", goals=["secure"])]}),
        workspace(
            {
                Q1: [item("A", goals=["secure"])],
                Q2: [item("B", goals=["secure"], status="dropped")],
                Q3: [item("C", goals=["unlisted"])],
            }
        ),
    )
    assert goals(impact) == [
        ("self-service", None, None, None),
        ("secure", Q2, Q1, -1),
        ("unlisted", None, Q3, None),
    ]
    assert impact.goals[2].title == "unlisted"
