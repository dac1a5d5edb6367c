"""The items to adopt, checked: the moves that bring them into the quarter, and warnings for
what they depend on that would not be there first."""

from __future__ import annotations

from roadmap_tui.models import BACKLOG, quarter_index
from roadmap_tui.planning.common import PlanningError, describe_needs
from roadmap_tui.planning.dependencies import block_phrase, blocked_by
from roadmap_tui.planning.graph import PlanGraph, days_by_key, uses_of
from roadmap_tui.planning.move_plan import Move, target_status


def adopted_moves(graph: PlanGraph, ids: list[str], quarter: str) -> tuple[list[Move], list[str]]:
    moves: list[Move] = []
    warnings: list[str] = []
    for item_id in ids:
        item = graph.items.get(item_id)
        if item is None:
            raise PlanningError(f"there is no item {item_id}")
        location = graph.location[item_id]
        if item.status == "done":
            raise PlanningError(f"{item_id} is done already ({location})")
        if item.status == "dropped":
            raise PlanningError(f"{item_id} is dropped: set its status back first")
        if item.decision == "merged":
            into = f" into {item.merged_into}" if item.merged_into else ""
            raise PlanningError(f"{item_id} was merged{into}: adopt that instead")
        if location == quarter:
            warnings.append(f"{item_id} is already planned in {quarter}")
            continue
        if location != BACKLOG and quarter_index(location) < quarter_index(quarter):
            raise PlanningError(
                f"{item_id} is planned in {location}, before {quarter}: defer it instead"
            )
        decision = "accepted" if item.is_request or item.decision is not None else None
        needs = {k: d for k, d in days_by_key(uses_of(item, quarter, graph.owner)).items()}
        origin = "the backlog" if location == BACKLOG else location
        moves.append(
            Move(
                item_id,
                location,
                quarter,
                reason=f"from {origin}: {describe_needs(needs, graph.team_of(item_id))}",
                status=target_status(item, location, quarter),
                note=f"adopted into {quarter}",
                decision=None if item.decision == "accepted" else decision,
            )
        )
    adopted = {move.item for move in moves}
    for move in moves:
        item = graph.items[move.item]
        for dep in dict.fromkeys(item.depends_on):
            where = quarter if dep in adopted else graph.location.get(dep)
            block = blocked_by(item, dep, graph.items.get(dep), where, quarter)
            if block is not None:
                warnings.append(
                    f"{move.item} depends on {dep}, {block_phrase(block, where)}:"
                    " adopt it too or plan it earlier"
                )
    return moves, warnings
