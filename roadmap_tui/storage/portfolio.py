"""portfolio.toml and its member workspaces: path members read as folders, git members from a
bare mirror per repository in the user's cache folder, read at `ref` without a working tree.

A member that cannot be read is returned with its problem (never raised), so one missing or
unreachable team never hides the others. Nothing taken from portfolio.toml becomes a git option.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import time
import tomllib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from roadmap_tui.models import Problem, Workspace, WorkspaceError
from roadmap_tui.storage.loader import Loaded, load_source
from roadmap_tui.storage.parsed_cache import cached_workspace, keep_workspace
from roadmap_tui.storage.sources import Source, read_folder, read_git_tree, resolve_source

PORTFOLIO_KEYS = ("portfolio", "workspaces")
MEMBER_KEYS = ("path", "git", "ref", "dir")
FETCHED_MARK = "roadmap-tui-fetched"  # touched after each successful fetch: its age is said
GIT_TIMEOUT = 300  # seconds for one clone or fetch
_SCP_LIKE = re.compile(r"^[^/]*:")  # user@host:path (git's scp-like syntax)


@dataclass(frozen=True)
class MemberEntry:
    """One [[workspaces]] table as written."""

    index: int  # 1-based, for messages
    path: str | None = None
    git: str | None = None
    ref: str | None = None
    dir: str | None = None

    @property
    def source(self) -> str:
        """How the member is named in reports: the path, or `URL@REF:DIR`."""
        if self.path is not None:
            return self.path
        text = str(self.git)
        if self.ref:
            text += f"@{self.ref}"
        if self.dir:
            text += f":{self.dir}"
        return text


@dataclass
class PortfolioMember:
    """A member workspace as read (or the problem that kept it from being read)."""

    entry: MemberEntry
    workspace: Workspace | None = None
    error: str | None = None
    note: str | None = None  # e.g. the age of a cached state used instead of a fetch
    folder: Path | None = None  # path members: the workspace folder
    repository: Path | None = None  # git members: the bare mirror in the cache
    commit: str | None = None
    fetched_at: float | None = None  # git members: when the mirror was last fetched (epoch)
    problems: list[Problem] = field(default_factory=list)

    @property
    def source(self) -> str:
        return self.entry.source

    @property
    def owner(self) -> str | None:
        return self.workspace.owner if self.workspace is not None else None


@dataclass
class LoadedPortfolio:
    path: Path
    name: str
    members: list[PortfolioMember]


def cache_root() -> Path:
    """$XDG_CACHE_HOME/roadmap-tui (default ~/.cache/roadmap-tui)."""
    base = os.environ.get("XDG_CACHE_HOME")
    root = Path(base) if base and os.path.isabs(base) else Path.home() / ".cache"
    return root / "roadmap-tui"


def read_portfolio_file(path: Path) -> tuple[str, list[MemberEntry]]:
    """The portfolio's name and member entries; a located WorkspaceError when unusable."""
    shown = str(path)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise WorkspaceError([Problem(shown, "no such portfolio file")]) from None
    except (OSError, UnicodeDecodeError) as error:
        raise WorkspaceError([Problem(shown, f"cannot read: {error}")]) from None
    except tomllib.TOMLDecodeError as error:
        raise WorkspaceError([Problem(shown, f"not valid TOML: {error}")]) from None
    problems: list[Problem] = []
    table = raw.get("portfolio", {})
    name = table.get("name") if isinstance(table, dict) else None
    if not isinstance(name, str) or not name.strip():
        problems.append(
            Problem(shown, 'needs a name: [portfolio] name = "..."', where="portfolio.name")
        )
    tables = raw.get("workspaces", [])
    if not isinstance(tables, list) or not tables:
        problems.append(
            Problem(
                shown,
                "lists no members: add [[workspaces]] tables (path or git)",
                where="workspaces",
            )
        )
        tables = []
    entries = []
    for index, table in enumerate(tables, start=1):
        entry = _entry(shown, index, table, problems)
        if entry is not None:
            entries.append(entry)
    if problems:
        raise WorkspaceError(problems)
    return str(name), entries


