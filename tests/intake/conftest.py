"""Small workspaces for the intake tests, written as TOML and read through storage."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from roadmap_tui.models import Item, Workspace
from roadmap_tui.storage import WorkspaceStore
from tests.conftest import WriteWorkspace

# Two quarters' worth of teams (infra owns the roadmap), one quarter file, a backlog with one
# request of each decision, and feedback in two themes.
QUARTER = """\
[quarter]
id = "2026-Q4"

[[items]]
id = "NAMING"
title = "Naming conventions"
status = "done"
done_on = 2026-10-10
goals = ["secure"]
requested_by = ["storage"]

[[items]]
id = "PORTAL"
title = "Developer portal"
goals = ["self-service"]
"""

BACKLOG = """\
[[items]]
id = "REQ-OPEN-OLD"
title = "Old open request"
kind = "request"
requested_by = ["storage"]
received = 2026-09-01
decision = "open"
score = { value = 6, effort = 3 }

[[items]]
id = "REQ-OPEN-NEW"
title = "New open request"
kind = "request"
requested_by = ["storage"]
received = 2026-11-01
decision = "open"
score = { value = 8 }

[[items]]
id = "REQ-DECLINED"
title = "Declined request"
kind = "request"
status = "dropped"
requested_by = ["infra"]
received = 2026-08-01
decision = "declined"
note = "declined: not our platform"

[[items]]
id = "REQ-MERGED"
title = "Merged request"
kind = "request"
status = "dropped"
requested_by = ["storage"]
received = 2026-10-01
decision = "merged"
merged_into = "PORTAL"

[[items]]
id = "DOCS"
title = "Docs in one place"
kind = "improvement"
"""

FEEDBACK = """\
[[feedback]]
from = "storage"
on = 2026-10-02
about = "NAMING"
experience = "Good"
liked = "Short names"
disliked = ""
improve = "More examples"
themes = ["docs"]

[[feedback]]
from = "infra"
on = 2026-09-01
experience = "Slow"
themes = ["docs", "speed"]

[[feedback]]
from = "storage"
experience = "No theme yet"

[[themes]]
id = "docs"
title = "Documentation"
items = ["DOCS", "PORTAL"]

[[themes]]
id = "speed"
title = "Speed"
"""

ROADMAP = """\
[workspace]
name = "Test"
owner = "infra"
current_quarter = "2026-Q4"

[[goals]]
id = "self-service"
title = "Self-service"

[[goals]]
id = "secure"
title = "Secure"

[[teams]]
id = "infra"
name = "Infra"
channel = "#infra"

[[teams]]
id = "storage"
name = "Storage and databases"
channel = "#storage"
"""

MakeWorkspace = Callable[..., Path]


@pytest.fixture
def small(write_ws: WriteWorkspace) -> MakeWorkspace:
    """A small workspace folder; pass file texts to replace the defaults (None leaves one out)."""

    def make(**files: str | None) -> Path:
        texts: dict[str, str | None] = {
            "roadmap.toml": ROADMAP,
            "2026-Q4.toml": QUARTER,
            "backlog.toml": BACKLOG,
            "feedback.toml": FEEDBACK,
        }
        texts.update({f"{name}.toml".replace("_", "-"): text for name, text in files.items()})
        return write_ws({n: t for n, t in texts.items() if t is not None})

    return make


def load(folder: Path) -> Workspace:
    store = WorkspaceStore.open(folder)
    assert store.loaded.errors == [], store.loaded.errors
    return store.workspace


def item_of(ws: Workspace, item_id: str) -> Item:
    """The item `item_id` of `ws`, to change in place in a test."""
    found = ws.find(item_id)
    assert found is not None
    return found[1]


def move(ws: Workspace, item_id: str, to: str) -> None:
    """Move an item to another quarter (or `backlog`) in place."""
    where, item = ws.find(item_id) or (None, None)
    assert where is not None and item is not None
    ws.items_in(where).remove(item)
    ws.items_in(to).append(item)
