"""`python -m benchmarks`: measure every path beside its baseline; exit 1 when a target is missed."""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from benchmarks.cases import CASES, Context
from benchmarks.cli_paths import growth
from benchmarks.harness import Result, compile_bytecode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument(
        "--sizes",
        default="1000,10000",
        help="item counts, comma-separated (growth: 1000,10000,50000)",
    )
    parser.add_argument("--repeats", type=int, default=5, help="timed runs per path (median)")
    parser.add_argument(
        "--only", default="", help="comma-separated case names: " + ", ".join(CASES)
    )
    parser.add_argument("--out", type=Path, help="write results as JSON")
    parser.add_argument(
        "--smoke", action="store_true", help="smallest size, one run, no pass/fail on time"
    )
    args = parser.parse_args(argv)
    sizes = [100] if args.smoke else [int(s) for s in args.sizes.split(",") if s]
    repeats = 1 if args.smoke else args.repeats
    names = [n for n in args.only.split(",") if n] or list(CASES)
    results: list[Result] = []
    compile_bytecode()
    with tempfile.TemporaryDirectory(prefix="roadmap-bench-") as tmp:
        ctx = Context(Path(tmp), repeats, {}, smoke=args.smoke)
        for name in names:
            for size in sizes:
                for result in CASES[name](ctx, size):
                    results.append(result)
                    print(_row(result, smoke=args.smoke), flush=True)
    for result in growth(results):
        results.append(result)
        print(_row(result, smoke=args.smoke), flush=True)
    if args.out:
        args.out.write_text(json.dumps([r.as_dict() for r in results], indent=2), encoding="utf-8")
    _growth(results)
    missed = [r for r in results if not r.passed]
    if args.smoke:
        print(f"smoke: {len(results)} measurements, no pass/fail on time")
        return 0
    print(f"{len(results) - len(missed)} passed, {len(missed)} failed")
    return 1 if missed else 0


def _growth(results: list[Result]) -> None:
    """How each path's time grows with the workspace (close to linear is the expectation)."""
    by_path: dict[str, list[Result]] = {}
    for result in results:
        by_path.setdefault(result.path, []).append(result)
    lines = []
    for path, runs in by_path.items():
        runs = sorted(runs, key=lambda r: r.size)
        if len(runs) < 2 or runs[0].seconds <= 0:
            continue
        first, last = runs[0], runs[-1]
        lines.append(
            f"  {path:<42} {first.size:>6} -> {last.size:>6} items (x{last.size / first.size:g}):"
            f" time x{last.seconds / first.seconds:.1f}"
        )
    if lines:
        print("growth:")
        print("\n".join(lines))


def _amount(value: float, unit: str) -> str:
    if unit == "x":
        return f"{value:8.2f} x "
    if unit == "MiB":
        return f"{value:9.1f} MiB"
    if value < 0.01:
        return f"{value * 1e6:8.0f} µs"
    return f"{value * 1000:9.1f} ms"


def _row(result: Result, *, smoke: bool) -> str:
    ratio = f"{result.ratio:5.2f}x {result.baseline}" if result.ratio is not None else ""
    if result.unit == "x":
        ratio = f"for {result.baseline}"
    base = (
        f"baseline {_amount(result.baseline_seconds, result.unit)}"
        if result.baseline_seconds
        else ""
    )
    verdict = (
        ""
        if smoke or not result.target
        else ("ok  " if result.passed else "MISS") + f" target {result.target}"
    )
    cpu = f" (cpu {result.cpu_ratio:.2f}x)" if result.cpu_ratio is not None else ""
    return f"{result.path:<42} {result.size:>6} items {_amount(result.seconds, result.unit)} {base} {ratio}{cpu} {verdict}".rstrip()


if __name__ == "__main__":
    sys.exit(main())
