"""Blank lines the writer adds: one before each table, never two in a row, whatever tomlkit's
version (0.13 put a second one before the table after a [[table]] added inside another)."""

from __future__ import annotations

import datetime as dt

from roadmap_tui.models.edits import apply
from roadmap_tui.planning.moves import move_items
from roadmap_tui.planning.stages import set_stage
from roadmap_tui.storage import WorkspaceStore
from tests.conftest import WriteWorkspace

Q4 = """\
[quarter]
id = "2026-Q4"

[[items]]
id = "I0"
title = "Title of I0"
"""


def test_a_review_added_to_a_quarter_made_this_session_leaves_one_blank_line(
    write_ws: WriteWorkspace,
) -> None:
    folder = write_ws({"2026-Q4.toml": Q4})
    store = WorkspaceStore.open(folder)
    ws = store.workspace
    apply(ws, move_items(ws, ["I0"], "2027-Q1", "n0", create=True).edit)
    store.save(ws)
    (stage,) = set_stage(ws, "2027-Q1", "team-reviewed", "refinement", "r1", dt.date(2026, 9, 1))
    apply(ws, stage)
    store.save(ws)
    assert (folder / "2027-Q1.toml").read_text(encoding="utf-8") == (
        '[quarter]\nid = "2027-Q1"\nstage = "team-reviewed"\n\n'
        '[[quarter.reviews]]\nstage = "team-reviewed"\nby = "refinement"\non = 2026-09-01\n'
        'note = "r1"\n\n'
        '[[items]]\nid = "I0"\ntitle = "Title of I0"\nnote = "n0"\n'
    )


def test_blank_lines_a_person_wrote_are_theirs(write_ws: WriteWorkspace) -> None:
    """Two blank lines in a row that the file already had stay where they were."""
    text = Q4.replace('\n[[items]]\nid = "I0"', '\n\n[[items]]\nid = "I0"') + (
        '\n[[items]]\nid = "I1"\ntitle = "Title of I1"\n'
    )
    folder = write_ws({"2026-Q4.toml": text})
    store = WorkspaceStore.open(folder)
    ws = store.workspace
    ws.quarters["2026-Q4"].items[1].title = "Retitled"
    store.save(ws)
    assert (folder / "2026-Q4.toml").read_text(encoding="utf-8") == text.replace(
        "Title of I1", "Retitled"
    )
