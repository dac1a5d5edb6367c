"""Shared fixtures: temporary copies of the example workspace and small hand-written workspaces."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings

REPO = Path(__file__).resolve().parent.parent
# A frozen copy of the example workspace: plans/ is free to improve without breaking tests.
EXAMPLE = REPO / "tests" / "fixtures" / "workspace"

MINIMAL_ROADMAP = """\
[workspace]
name = "Test"
owner = "infra"
current_quarter = "2026-Q4"

[[teams]]
id = "infra"
name = "Infra"
channel = "#infra"
capacity = { "2026-Q4" = 100, "2027-Q1" = 100 }

[[teams]]
id = "storage"
name = "Storage"
channel = "#storage"
capacity = { "2026-Q4" = 10 }
"""


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--slow", action="store_true", help="run the full-count reliability tests")


def pytest_configure(config: pytest.Config) -> None:
    # Property tests: hypothesis's usual count in CI, ten times more with --slow.
    settings.register_profile("quick", max_examples=100, deadline=None)
    settings.register_profile("slow", max_examples=1000, deadline=None)
    settings.load_profile("slow" if config.getoption("--slow") else "quick")


@pytest.fixture(autouse=True)
def _no_terminal_width(monkeypatch: pytest.MonkeyPatch) -> None:
    """Output widths are the tool's own, not those of the shell that runs the tests."""
    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.delenv("LINES", raising=False)


@pytest.fixture
def slow(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--slow"))


@pytest.fixture
def example(tmp_path: Path) -> Path:
    """A private copy of the example workspace (plans/), safe to write."""
    target = tmp_path / "plans"
    shutil.copytree(EXAMPLE, target)
    return target


WriteWorkspace = Callable[[dict[str, str | bytes]], Path]


@pytest.fixture
def write_ws(tmp_path: Path) -> WriteWorkspace:
    """Write a workspace from {file name: text}; roadmap.toml defaults to a minimal one."""

    def write(files: dict[str, str | bytes]) -> Path:
        folder = tmp_path / "ws"
        folder.mkdir(exist_ok=True)
        contents: dict[str, str | bytes] = {"roadmap.toml": MINIMAL_ROADMAP, **files}
        for name, content in contents.items():
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        return folder

    return write
