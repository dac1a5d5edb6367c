"""The CI gate (`validate && capacity --check && deps`) fails on cycles and on what it cannot
read, and says where."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result

from roadmap_tui.cli import main

from .conftest import WriteFolder, files, item


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def _cycle(folder: WriteFolder) -> Path:
    return folder(
        files(quarters={"2026-Q4": [item("A", depends_on=["B"]), item("B", depends_on=["A"])]})
    )


def test_a_two_item_cycle_fails_validate_located(folder: WriteFolder) -> None:
    path = _cycle(folder)
    result = run("validate", "-w", str(path))
    assert result.exit_code == 1
    assert (
        f"{path}/2026-Q4.toml:8: items[A].depends_on: dependency cycle: A -> B -> A"
        " (no order can plan it)"
    ) in result.stderr.splitlines()


def test_a_two_item_cycle_fails_deps_located(folder: WriteFolder) -> None:
    path = _cycle(folder)
    for args in ((), ("--format", "json")):
        result = run("deps", "-w", str(path), *args)
        assert result.exit_code == 1
        assert "2026-Q4.toml:8: items[A].depends_on: dependency cycle: A -> B -> A" in (
            result.stderr
        )


def test_capacity_and_deps_fail_on_a_file_they_cannot_read(folder: WriteFolder) -> None:
    # 2026-Q3 overloads infra (60 of 50) but cannot be read: the gate must not pass.
    path = folder(files(quarters={"2026-Q3": [item("OVER", estimate=60)], "2026-Q4": []}))
    (path / "2026-Q3.toml").write_text("[quarter\n", encoding="utf-8")
    for command in (
        ("capacity",),
        ("capacity", "--check"),
        ("deps",),
        ("deps", "--format", "json"),
    ):
        result = run(*command, "-w", str(path))
        assert result.exit_code == 1, command
        assert f"error: could not read all of {path}/2026-Q3.toml" in result.stderr
        assert f"{path}/2026-Q3.toml:1:" in result.stderr  # the problem itself, located
    check = run("capacity", "--check", "-w", str(path))
    assert "No team is over capacity." not in check.stdout
    assert "No team is over capacity in what could be read." in check.stdout


def test_a_clean_workspace_still_passes(folder: WriteFolder) -> None:
    path = folder(files(quarters={"2026-Q4": [item("A", estimate=5, depends_on=["B"]), item("B")]}))
    assert run("validate", "-w", str(path)).exit_code == 0
    assert run("capacity", "--check", "-w", str(path)).exit_code == 0
    assert run("deps", "-w", str(path)).exit_code == 0
