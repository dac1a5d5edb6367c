"""The second process that parses a workspace while the command starts (`storage.prefetch`):
its tables are used only for the very bytes the loader read, and anything it could not do
is done as before."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from roadmap_tui.storage import prefetch
from roadmap_tui.storage.loader import load_source
from roadmap_tui.storage.sources import read_folder
from tests.conftest import WriteWorkspace

Q3 = """\
[quarter]
id = "2026-Q3"

[[items]]
id = "A-1"
title = "Terraform module"
team = "infra"
estimate = 5

[[items]]
id = "A-2"
title = "Spacelift stacks"
team = "infra"
estimate = 3
"""
BACKLOG = """\
[[items]]
id = "B-1"
title = "Helm chart tests"
team = "infra"
estimate = 8
"""


@pytest.fixture(autouse=True)
def no_child_left() -> Iterator[None]:
    yield
    child = prefetch.pending()
    prefetch.finish(child.folder if child is not None else None)
    assert prefetch.pending() is None


@pytest.fixture
def parsed_here(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files this process parses itself (the child, forked before, is not counted)."""
    texts: list[str] = []
    real = tomllib.loads

    def counted(text: str, **kwargs: Any) -> dict[str, Any]:
        texts.append(text)
        return real(text, **kwargs)

    monkeypatch.setattr(tomllib, "loads", counted)
    return texts


def _titles(folder: Path) -> dict[str, str]:
    loaded = load_source(read_folder(folder))
    assert loaded.workspace is not None
    return {item.id: item.title for item in loaded.workspace.all_items()}


def _all_sent(folder: Path) -> prefetch.Prefetch:
    """A child for `folder` that has parsed and sent every file (small files fit the pipe): the
    loader then takes none back to parse itself. It has exited but is not collected: that is
    left to `prefetch.finish`, which the tests check."""
    child = prefetch.start(folder, least_bytes=0, when_busy=True)
    assert child is not None
    os.waitid(os.P_PID, child.pid, os.WEXITED | os.WNOWAIT)
    return child


def _gone(pid: int) -> bool:
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


def test_the_loader_takes_every_file_from_the_child(
    write_ws: WriteWorkspace, parsed_here: list[str]
) -> None:
    folder = write_ws({"2026-Q3.toml": Q3, "backlog.toml": BACKLOG})
    child = _all_sent(folder)
    parsed_here.clear()

    titles = _titles(folder)

    assert titles == {
        "A-1": "Terraform module",
        "A-2": "Spacelift stacks",
        "B-1": "Helm chart tests",
    }
    assert parsed_here == []  # roadmap.toml, 2026-Q3.toml and backlog.toml: all the child's
    assert prefetch.pending() is None and _gone(child.pid)  # stopped and collected once read


