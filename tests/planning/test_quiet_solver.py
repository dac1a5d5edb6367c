"""What the solver prints below Python never reaches standard output."""

from __future__ import annotations

import json
import subprocess
import sys

_PROGRAM = """
import ctypes, json, os, sys
from roadmap_tui.planning.quiet import solver_output_silenced
print("before", flush=False)  # still buffered when the block starts: must come out first
with solver_output_silenced():
    os.write(1, b"HighsMipSolverData::transformNewIntegerFeasibleSolution tmpSolver.run();\\n")
    libc = ctypes.CDLL(None)
    libc.printf(b"buffered by C stdio, flushed only at exit unless flushed here\\n")
print(json.dumps({"ok": True}))
"""


def test_descriptor_level_output_inside_the_block_is_dropped() -> None:
    result = subprocess.run(
        [sys.executable, "-c", _PROGRAM], capture_output=True, text=True, check=True
    )
    lines = result.stdout.splitlines()
    assert lines == ["before", '{"ok": true}']
    assert json.loads(lines[1]) == {"ok": True}


def test_the_solver_still_answers_inside_the_block() -> None:
    from roadmap_tui.planning.solver import choose

    # Two items of 6 days and one of 7 in 12 days: both 6-day items (value 10) beat the 7 (9).
    selection = choose([5.0, 5.0, 9.0], [{"t": 6}, {"t": 6}, {"t": 7}], {"t": 12})
    assert selection.chosen == frozenset({0, 1}) and selection.optimal
