"""Helpers for scoring tests: items built in code, workspaces written as TOML into tmp_path."""

from __future__ import annotations

from roadmap_tui.models import Item


def item(item_id: str, estimate: float | None = None, **score: float) -> Item:
    """An item with these score inputs (and estimate, in person-days)."""
    return Item(id=item_id, title=f"Item {item_id}", estimate=estimate, score=score)


ROADMAP = """\
[workspace]
name = "Test"
owner = "infra"
current_quarter = "2026-Q4"

[scoring]
framework = "{framework}"
weights = {weights}
thresholds = {{ value = 5, effort = 5 }}

[[teams]]
id = "infra"
name = "Infra"
capacity = {{ "2026-Q4" = 100 }}
"""


def roadmap(
    framework: str = "value-effort", weights: str = "{ business_value = 2, risk_reduction = 1 }"
) -> str:
    return ROADMAP.format(framework=framework, weights=weights)
