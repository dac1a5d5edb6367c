"""Where a workspace comes from: a folder, a git revision (`git:REV`) or a scenario (`scenario:NAME`).

One resolver for every command. A source yields the workspace's files as bytes; the loader does
the rest, so a git revision and a folder are read the same way.
"""

from __future__ import annotations

import os
import re
import stat
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from roadmap_tui.models import Problem, WorkspaceError
from roadmap_tui.storage.limits import MAX_FILE_BYTES, too_big

ROADMAP = "roadmap.toml"
SCENARIOS = "scenarios"
# Whole-name match (fullmatch): `$` would also accept a final newline.
SCENARIO_NAME_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


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


def folder_of(spec: str, workspace: Path) -> Path | None:
    """The folder a source saves to (checked to be safe to lock), without reading it; None for
    `git:REV`."""
    if spec.startswith("git:"):
        return None
    if spec.startswith("scenario:"):
        return scenario_path(workspace, spec[9:])
    return Path(spec)


def read_folder(
    folder: Path, label: str | None = None, display: str | None = None, root: Path | None = None
) -> Source:
    """The TOML files of a folder. Only regular files are read, size checked first; a link is
    followed only to a file inside `root` (default: the folder itself, which may be a link)."""
    label = label if label is not None else str(folder)
    shown = display if display is not None else label.rstrip("/") or "."
    if not folder.exists():
        raise _fail(shown, "no such workspace folder (create one with `roadmap init`)")
    if not folder.is_dir():
        raise _fail(shown, "not a folder: a workspace is a folder of TOML files")
    inside = (root if root is not None else folder).resolve()
    files: dict[str, bytes] = {}
    problems: list[Problem] = []
    for path in sorted(folder.iterdir()):
        if not path.name.endswith(".toml") or path.name.startswith("."):
            continue
        shown_file = f"{shown}/{visible_name(path.name)}"
        if _CONTROL.search(path.name):
            problems.append(
                Problem(shown_file, "a file name with control characters; ignored", "", "warning")
            )
            continue
        data = read_regular(path, inside, shown_file, problems)
        if data is not None:
            files[path.name] = data
    return Source(label=label, display=shown, files=files, folder=folder, problems=problems)


