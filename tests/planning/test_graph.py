"""The workspace graph: typed nodes and edges, and item-by-item updates that agree with a rebuild."""

from __future__ import annotations

import random
from typing import Any

from roadmap_tui.models import BACKLOG, Ask, Item, Workspace
from roadmap_tui.models.edits import apply, replace_item
from roadmap_tui.planning.asks import team_asks
from roadmap_tui.planning.capacity import team_loads
from roadmap_tui.planning.dependencies import closure, dependency_problems
from roadmap_tui.planning.graph import PlanGraph, item_node, quarter_node, team_node
from roadmap_tui.planning.moves import defer

from .conftest import Build, item


def _small(build: Build) -> Workspace:
    return build(
        quarters={
            "2026-Q3": [item("DONE", estimate=5, status="done")],
            "2026-Q4": [
                item("A", estimate=10, depends_on=["DONE"], asks=[{"team": "storage", "days": 2}]),
                item("B", estimate=5, depends_on=["A", "GHOST"]),
                item("C", team="storage", estimate=3, asks=[{"team": "ghost", "days": 1}]),
            ],
            "2027-Q1": [item("D", estimate=8, depends_on=["B"])],
        },
        in_backlog=[item("E", estimate=4, depends_on=["D"], asks=[{"team": "infra", "days": 1}])],
    )


def test_typed_nodes_and_edges(build: Build) -> None:
    graph = PlanGraph(_small(build)).graph
    assert graph.nodes[item_node("A")]["type"] == "item"
    assert graph.nodes[team_node("storage")] == {"type": "team", "known": True}
    assert graph.nodes[team_node("ghost")] == {"type": "team", "known": False}
    assert graph.nodes[quarter_node("2027-Q1")]["type"] == "quarter"
    assert graph.edges[item_node("B"), item_node("A")]["kind"] == "depends_on"
    assert not graph.has_edge(item_node("B"), item_node("GHOST"))  # dangling: no node made up
    assert graph.edges[item_node("A"), quarter_node("2026-Q4")]["kind"] == "planned_in"
    owner = graph.edges[item_node("A"), team_node("infra")]
    assert owner["kind"] == "team" and owner["owns"] is True
    ask = graph.edges[item_node("A"), team_node("storage")]
    assert ask["owns"] is False
    assert [(u.days, u.quarter) for u in ask["asks"]] == [(2, "2026-Q4")]
    assert graph.edges[item_node("C"), team_node("storage")]["owns"] is True
    assert not graph.has_edge(item_node("E"), quarter_node("2026-Q4"))  # backlog: no quarter


def _facts(graph: PlanGraph) -> Any:
    return (
        [load.to_json() for load in team_loads(graph)],
        dependency_problems(graph).to_json(),
        [group.to_json() for group in team_asks(graph)],
        {item_id: closure(graph, item_id).to_json() for item_id in sorted(graph.items)},
    )


def test_random_edits_followed_item_by_item_agree_with_a_rebuild(build: Build) -> None:
    ws = _small(build)
    graph = PlanGraph(ws)
    _facts(graph)  # fill the caches so the updates have something to keep current
    rng = random.Random(7)
    places = ["2026-Q3", "2026-Q4", "2027-Q1", BACKLOG]
    ids = ["A", "B", "C", "D", "E", "DONE"]
    seen_cycles = 0
    for step in range(60):
        location, old = ws.find(rng.choice(ids)) or (None, None)
        assert old is not None and location is not None
        changes: dict[str, Any] = {}
        roll = rng.random()
        if roll < 0.3:
            changes["estimate"] = rng.choice([None, 1, 4.5, 12])
        elif roll < 0.55:
            changes["depends_on"] = rng.sample([*ids, "GHOST"], rng.randint(0, 3))
        elif roll < 0.7:
            changes["status"] = rng.choice(["planned", "in-progress", "done", "dropped"])
        elif roll < 0.85:
            changes["asks"] = [
                Ask(team=rng.choice(["infra", "storage", "ghost"]), days=rng.randint(1, 4))
            ]
        target = rng.choice(places) if rng.random() < 0.4 else location
        new = Item.model_validate({**old.model_dump(), **changes})
        edit = replace_item(ws, new, f"step {step}", location=target)
        apply(ws, edit)
        graph.apply_edit(edit)
        facts = _facts(graph)
        assert facts == _facts(PlanGraph(ws)), f"step {step}: {edit.label}"
        seen_cycles += bool(facts[1]["cycles"])
    assert seen_cycles > 5  # the walk did make and break cycles


def test_update_and_remove_keep_dangling_ids_resolvable(build: Build) -> None:
    ws = build(quarters={"2026-Q4": [item("A", depends_on=["LATER"])]})
    graph = PlanGraph(ws)
    assert [d.depends_on for d in dependency_problems(graph).dangling] == ["LATER"]
    graph.update_item("2027-Q1", Item(id="LATER", title="Defined later"))
    problems = dependency_problems(graph)
    assert problems.dangling == []
    assert [(v.item, v.depends_on, v.reason) for v in problems.order_violations] == [
        ("A", "LATER", "planned later")
    ]
    assert graph.graph.has_edge(item_node("A"), item_node("LATER"))
    graph.remove_item("LATER")
    problems = dependency_problems(graph)
    assert [d.depends_on for d in problems.dangling] == ["LATER"]
    assert problems.order_violations == []


def test_the_graph_follows_the_terminal_apps_moves(build: Build) -> None:
    ws = build(quarters={"2026-Q4": [item("A", estimate=10)], "2027-Q1": [item("B", estimate=3)]})
    graph = PlanGraph(ws)
    edit = defer(ws, "A")
    apply(ws, edit)
    graph.apply_edit(edit)
    assert graph.location["A"] == "2027-Q1"
    assert [load.used for load in team_loads(graph, "2027-Q1")] == [13, 0]
    assert [load.used for load in team_loads(graph, "2026-Q4")] == [0, 0]
