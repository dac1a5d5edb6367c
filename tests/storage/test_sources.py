"""Workspaces read from git revisions and scenarios."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from roadmap_tui.models import WorkspaceError
from roadmap_tui.storage import WorkspaceStore, list_scenarios, new_scenario
from tests.reliability.figures import record


def _git(folder: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(folder), *args],
        check=True,
        capture_output=True,
        text=True,
        env={
            "GIT_AUTHOR_NAME": "t",
            "GIT_AUTHOR_EMAIL": "t@x",
            "GIT_COMMITTER_NAME": "t",
            "GIT_COMMITTER_EMAIL": "t@x",
            "HOME": str(folder),
            "PATH": "/usr/bin:/bin",
        },
    ).stdout


@pytest.fixture
def repo(example: Path) -> Path:
    root = example.parent
    _git(root, "init", "-q")
    _git(root, "add", "plans")
    _git(root, "commit", "-qm", "first")
    store = WorkspaceStore.open(example)
    store.workspace.quarters["2027-Q1"].items[0].estimate = 99
    store.save(store.workspace)
    _git(root, "commit", "-qam", "second")
    return example


def test_git_previous_revision_is_read(repo: Path) -> None:
    old = WorkspaceStore.open("git:HEAD~1", workspace=repo)
    new = WorkspaceStore.open("git:HEAD", workspace=repo)
    assert old.loaded.errors == []
    assert old.workspace.quarters["2027-Q1"].items[0].estimate == 25
    assert new.workspace.quarters["2027-Q1"].items[0].estimate == 99
    assert len(old.workspace.all_items()) == 50
    assert old.source.commit is not None and len(old.source.commit) == 40
    assert not old.source.writable


@pytest.mark.parametrize("rev", ["--output=/tmp/x", "-n1", "", "no-such-branch"])
def test_bad_git_revisions_are_refused(repo: Path, rev: str) -> None:
    with pytest.raises(WorkspaceError) as raised:
        WorkspaceStore.open(f"git:{rev}", workspace=repo)
    assert raised.value.problems[0].file == f"git:{rev}"
    record(
        "sources",
        "A `git:REV` never becomes a git option; scenario names and links cannot leave the workspace",
        "tests/storage/test_sources.py",
        hostile_revisions_refused=1,
    )


def test_scenario_inherits_roadmap(example: Path) -> None:
    store = WorkspaceStore.open("scenario:adopt-account-structure", workspace=example)
    assert store.loaded.errors == []
    assert "roadmap.toml" in store.source.inherited
    q1 = [i.id for i in store.workspace.quarters["2027-Q1"].items]
    assert "REQ-ACCOUNT-STRUCTURE" in q1


@pytest.mark.parametrize("name", ["../plans", "/etc", "a/b", ".."])
def test_scenario_names_cannot_escape(example: Path, name: str) -> None:
    with pytest.raises(WorkspaceError):
        WorkspaceStore.open(f"scenario:{name}", workspace=example)
    record("sources", "", "", escaping_scenario_names_refused=1)


def test_scenario_symlink_outside_is_refused(example: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (example / "scenarios" / "sneaky").symlink_to(outside)
    with pytest.raises(WorkspaceError) as raised:
        WorkspaceStore.open("scenario:sneaky", workspace=example)
    assert "points outside the workspace" in str(raised.value)
    record("sources", "", "", symlinks_outside_refused=1)


def test_new_scenario_copies_the_plan_files(example: Path) -> None:
    folder = new_scenario(example, "security-first")
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        p.name for p in example.glob("*.toml") if p.name != "roadmap.toml"
    )
    assert list_scenarios(example) == ["adopt-account-structure", "security-first"]
    with pytest.raises(WorkspaceError):
        new_scenario(example, "security-first")
