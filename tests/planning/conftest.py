"""Small hand-built workspaces for the planning tests, written as TOML and read through storage."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from roadmap_tui.models import Workspace
from roadmap_tui.storage import WorkspaceStore

# infra (the owner) and storage; storage gives no figure for 2027-Q1.
ROADMAP = """\
[workspace]
name = "Planning tests"
owner = "infra"
current_quarter = "2026-Q4"

[[teams]]
id = "infra"
channel = "#infra"
capacity = { "2026-Q3" = 50, "2026-Q4" = 100, "2027-Q1" = 100 }

[[teams]]
id = "storage"
channel = "#storage"
capacity = { "2026-Q3" = 10, "2026-Q4" = 10 }
"""

Files = dict[str, str]


def item(item_id: str, **fields: Any) -> dict[str, Any]:
    return {"id": item_id, "title": f"Item {item_id}", **fields}


def quarter(quarter_id: str, *items: dict[str, Any], stage: str = "team-reviewed") -> str:
    return tomli_w.dumps({"quarter": {"id": quarter_id, "stage": stage}, "items": list(items)})


def backlog(*items: dict[str, Any]) -> str:
    return tomli_w.dumps({"items": list(items)})


def files(
    quarters: dict[str, list[dict[str, Any]]] | None = None,
    in_backlog: list[dict[str, Any]] | None = None,
    roadmap: str = ROADMAP,
) -> Files:
    found = {"roadmap.toml": roadmap}
    for quarter_id, entries in (quarters or {}).items():
        found[f"{quarter_id}.toml"] = quarter(quarter_id, *entries)
    found["backlog.toml"] = backlog(*(in_backlog or []))
    return found


WriteFolder = Callable[[Files], Path]
Build = Callable[..., Workspace]


@pytest.fixture
def folder(tmp_path: Path) -> WriteFolder:
    """Write a workspace folder from {file name: text}."""
    counter = iter(range(1000))

    def write(contents: Files) -> Path:
        target = tmp_path / f"ws{next(counter)}"
        target.mkdir()
        for name, text in contents.items():
            (target / name).write_text(text, encoding="utf-8")
        return target

    return write


@pytest.fixture
def build(folder: WriteFolder) -> Build:
    """A workspace from quarters and backlog items, read through storage as the CLI reads it."""

    def make(
        quarters: dict[str, list[dict[str, Any]]] | None = None,
        in_backlog: list[dict[str, Any]] | None = None,
        roadmap: str = ROADMAP,
    ) -> Workspace:
        path = folder(files(quarters, in_backlog, roadmap))
        store = WorkspaceStore.open(path)
        assert store.loaded.workspace is not None, store.problems
        return store.loaded.workspace

    return make


def value(item: Any) -> float | None:
    """value-effort's value, as the CLI uses without another framework."""
    found = item.score.get("value")
    return None if found is None else float(found)
