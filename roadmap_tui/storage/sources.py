"""Where a workspace comes from: a folder, a git revision (`git:REV`) or a scenario (`scenario:NAME`).

One resolver for every command. A source yields the workspace's files as bytes; the loader does
the rest, so a git revision and a folder are read the same way.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from roadmap_tui.models import Problem, WorkspaceError

ROADMAP = "roadmap.toml"
SCENARIOS = "scenarios"
SCENARIO_NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
# Refuse files over this size with a message instead of parsing them (a plan is kilobytes).
MAX_FILE_BYTES = 10 * 1024 * 1024


@dataclass
class Source:
    """The files of one workspace version, by file name, and where they came from."""

    label: str  # what the person typed: "plans", "git:HEAD~1", "scenario:security-first"
    display: str  # prefix of file names in messages: "plans", "plans@git:a1b2c3d"
    files: dict[str, bytes]
    folder: Path | None = None  # the folder saves go to; None for read-only sources
    commit: str | None = None  # full commit id for git sources
    inherited: dict[str, Path] = field(default_factory=dict)  # files read from elsewhere
    problems: list[Problem] = field(default_factory=list)

    def shown(self, name: str) -> str:
        return f"{self.display}/{name}"

    @property
    def writable(self) -> bool:
        return self.folder is not None


def resolve_source(spec: str, workspace: Path) -> Source:
    """Resolve a source string relative to a workspace folder.

    `git:REV` reads the workspace folder as it was at REV; `scenario:NAME` reads
    `WORKSPACE/scenarios/NAME`, inheriting `roadmap.toml` when the scenario has none; anything
    else is a folder path.
    """
    if spec.startswith("git:"):
        return read_git(workspace, spec[4:])
    if spec.startswith("scenario:"):
        return read_scenario(workspace, spec[9:])
    return read_folder(Path(spec), label=spec)


def _fail(file: str, message: str) -> WorkspaceError:
    return WorkspaceError([Problem(file=file, message=message)])


def is_workspace_file(name: str) -> bool:
    return name in ("roadmap.toml", "backlog.toml", "feedback.toml") or name.endswith(".toml")


def read_folder(folder: Path, label: str | None = None, display: str | None = None) -> Source:
    label = label if label is not None else str(folder)
    shown = display if display is not None else label.rstrip("/") or "."
    if not folder.exists():
        raise _fail(shown, "no such workspace folder (create one with `roadmap init`)")
    if not folder.is_dir():
        raise _fail(shown, "not a folder: a workspace is a folder of TOML files")
    files: dict[str, bytes] = {}
    problems: list[Problem] = []
    for path in sorted(folder.iterdir()):
        if not path.name.endswith(".toml") or path.name.startswith("."):
            continue
        shown_file = f"{shown}/{path.name}"
        if path.is_dir():
            problems.append(Problem(shown_file, "is a folder, expected a TOML file"))
            continue
        try:
            size = path.stat().st_size
            if size > MAX_FILE_BYTES:
                problems.append(
                    Problem(
                        shown_file,
                        f"file is {size:,} bytes; plan files over {MAX_FILE_BYTES:,} bytes are"
                        " refused",
                    )
                )
                continue
            files[path.name] = path.read_bytes()
        except OSError as error:
            problems.append(Problem(shown_file, f"cannot read: {error.strerror or error}"))
    return Source(label=label, display=shown, files=files, folder=folder, problems=problems)


def read_scenario(workspace: Path, name: str) -> Source:
    if not SCENARIO_NAME_RE.match(name) or name in (".", ".."):
        raise _fail(
            f"scenario:{name}",
            "a scenario name is letters, digits, '.', '_' and '-' (no paths)",
        )
    root = workspace / SCENARIOS
    folder = root / name
    if folder.is_symlink() or (folder.exists() and not _inside(folder, root)):
        raise _fail(f"scenario:{name}", "scenario folder points outside the workspace")
    if not folder.is_dir():
        known = ", ".join(list_scenarios(workspace)) or "none yet"
        raise _fail(
            f"scenario:{name}",
            f"no scenario `{name}` in {workspace / SCENARIOS} (scenarios: {known})",
        )
    source = read_folder(folder, label=f"scenario:{name}", display=str(folder))
    if ROADMAP not in source.files and (workspace / ROADMAP).is_file():
        source.files[ROADMAP] = (workspace / ROADMAP).read_bytes()
        source.inherited[ROADMAP] = workspace / ROADMAP
    return source


def list_scenarios(workspace: Path) -> list[str]:
    root = workspace / SCENARIOS
    if not root.is_dir():
        return []
    return sorted(p.name for p in root.iterdir() if p.is_dir() and SCENARIO_NAME_RE.match(p.name))


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return False
    return True


def _git(folder: Path, *args: str, data: bytes | None = None) -> bytes:
    result = subprocess.run(
        ["git", "-C", str(folder), *args],
        input=data,
        capture_output=True,
        check=False,
    )
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise _fail(f"git:{args[-1] if args else ''}", message[-1] if message else "git failed")
    return result.stdout


def read_git(workspace: Path, rev: str) -> Source:
    """The workspace folder as it was at a git revision, read with `git cat-file`."""
    label = f"git:{rev}"
    if not rev or rev.startswith("-"):
        # A revision must never be taken for a git option.
        raise _fail(label, "a git revision cannot be empty or start with '-'")
    if not workspace.is_dir():
        raise _fail(str(workspace), "no such workspace folder")
    try:
        top = Path(_git(workspace, "rev-parse", "--show-toplevel").decode().strip())
        commit = (
            _git(
                workspace,
                "rev-parse",
                "--verify",
                "--quiet",
                "--end-of-options",
                f"{rev}^{{commit}}",
            )
            .decode()
            .strip()
        )
    except WorkspaceError as error:
        raise _fail(
            label, f"not a git revision of {workspace}: {error.problems[0].message}"
        ) from None
    except FileNotFoundError:
        raise _fail(label, "git is not installed") from None
    prefix = workspace.resolve().relative_to(top.resolve()).as_posix()
    prefix = "" if prefix == "." else prefix + "/"
    listing = _git(top, "ls-tree", "-z", "-l", commit, "--", prefix or ".").split(b"\0")
    names: list[tuple[str, str]] = []
    for entry in listing:
        if not entry:
            continue
        meta, _, path = entry.decode("utf-8", "replace").partition("\t")
        kind = meta.split()[1]
        name = path[len(prefix) :]
        if kind == "blob" and name.endswith(".toml") and "/" not in name:
            names.append((name, f"{commit}:{path}"))
    display = f"{workspace}@{label}"
    files: dict[str, bytes] = {}
    if names:
        batch = _git(top, "cat-file", "--batch", data="".join(f"{o}\n" for _, o in names).encode())
        offset = 0
        for name, _ in names:
            header_end = batch.index(b"\n", offset)
            size = int(batch[offset:header_end].split()[2])
            start = header_end + 1
            files[name] = batch[start : start + size]
            offset = start + size + 1
    if not files:
        raise _fail(display, f"no workspace files at {rev} ({commit[:10]})")
    return Source(label=label, display=display, files=files, commit=commit)


def read_git_tree(repository: Path, rev: str, folder: str, label: str, display: str) -> Source:
    """A workspace folder (`folder` inside the repository, "" for its root) as it is at `rev`
    of a repository without a working tree (a portfolio member's bare mirror).

    Same rule as `git:REV`: nothing taken from a file becomes a git option.
    """
    if not rev or rev.startswith("-"):
        raise _fail(label, "a git revision cannot be empty or start with '-'")
    try:
        commit = (
            _git(
                repository,
                "rev-parse",
                "--verify",
                "--quiet",
                "--end-of-options",
                f"{rev}^{{commit}}",
            )
            .decode()
            .strip()
        )
    except WorkspaceError:
        raise _fail(label, f"no revision `{rev}` in the repository") from None
    except FileNotFoundError:
        raise _fail(label, "git is not installed") from None
    tree = f"{commit}:{folder}" if folder else f"{commit}:"
    try:
        listing = _git(repository, "ls-tree", "-z", "--end-of-options", tree).split(b"\0")
    except WorkspaceError:
        raise _fail(display, f"no folder `{folder}` at {rev} ({commit[:10]})") from None
    objects: list[tuple[str, str]] = []
    for entry in listing:
        meta, _, name = entry.decode("utf-8", "replace").partition("\t")
        if meta and meta.split()[1] == "blob" and name.endswith(".toml"):
            objects.append((name, meta.split()[2]))
    files: dict[str, bytes] = {}
    if objects:
        batch = _git(
            repository, "cat-file", "--batch", data="".join(f"{o}\n" for _, o in objects).encode()
        )
        offset = 0
        for name, _ in objects:
            header_end = batch.index(b"\n", offset)
            size = int(batch[offset:header_end].split()[2])
            start = header_end + 1
            if size <= MAX_FILE_BYTES:
                files[name] = batch[start : start + size]
            offset = start + size + 1
    if not files:
        raise _fail(display, f"no workspace files at {rev} ({commit[:10]})")
    return Source(label=label, display=display, files=files, commit=commit)
