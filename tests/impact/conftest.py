"""Hand-built workspace pairs for impact tests: items as dicts, placed by quarter or backlog."""

from __future__ import annotations

from typing import Any

from roadmap_tui.impact import Impact, compare
from roadmap_tui.models import Item, Workspace

TEAMS: list[dict[str, Any]] = [
    {
        "id": "infra",
        "name": "Infra",
        "channel": "#infra",
        "capacity": {"2027-Q1": 50, "2027-Q2": 50, "2027-Q3": 50},
    },
    {
        "id": "warehouse",
        "name": "Warehouse systems",
        "channel": "#team-warehouse",
        "capacity": {"2027-Q1": 10, "2027-Q2": 10},
    },
    {"id": "ml", "name": "ML platform", "channel": "#team-ml", "capacity": {"2027-Q1": 5}},
]
GOALS = [{"id": "self-service", "title": "Self-service"}, {"id": "secure", "title": "Secure"}]


def item(item_id: str, **fields: Any) -> dict[str, Any]:
    """An item with a title, 5 days and value 6 / effort 3 unless told otherwise."""
    data: dict[str, Any] = {
        "id": item_id,
        "title": f"Title of {item_id}",
        "estimate": 5,
        "score": {"value": 6, "effort": 3},
    }
    data.update(fields)
    return data


def workspace(
    quarters: dict[str, list[dict[str, Any]]] | None = None,
    backlog: list[dict[str, Any]] | None = None,
    *,
    teams: list[dict[str, Any]] | None = None,
    goals: list[dict[str, Any]] | None = None,
    name: str = "Infrastructure platform",
) -> Workspace:
    """A workspace owned by `infra`; every quarter listed gets a file even when empty."""
    return Workspace.model_validate(
        {
            "roadmap": {
                "workspace": {"name": name, "owner": "infra"},
                "goals": GOALS if goals is None else goals,
                "teams": TEAMS if teams is None else teams,
            },
            "quarters": {
                quarter: {"quarter": {"id": quarter}, "items": entries}
                for quarter, entries in (quarters or {}).items()
            },
            "backlog": {"items": [{"status": "proposed", **entry} for entry in (backlog or [])]},
        }
    )


def value(it: Item) -> float | None:
    found = it.score.get("value")
    return None if found is None else float(found)


def score(it: Item) -> float | None:
    found, effort = it.score.get("value"), it.score.get("effort")
    return None if found is None or not effort else found / effort


def impact_of(base: Workspace, adjusted: Workspace) -> Impact:
    return compare(
        base,
        adjusted,
        value=value,
        score=score,
        framework="value-effort",
        base_label="base",
        adjusted_label="adjusted",
    )
