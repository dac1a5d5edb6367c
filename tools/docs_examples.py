"""The command outputs shown in the docs, generated from real runs on the fixture workspace.

A block of output in a Markdown file is marked with the command that makes it:

    <!-- roadmap: draft 2027-Q2 -->
    ```console
    $ roadmap draft 2027-Q2
    ...what the command prints...
    ```

`| head -N` after the arguments keeps the first N lines. A file a later command reads (a CSV
export) is given as a block marked `<!-- file: survey.csv -->`; it is written, never rewritten.
Each document runs in order on its own copy of tests/fixtures/workspace, in a folder where that
copy is `plans` (the default workspace), with "today" fixed by ROADMAP_TODAY and the width of
piped output, so a document can show a sequence of steps and the output is the same on every
machine.

    python -m tools.docs_examples            # rewrite the blocks that are out of date
    python -m tools.docs_examples --check    # list them and exit 1 (what the test does)
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIXTURE = REPO / "tests" / "fixtures" / "workspace"
DOCUMENTS = ("README.md", "docs/planning.md", "docs/impact.md", "docs/intake.md")
TODAY = "2026-12-04"

BLOCK = re.compile(
    r"^<!-- (?P<kind>roadmap|file): (?P<spec>.+?) -->\n"
    r"(?P<fence>```[a-z]*\n)(?P<body>.*?)^```$",
    re.MULTILINE | re.DOTALL,
)
HEAD = re.compile(r"^(?P<args>.*?)\s*\|\s*head -(?P<count>\d+)$")


@dataclass(frozen=True)
class Example:
    document: str
    line: int
    command: str  # as shown after `$ roadmap `
    shown: str  # the block's text now
    output: str  # what the command prints (the block it should be)

    @property
    def stale(self) -> bool:
        return self.shown != self.output


def run_command(spec: str) -> str:
    """`$ roadmap SPEC` and what it prints, as a terminal shows it (stdout and stderr)."""
    from click.testing import CliRunner

    from roadmap_tui.cli import main

    found = HEAD.match(spec)
    args = shlex.split(found["args"] if found else spec)
    result = CliRunner(env={"ROADMAP_TODAY": TODAY, "COLUMNS": None}).invoke(main, args)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise RuntimeError(f"roadmap {spec}: {result.exception!r}") from result.exception
    lines = result.output.rstrip("\n").splitlines()
    if found:
        lines = lines[: int(found["count"])]
    text = "\n".join(line.rstrip() for line in lines).rstrip("\n")
    return f"$ roadmap {spec}\n{text}\n" if text else f"$ roadmap {spec}\n"


@contextmanager
def _inside(folder: Path) -> Iterator[None]:
    before = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


def examples(document: str, text: str) -> list[Example]:
    """Run a document's commands in order on a fresh copy of the fixture workspace."""
    found: list[Example] = []
    with tempfile.TemporaryDirectory(prefix="roadmap-docs-") as temp:
        place = Path(temp)
        shutil.copytree(FIXTURE, place / "plans")
        with _inside(place):
            for block in BLOCK.finditer(text):
                if block["kind"] == "file":
                    (place / block["spec"]).write_text(block["body"], encoding="utf-8")
                    continue
                line = text.count("\n", 0, block.start()) + 1
                output = run_command(block["spec"])
                found.append(Example(document, line, block["spec"], block["body"], output))
    return found


def rewrite(text: str, outputs: list[str]) -> str:
    """The document with each command's block replaced by its output, in order."""
    queue = iter(outputs)

    def replace(block: re.Match[str]) -> str:
        if block["kind"] == "file":
            return block[0]
        head = block[0][: block.start("body") - block.start()]
        return f"{head}{next(queue)}```"

    return BLOCK.sub(replace, text)


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = 0
    for document in DOCUMENTS:
        path = REPO / document
        text = path.read_text(encoding="utf-8")
        found = examples(document, text)
        for example in found:
            if example.stale:
                stale += 1
                print(f"{document}:{example.line}: `roadmap {example.command}` is out of date")
        if not check and any(e.stale for e in found):
            path.write_text(rewrite(text, [e.output for e in found]), encoding="utf-8")
            print(f"{document}: rewritten")
    if check and stale:
        print(f"{stale} example(s) out of date: python -m tools.docs_examples")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
