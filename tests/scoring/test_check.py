"""Score inputs and [scoring] settings checked against the frameworks: located problems."""

from __future__ import annotations

from roadmap_tui.models import Problem
from roadmap_tui.scoring import check_workspace
from roadmap_tui.storage import WorkspaceStore
from tests.conftest import WriteWorkspace
from tests.scoring.helpers import roadmap

QUARTER = """\
[quarter]
id = "2026-Q4"

[[items]]
id = "FINE"
title = "All inputs in range for every framework"
estimate = 10
score = { value = 8, effort = 3, reach = 100, impact = 1, confidence = 0.8, business_value = 4, time_criticality = 3, risk_reduction = 2, job_size = 5 }

[[items]]
id = "TOO-BIG"
title = "value 12 fits no framework"
score = { value = 12, effort = 3 }

[[items]]
id = "TYPO"
title = "A misspelt input"
score = { value = 5, effort = 3, valeu = 4 }

[[items]]
id = "RICE-SCALE"
title = "RICE impact and confidence, no ease"
score = { impact = 0.5, confidence = 0.7 }
"""


def problems_of(
    write_ws: WriteWorkspace, files: dict[str, str | bytes], framework: str | None = None
) -> list[tuple[str, str, str, str]]:
    store = WorkspaceStore.open(write_ws(files))
    return [
        (p.severity, p.file, p.where, p.message)
        for p in check_workspace(store.workspace, framework)
    ]


def test_inputs_fitting_no_framework_and_unknown_keys(write_ws: WriteWorkspace) -> None:
    found = problems_of(write_ws, {"roadmap.toml": roadmap(), "2026-Q4.toml": QUARTER})
    assert found == [
        (
            "error",
            "2026-Q4.toml",
            "items[TOO-BIG].score.value",
            "`value` = 12 is outside the range of every framework that reads it (value-effort 1-10)",
        ),
        (
            "warning",
            "2026-Q4.toml",
            "items[TYPO].score.valeu",
            "unknown score input `valeu`: no framework or weight reads it; did you mean `value`?",
        ),
    ]


def test_ice_with_ease_missing_is_unscored_not_an_error(write_ws: WriteWorkspace) -> None:
    found = problems_of(write_ws, {"roadmap.toml": roadmap(), "2026-Q4.toml": QUARTER}, "ice")
    assert [f[2] for f in found] == ["items[TOO-BIG].score.value", "items[TYPO].score.valeu"]


def test_input_outside_the_active_range_when_all_inputs_are_there(write_ws: WriteWorkspace) -> None:
    quarter = (
        QUARTER
        + '\n[[items]]\nid = "ICE-ISH"\ntitle = "t"\nscore = { impact = 0.5, confidence = 7, ease = 3 }\n'
    )
    found = problems_of(write_ws, {"roadmap.toml": roadmap("ice"), "2026-Q4.toml": quarter})
    assert found[-1] == (
        "error",
        "2026-Q4.toml",
        "items[ICE-ISH].score.impact",
        "`impact` = 0.5 is outside the ice range (1-10); the item cannot be ranked until it is fixed",
    )
    # The same item under value-effort: its impact fits RICE, so nothing is wrong.
    assert all(
        "ICE-ISH" not in f[2]
        for f in problems_of(write_ws, {"roadmap.toml": roadmap(), "2026-Q4.toml": quarter})
    )


def test_rice_effort_from_an_estimate_of_zero(write_ws: WriteWorkspace) -> None:
    backlog = '[[items]]\nid = "ZERO"\ntitle = "t"\nestimate = 0\nscore = { reach = 10, impact = 1, confidence = 1 }\n'
    found = problems_of(write_ws, {"roadmap.toml": roadmap("rice"), "backlog.toml": backlog})
    assert found == [
        (
            "error",
            "backlog.toml",
            "items[ZERO].estimate",
            "rice effort is the estimate, 0 d; it must be > 0 person-days (unset the estimate to use score.effort)",
        )
    ]


def test_roadmap_settings_problems(write_ws: WriteWorkspace) -> None:
    settings = roadmap("wsfj", "{ busines_value = 0.5, risk_reduction = 0.5 }").replace(
        "thresholds = { value = 5, effort = 5 }", "thresholds = { value = 5, efort = 5 }"
    )
    found = problems_of(write_ws, {"roadmap.toml": settings, "2026-Q4.toml": QUARTER})
    assert found[:3] == [
        (
            "error",
            "roadmap.toml",
            "scoring.framework",
            "unknown framework `wsfj`: did you mean `wsjf`? (known: value-effort, rice, wsjf, ice, weighted)",
        ),
        (
            "error",
            "roadmap.toml",
            "scoring.weights.busines_value",
            "weight `busines_value` names no score input: no item carries it and no framework reads it; did you mean `business_value`?",
        ),
        (
            "warning",
            "roadmap.toml",
            "scoring.thresholds.efort",
            "unknown threshold `efort`: did you mean `effort`?",
        ),
    ]


def test_a_weight_carried_by_items_is_known(write_ws: WriteWorkspace) -> None:
    settings = roadmap("weighted", "{ developer_experience = 1, business_value = 1 }")
    backlog = '[[items]]\nid = "DX"\ntitle = "t"\nscore = { developer_experience = 4, business_value = 12 }\n'
    found = problems_of(write_ws, {"roadmap.toml": settings, "backlog.toml": backlog})
    # business_value 12 fits WSJF (1-20) but not the weighted range (1-5), and weighted is active.
    assert found == [
        (
            "error",
            "backlog.toml",
            "items[DX].score.business_value",
            "`business_value` = 12 is outside the weighted range (1-5); the item cannot be ranked until it is fixed",
        )
    ]


def test_example_workspace_is_clean_under_every_framework(example: object) -> None:
    from pathlib import Path

    assert isinstance(example, Path)
    ws = WorkspaceStore.open(example).workspace
    for name in ("value-effort", "rice", "wsjf", "ice", "weighted"):
        assert check_workspace(ws, name) == list[Problem](), name
