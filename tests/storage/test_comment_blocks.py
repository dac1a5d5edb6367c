"""The writer's comment rule and blank lines, with hand-written expectations (tomlkit-independent)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from roadmap_tui.models import Item
from roadmap_tui.models.edits import add_item, apply
from roadmap_tui.planning.moves import to_backlog
from roadmap_tui.planning.stages import set_stage
from roadmap_tui.storage import WorkspaceStore
from tests.conftest import WriteWorkspace

Q4 = """\
[quarter]
id = "2026-Q4"

# about A
[[items]]
id = "A"
title = "A"
asks = [ { team = "storage", days = 2 } ]

# about B
[[items]]
id = "B"
title = "B"
"""


def test_the_issue_move_keeps_each_comment_with_its_item(example: Path) -> None:
    """Moving SPACELIFT-SPOT-WORKERS out of 2027-Q2 (issue 15's report)."""
    store = WorkspaceStore.open(example)
    ws = store.workspace
    before = (example / "2027-Q2.toml").read_text(encoding="utf-8")
    apply(ws, to_backlog(ws, "SPACELIFT-SPOT-WORKERS"))
    store.save(ws)
    q2 = (example / "2027-Q2.toml").read_text(encoding="utf-8")
    backlog = (example / "backlog.toml").read_text(encoding="utf-8")
    own = "# Nice to have (cost); first thing to drop if the quarter gets tight.\n"
    vault = (
        "# Security-platform's own item; listed here because our migration has to land first.\n"
        '[[items]]\nid = "VAULT-DYNAMIC-CREDS"\n'
    )
    assert own not in q2 and vault in q2
    assert own + '[[items]]\nid = "SPACELIFT-SPOT-WORKERS"\n' in backlog
    start = before.index(own)
    block = before[start : before.index(vault)].rstrip("\n") + "\n"
    assert q2 == before[:start] + before[start + len(block) + 1 :]
    assert backlog.endswith("\n\n" + block.replace('status = "planned"', 'status = "proposed"'))


def test_a_new_review_and_a_new_item_get_one_blank_line_each(write_ws: WriteWorkspace) -> None:
    folder = write_ws({"2026-Q4.toml": Q4})
    store = WorkspaceStore.open(folder)
    ws = store.workspace
    (stage,) = set_stage(ws, "2026-Q4", "team-reviewed", "refinement", on=dt.date(2026, 9, 12))
    apply(ws, stage)
    apply(ws, add_item(ws, Item(id="C", title="C", estimate=3), "2026-Q4"))
    store.save(ws)
    assert (
        (folder / "2026-Q4.toml").read_text(encoding="utf-8")
        == """\
[quarter]
id = "2026-Q4"
stage = "team-reviewed"

[[quarter.reviews]]
stage = "team-reviewed"
by = "refinement"
on = 2026-09-12

# about A
[[items]]
id = "A"
title = "A"
asks = [ { team = "storage", days = 2 } ]

# about B
[[items]]
id = "B"
title = "B"

[[items]]
id = "C"
title = "C"
estimate = 3
"""
    )
