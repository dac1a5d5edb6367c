"""Opening for reading only: nothing kept for a save, unchanged items shared between versions."""

from __future__ import annotations

from pathlib import Path

import pytest

from roadmap_tui.models import WorkspaceError
from roadmap_tui.storage import WorkspaceStore
from tests.conftest import WriteWorkspace

QUARTER = """\
[quarter]
id = "2026-Q4"
stage = "draft"

[[items]]
id = "KEEP"
title = "Unchanged"
estimate = 5
tags = ["a", "b"]

[[items]]
id = "SIZE"
title = "Re-estimated in the scenario"
estimate = 3
"""

SCENARIO = """\
[quarter]
id = "2026-Q4"
stage = "draft"

[[items]]
id = "KEEP"
title = "Unchanged"
estimate = 5
tags = ["a", "b"]

[[items]]
id = "SIZE"
title = "Re-estimated in the scenario"
estimate = 8

[[items]]
id = "NEW"
title = "Only in the scenario"
estimate = 2
"""


@pytest.fixture
def versions(write_ws: WriteWorkspace) -> Path:
    return write_ws({"2026-Q4.toml": QUARTER, "scenarios/next/2026-Q4.toml": SCENARIO})


def test_read_only_reads_the_same_workspace_and_keeps_no_file(example: Path) -> None:
    kept = WorkspaceStore.open(example)
    read = WorkspaceStore.open(example, read_only=True)
    assert read.workspace == kept.workspace
    assert [str(p) for p in read.problems] == [str(p) for p in kept.problems]
    assert read.read_only and not kept.read_only
    assert read.loaded.files == {} and read.source.files == {}
    assert len(kept.loaded.files) == 7  # roadmap, feedback, backlog and four quarters


def test_a_read_only_store_refuses_to_save(versions: Path) -> None:
    store = WorkspaceStore.open(versions, read_only=True)
    ws = store.workspace
    ws.quarters["2026-Q4"].items[0].estimate = 6
    for attempt in (lambda: store.save(ws), lambda: store.pending(ws)):
        with pytest.raises(WorkspaceError, match="opened for reading only"):
            attempt()
    assert "estimate = 5" in (versions / "2026-Q4.toml").read_text(encoding="utf-8")


def test_unchanged_items_are_shared_with_the_version_read_first(versions: Path) -> None:
    base = WorkspaceStore.open(versions, read_only=True).workspace
    first = {item.id: item for item in base.all_items()}
    scenario = WorkspaceStore.open("scenario:next", versions, read_only=True, reuse=first)
    keep, size, new = scenario.workspace.quarters["2026-Q4"].items
    assert keep is first["KEEP"]  # equal: the very object
    assert size is not first["SIZE"] and (size.estimate, first["SIZE"].estimate) == (8, 3)
    assert new.id == "NEW" and new.estimate == 2


def test_problems_of_a_read_only_load_still_name_their_line(write_ws: WriteWorkspace) -> None:
    bad = QUARTER.replace("estimate = 3", 'estimate = "three"')
    store = WorkspaceStore.open(write_ws({"2026-Q4.toml": bad}), read_only=True)
    (problem,) = store.loaded.errors
    assert (problem.item_id, problem.field, problem.line) == (
        "SIZE",
        "estimate",
        14,
    )  # line 14: `estimate = "three"`


def test_sharing_items_needs_read_only(versions: Path) -> None:
    with pytest.raises(ValueError, match="only when read-only"):
        WorkspaceStore.open(versions, reuse={})


def test_items_writing_the_same_fields_share_one_set_of_their_names(versions: Path) -> None:
    kept = WorkspaceStore.open(versions).workspace.quarters["2026-Q4"].items
    read = WorkspaceStore.open(versions, read_only=True).workspace.quarters["2026-Q4"].items
    # What each item wrote is unchanged: KEEP wrote tags, SIZE did not.
    assert [i.model_fields_set for i in read] == [i.model_fields_set for i in kept]
    assert read[0].model_fields_set == {"id", "title", "estimate", "tags", "status"}
    scenario = WorkspaceStore.open("scenario:next", versions, read_only=True).workspace
    size, new = scenario.quarters["2026-Q4"].items[1:]
    assert size.model_fields_set is new.model_fields_set  # id, title, estimate, status
    # A store that may save shares them too (8 MiB of 10,000 items): an edit works on a copy,
    # which gets a set of its own, so it marks only the item edited.
    editable = WorkspaceStore.open("scenario:next", versions).workspace.quarters["2026-Q4"]
    size, new = editable.items[1:]
    assert size.model_fields_set is new.model_fields_set
    edited = size.model_copy(update={"note": "bigger"})
    assert edited.model_fields_set == {"id", "title", "estimate", "status", "note"}
    assert size.model_fields_set == new.model_fields_set == {"id", "title", "estimate", "status"}


def test_problems_keep_their_order_though_files_are_read_one_at_a_time(
    write_ws: WriteWorkspace,
) -> None:
    # What reading found (by file name) comes first, then what the models found.
    folder = write_ws(
        {
            "2026-Q4.toml": QUARTER.replace("estimate = 3", 'estimate = "three"'),
            "backlog.toml": "[[items]\nid = ",
            "2027-Q1.toml": "id = [",
        }
    )
    for read_only in (False, True):
        problems = WorkspaceStore.open(folder, read_only=read_only).loaded.errors
        assert [p.file.rsplit("/", 1)[1] for p in problems] == [
            "2027-Q1.toml",
            "backlog.toml",
            "2026-Q4.toml",
        ]
