"""Team dependencies: who needs how many days from whom in which quarter."""

from __future__ import annotations

from roadmap_tui.planning.asks import team_asks, unknown_team_asks
from roadmap_tui.planning.graph import PlanGraph

from .conftest import ROADMAP, Build, item

THREE_TEAMS = (
    ROADMAP
    + """
[[teams]]
id = "data"
channel = "#data"
capacity = { "2026-Q4" = 20 }
"""
)


def _graph(build: Build) -> PlanGraph:
    return PlanGraph(
        build(
            roadmap=THREE_TEAMS,
            quarters={
                "2026-Q4": [
                    item("A", asks=[{"team": "storage", "days": 3, "note": "buckets"}]),
                    item("B", asks=[{"team": "storage", "days": 2}, {"team": "data", "days": 1}]),
                    item("OLD", status="done", asks=[{"team": "storage", "days": 9}]),
                    item("GONE", status="dropped", asks=[{"team": "storage", "days": 9}]),
                    item("SELF", asks=[{"team": "infra", "days": 4}]),  # its own team
                    item("D", team="data", asks=[{"team": "storage", "days": 5}]),
                    item("X", asks=[{"team": "ghost", "days": 2}]),
                    item("L", asks=[{"team": "storage", "days": 1, "quarter": "2027-Q1"}]),
                ]
            },
            in_backlog=[item("WISH", asks=[{"team": "storage", "days": 7}])],
        )
    )


def test_asks_grouped_by_asking_team_asked_team_and_quarter(build: Build) -> None:
    groups = team_asks(_graph(build))
    assert [(g.quarter, g.to_team, g.from_team, g.days) for g in groups] == [
        ("2026-Q4", "storage", "infra", 5),
        ("2026-Q4", "storage", "data", 5),
        ("2026-Q4", "data", "infra", 1),
        ("2026-Q4", "ghost", "infra", 2),
        ("2027-Q1", "storage", "infra", 1),
    ]
    first = groups[0]
    assert first.sentence() == "infra needs 5 days of storage in 2026-Q4: A 3, B 2"
    assert first.to_json() == {
        "from_team": "infra",
        "to_team": "storage",
        "quarter": "2026-Q4",
        "days": 5,
        "channel": "#storage",
        "known_team": True,
        "asks": [
            {
                "item": "A",
                "title": "Item A",
                "item_quarter": "2026-Q4",
                "days": 3,
                "note": "buckets",
                "status": "planned",
            },
            {
                "item": "B",
                "title": "Item B",
                "item_quarter": "2026-Q4",
                "days": 2,
                "note": None,
                "status": "planned",
            },
        ],
    }
    assert groups[3].known_team is False
    assert (
        groups[3].sentence().startswith("infra needs 2 days of ghost (not a team in roadmap.toml)")
    )


def test_team_and_quarter_filters(build: Build) -> None:
    graph = _graph(build)
    # data is asked by infra and asks storage itself.
    assert [(g.from_team, g.to_team) for g in team_asks(graph, team="data")] == [
        ("data", "storage"),
        ("infra", "data"),
    ]
    assert [(g.to_team, g.days) for g in team_asks(graph, quarter="2027-Q1")] == [("storage", 1)]


def test_asks_of_unknown_teams_are_named_planned_or_not(build: Build) -> None:
    assert unknown_team_asks(_graph(build)) == [("X", "ghost")]