def _entry(shown: str, index: int, table: Any, problems: list[Problem]) -> MemberEntry | None:
    where = f"workspaces[{index}]"
    if not isinstance(table, dict):
        problems.append(Problem(shown, "must be a [[workspaces]] table", where=where))
        return None
    values: dict[str, str] = {}
    for key, value in table.items():
        if key not in MEMBER_KEYS:
            problems.append(
                Problem(shown, f"unknown key `{key}` (path, git, ref, dir)", where=f"{where}.{key}")
            )
        elif not isinstance(value, str) or not value.strip():
            problems.append(Problem(shown, "must be non-empty text", where=f"{where}.{key}"))
        else:
            values[key] = value
    if ("path" in values) == ("git" in values):
        problems.append(Problem(shown, "needs exactly one of `path` or `git`", where=where))
        return None
    if "path" in values and ("ref" in values or "dir" in values):
        problems.append(Problem(shown, "`ref` and `dir` go with `git`, not `path`", where=where))
        return None
    for key in ("git", "ref"):
        if values.get(key, "").startswith("-"):
            # Same rule as git:REV: a value from a file is never taken for a git option.
            problems.append(Problem(shown, "cannot start with '-'", where=f"{where}.{key}"))
            return None
    folder = values.get("dir", "").strip("/")
    if folder and (folder.startswith("-") or ".." in folder.split("/")):
        problems.append(
            Problem(
                shown,
                "a folder inside the repository (no '..', no leading '-')",
                where=f"{where}.dir",
            )
        )
        return None
    return MemberEntry(
        index, values.get("path"), values.get("git"), values.get("ref"), folder or None
    )


def load_portfolio(path: Path, *, fetch: bool = True, cache: Path | None = None) -> LoadedPortfolio:
    """Every member of a portfolio file: git members fetched first (in parallel), then read."""
    name, entries = read_portfolio_file(path)
    base = path.parent
    root = cache if cache is not None else cache_root() / "portfolio"
    gits = [entry for entry in entries if entry.git is not None]
    urls = sorted({_url(str(entry.git), base) for entry in gits})
    fetched: dict[str, tuple[Path, str | None]] = {}
    if urls:
        with ThreadPoolExecutor(max_workers=min(8, len(urls))) as pool:
            for url, result in zip(
                urls, pool.map(lambda u: _mirror(u, root, fetch), urls), strict=True
            ):
                fetched[url] = result

    def read(entry: MemberEntry) -> PortfolioMember:
        if entry.path is not None:
            return _path_member(entry, base)
        repository, fetch_problem = fetched[_url(str(entry.git), base)]
        return _git_member(entry, repository, fetch_problem, fetch)

    # Threads: while one member waits for git, another is parsed.
    with ThreadPoolExecutor(max_workers=min(4, max(1, len(entries)))) as pool:
        members = list(pool.map(read, entries))
    return LoadedPortfolio(path=path, name=name, members=members)


def _url(git: str, base: Path) -> str:
    """A local repository path relative to the portfolio file is made absolute; URLs and
    scp-like `host:path` addresses are kept as written."""
    if "://" in git or _SCP_LIKE.match(git):
        return git
    return str((base / git).resolve())


def mirror_folder(url: str, root: Path) -> Path:
    """The cache folder of a repository: readable, and unique per address."""
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", url).strip("-.")[-40:] or "repository"
    digest = hashlib.sha256(url.encode()).hexdigest()[:12]
    return root / f"{slug}-{digest}.git"


