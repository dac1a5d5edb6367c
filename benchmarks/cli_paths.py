"""Every command a user waits on, as a whole process, against parsing the same files with tomllib.

Each path is timed in turns with the baseline (`python -c` that parses the workspace's files
with tomllib: the floor of any command that reads them), medians of the repeats; a path's
figure is the whole process, start-up included, as a user sees it. Output goes to a pipe, as in
CI or a script.
"""

from __future__ import annotations

import random
import shutil
import subprocess
import tomllib
from pathlib import Path
from typing import Any

import tomli_w

from benchmarks.harness import PYTHON, Result, command, interleaved, interleaved_with_cpu

# path name -> (target ratio at 1,000 items, target ratio at 10,000 items)
TARGETS: dict[str, tuple[float, float]] = {
    "check": (2.0, 1.5),
    "validate": (2.0, 1.5),
    "capacity --check": (2.0, 1.5),
    "deps": (2.0, 1.5),
    "score (all items, piped)": (2.5, 1.5),
    "impact WS WS-with-10%-moved": (2.5, 1.5),
    "draft (last quarter)": (3.0, 2.0),
}
TJ3_MAX_ITEMS = 1000  # tj3 schedules 1,000 tasks in 8-15 s; 10,000 took over 120 s
GROWTH_LIMIT = 1.3  # time may grow at most 1.3x faster than the item count: linear


def parse_baseline(*folders: Path) -> list[str]:
    """Parse every TOML file of the folders with tomllib, in one `python -c`."""
    code = (
        "import tomllib, glob\n"
        f"for folder in {[str(f) for f in folders]!r}:\n"
        "    for f in sorted(glob.glob(folder + '/*.toml')):\n"
        "        tomllib.load(open(f, 'rb'))"
    )
    return [PYTHON, "-c", code]


def moved_copy(folder: Path, target: Path, share: float = 0.10, seed: int = 11) -> Path:
    """A copy of the workspace with `share` of its items moved: quarter items to the next
    quarter, backlog items into the last quarter."""
    if target.exists():
        return target
    shutil.copytree(folder, target)
    quarters = sorted(p.stem for p in folder.glob("2*-Q*.toml"))
    data = {q: tomllib.loads((folder / f"{q}.toml").read_text(encoding="utf-8")) for q in quarters}
    backlog = tomllib.loads((folder / "backlog.toml").read_text(encoding="utf-8"))
    rng = random.Random(seed)
    moving: dict[str, list[Any]] = {q: [] for q in quarters}
    for position, quarter in enumerate(quarters):
        kept = []
        for item in data[quarter].get("items", []):
            if position < len(quarters) - 1 and rng.random() < share:
                moving[quarters[position + 1]].append(item)
            else:
                kept.append(item)
        data[quarter]["items"] = kept
    kept = []
    for item in backlog.get("items", []):
        if rng.random() < share:
            item["status"] = "planned"
            moving[quarters[-1]].append(item)
        else:
            kept.append(item)
    backlog["items"] = kept
    for quarter in quarters:
        data[quarter]["items"].extend(moving[quarter])
        (target / f"{quarter}.toml").write_text(tomli_w.dumps(data[quarter]), encoding="utf-8")
    (target / "backlog.toml").write_text(tomli_w.dumps(backlog), encoding="utf-8")
    return target


def commands(folder: Path, moved: Path) -> dict[str, list[str]]:
    roadmap = [PYTHON, "-m", "roadmap_tui", "-w", str(folder)]
    last = sorted(p.stem for p in folder.glob("2*-Q*.toml"))[-1]
    return {
        "check": [*roadmap, "check"],
        "validate": [*roadmap, "validate"],
        "capacity --check": [*roadmap, "capacity", "--check"],
        "deps": [*roadmap, "deps"],
        "score (all items, piped)": [*roadmap, "score"],
        "impact WS WS-with-10%-moved": [*roadmap, "impact", str(folder), str(moved)],
        "draft (last quarter)": [*roadmap, "draft", last],
        # Without the second process that parses while the program imports: what it brings.
        "check, no prefetch": ["env", "ROADMAP_PREFETCH=0", *roadmap, "check"],
    }


def cli_case(ctx: Any, size: int) -> list[Result]:
    """Every CLI path at this size beside the tomllib parse of the same files."""
    folder = ctx.workspace(size)
    moved = moved_copy(folder, ctx.workdir / f"ws-{size}-moved")
    paths = commands(folder, moved)
    repeats = ctx.repeats if size <= 10_000 else max(1, min(ctx.repeats, 2))
    runs = {name: command(*args) for name, args in paths.items()}
    runs["parse"] = command(*parse_baseline(folder))
    # impact reads two workspaces: its floor is parsing both.
    runs["parse both"] = command(*parse_baseline(folder, moved))
    times, cpu = interleaved_with_cpu(runs, repeats)
    results = []
    for name in paths:
        targets = TARGETS.get(name)  # (1,000 items, 10,000 items); None: for information
        limit = targets[size != 1000] if targets and size in (1000, 10_000) else None
        base = "parse both" if name.startswith("impact") else "parse"
        results.append(
            Result(
                path=f"roadmap {name}",
                size=size,
                seconds=times[name],
                baseline=f"tomllib {base} ({'both workspaces' if base == 'parse both' else 'same files'})",
                baseline_seconds=times[base],
                target=f"<= {limit:g}x" if limit else "",
                limit_ratio=limit,
                cpu_seconds=cpu[name],
                baseline_cpu_seconds=cpu[base],
            )
        )
    results.extend(taskjuggler(ctx, size, folder))
    return results


