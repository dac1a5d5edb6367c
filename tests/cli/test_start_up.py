"""What a command imports and reads: only what it needs, each source once, output streamed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from roadmap_tui.cli import main
from roadmap_tui.storage import WorkspaceStore
from tests.conftest import EXAMPLE, WriteWorkspace
from tests.planning.conftest import item, quarter


def _modules_after(*args: str) -> set[str]:
    """Top-level modules a command imported, run in a fresh interpreter with a pipe as stdout."""
    code = (
        "import sys, json\nfrom roadmap_tui.cli import main\n"
        f"sys.argv = ['roadmap', *{list(args)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})), file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(json.loads(done.stderr.strip().splitlines()[-1]))


@pytest.mark.parametrize(
    "args",
    [
        ["check"],
        ["validate"],
        ["capacity"],
        ["deps"],
        ["score"],
        ["score", "--format", "json"],
        ["score", "--format", "csv"],
        ["impact", str(EXAMPLE), "scenario:adopt-account-structure"],
    ],
)
def test_plain_and_json_output_import_no_rich_and_no_writer(args: list[str]) -> None:
    loaded = _modules_after("-w", str(EXAMPLE), *args)
    heavy = loaded & {"rich", "textual", "pptx", "tomlkit", "filelock", "highspy"}
    assert not heavy, f"{args} imports {sorted(heavy)}"


def test_draft_piped_imports_no_rich() -> None:
    loaded = _modules_after("-w", str(EXAMPLE), "draft", "2027-Q2")
    heavy = loaded & {"rich", "textual", "pptx", "tomlkit", "filelock"}
    assert not heavy, f"draft imports {sorted(heavy)}"  # highspy: its solver is needed


def test_a_source_named_twice_is_read_once(monkeypatch: pytest.MonkeyPatch, example: Path) -> None:
    opened: list[str] = []
    real = WorkspaceStore.open.__func__  # type: ignore[attr-defined]

    def counting(
        cls: type[WorkspaceStore],
        /,
        spec: str | Path,
        workspace: Path | None = None,
        **options: Any,
    ) -> WorkspaceStore:
        opened.append(str(spec))
        return real(cls, spec, workspace, **options)  # type: ignore[no-any-return]

    monkeypatch.setattr(WorkspaceStore, "open", classmethod(counting))
    # -w, BASE and ADJUSTED's default all name the same folder (once as ./relative): one read.
    result = CliRunner().invoke(main, ["-w", str(example), "impact", str(example / ".")])
    assert result.exit_code == 0, result.output
    assert len(opened) == 1
    opened.clear()
    result = CliRunner().invoke(
        main, ["-w", str(example), "impact", str(example), "scenario:adopt-account-structure"]
    )
    assert result.exit_code == 0, result.output
    assert len(opened) == 2  # the workspace, the scenario
    assert "No item changes." not in result.output


def test_score_piped_is_plain_rows_with_every_item(example: Path) -> None:
    result = CliRunner().invoke(main, ["score", "-w", str(example), "--quarter", "2027-Q1"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "value-effort: 2027-Q1, 11 items"
    assert lines[1].split() == ["#", "id", "title", "value", "value/effort", "quadrant"]
    assert lines[2].split()[:2] == ["1", "SPACELIFT-DR-DRILL"]
    assert lines[2].endswith("6          3.00  quick win")
    assert len(lines) == 2 + 11 + 1  # title, header, every item, the formula
    assert not any(line != line.rstrip() for line in lines)
    assert not any(ch in result.output for ch in "─│┃━")


def test_json_is_written_as_json_dumps_would(example: Path) -> None:
    result = CliRunner().invoke(main, ["score", "-w", str(example), "--format", "json"])
    assert (
        result.output == json.dumps(json.loads(result.output), indent=2, ensure_ascii=False) + "\n"
    )
    empty = CliRunner().invoke(
        main, ["asks", "-w", str(example), "--quarter", "2031-Q1", "--format", "json"]
    )
    assert empty.output == "[]\n"


def test_capacity_piped_is_a_plain_table(example: Path) -> None:
    result = CliRunner().invoke(main, ["capacity", "-w", str(example), "--quarter", "2027-Q1"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "quarter  team                capacity  own  asked  used  free  note"
    assert lines[1] == "2027-Q1  infra-platform           145  129      0   129    16"
    assert lines[-1] == "No team is over capacity."


def test_a_reader_that_stops_early_gets_no_traceback() -> None:
    command = [sys.executable, "-m", "roadmap_tui", "score", "-w", str(EXAMPLE), "--format", "csv"]
    done = subprocess.run(
        f"{' '.join(command)} | head -1", shell=True, capture_output=True, text=True
    )
    assert done.stdout == "id,title,quarter,framework,value,score,rank,quadrant,missing\n"
    assert "Traceback" not in done.stderr and "Broken pipe" not in done.stderr


def test_the_gate_builds_the_plan_graph_once(
    monkeypatch: pytest.MonkeyPatch, write_ws: WriteWorkspace
) -> None:
    from roadmap_tui.planning import graph

    built: list[object] = []
    real = graph.PlanGraph.__init__

    def counting(self: graph.PlanGraph, ws: object) -> None:
        built.append(ws)
        real(self, ws)  # type: ignore[arg-type]

    monkeypatch.setattr(graph.PlanGraph, "__init__", counting)
    folder = write_ws({"2026-Q4.toml": quarter("2026-Q4", item("A", estimate=200))})
    result = CliRunner().invoke(main, ["check", "-w", str(folder)])
    assert result.exit_code == 1  # infra is over capacity: the capacity step used the graph
    assert "capacity: overloaded: infra 2026-Q4" in result.output
    assert len(built) == 1  # capacity and dependencies shared it


def test_score_on_a_terminal_shows_a_screenful(
    monkeypatch: pytest.MonkeyPatch, example: Path
) -> None:
    monkeypatch.setattr("roadmap_tui.cli.score_cmd.on_terminal", lambda: True)
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.setenv("LINES", "20")
    result = CliRunner().invoke(main, ["score", "-w", str(example)])
    assert result.exit_code == 0, result.output
    shown = 20 - 8  # the screen's lines less the title, header, caption and this note
    assert result.output.rstrip().splitlines()[-1] == (
        f"... and {50 - shown} more items: `--all` shows every one; piped, all are written."
    )
    every = CliRunner().invoke(main, ["score", "-w", str(example), "--all"])
    assert "more items" not in every.output
    assert every.output.count("REQ-") > result.output.count("REQ-")


@pytest.mark.parametrize(
    ("args", "prefetched"),
    [
        (["-w", "{ws}", "validate"], "{ws}"),
        (["-w", "{ws}", "score", "--all"], "{ws}"),
        (["validate"], "plans"),  # the default workspace
        (["-w", "{ws}", "portfolio", "--help"], None),  # reads its members, not this folder
        (["-w", "{ws}", "init", "--help"], None),
    ],
)
def test_the_program_prefetches_the_workspace_it_reads(
    write_ws: WriteWorkspace,
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    prefetched: str | None,
) -> None:
    """Launched as the program (`run()` marks it), the workspace folder is handed to the
    prefetch before the command's module is imported; never under a test runner's invoke."""
    from roadmap_tui.cli.launch import LAUNCHED
    from roadmap_tui.storage import prefetch

    ws = write_ws({})
    asked: list[Path] = []
    monkeypatch.setattr(prefetch, "start", lambda folder: asked.append(folder))
    argv = [arg.format(ws=ws) for arg in args]

    CliRunner().invoke(main, argv, obj={LAUNCHED: True})
    CliRunner().invoke(main, argv)  # not launched: no prefetch

    expected = [] if prefetched is None else [Path(prefetched.format(ws=ws))]
    assert asked == expected