def _run_git(*args: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0"}  # never wait for a password
    # ext:: addresses run commands: refused whatever the user's git configuration says.
    command = ["git", "-c", "protocol.ext.allow=never", *args]
    return subprocess.run(command, capture_output=True, check=False, env=env, timeout=GIT_TIMEOUT)


def _last_line(result: subprocess.CompletedProcess[bytes]) -> str:
    lines = result.stderr.decode("utf-8", "replace").strip().splitlines()
    return lines[-1] if lines else f"git exited {result.returncode}"


def _mirror(url: str, root: Path, fetch: bool) -> tuple[Path, str | None]:
    """The mirror folder, cloned or fetched now; the second value says why a fetch failed."""
    folder = mirror_folder(url, root)
    if not fetch:
        return folder, None
    try:
        if (folder / "HEAD").is_file():
            result = _run_git("-C", str(folder), "fetch", "--quiet", "--prune", "origin")
        else:
            root.mkdir(parents=True, exist_ok=True)
            partial = folder.with_name(folder.name + f".partial-{os.getpid()}")
            shutil.rmtree(partial, ignore_errors=True)
            # `--` ends the options: the address is never read as one.
            result = _run_git("clone", "--mirror", "--quiet", "--", url, str(partial))
            if result.returncode == 0:
                partial.rename(folder)
            else:
                shutil.rmtree(partial, ignore_errors=True)
    except FileNotFoundError:
        return folder, "git is not installed"
    except subprocess.TimeoutExpired:
        return folder, f"git gave no answer within {GIT_TIMEOUT} s"
    except OSError as error:
        return folder, f"cannot write the cache {folder}: {error.strerror or error}"
    if result.returncode != 0:
        return folder, _last_line(result)
    (folder / FETCHED_MARK).touch()
    return folder, None


def _path_member(entry: MemberEntry, base: Path) -> PortfolioMember:
    folder = base / str(entry.path)
    member = PortfolioMember(entry=entry, folder=folder)
    try:
        source = read_folder(folder, label=str(entry.path), display=str(entry.path))
    except WorkspaceError as error:
        member.error = error.problems[0].message
        member.problems = error.problems
        return member
    return _filled(member, load_source(source))


def _git_member(
    entry: MemberEntry, repository: Path, fetch_problem: str | None, fetched: bool
) -> PortfolioMember:
    member = PortfolioMember(entry=entry, repository=repository)
    mark = repository / FETCHED_MARK
    if not (repository / "HEAD").is_file():
        reason = fetch_problem or "not fetched yet (no cached copy)"
        member.error = f"cannot fetch and no cached copy: {reason}"
        return member
    member.fetched_at = mark.stat().st_mtime if mark.exists() else None
    if fetch_problem is not None:
        member.note = f"fetch failed ({fetch_problem}); cached state of {describe_age(member.fetched_at)} used"
    elif not fetched:
        member.note = f"not fetched: cached state of {describe_age(member.fetched_at)}"
    ref = entry.ref or "HEAD"
    display = entry.source
    commit = _commit(repository, ref)
    parsed = repository.parent / "parsed"
    if commit is not None:
        cached = cached_workspace(parsed, commit, entry.dir or "")
        if cached is not None:
            member.commit = commit
            member.workspace = cached
            return member
    try:
        source = read_git_tree(repository, ref, entry.dir or "", label=display, display=display)
    except WorkspaceError as error:
        member.error = error.problems[0].message
        member.problems = error.problems
        return member
    member.commit = source.commit
    _filled(member, load_source(source))
    if member.workspace is not None and source.commit is not None:
        keep_workspace(parsed, source.commit, entry.dir or "", member.workspace)
    return member


_SHA = re.compile(r"^[0-9a-f]{40}$")


def _branch_commit(repository: Path, ref: str) -> str | None:
    """A branch's commit (or HEAD's) read from the mirror's ref files, without starting git:
    50 members, 50 processes fewer. Anything else (tags, other ref names, refs git stores
    otherwise) is None: git answers it."""
    try:
        if ref == "HEAD":
            head = (repository / "HEAD").read_text(encoding="ascii").strip()
            if not head.startswith("ref: refs/heads/"):
                return head if _SHA.match(head) else None
            ref = head.removeprefix("ref: refs/heads/")
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._/-]*", ref) or ".." in ref:
            return None
        # git would take refs/NAME or a tag of that name first: leave those to git.
        shadows = (f"refs/{ref}", f"refs/tags/{ref}")
        packed: dict[str, str] = {}
        packed_file = repository / "packed-refs"
        if packed_file.is_file():
            for line in packed_file.read_text(encoding="utf-8").splitlines():
                sha, _, name = line.partition(" ")
                if _SHA.match(sha):
                    packed[name] = sha
        if any((repository / name).exists() or name in packed for name in shadows):
            return None
        loose = repository / "refs" / "heads" / ref
        if loose.is_file():
            sha = loose.read_text(encoding="ascii").strip()
            return sha if _SHA.match(sha) else None
        return packed.get(f"refs/heads/{ref}")
    except (OSError, UnicodeDecodeError):
        return None


