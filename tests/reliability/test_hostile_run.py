"""A robustness run: hostile files and hostile texts through every reading command.

Each input is a private copy of the example workspace with one thing made hostile: a file that
is a FIFO, a link to /dev/zero or out of the workspace, a sparse file over the size limit,
bytes that are no TOML, a 5,000-digit integer, nesting 40 deep, a megabyte title, a dependency
cycle; or titles, notes and team names holding terminal escapes, spreadsheet formulas, Slack
mentions, Markdown and bare URLs. Every command runs on it in its own process (so a hang is a
timeout, not a stuck test run) or in-process for the text cases. Counted:

- tracebacks: a Python traceback on stderr, or an exception other than SystemExit;
- hangs: a command not done within the timeout;
- data losses: any plan file whose bytes changed (every command here only reads);
- injections: a control character on the terminal, a CSV cell a spreadsheet would run, a
  Slack mention or link, an autolinkable URL in the Markdown from the hostile texts.
"""

from __future__ import annotations

import csv
import io
import os
import random
import re
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner

from roadmap_tui.cli import main
from roadmap_tui.storage import WorkspaceStore
from roadmap_tui.storage.limits import MAX_FILE_BYTES
from tests.reliability.figures import record

REPO = Path(__file__).resolve().parents[2]
TIMEOUT = 60
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
TEXTS = [
    "\x1b]0;pwned\x07 window title",
    "\x1b]8;;https://evil.example\x1b\\hidden link\x1b]8;;\x1b\\",
    "\x1b[2J\x1b[H cleared",
    "\r=cmd|' /C calc'!A0",
    '=HYPERLINK("https://evil.example","x")',
    "@SUM(1+1)",
    "+1-2",
    "<!channel> <@U123> <https://evil.example|docs>",
    "see https://evil.example and www.evil.example, bob@evil.example",
    "[x](javascript:alert(1)) <script>x</script> # not a heading",
    "\u202etxt.exe",
    "tab\tand\nnewline",
    "\x9b31m C1",
]
COMMANDS = [
    ["validate"],
    ["score"],
    ["score", "--format", "json"],
    ["score", "--format", "csv"],
    ["capacity", "--check"],
    ["deps"],
    ["asks"],
    ["draft"],
    ["impact", "{ws}", "scenario:hostile"],
    ["notices", "{ws}", "scenario:hostile"],
    ["export", "markdown", "{ws}", "scenario:hostile"],
    ["request", "list"],
    ["feedback", "list"],
    ["feedback", "report"],
    ["announce", "--since", "2020-01-01"],
]


def _plan_files(folder: Path) -> dict[str, bytes]:
    found = {}
    for path in folder.rglob("*.toml"):
        if path.is_file() and not path.is_symlink():
            found[str(path.relative_to(folder))] = path.read_bytes()
    return found


# --- hostile files --------------------------------------------------------------------------
def _fifo(ws: Path) -> None:
    (ws / "2026-Q4.toml").unlink()
    os.mkfifo(ws / "2026-Q4.toml")


def _dev_zero(ws: Path) -> None:
    (ws / "backlog.toml").unlink()
    (ws / "backlog.toml").symlink_to("/dev/zero")


def _outside(ws: Path) -> None:
    secret = ws.parent / "secret.toml"
    secret.write_text('[[items]]\nid = "SECRET"\ntitle = "outside"\n', encoding="utf-8")
    (ws / "2031-Q1.toml").symlink_to(secret)


def _sparse(ws: Path) -> None:
    with (ws / "2027-Q2.toml").open("r+b") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)


def _binary(ws: Path) -> None:
    (ws / "2027-Q1.toml").write_bytes(b"\xff\xfe\x00garbage\x1b[2J")


def _big_int(ws: Path) -> None:
    with (ws / "backlog.toml").open("a", encoding="utf-8") as out:
        out.write('\n[[items]]\nid = "BIG-1"\ntitle = "big"\nestimate = ' + "9" * 5000 + "\n")


def _deep(ws: Path) -> None:
    with (ws / "backlog.toml").open("a", encoding="utf-8") as out:
        out.write("\nx = " + "[" * 40 + "]" * 40 + "\n")


def _long_text(ws: Path) -> None:
    with (ws / "backlog.toml").open("a", encoding="utf-8") as out:
        out.write('\n[[items]]\nid = "LONG-1"\ntitle = "' + "x" * (1024 * 1024 + 1) + '"\n')


def _cycle(ws: Path) -> None:
    with (ws / "backlog.toml").open("a", encoding="utf-8") as out:
        out.write(
            '\n[[items]]\nid = "CYC-1"\ntitle = "a"\ndepends_on = ["CYC-2"]\n'
            '\n[[items]]\nid = "CYC-2"\ntitle = "b"\ndepends_on = ["CYC-1"]\n'
        )


def _folder(ws: Path) -> None:
    (ws / "2031-Q2.toml").mkdir()


def _scenarios_link(ws: Path) -> None:
    outside = ws.parent / "elsewhere"
    outside.mkdir()
    shutil.rmtree(ws / "scenarios")
    (ws / "scenarios").symlink_to(outside)


FILE_ATTACKS: dict[str, Callable[[Path], None]] = {
    "fifo": _fifo,
    "link to /dev/zero": _dev_zero,
    "link out of the workspace": _outside,
    "sparse file over the limit": _sparse,
    "binary bytes": _binary,
    "5,000-digit integer": _big_int,
    "nesting 40 deep": _deep,
    "a megabyte title": _long_text,
    "dependency cycle": _cycle,
    "folder named .toml": _folder,
    "scenarios/ a link": _scenarios_link,
}


