"""What the compare view compares, without a terminal: the chosen versions and the impact of
each alternative."""

from __future__ import annotations

from pathlib import Path

from roadmap_tui.workbench.comparison import compare_chosen
from roadmap_tui.workbench.impact_sources import CURRENT, SAVED, Sources
from roadmap_tui.workbench.session import Session

SCENARIO = "scenario:adopt-account-structure"


def test_compare_chosen_without_textual(example: Path) -> None:
    """The comparison itself is Textual-free: a session and the picks are enough."""
    session = Session.open(example)
    sources = Sources(session)
    assert compare_chosen(sources, SAVED, [], session.workspace) is None
    compared = compare_chosen(sources, SAVED, [CURRENT, SCENARIO], session.workspace)
    assert compared is not None and compared.options is not None
    assert [v.spec for v in compared.versions] == [SAVED, CURRENT, SCENARIO]
    assert not compared.impact(0).changed_items  # the current state is the saved one
    assert compared.impact(3).adjusted == SCENARIO  # wraps round: 3 % 2 == 1
    assert {row.id for row in compared.impact(1).changed_items} == {
        "REQ-ACCOUNT-STRUCTURE",
        "REQ-TAGGING-POLICY",
        "WAREHOUSE-STACKS-ONBOARDING",
        "ML-GPU-STACKS",
        "SPACELIFT-SPOT-WORKERS",
    }


def test_the_current_version_is_the_copy_it_was_given(example: Path) -> None:
    """Work in a thread compares the copy of the edits it was started with, not the live ones."""
    session = Session.open(example)
    copy = session.workspace.model_copy(deep=True)
    compared = compare_chosen(Sources(session), SAVED, [CURRENT], copy)
    assert compared is not None and compared.versions[1].workspace is copy
