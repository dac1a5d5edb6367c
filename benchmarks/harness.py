"""Timing helpers: medians of repeated runs, each path beside its baseline in the same run."""

from __future__ import annotations

import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any


@dataclass
class Result:
    path: str
    size: int
    seconds: float
    baseline: str | None = None
    baseline_seconds: float | None = None
    target: str = ""
    limit_ratio: float | None = None  # path/baseline must be <= this
    limit_seconds: float | None = None  # path must take less than this
    limit_over_baseline: float | None = None  # path - baseline must be under this (seconds)
    unit: str = "ms"  # how `seconds` is shown: "ms", or "MiB" when it holds mebibytes
    # Processor time (user + system) of the child processes, beside their wall time: on a
    # shared machine it moves less with the load than wall time does.
    cpu_seconds: float | None = None
    baseline_cpu_seconds: float | None = None

    @property
    def cpu_ratio(self) -> float | None:
        if self.cpu_seconds and self.baseline_cpu_seconds:
            return self.cpu_seconds / self.baseline_cpu_seconds
        return None

    @property
    def ratio(self) -> float | None:
        if self.baseline_seconds:
            return self.seconds / self.baseline_seconds
        return None

    @property
    def passed(self) -> bool:
        ok = True
        if self.limit_ratio is not None and self.ratio is not None:
            ok = ok and self.ratio <= self.limit_ratio
        if self.limit_seconds is not None:
            ok = ok and self.seconds < self.limit_seconds
        if self.limit_over_baseline is not None and self.baseline_seconds is not None:
            ok = ok and self.seconds - self.baseline_seconds < self.limit_over_baseline
        return ok

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["ratio"] = self.ratio
        data["cpu_ratio"] = self.cpu_ratio
        data["passed"] = self.passed
        return data


def median_time(run: Callable[[], object], repeats: int) -> float:
    """Median wall time of `repeats` calls (one warm-up call first)."""
    run()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def interleaved(runs: dict[str, Callable[[], object]], repeats: int) -> dict[str, float]:
    """Medians of several paths timed in turns, so machine load hits them alike."""
    return interleaved_with_cpu(runs, repeats)[0]


def interleaved_with_cpu(
    runs: dict[str, Callable[[], object]], repeats: int
) -> tuple[dict[str, float], dict[str, float]]:
    """Wall-time medians as `interleaved`, and the medians of the processor time the child
    processes each run started took (0 for runs in this process)."""
    for run in runs.values():
        run()
    samples: dict[str, list[float]] = {name: [] for name in runs}
    cpu: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(repeats):
        for name, run in runs.items():
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            run()
            samples[name].append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu[name].append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return (
        {name: statistics.median(values) for name, values in samples.items()},
        {name: statistics.median(values) for name, values in cpu.items()},
    )


def command(*args: str) -> Callable[[], object]:
    """A callable that runs a command (quietly) and fails loudly if it fails."""

    def run() -> object:
        result = subprocess.run(list(args), capture_output=True, check=False)
        if result.returncode not in (0, 1):
            raise RuntimeError(f"{' '.join(args)} failed: {result.stderr.decode()[-500:]}")
        return result

    return run


PYTHON = sys.executable


def compile_bytecode() -> None:
    """Compile the app's modules once, as installing it does, before anything is timed.

    An installed package comes with its bytecode (pip compiles it), as the standard library
    the baseline imports does. A checkout run in place writes it at its first start, unless
    PYTHONDONTWRITEBYTECODE is set, as on the shared benchmark machine: then every start
    compiled about 50 modules again (60 ms of processor time), a cost no user pays twice.
    """
    import compileall
    import importlib.util

    spec = importlib.util.find_spec("roadmap_tui")
    if spec is None or not spec.submodule_search_locations:
        return
    for folder in spec.submodule_search_locations:
        compileall.compile_dir(folder, quiet=1)