def test_while_the_child_is_busy_the_loader_parses_the_files_it_has_not_reached(
    write_ws: WriteWorkspace,
    parsed_here: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With 10,000 items the child's parse is the longest part of a start: rather than wait,
    the loader parses the last files itself, and the child skips them."""
    folder = write_ws({"2026-Q3.toml": Q3, "backlog.toml": BACKLOG})
    log = tmp_path / "child.log"
    parent = os.getpid()
    parse = prefetch._parsed  # noqa: SLF001 - the child's parse, slowed down in the child only

    def slow_in_the_child(path: Path, name: str) -> Any:
        if os.getpid() != parent:
            with log.open("a", encoding="utf-8") as out:
                out.write(name + "\n")
            if name == "roadmap.toml":
                time.sleep(1.0)  # the parent asks for it first, and waits; meanwhile...
        return parse(path, name)

    monkeypatch.setattr(prefetch, "_parsed", slow_in_the_child)
    assert prefetch.start(folder, least_bytes=0, when_busy=True) is not None
    parsed_here.clear()

    titles = _titles(folder)

    assert titles["B-1"] == "Helm chart tests" and titles["A-2"] == "Spacelift stacks"
    # ...the loader parsed the two files the child had not reached, the last first,
    assert parsed_here == [BACKLOG, Q3]
    # and the child, told so before its next file, parsed roadmap.toml only.
    assert log.read_text(encoding="utf-8") == "roadmap.toml\n"


def test_a_file_changed_after_the_child_read_it_is_parsed_again(
    write_ws: WriteWorkspace, parsed_here: list[str]
) -> None:
    folder = write_ws({"2026-Q3.toml": Q3})
    _all_sent(folder)
    changed = Q3.replace("Terraform module", "Terraform module v2")
    (folder / "2026-Q3.toml").write_text(changed, encoding="utf-8")
    parsed_here.clear()

    titles = _titles(folder)

    assert titles["A-1"] == "Terraform module v2"
    assert parsed_here == [changed]  # only the changed file; roadmap.toml was the child's


def test_a_broken_file_is_reported_as_without_the_child(write_ws: WriteWorkspace) -> None:
    broken = Q3.replace("estimate = 3\n", 'estimate = 3\ntitle = "twice"\n')
    folder = write_ws({"2026-Q3.toml": broken})
    expected = [(p.file, p.line, p.message) for p in load_source(read_folder(folder)).problems]
    assert [line for _, line, _ in expected] == [15]  # the second title of A-2, located

    assert prefetch.start(folder, least_bytes=0, when_busy=True) is not None
    problems = [(p.file, p.line, p.message) for p in load_source(read_folder(folder)).problems]

    assert problems == expected


def test_a_file_over_a_limit_is_reported_as_without_the_child(
    write_ws: WriteWorkspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The child checks the limits too; a file it refuses is the parent's to parse and report.
    from roadmap_tui.storage import limits

    monkeypatch.setattr(limits, "MAX_TEXT_CHARS", 20)  # inherited by the child, forked after
    folder = write_ws({"2026-Q3.toml": Q3.replace("Spacelift stacks", "Spacelift stacks" * 2)})
    expected = [(p.file, p.where, p.message) for p in load_source(read_folder(folder)).problems]
    assert [where for _, where, _ in expected] == ["items[1].title"]

    assert prefetch.start(folder, least_bytes=0, when_busy=True) is not None
    problems = [(p.file, p.where, p.message) for p in load_source(read_folder(folder)).problems]

    assert problems == expected


def test_the_child_sends_tables_checked_with_their_key_names_shared(
    write_ws: WriteWorkspace, parsed_here: list[str]
) -> None:
    folder = write_ws({"2026-Q3.toml": Q3})
    _all_sent(folder)
    data = (folder / "2026-Q3.toml").read_bytes()
    parsed_here.clear()

    raw = prefetch.tables(folder, "2026-Q3.toml", data, data.decode())

    assert parsed_here == []
    first, second = raw["items"]
    assert [k1 is k2 for k1, k2 in zip(first, second, strict=True)] == [True] * 4
    assert second == {"id": "A-2", "title": "Spacelift stacks", "team": "infra", "estimate": 3}


def test_a_child_that_died_leaves_the_parse_to_the_loader(
    write_ws: WriteWorkspace, parsed_here: list[str]
) -> None:
    folder = write_ws({"2026-Q3.toml": Q3, "backlog.toml": BACKLOG})
    child = prefetch.start(folder, least_bytes=0, when_busy=True)
    assert child is not None
    os.kill(child.pid, 9)
    os.waitpid(child.pid, 0)
    parsed_here.clear()

    assert _titles(folder)["B-1"] == "Helm chart tests"
    # Whatever it had sent before it died is used; the rest is parsed here.
    assert len(parsed_here) <= 3


def test_another_folder_with_the_same_names_is_parsed_here(
    write_ws: WriteWorkspace, tmp_path: Path, parsed_here: list[str]
) -> None:
    folder = write_ws({"2026-Q3.toml": Q3})
    other = tmp_path / "other"
    other.mkdir()
    for name in ("roadmap.toml", "2026-Q3.toml"):
        (other / name).write_bytes((folder / name).read_bytes())
    _all_sent(folder)
    parsed_here.clear()

    _titles(other)

    assert len(parsed_here) == 2  # same bytes, but not the folder prefetched
    assert prefetch.pending() is not None  # still waiting for its own folder
    _titles(folder)
    assert len(parsed_here) == 2 and prefetch.pending() is None


def test_no_child_for_a_small_workspace_or_when_turned_off(
    write_ws: WriteWorkspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = write_ws({"2026-Q3.toml": Q3})
    size = sum(p.stat().st_size for p in folder.glob("*.toml"))

    assert prefetch.start(folder, least_bytes=size + 1, when_busy=True) is None
    monkeypatch.setenv(prefetch.SWITCH, "0")
    assert prefetch.start(folder, least_bytes=0, when_busy=True) is None
    monkeypatch.delenv(prefetch.SWITCH)
    assert (
        prefetch.start(folder / "missing", least_bytes=0, when_busy=True) is None
    )  # nothing to read


def test_the_child_skips_links_and_the_loader_reads_them_itself(
    write_ws: WriteWorkspace, parsed_here: list[str]
) -> None:
    folder = write_ws({})
    (folder / "real").mkdir()
    (folder / "real" / "q3.toml").write_text(Q3, encoding="utf-8")
    (folder / "2026-Q3.toml").symlink_to(folder / "real" / "q3.toml")
    assert prefetch.start(folder, least_bytes=0, when_busy=True) is not None
    parsed_here.clear()

    assert _titles(folder)["A-2"] == "Spacelift stacks"
    assert parsed_here == [Q3]  # the link's target, parsed here; roadmap.toml was the child's


def test_the_program_says_the_same_with_and_without_the_child(write_ws: WriteWorkspace) -> None:
    """End to end: `roadmap score` launched as a program on a workspace over the threshold."""
    title = "Self-service module " * 4
    items = "".join(
        f'[[items]]\nid = "B-{n}"\ntitle = "{title}{n}"\nteam = "infra"\n'
        f"estimate = {n % 9 + 1}\nscore = {{ value = {n % 7 + 1}, effort = 2 }}\n\n"
        for n in range(700)
    )
    folder = write_ws({"backlog.toml": items})
    assert sum(p.stat().st_size for p in folder.glob("*.toml")) > prefetch.LEAST_BYTES

    def run(switch: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, prefetch.SWITCH: switch}
        command = [sys.executable, "-m", "roadmap_tui", "-w", str(folder), "score", "--all"]
        return subprocess.run(command, capture_output=True, text=True, env=env, check=False)

    with_child, without = run("1"), run("0")  # "1": the child even on a busy machine

    assert (with_child.returncode, with_child.stdout) == (without.returncode, without.stdout)
    assert "B-699" in with_child.stdout and with_child.stderr == without.stderr == ""


@pytest.mark.parametrize(
    ("cores", "load", "forks"),
    [
        ({0, 1}, 0.2, True),
        ({0, 1}, 1.9, True),  # this program's own runs, back to back
        ({0, 1}, 2.1, False),  # another busy process on top
        ({0}, 0.0, False),  # one core
        ({0, 1, 2, 3}, 3.5, True),
    ],
)
def test_a_child_only_where_a_core_is_likely_free(
    write_ws: WriteWorkspace,
    monkeypatch: pytest.MonkeyPatch,
    cores: set[int],
    load: float,
    forks: bool,
) -> None:
    folder = write_ws({"2026-Q3.toml": Q3})
    monkeypatch.delenv(prefetch.SWITCH, raising=False)
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: cores)
    monkeypatch.setattr(os, "getloadavg", lambda: (load, 0.0, 0.0))

    assert (prefetch.start(folder, least_bytes=0) is not None) is forks