def _hostile_texts(ws: Path, rng: random.Random) -> None:
    """Every title, note and team name of the workspace and of scenario `hostile` replaced."""
    store = WorkspaceStore.open(ws)
    data = store.workspace
    for item in data.all_items():
        item.title = rng.choice(TEXTS) + f" {item.id}"
        item.note = rng.choice(TEXTS)
    for team in data.roadmap.teams:
        team.name = rng.choice(TEXTS)
    if data.feedback is not None:
        for entry in data.feedback.feedback:
            entry.experience = rng.choice(TEXTS)
    store.save(data)
    shutil.rmtree(ws / "scenarios", ignore_errors=True)
    CliRunner().invoke(main, ["-w", str(ws), "scenario", "new", "hostile"])
    scenario = WorkspaceStore.open("scenario:hostile", workspace=ws)
    changed = scenario.workspace
    quarter = changed.quarter_ids()[1]
    moved = changed.items_in(quarter)[:3]
    for item in moved:
        changed.items_in(quarter).remove(item)
        changed.items_in(changed.quarter_ids()[-1]).append(item)
        item.title = rng.choice(TEXTS)
    scenario.save(changed)


# --- what counts as an injection ------------------------------------------------------------
def _injections(args: list[str], stdout: str, stderr: str) -> int:
    found = 0
    if CONTROL.search(stdout.replace("\t", "")) and "csv" not in args:
        found += 1
    if CONTROL.search(stderr.replace("\t", "")):
        found += 1
    if "csv" in args:
        for row in csv.reader(io.StringIO(stdout, newline="")):
            for cell in row:
                if cell[:1] in ("=", "+", "-", "@", "\t", "\r", "\n") and not re.fullmatch(
                    r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?", cell
                ):
                    found += 1
        if re.search(r"\r(?![^\"]*\")", re.sub(r'"(?:[^"]|"")*"', "", stdout)):
            found += 1
    if args[0] == "notices" and re.search(r"<[!@#]|<https?:", stdout):
        found += 1
    markdown = args[0] in ("export", "announce") or args[:2] == ["feedback", "report"]
    if markdown and re.search(r"(?<![\\<])(https?://evil|www\.evil)|\w@evil", stdout):
        found += 1
    return found


def _run_subprocess(ws: Path, args: list[str]) -> tuple[str, str, bool, bool]:
    """stdout, stderr, traceback, hang."""
    try:
        done = subprocess.run(
            [sys.executable, "-m", "roadmap_tui", "-w", str(ws), *args],
            capture_output=True,
            text=True,
            errors="replace",
            timeout=TIMEOUT,
            cwd=REPO,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return "", "", False, True
    return done.stdout, done.stderr, "Traceback (most recent call last)" in done.stderr, False


def _run_inprocess(ws: Path, args: list[str]) -> tuple[str, str, bool, bool]:
    result = CliRunner().invoke(main, ["-w", str(ws), *args])
    crashed = result.exception is not None and not isinstance(result.exception, SystemExit)
    return result.stdout, result.stderr, crashed, False


def test_hostile_run(tmp_path: Path, example: Path, slow: bool) -> None:
    counts: Counter[str] = Counter()
    seen: list[object] = []
    rng = random.Random(21)
    rounds = 6 if slow else 1
    cases: list[tuple[str, Callable[[Path], None] | None, bool]] = [
        (name, attack, True) for name, attack in FILE_ATTACKS.items()
    ]
    cases += [(f"hostile texts #{n}", None, False) for n in range(rounds)]
    commands = COMMANDS if slow else [*COMMANDS[::2], COMMANDS[3], COMMANDS[9]]
    for case, (name, attack, isolated) in enumerate(cases):
        ws = tmp_path / f"case-{case}" / "plans"
        shutil.copytree(example, ws)
        if attack is not None:
            attack(ws)
        else:
            _hostile_texts(ws, rng)
        outside = ws.parent / "elsewhere"
        before = _plan_files(ws.parent)
        for command in commands:
            args = [part.replace("{ws}", str(ws)) for part in command]
            run = _run_subprocess if isolated else _run_inprocess
            stdout, stderr, traceback, hang = run(ws, args)
            counts["inputs_tried"] += 1
            counts["tracebacks"] += traceback
            counts["hangs"] += hang
            injected = _injections(args, stdout, stderr)
            counts["injections"] += injected
            if injected:
                seen.append((name, args, stdout[-3000:], stderr[-3000:]))
            assert not traceback, (name, args, stderr[-2000:])
            assert not hang, (name, args)
        counts["data_losses"] += _plan_files(ws.parent) != before
        if outside.is_dir():
            counts["data_losses"] += any(outside.iterdir())
    assert counts["tracebacks"] == counts["hangs"] == counts["data_losses"] == 0, counts
    assert counts["injections"] == 0, (counts, seen)
    record(
        "hostile-run",
        "Hostile files (FIFO, links to /dev/zero and out of the workspace, oversized, binary,"
        " 5,000-digit integers, deep nesting, huge texts, cycles, a linked scenarios/) and"
        " hostile texts (escapes, formulas, Slack mentions, Markdown, bare URLs) through every"
        " reading command: no traceback, hang, data loss or injection",
        "tests/reliability/test_hostile_run.py",
        inputs_tried=counts["inputs_tried"],
        tracebacks=0,
        hangs=0,
        data_losses=0,
        injections=0,
    )
