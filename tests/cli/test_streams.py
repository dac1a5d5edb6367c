"""The command line as a Unix tool: a reader that stops early ends it quietly."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from benchmarks.generate import generate_workspace


def test_a_reader_that_stops_early_ends_the_program_quietly(tmp_path: Path) -> None:
    # 2,000 items give far more than a pipe's buffer (64 KiB) of rows, so the write fails.
    folder = generate_workspace(tmp_path / "ws", items=2000)
    pipeline = (
        f"set -o pipefail; {sys.executable} -m roadmap_tui -w {folder} score --format csv | head -1"
    )
    result = subprocess.run(["bash", "-c", pipeline], capture_output=True, text=True, timeout=120)
    assert result.stdout.splitlines() == [
        "id,title,quarter,framework,value,score,rank,quadrant,missing"
    ]
    assert result.stderr == ""  # no "Broken pipe", no traceback
    assert result.returncode == 141  # ended by SIGPIPE, as `yes | head -1` is
