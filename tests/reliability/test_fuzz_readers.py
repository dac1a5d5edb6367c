"""Fuzzing the workspace reader: any bytes, any TOML, any wrong schema.

The only outcomes allowed: a loaded workspace, or located problems (the project's own
`WorkspaceError` / problems list). Never another exception, a hang or a traceback.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from roadmap_tui.models import WorkspaceError
from roadmap_tui.storage import WorkspaceStore
from roadmap_tui.storage.limits import MAX_FILE_BYTES
from tests.conftest import MINIMAL_ROADMAP
from tests.reliability.figures import record

FILES = ["roadmap.toml", "backlog.toml", "2026-Q4.toml", "feedback.toml"]
FUZZ = settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _open(folder: Path) -> list[str]:
    """Open a workspace; return the problems as text (raising only the project's own error)."""
    record(
        "fuzz",
        "Any bytes, any TOML, any wrong schema: a workspace or located problems, never a traceback",
        "tests/reliability/test_fuzz_readers.py",
        inputs_tried=1,
        other_exceptions=0,
    )
    try:
        store = WorkspaceStore.open(folder)
    except WorkspaceError as error:
        assert error.problems, "a WorkspaceError always names its problems"
        return [str(p) for p in error.problems]
    for problem in store.problems:
        assert problem.file and problem.message
    return [str(p) for p in store.problems]


def _fresh(tmp_path: Path, name: str) -> Path:
    folder = tmp_path / name
    folder.mkdir(exist_ok=True)
    (folder / "roadmap.toml").write_text(MINIMAL_ROADMAP, encoding="utf-8")
    return folder


@FUZZ
@given(name=st.sampled_from(FILES), data=st.binary(max_size=2000))
def test_arbitrary_bytes(tmp_path: Path, name: str, data: bytes) -> None:
    folder = _fresh(tmp_path, "bytes")
    (folder / name).write_bytes(data)
    _open(folder)


toml_scalars = st.one_of(
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=False),
    st.text(max_size=30),
    st.booleans(),
    st.dates(min_value=dt.date(1, 1, 1)),
)
toml_values = st.recursive(
    toml_scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.text(min_size=1, max_size=12), inner, max_size=4)
    ),
    max_leaves=20,
)
KEYS = [
    "id",
    "title",
    "kind",
    "status",
    "team",
    "estimate",
    "depends_on",
    "asks",
    "score",
    "goals",
    "quarter",
    "items",
    "workspace",
    "teams",
    "capacity",
    "days",
    "feedback",
    "themes",
    "from",
    "on",
    "stage",
    "reviews",
]
keyed = st.dictionaries(
    st.sampled_from(KEYS) | st.text(min_size=1, max_size=8), toml_values, max_size=6
)


@FUZZ
@given(name=st.sampled_from(FILES), document=keyed)
def test_arbitrary_toml(tmp_path: Path, name: str, document: dict[str, Any]) -> None:
    folder = _fresh(tmp_path, "toml")
    (folder / name).write_text(tomli_w.dumps(document), encoding="utf-8")
    _open(folder)


item_like = st.fixed_dictionaries(
    {"id": toml_values, "title": toml_values},
    optional={key: toml_values for key in KEYS if key not in ("id", "title")},
)


@FUZZ
@given(
    items=st.lists(item_like, max_size=4),
    header=st.dictionaries(st.sampled_from(["id", "stage", "goals", "reviews"]), toml_values),
)
def test_valid_toml_wrong_schema(
    tmp_path: Path, items: list[dict[str, Any]], header: dict[str, Any]
) -> None:
    folder = _fresh(tmp_path, "schema")
    (folder / "2026-Q4.toml").write_text(
        tomli_w.dumps({"quarter": header, "items": items}), encoding="utf-8"
    )
    (folder / "backlog.toml").write_text(tomli_w.dumps({"items": items}), encoding="utf-8")
    _open(folder)


def test_deep_nesting_is_a_message(tmp_path: Path) -> None:
    folder = _fresh(tmp_path, "deep")
    (folder / "backlog.toml").write_text(
        "x = " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8"
    )
    problems = _open(folder)
    assert any("backlog.toml" in p for p in problems)


def test_file_over_the_limit_is_refused_quickly(tmp_path: Path) -> None:
    folder = _fresh(tmp_path, "big")
    with (folder / "backlog.toml").open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: the size alone must refuse it
    start = time.perf_counter()
    problems = _open(folder)
    assert any(f"plan files over {MAX_FILE_BYTES:,} bytes are refused" in p for p in problems)
    assert time.perf_counter() - start < 5  # refused by size, not parsed


@pytest.mark.parametrize("count", [1_000_000])
def test_million_element_array_is_handled(tmp_path: Path, count: int) -> None:
    folder = _fresh(tmp_path, "wide")
    deps = ", ".join(['"B"'] * count)
    text = f'[[items]]\nid = "A"\ntitle = "a"\ndepends_on = [{deps}]\n\n[[items]]\nid = "B"\ntitle = "b"\n'
    assert len(text) < MAX_FILE_BYTES
    (folder / "backlog.toml").write_text(text, encoding="utf-8")
    store = WorkspaceStore.open(folder)
    assert len(store.workspace.backlog.items[0].depends_on) == count