def growth(results: list[Result]) -> list[Result]:
    """Each CLI path from the second-largest size to the largest: linear within GROWTH_LIMIT.

    On processor time where it was measured: a single slow run on a loaded machine would
    otherwise read as growth."""
    by_path: dict[str, list[Result]] = {}
    for result in results:
        if result.path.startswith("roadmap "):
            by_path.setdefault(result.path, []).append(result)
    rows = []
    for path, runs in by_path.items():
        runs = sorted(runs, key=lambda r: r.size)
        if len(runs) < 2:
            continue
        small, big = runs[-2], runs[-1]
        items = big.size / small.size
        if small.cpu_seconds and big.cpu_seconds:
            grew, basis = big.cpu_seconds / small.cpu_seconds, "processor time"
        else:
            grew, basis = big.seconds / small.seconds, "wall time"
        rows.append(
            Result(
                path=f"growth {path.removeprefix('roadmap ')}",
                size=big.size,
                seconds=grew,
                baseline=f"items x{items:g} (from {small.size:,}), {basis}",
                baseline_seconds=items,
                target=f"time x <= items x {GROWTH_LIMIT}",
                limit_ratio=GROWTH_LIMIT,
                unit="x",
            )
        )
    return rows


# --- TaskJuggler -----------------------------------------------------------------------------


def _tjp(folder: Path) -> str:
    """The workspace's planned items as TaskJuggler tasks: effort, team, dependencies."""
    roadmap = tomllib.loads((folder / "roadmap.toml").read_text(encoding="utf-8"))
    quarters = sorted(p.stem for p in folder.glob("2*-Q*.toml"))
    owner = roadmap["workspace"]["owner"]
    # Ten years: room for every task, so that tj3 schedules them all (with two years it stopped
    # at the first task that did not fit, exit status 1, after half of the work).
    lines = [
        'project roadmap "Roadmap" 2026-07-01 +120m {',
        "  timingresolution 60min",
        "}",
    ]
    for team in roadmap.get("teams", []):
        ident = team["id"].replace("-", "_")
        lines.append(f'resource {ident} "{team["id"]}" {{')
        lines.append("  efficiency 5.0")
        lines.append("}")
    known: set[str] = set()
    tasks: list[tuple[str, dict[str, Any]]] = []
    for quarter in quarters:
        data = tomllib.loads((folder / f"{quarter}.toml").read_text(encoding="utf-8"))
        for item in data.get("items", []):
            ident = "t_" + item["id"].replace("-", "_").replace(".", "_")
            known.add(item["id"])
            tasks.append((ident, item))
    for ident, item in tasks:
        team = (item.get("team") or owner).replace("-", "_")
        lines.append(f'task {ident} "{item["id"]}" {{')
        lines.append(f"  effort {max(1, int(item.get('estimate') or 1))}d")
        lines.append(f"  allocate {team}")
        deps = [d for d in item.get("depends_on", []) if d in known]
        if deps:
            names = ", ".join("!t_" + d.replace("-", "_").replace(".", "_") for d in deps)
            lines.append(f"  depends {names}")
        lines.append("}")
    return "\n".join(lines) + "\n"


def taskjuggler(ctx: Any, size: int, folder: Path) -> list[Result]:
    """`roadmap check` against TaskJuggler (`tj3`, which also schedules) on the same tasks."""
    tj3 = shutil.which("tj3")
    if tj3 is None:
        if "tj3" not in ctx.done:
            ctx.done.add("tj3")
            print("tj3 (TaskJuggler) is not installed: the side-by-side rows are skipped")
        return []
    if size > TJ3_MAX_ITEMS:
        # Its target is at 1,000 items; on 10,000 it had not finished after 120 s here, and
        # would hold a core of the shared machine meanwhile.
        print(f"tj3 runs up to {TJ3_MAX_ITEMS:,} items: skipped at {size:,}")
        return []
    project = ctx.workdir / f"ws-{size}.tjp"
    project.write_text(_tjp(folder), encoding="utf-8")
    runs = {
        "check": command(PYTHON, "-m", "roadmap_tui", "-w", str(folder), "check"),
        "tj3": command(tj3, "--no-reports", str(project)),
    }
    try:  # a first run, untimed: one that takes over two minutes is not repeated
        subprocess.run(
            [tj3, "--no-reports", str(project)], capture_output=True, check=False, timeout=120
        )
    except subprocess.TimeoutExpired:
        print(f"tj3 took over 120 s on {size:,} items: the side-by-side row is skipped")
        return []
    times = interleaved(runs, max(1, min(ctx.repeats, 3)))
    return [
        Result(
            path="roadmap check against tj3 (TaskJuggler)",
            size=size,
            seconds=times["check"],
            baseline="tj3 --no-reports, same tasks",
            baseline_seconds=times["tj3"],
            target="<= 0.2x (5x faster)" if size == 1000 else "",
            limit_ratio=0.2 if size == 1000 else None,
        )
    ]