def visible_name(name: str) -> str:
    """A file name fit for a message: control characters shown as escapes."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", name)


def read_regular(path: Path, root: Path, shown: str, problems: list[Problem]) -> bytes | None:
    """The bytes of a regular file, or None with the reason in `problems`: a link leaving
    `root`, a folder, a device or FIFO (never opened for reading: no hang, no endless read),
    a file over the size limit."""
    try:
        target = path
        if path.is_symlink():
            target = path.resolve()
            if not _inside(target, root):
                problems.append(Problem(shown, "a link to a file outside the workspace; not read"))
                return None
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
        fd = os.open(target, flags)
    except OSError as error:
        problems.append(Problem(shown, f"cannot read: {error.strerror or error}"))
        return None
    mode = os.fstat(fd)
    refused = None
    if stat.S_ISDIR(mode.st_mode):
        refused = "is a folder, expected a TOML file"
    elif not stat.S_ISREG(mode.st_mode):
        refused = "not a regular file (a device, FIFO or socket); not read"
    else:
        refused = too_big(mode.st_size)
    if refused is not None:
        os.close(fd)
        problems.append(Problem(shown, refused))
        return None
    with os.fdopen(fd, "rb") as handle:
        data = handle.read(MAX_FILE_BYTES + 1)
    refused = too_big(len(data))  # grew while read
    if refused is not None:
        problems.append(Problem(shown, refused))
        return None
    return data


def read_input(path: Path) -> bytes:
    """A file the user hands in (a CSV export): a regular file within the size limit, or a
    WorkspaceError saying why not (never a hang on a FIFO, never all of /dev/zero)."""
    problems: list[Problem] = []
    data = read_regular(path.resolve(), Path("/"), str(path), problems)
    if data is None:
        raise WorkspaceError(problems)
    return data


def scenario_path(workspace: Path, name: str) -> Path:
    """`WORKSPACE/scenarios/NAME`, refused unless the name is plain and both folders, where they
    exist, are real folders inside the workspace (no links out)."""
    if not SCENARIO_NAME_RE.fullmatch(name) or name in (".", ".."):
        raise _fail(
            f"scenario:{visible_name(name)}",
            "a scenario name is letters, digits, '.', '_' and '-' (no paths)",
        )
    root = workspace / SCENARIOS
    folder = root / name
    if root.is_symlink() or (root.exists() and not _inside(root, workspace.resolve())):
        raise _fail(
            str(root), "the scenarios folder is a link: scenarios stay inside the workspace"
        )
    if folder.is_symlink() or (folder.exists() and not _inside(folder, root)):
        raise _fail(f"scenario:{name}", "scenario folder points outside the workspace")
    return folder


def read_scenario(workspace: Path, name: str) -> Source:
    folder = scenario_path(workspace, name)
    if not folder.is_dir():
        known = ", ".join(list_scenarios(workspace)) or "none yet"
        raise _fail(
            f"scenario:{name}",
            f"no scenario `{name}` in {workspace / SCENARIOS} (scenarios: {known})",
        )
    source = read_folder(folder, label=f"scenario:{name}", display=str(folder), root=workspace)
    if ROADMAP not in source.files and (workspace / ROADMAP).is_file():
        data = read_regular(
            workspace / ROADMAP, workspace.resolve(), f"{workspace}/{ROADMAP}", source.problems
        )
        if data is not None:
            source.files[ROADMAP] = data
            source.inherited[ROADMAP] = workspace / ROADMAP
    return source


def list_scenarios(workspace: Path) -> list[str]:
    root = workspace / SCENARIOS
    if not root.is_dir():
        return []
    return sorted(
        p.name for p in root.iterdir() if p.is_dir() and SCENARIO_NAME_RE.fullmatch(p.name)
    )


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
    listing = _git(top, "ls-tree", "-z", "-l", "--full-tree", commit, "--", prefix or ".")
    display = f"{workspace}@{label}"
    wanted: list[tuple[str, str]] = []  # (file name, blob id)
    problems: list[Problem] = []
    for entry in listing.split(b"\0"):
        # NUL-separated "mode type id size<TAB>path": any byte but NUL may be in a path.
        meta, tab, raw_path = entry.partition(b"\t")
        fields = meta.split()
        if not tab or len(fields) != 4 or fields[1] != b"blob":
            continue
        raw_name = raw_path[len(prefix.encode()) :]
        if not raw_name.endswith(b".toml") or b"/" in raw_name or raw_name.startswith(b"."):
            continue
        name = raw_name.decode("utf-8", "replace")
        shown = f"{display}/{visible_name(name)}"
        if "\ufffd" in name or _CONTROL.search(name):
            problems.append(
                Problem(shown, "a file name that is not plain UTF-8 text; ignored", "", "warning")
            )
            continue
        message = too_big(int(fields[3])) if fields[3].isdigit() else "not a file"
        if message is not None:
            problems.append(Problem(shown, message))
            continue
        wanted.append((name, fields[2].decode("ascii")))
    files: dict[str, bytes] = {}
    if wanted:
        batch = _git(top, "cat-file", "--batch", data="".join(f"{o}\n" for _, o in wanted).encode())
        offset = 0
        for name, _ in wanted:
            header_end = batch.index(b"\n", offset)
            header = batch[offset:header_end].split()
            if len(header) != 3 or not header[2].isdigit():  # "<id> missing"
                problems.append(Problem(f"{display}/{name}", "cannot read it from git"))
                offset = header_end + 1
                continue
            size = int(header[2])
            start = header_end + 1
            files[name] = batch[start : start + size]
            offset = start + size + 1
    if not files:
        raise _fail(display, f"no workspace files at {rev} ({commit[:10]})")
    return Source(label=label, display=display, files=files, commit=commit, problems=problems)


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