def _commit(repository: Path, ref: str) -> str | None:
    """The commit `ref` names in the mirror (None: let the reader say what is wrong)."""
    if ref.startswith("-"):
        return None
    quick = _branch_commit(repository, ref)
    if quick is not None:
        return quick
    try:
        result = _run_git(
            "-C", str(repository), "rev-parse", "--verify", "--quiet", "--end-of-options",
            f"{ref}^{{commit}}",
        )  # fmt: skip
    except (OSError, subprocess.TimeoutExpired):
        return None
    commit = result.stdout.decode().strip()
    return commit if result.returncode == 0 and re.fullmatch(r"[0-9a-f]{40,64}", commit) else None


def _filled(member: PortfolioMember, loaded: Loaded) -> PortfolioMember:
    member.problems = loaded.problems
    errors = loaded.errors
    if loaded.workspace is None or errors:
        first = errors[0] if errors else Problem(member.source, "cannot be read")
        member.error = f"invalid workspace: {len(errors)} problem(s), first: {first}"
        return member
    member.workspace = loaded.workspace
    return member


def describe_age(when: float | None, now: float | None = None) -> str:
    """`5 min ago`, `3 h ago`, `2 days ago` (or `unknown age`)."""
    if when is None:
        return "unknown age"
    seconds = max(0.0, (now if now is not None else time.time()) - when)
    if seconds < 90:
        return f"{int(seconds)} s ago"
    if seconds < 90 * 60:
        return f"{int(seconds // 60)} min ago"
    if seconds < 36 * 3600:
        return f"{int(seconds // 3600)} h ago"
    return f"{int(seconds // 86400)} days ago"


def member_version(member: PortfolioMember, spec: str) -> PortfolioMember:
    """The member read from another source: `git:REV` or `scenario:NAME` of its own folder or
    repository, or a folder path (relative to the current folder)."""
    entry = member.entry
    changed = PortfolioMember(entry=MemberEntry(entry.index, path=f"{entry.source} ({spec})"))
    try:
        if member.repository is not None and spec.startswith("git:"):
            source: Source = read_git_tree(
                member.repository, spec[4:], entry.dir or "", label=spec, display=spec
            )
        elif member.folder is not None or not spec.startswith(("git:", "scenario:")):
            source = resolve_source(spec, member.folder or Path("."))
        else:
            raise WorkspaceError(
                [Problem(spec, "a git member's other version is git:REV or a folder path")]
            )
    except WorkspaceError as error:
        changed.error = error.problems[0].message
        changed.problems = error.problems
        return changed
    return _filled(changed, load_source(source))


def local_member(folder: Path, loaded: Loaded) -> PortfolioMember:
    """A workspace opened on this machine (the lender's own), standing in for its member."""
    member = PortfolioMember(entry=MemberEntry(0, path=str(folder)), folder=folder)
    return _filled(member, loaded)
