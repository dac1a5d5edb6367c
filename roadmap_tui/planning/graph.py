"""The workspace as one graph of items, teams and quarters, kept current item by item.

Nodes are typed tuples, `("item", id)`, `("team", id)` and `("quarter", id)`, so an item and a
team may share a name. Edges:

- item -> item: `kind="depends_on"` (the item depends on the target);
- item -> team: `kind="team"`, with `owns` (the owning team) and `asks` (the `Use`s of its asks);
- item -> quarter: `kind="planned_in"` for items in a quarter file.

Beside the networkx graph the class keeps plain dicts (the days each item takes of each team in
each quarter, who depends on what, dependency ids nobody defines) so that capacity and order
checks stay dict lookups, and one changed item costs a handful of updates instead of a rebuild.
Only cycles need networkx, so the networkx graph is built from the dicts when first asked for
(`graph`) and kept current from then on: capacity, asks and order checks never pay for it (the
terminal app's first frame and memory with 10,000 items did).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from roadmap_tui.models import BACKLOG, Item, Team, Workspace, quarter_index
from roadmap_tui.models.edits import Edit, HeaderChange, ItemChange

ITEM = "item"
TEAM = "team"
QUARTER = "quarter"
Node = tuple[str, str]
Key = tuple[str, str]  # (team id, quarter id)


def item_node(item_id: str) -> Node:
    return (ITEM, item_id)


def team_node(team_id: str) -> Node:
    return (TEAM, team_id)


def quarter_node(quarter_id: str) -> Node:
    return (QUARTER, quarter_id)


@dataclass(frozen=True, slots=True)  # one per item and ask: thousands in a big workspace
class Use:
    """Days an item takes of one team's capacity in one quarter.

    `own` is the owning team's estimate (an ask of the item's own team counts as its own days);
    otherwise it is an ask of another team.
    """

    item: str
    team: str
    quarter: str
    days: float
    own: bool
    status: str
    unestimated: bool = False
    note: str | None = None

    @property
    def key(self) -> Key:
        return (self.team, self.quarter)

    @property
    def counts(self) -> bool:
        """Dropped items take no capacity; done ones count as spent."""
        return self.status != "dropped"


def uses_of(item: Item, location: str, owner: str) -> tuple[Use, ...]:
    """What an item at `location` takes of each team; in the backlog it takes nothing.

    An ask reserves days in the item's quarter unless it names its own quarter.
    """
    if location == BACKLOG:
        return ()
    team = item.team or owner
    uses = [
        Use(item.id, team, location, item.days, True, item.status, item.estimate is None),
    ]
    for ask in item.asks:
        uses.append(
            Use(
                item.id,
                ask.team,
                ask.quarter or location,
                ask.days,
                ask.team == team,
                item.status,
                note=ask.note,
            )
        )
    return tuple(uses)


def days_by_key(uses: tuple[Use, ...]) -> dict[Key, float]:
    """Counted days per (team, quarter)."""
    found: dict[Key, float] = {}
    for use in uses:
        if use.counts:
            found[use.key] = found.get(use.key, 0) + use.days
    return found


class PlanGraph:
    """The graph of one workspace version. Build once; call `update_item`/`remove_item` (or
    `apply_edit`) as items change instead of building it again."""

    def __init__(self, ws: Workspace) -> None:
        self.owner = ws.owner
        self._graph: Any = None  # networkx, built when first asked for
        self.teams: dict[str, Team] = {}
        for team in ws.roadmap.teams:
            self.teams.setdefault(team.id, team)
        self.quarter_files: set[str] = set(ws.quarters)
        self.items: dict[str, Item] = {}
        self.location: dict[str, str] = {}
        self.uses: dict[str, tuple[Use, ...]] = {}
        self.by_key: dict[Key, dict[str, tuple[Use, ...]]] = defaultdict(dict)
        self.depends: dict[str, tuple[str, ...]] = {}
        self.dependents: dict[str, set[str]] = defaultdict(set)  # dep id (maybe unknown) -> items
        self.duplicates: list[str] = []
        self.cycle_dirty: set[str] = set()  # items whose dependency edges changed since cycles
        # were last looked for: new cycles can only run through them
        self.order_dirty: set[str] = set()  # items whose broken orders must be looked at again
        self._memo: dict[Any, Any] = {}
        for location, item in ws.located_items():
            self._add(location, item)

    @property
    def graph(self) -> Any:
        """The networkx DiGraph of items, teams and quarters (see the module docstring)."""
        if self._graph is None:
            import networkx as nx

            graph = nx.DiGraph()
            for team_id in self.teams:
                graph.add_node(team_node(team_id), type=TEAM, known=True)
            for quarter in sorted(self.quarter_files, key=quarter_index):
                graph.add_node(quarter_node(quarter), type=QUARTER)
            for item_id in self.items:
                self._graph_add(graph, item_id)
            self._graph = graph
        return self._graph

    # --- changes ---------------------------------------------------------------------------
    def update_item(self, location: str, item: Item) -> None:
        """The item (new, edited or moved) now stands at `location`."""
        before = self.depends.get(item.id)
        was_dirty = item.id in self.cycle_dirty
        if item.id in self.items:
            self.remove_item(item.id)
        self._add(location, item)
        if before is not None and before == self.depends.get(item.id) and not was_dirty:
            # Same dependencies: the cycles found before still stand.
            self.cycle_dirty.discard(item.id)

    def remove_item(self, item_id: str) -> None:
        if item_id not in self.items:
            return
        self.order_dirty.add(item_id)
        self.order_dirty.update(self.dependents.get(item_id, ()))
        for use in self.uses.pop(item_id):
            bucket = self.by_key.get(use.key)
            if bucket is not None:
                bucket.pop(item_id, None)
            self._touch(use.key)
        for dep in self.depends.pop(item_id):
            self.dependents[dep].discard(item_id)
            if not self.dependents[dep]:
                del self.dependents[dep]
        if self._graph is not None:
            self._graph.remove_node(item_node(item_id))
        del self.items[item_id]
        del self.location[item_id]
        self.cycle_dirty.add(item_id)

    def apply_edit(self, edit: Edit) -> None:
        """Follow an edit of the workspace (as the terminal app's session applies it)."""
        for change in edit.changes:
            if isinstance(change, HeaderChange):
                self._add_quarter(change.quarter)
            elif isinstance(change, ItemChange):
                if change.before is not None and change.after is None:
                    self.remove_item(change.before.item.id)
        for change in edit.changes:
            if isinstance(change, ItemChange) and change.after is not None:
                if change.before is not None and change.before.item.id != change.after.item.id:
                    self.remove_item(change.before.item.id)
                after = change.after
                if after.location != BACKLOG and after.location not in self.quarter_files:
                    self._add_quarter(after.location)
                self.update_item(after.location, after.item)

    def _add_quarter(self, quarter: str) -> None:
        self.quarter_files.add(quarter)
        if self._graph is not None:
            self._graph.add_node(quarter_node(quarter), type=QUARTER)

    def _add(self, location: str, item: Item) -> None:
        if item.id in self.items:
            # A duplicate id (validate reports it): the first one counts.
            self.duplicates.append(item.id)
            return
        self.items[item.id] = item
        self.location[item.id] = location
        self.order_dirty.add(item.id)
        self.order_dirty.update(self.dependents.get(item.id, ()))
        deps = tuple(dict.fromkeys(item.depends_on))
        self.depends[item.id] = deps
        for dep in deps:
            self.dependents[dep].add(item.id)
        uses = uses_of(item, location, self.owner)
        self.uses[item.id] = uses
        if len(uses) == 1:  # no asks, the usual case: one key
            key = (uses[0].team, uses[0].quarter)
            self.by_key[key][item.id] = uses
            self._touch(key)
        else:
            for key in {use.key for use in uses}:
                self.by_key[key][item.id] = tuple(u for u in uses if u.key == key)
                self._touch(key)
        if self._graph is not None:
            self._graph_add(self._graph, item.id)
        self.cycle_dirty.add(item.id)

    def _graph_add(self, graph: Any, item_id: str) -> None:
        """The item's node and edges, from the dicts (`_add` filled them)."""
        item = self.items[item_id]
        location = self.location[item_id]
        uses = self.uses[item_id]
        node = item_node(item_id)
        graph.add_node(node, type=ITEM)
        if location != BACKLOG:
            graph.add_edge(node, quarter_node(location), kind="planned_in")
        for dep in self.depends[item_id]:
            if item_node(dep) in graph:  # a dependency nobody defines (yet) gets no node
                graph.add_edge(node, item_node(dep), kind="depends_on")
        for dependent in self.dependents.get(item_id, ()):
            if item_node(dependent) in graph:
                graph.add_edge(item_node(dependent), node, kind="depends_on")
        owner = item.team or self.owner
        _team_edge(graph, node, owner)["owns"] = True
        for key in {use.key for use in uses}:
            if key[1] not in self.quarter_files:
                graph.add_node(quarter_node(key[1]), type=QUARTER)
        for use in uses[1:]:
            _team_edge(graph, node, use.team)["asks"].append(use)
        if location == BACKLOG:
            # Not planned, so it reserves nothing; the graph still knows whom it would ask.
            for ask in item.asks:
                _team_edge(graph, node, ask.team)

    def _touch(self, key: Key) -> None:
        if not self._memo:  # nothing worked out yet (the graph being built)
            return
        self._memo.pop(("load", key), None)
        self._memo.pop(("asks", key), None)
        self._memo.pop("keys", None)

    # --- lookups -----------------------------------------------------------------------------
    def memo(self, key: Any) -> Any:
        return self._memo.get(key)

    def remember(self, key: Any, value: Any) -> Any:
        self._memo[key] = value
        return value

    def quarter_of(self, item_id: str) -> str | None:
        """The quarter an item is planned in; None in the backlog or when unknown."""
        location = self.location.get(item_id)
        return None if location is None or location == BACKLOG else location

    def rank(self, item_id: str) -> tuple[int, str]:
        """Listing order: by quarter (backlog last), then id. Depends only on where items are,
        so a graph kept current and one built afresh list things alike."""
        location = self.location.get(item_id)
        if location is None or location == BACKLOG:
            return (1 << 30, item_id)
        return (quarter_index(location), item_id)

    def team_of(self, item_id: str) -> str:
        return self.items[item_id].team or self.owner

    def capacity(self, team_id: str, quarter: str) -> float:
        team = self.teams.get(team_id)
        return team.capacity_in(quarter) if team is not None else 0

    def has_capacity_entry(self, team_id: str, quarter: str) -> bool:
        team = self.teams.get(team_id)
        return team is not None and quarter in team.capacity

    def is_known_team(self, team_id: str) -> bool:
        return team_id in self.teams

    def uses_in(self, key: Key) -> Iterator[Use]:
        for uses in self.by_key.get(key, {}).values():
            yield from uses

    def keys(self) -> list[Key]:
        """Every (team, quarter) worth a capacity line: each known team in each quarter file,
        and any team in any quarter where something takes its days."""
        cached: list[Key] | None = self._memo.get("keys")
        if cached is not None:
            return cached
        found = {(team, quarter) for team in self.teams for quarter in self.quarter_files}
        found.update(key for key, bucket in self.by_key.items() if bucket)
        rank = {team: index for index, team in enumerate(self.teams)}
        ordered = sorted(
            found,
            key=lambda k: (quarter_index(k[1]), rank.get(k[0], len(rank)), k[0]),
        )
        self._memo["keys"] = ordered
        return ordered


def _team_edge(graph: Any, node: Node, team_id: str) -> dict[str, Any]:
    target = team_node(team_id)
    if target not in graph:
        graph.add_node(target, type=TEAM, known=False)
    if not graph.has_edge(node, target):
        graph.add_edge(node, target, kind="team", owns=False, asks=[])
    data: dict[str, Any] = graph.edges[node, target]
    return data
