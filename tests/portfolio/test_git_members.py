"""Git members: a bare mirror per repository in the cache, fetched on each run, read at `ref`."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from roadmap_tui.cli import main
from roadmap_tui.storage.portfolio import cache_root, describe_age, load_portfolio
from tests.portfolio.conftest import INFRA, WH, git, portfolio_file, push_change, serve, write


def check(file: Path, *more: str) -> dict[str, Any]:
    result = CliRunner().invoke(main, ["portfolio", "check", str(file), "--format", "json", *more])
    assert result.exit_code in (0, 1), result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def git_lender(tmp_path: Path) -> tuple[Path, Path]:
    """infra as a folder, wh served from a bare repository (its workspace in plans/)."""
    write(tmp_path / "infra", INFRA)
    work = tmp_path / "wh-work"
    write(work / "plans", WH)
    serve(work, tmp_path / "wh.git")
    file = portfolio_file(
        tmp_path, ['path = "infra"', 'git = "wh.git"\nref = "main"\ndir = "plans"']
    )
    return work, file


def test_a_git_member_is_read_from_its_mirror_without_a_working_tree(tmp_path: Path) -> None:
    _, file = git_lender(tmp_path)
    data = check(file)
    member = data["members"][1]
    assert (member["owner"], member["source"], member["items"], member["error"]) == (
        "wh",
        "wh.git@main:plans",
        6,
        None,
    )
    assert data["asks"][0]["status"] == "confirmed"
    mirrors = list((tmp_path / "cache" / "roadmap-tui" / "portfolio").glob("*.git"))
    assert len(mirrors) == 1
    assert (mirrors[0] / "HEAD").is_file() and not (mirrors[0] / "plans").exists()


def test_a_member_moved_in_git_is_seen_after_a_fetch_and_not_without(tmp_path: Path) -> None:
    work, file = git_lender(tmp_path)
    assert check(file)["asks"][2]["status"] == "wrong-quarter"
    q4 = work / "plans" / "2026-Q4.toml"
    q3 = work / "plans" / "2026-Q3.toml"
    moved = q4.read_text().split("[[items]]")
    q4.write_text("[[items]]".join([moved[0], moved[2]]))
    q3.write_text(q3.read_text() + "\n[[items]]" + moved[1])
    push_change(work, "move RES-A3 to 2026-Q3")
    offline = check(file, "--no-fetch")
    assert offline["asks"][2]["status"] == "wrong-quarter"
    assert offline["members"][1]["note"].startswith("not fetched: cached state of ")
    fetched = check(file)
    assert fetched["asks"][2]["status"] == "confirmed"
    assert fetched["members"][1]["note"] is None


def test_unreachable_uses_the_cached_state_and_says_its_age(tmp_path: Path) -> None:
    _, file = git_lender(tmp_path)
    check(file)
    mirror = next((tmp_path / "cache" / "roadmap-tui" / "portfolio").glob("*.git"))
    mark = mirror / "roadmap-tui-fetched"
    two_hours_ago = time.time() - 2 * 3600 - 60
    os.utime(mark, (two_hours_ago, two_hours_ago))
    shutil.rmtree(tmp_path / "wh.git")
    data = check(file)
    member = data["members"][1]
    assert member["error"] is None and member["owner"] == "wh"
    assert member["note"].startswith("fetch failed (")
    assert member["note"].endswith("); cached state of 2 h ago used")


def test_no_cache_and_unreachable_is_reported_and_the_rest_checked(tmp_path: Path) -> None:
    write(tmp_path / "infra", INFRA)
    file = portfolio_file(tmp_path, ['path = "infra"', 'git = "wh.git"'])
    data = check(file)
    assert data["members"][0]["error"] is None
    assert data["members"][1]["error"].startswith("cannot fetch and no cached copy:")
    assert [a["status"] for a in data["asks"]] == ["no-workspace"] * 5


def test_a_ref_or_folder_that_is_not_there(tmp_path: Path) -> None:
    write(tmp_path / "infra", INFRA)
    work = tmp_path / "wh-work"
    write(work / "plans", WH)
    serve(work, tmp_path / "wh.git")
    file = portfolio_file(
        tmp_path, ['git = "wh.git"\nref = "v9"', 'git = "wh.git"\ndir = "elsewhere"']
    )
    data = check(file)
    assert data["members"][0]["error"] == "no revision `v9` in the repository"
    assert data["members"][1]["error"].startswith("no folder `elsewhere` at HEAD")


def test_a_tag_is_read_as_tagged(tmp_path: Path) -> None:
    work, _ = git_lender(tmp_path)
    git(work, "tag", "v1")
    git(work, "push", "--quiet", "origin", "v1")
    (work / "plans" / "2026-Q4.toml").write_text('[quarter]\nid = "2026-Q4"\n')
    push_change(work, "empty Q4")
    file = portfolio_file(tmp_path, ['git = "wh.git"\nref = "v1"\ndir = "plans"'])
    loaded = load_portfolio(file)
    ws = loaded.members[0].workspace
    assert ws is not None and ws.find("RES-A3") is not None


def test_cache_root_follows_xdg(tmp_path: Path) -> None:
    assert cache_root() == tmp_path / "cache" / "roadmap-tui"


def test_ages_in_words() -> None:
    assert describe_age(1000.0, now=1030.0) == "30 s ago"
    assert describe_age(0.0, now=600.0) == "10 min ago"
    assert describe_age(0.0, now=3 * 86400.0) == "3 days ago"
    assert describe_age(None) == "unknown age"


def test_an_ext_address_runs_nothing(tmp_path: Path) -> None:
    file = portfolio_file(tmp_path, [f'git = "ext::sh -c touch% {tmp_path}/pwned"'])
    data = check(file)
    assert data["members"][0]["error"].startswith("cannot fetch and no cached copy:")
    assert not (tmp_path / "pwned").exists()


class _Payload:
    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, ("touch pwned-by-cache",))


def test_a_commit_read_once_is_kept_and_a_tampered_copy_runs_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pickle

    _, file = git_lender(tmp_path)
    first = check(file)
    kept = list((tmp_path / "cache" / "roadmap-tui" / "portfolio" / "parsed").glob("*.pickle"))
    assert len(kept) == 1
    assert check(file) == first  # read back from the kept copy
    kept[0].write_bytes(pickle.dumps(_Payload()))
    monkeypatch.chdir(tmp_path)
    assert check(file) == first  # a cache miss: read from git again
    assert not (tmp_path / "pwned-by-cache").exists()


def test_branches_read_from_ref_files_agree_with_git(tmp_path: Path) -> None:
    from roadmap_tui.storage.portfolio import _branch_commit

    work, _ = git_lender(tmp_path)
    git(work, "branch", "side")
    roadmap = work / "plans" / "roadmap.toml"
    roadmap.write_text(roadmap.read_text() + "# second\n")
    push_change(work, "second")
    git(work, "push", "--quiet", "origin", "side")
    git(work, "tag", "side", "HEAD")  # a tag of the same name: git prefers it to the branch
    git(work, "push", "--quiet", "origin", "refs/tags/side")
    bare = tmp_path / "wh.git"

    def rev(ref: str) -> str:
        return git(bare, "rev-parse", f"{ref}^{{commit}}").strip()

    assert _branch_commit(bare, "HEAD") == rev("HEAD")
    assert _branch_commit(bare, "main") == rev("main")
    assert _branch_commit(bare, "side") is None  # git's rules: the tag wins; git answers
    assert _branch_commit(bare, "nope") is None
