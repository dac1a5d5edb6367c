"""Generate large, realistic workspaces for benchmarks and scale tests.

Shapes follow the example workspace: most items owned by the workspace owner, some by partner
teams; a third ask other teams for days; dependencies point to earlier items; score inputs for
every framework; requests in the backlog. Deterministic for a given seed. Written with tomli-w
(canonical TOML), which is fast and is what the format's readers must accept.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path
from typing import Any

import tomli_w

from roadmap_tui.models.quarters import quarter_from_index, quarter_index

WORDS = (
    "terraform module spacelift stack helm chart datadog monitor slo queue runner account tagging "
    "naming vault secrets policy network storage bucket backup restore workshop docs examples "
    "migration pipeline cache autoscaling cost alerting dashboard library upgrade"
).split()


def generate_workspace(
    folder: Path,
    items: int = 1000,
    teams: int = 9,
    quarters: int = 4,
    seed: int = 1,
    first_quarter: str = "2026-Q3",
    backlog_share: float = 0.4,
) -> Path:
    """Write a workspace with `items` items over `quarters` quarters and a backlog."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    start = quarter_index(first_quarter)
    quarter_ids = [quarter_from_index(start + n) for n in range(quarters)]
    team_ids = ["infra-platform"] + [f"team-{n:02d}" for n in range(1, teams)]
    planned = int(items * (1 - backlog_share))
    per_quarter = max(1, planned // quarters)
    owner_days = per_quarter * 12  # about what the owner's items need, so some quarters overload

    roadmap: dict[str, Any] = {
        "workspace": {
            "name": "Generated",
            "owner": "infra-platform",
            "current_quarter": quarter_ids[1 % quarters],
        },
        "scoring": {
            "framework": "value-effort",
            "weights": {"business_value": 0.4, "developer_experience": 0.3, "risk_reduction": 0.3},
        },
        "goals": [{"id": f"goal-{n}", "title": f"Goal {n}"} for n in range(1, 6)],
        "teams": [
            {
                "id": team,
                "name": team.replace("-", " ").title(),
                "channel": f"#{team}",
                "capacity": {
                    q: owner_days if team == "infra-platform" else rng.randint(20, 60)
                    for q in quarter_ids
                },
            }
            for team in team_ids
        ],
    }
    (folder / "roadmap.toml").write_text(tomli_w.dumps(roadmap), encoding="utf-8")

    placed: list[tuple[int, str]] = []  # (quarter position or quarters for backlog, id)
    files: dict[str, list[dict[str, Any]]] = {q: [] for q in quarter_ids}
    files["backlog"] = []
    for number in range(items):
        position = min(number // per_quarter, quarters) if number < planned else quarters
        item_id = f"ITEM-{number:05d}"
        item: dict[str, Any] = {
            "id": item_id,
            "title": " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 7))).capitalize(),
            "kind": rng.choice(["epic", "epic", "initiative", "improvement"]),
            "estimate": rng.choice([2, 3, 5, 8, 10, 13, 15, 20, 30]),
            "tags": rng.sample(WORDS, 2),
            "goals": [f"goal-{rng.randint(1, 5)}"],
            "link": f"https://tracker.example/INFRA-{number}",
            "score": {
                "value": rng.randint(1, 10),
                "effort": rng.randint(1, 10),
                "reach": rng.randint(10, 400),
                "impact": rng.choice([0.25, 0.5, 1, 2, 3]),
                "confidence": rng.choice([0.5, 0.8, 1.0]),
                "business_value": rng.randint(1, 5),
                "time_criticality": rng.randint(1, 5),
                "risk_reduction": rng.randint(1, 5),
                "job_size": rng.choice([1, 2, 3, 5, 8, 13, 20]),
                "developer_experience": rng.randint(1, 5),
            },
        }
        if position < quarters:
            item["status"] = rng.choice(["planned", "planned", "in-progress", "done"])
        else:
            item["status"] = "proposed"
            if rng.random() < 0.3:
                item["kind"] = "request"
                item["decision"] = "open"
                item["requested_by"] = [rng.choice(team_ids[1:] or team_ids)]
        owner = "infra-platform"
        if rng.random() < 0.15 and len(team_ids) > 1:
            owner = item["team"] = rng.choice(team_ids[1:])
        partners = [team for team in team_ids if team != owner]
        if rng.random() < 0.3 and partners:
            asked = rng.sample(partners, min(len(partners), rng.randint(1, 2)))
            item["asks"] = [{"team": team, "days": rng.randint(1, 5)} for team in asked]
        earlier = [ident for pos, ident in placed[-200:] if pos <= position]
        if earlier and rng.random() < 0.35:
            item["depends_on"] = rng.sample(earlier, min(len(earlier), rng.randint(1, 2)))
        placed.append((position, item_id))
        files[quarter_ids[position] if position < quarters else "backlog"].append(item)

    for quarter in quarter_ids:
        data = {
            "quarter": {"id": quarter, "stage": "draft", "goals": ["goal-1"]},
            "items": files[quarter],
        }
        (folder / f"{quarter}.toml").write_text(tomli_w.dumps(data), encoding="utf-8")
    (folder / "backlog.toml").write_text(
        tomli_w.dumps({"items": files["backlog"]}), encoding="utf-8"
    )
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description="Write a generated workspace.")
    parser.add_argument("folder", type=Path)
    parser.add_argument("--items", type=int, default=1000)
    parser.add_argument("--teams", type=int, default=9)
    parser.add_argument("--quarters", type=int, default=4)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    generate_workspace(args.folder, args.items, args.teams, args.quarters, args.seed)


if __name__ == "__main__":
    main()
