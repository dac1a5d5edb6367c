"""The measured paths. Each case returns results for one workspace size."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from benchmarks.generate import generate_workspace
from benchmarks.harness import PYTHON, Result, command, interleaved


@dataclass
class Context:
    workdir: Path
    repeats: int
    _cache: dict[tuple[int, int], Path]

    def workspace(self, items: int, teams: int = 9) -> Path:
        """A generated workspace of this size, made once per run."""
        key = (items, teams)
        if key not in self._cache:
            self._cache[key] = generate_workspace(self.workdir / f"ws-{items}-{teams}", items=items, teams=teams)
        return self._cache[key]


Case = Callable[[Context, int], list[Result]]


def validate_case(ctx: Context, size: int) -> list[Result]:
    """`roadmap validate` against a bare `python -c` that parses the same files with tomllib."""
    folder = ctx.workspace(size)
    parse = f"import tomllib, glob\nfor f in sorted(glob.glob({str(folder)!r} + '/*.toml')):\n    tomllib.load(open(f, 'rb'))"
    times = interleaved(
        {
            "validate": command(PYTHON, "-m", "roadmap_tui", "validate", "-w", str(folder)),
            "baseline": command(PYTHON, "-c", parse),
        },
        ctx.repeats,
    )
    return [
        Result(
            path="roadmap validate",
            size=size,
            seconds=times["validate"],
            baseline="python -c tomllib parse",
            baseline_seconds=times["baseline"],
            target="<= 3x" if size == 1000 else "",
            limit_ratio=3.0 if size == 1000 else None,
        )
    ]


CASES: dict[str, Case] = {
    "validate": validate_case,
}
