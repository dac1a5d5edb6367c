"""Parse a source's files with tomllib into a Workspace, collecting every problem on the way."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from roadmap_tui.models import (
    Backlog,
    FeedbackLog,
    Item,
    Problem,
    QuarterHeader,
    QuarterPlan,
    Roadmap,
    Workspace,
    is_quarter_id,
    validate_workspace,
)
from roadmap_tui.storage import prefetch
from roadmap_tui.storage.errors import locate_all, schema_problems, toml_problem
from roadmap_tui.storage.fingerprints import fingerprint
from roadmap_tui.storage.limits import LimitError, big_integer_problem
from roadmap_tui.storage.sources import ROADMAP, Source

BACKLOG_FILE = "backlog.toml"
FEEDBACK_FILE = "feedback.toml"
_LOOKS_LIKE_QUARTER = re.compile(r"^\d+-[Qq]\d+$")
_M = TypeVar("_M", bound=BaseModel)


@dataclass
class LoadedFile:
    """A file as it was read: its bytes (for change detection) and its parsed data."""

    name: str
    data: bytes
    raw: dict[str, Any]
    broken: bool = False  # had errors: never written by the tool

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.data)


@dataclass
class Loaded:
    source: Source
    workspace: Workspace | None
    files: dict[str, LoadedFile] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    # Files (as shown) that could not be read, or only in part: a gate must not pass on them.
    unread: list[str] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]


def load_source(
    source: Source, *, keep_files: bool = True, reuse: Mapping[str, Item] | None = None
) -> Loaded:
    """Every file parsed and validated; the workspace is None only when roadmap.toml is unusable.

    `keep_files=False` is for reading only: the files' bytes and parsed tables, which only a
    save compares against, are let go as soon as the models are built (a third of what a
    workspace holds). `reuse` maps ids to items already read (another version of the same
    workspace): an item read equal to one of them is that very object, so two versions share
    what did not change. Only for versions nobody edits.
    """
    if reuse is not None and keep_files:
        raise ValueError("items are shared between versions only when read-only")
    try:
        return _load_source(source, keep_files, reuse)
    finally:
        prefetch.finish(source.folder)  # its child's work was for this read only


def _load_source(source: Source, keep_files: bool, reuse: Mapping[str, Item] | None) -> Loaded:
    sharing = _Sharing(reuse or {})
    # Each file is parsed just before its models are built (so that, read-only, one file's
    # tables are held at a time); problems are still told in the same order: what reading
    # each file found (by name), then roadmap.toml's models, then the other files' models.
    found_reading: dict[str, list[Problem]] = {name: [] for name in source.files}
    problems: list[Problem] = []
    parsed: dict[str, LoadedFile] = {}

    def parse(name: str) -> LoadedFile | None:
        loaded = _parse(source, name, source.files[name], found_reading[name])
        if loaded is not None:
            parsed[name] = loaded
        return loaded

    if ROADMAP in source.files:
        parse(ROADMAP)
    roadmap = _load_roadmap(source, parsed, problems)
    quarters: dict[str, QuarterPlan] = {}
    backlog = Backlog()
    feedback: FeedbackLog | None = None
    for name in sorted(source.files):
        file = parse(name) if name != ROADMAP else None
        if file is None:
            continue
        stem = name.removesuffix(".toml")
        if name == BACKLOG_FILE:
            backlog = Backlog.model_construct(
                items=_load_items(source, file, "proposed", problems, sharing),
                **_extra(file.raw, {"items"}),
            )
        elif name == FEEDBACK_FILE:
            feedback = _validate(source, file, FeedbackLog, file.raw, "", problems)
        elif is_quarter_id(stem):
            plan = _load_quarter(source, file, stem, problems, sharing)
            if plan is not None:
                quarters[stem] = plan
        elif _LOOKS_LIKE_QUARTER.match(stem):
            file.broken = True
            problems.append(
                Problem(
                    source.shown(name),
                    f"`{stem}` is not a quarter id: quarter files are named YYYY-Qn.toml, n = 1..4",
                )
            )
        else:
            problems.append(
                Problem(
                    source.shown(name),
                    "not a workspace file (roadmap, backlog, feedback or YYYY-Qn); ignored",
                    severity="warning",
                )
            )
        if not keep_files and not file.broken:
            file.raw = {}  # built: only a broken file's tables are looked at again (below)
    problems = [
        *source.problems,
        *(p for name in sorted(found_reading) for p in found_reading[name]),
        *problems,
    ]
    parsed = {name: parsed[name] for name in sorted(parsed)}
    if ROADMAP not in source.files and not any(p.file.endswith(ROADMAP) for p in problems):
        problems.append(
            Problem(
                source.shown(ROADMAP), "missing: a workspace needs roadmap.toml (`roadmap init`)"
            )
        )
    unread = {p.file for p in problems if p.is_error}
    unread.update(source.shown(name) for name, file in parsed.items() if file.broken)
    workspace: Workspace | None = None
    if roadmap is not None:
        workspace = Workspace.model_construct(
            roadmap=roadmap, quarters=quarters, backlog=backlog, feedback=feedback
        )
        for problem in validate_workspace(workspace, unreadable=_unreadable_ids(parsed, workspace)):
            problems.append(_shown(source, problem))
    named = {p.file for p in problems}
    texts = {
        source.shown(f.name): f.data.decode("utf-8", "replace")
        for f in parsed.values()
        if source.shown(f.name) in named
    }
    located = locate_all(problems, texts)
    if not keep_files:
        parsed = {}
        source.files = {}
    return Loaded(
        source=source, workspace=workspace, files=parsed, problems=located, unread=sorted(unread)
    )


class _Sharing:
    """What the items of a load share: the names of the fields written (pydantic keeps a set
    of them per item, 600-700 bytes, a quarter of an item: 8 MiB of 10,000 items; items mostly
    write the same fields), and, read-only, equal items of a version read before. The set is
    what pydantic's `exclude_unset` reads, which nothing here uses; an edit works on a copy
    (`model_copy` gives the copy a set of its own), so a shared set is never added to."""

    def __init__(self, reuse: Mapping[str, Item]) -> None:
        self.reuse = reuse
        self.names: dict[frozenset[str], set[str]] = {}

    def item(self, item: Item) -> Item:
        same = self.reuse.get(item.id)
        if same is not None and same == item:
            return same
        written = item.model_fields_set
        shared = self.names.setdefault(frozenset(written), written)
        if shared is not written:
            object.__setattr__(item, "__pydantic_fields_set__", shared)
        return item


def _unreadable_ids(parsed: dict[str, LoadedFile], ws: Workspace) -> set[str]:
    """Ids written in the files whose items did not load (their own errors are reported)."""
    written: set[str] = set()
    for file in parsed.values():
        entries = file.raw.get("items") if file.broken else None
        if isinstance(entries, list):
            written.update(
                e["id"] for e in entries if isinstance(e, dict) and isinstance(e.get("id"), str)
            )
    return written - {item.id for item in ws.all_items()}


def _shown(source: Source, problem: Problem) -> Problem:
    return Problem(
        source.shown(problem.file),
        problem.message,
        where=problem.where,
        severity=problem.severity,
        line=problem.line,
        column=problem.column,
        item_id=problem.item_id,
        field=problem.field,
    )


def _parse(source: Source, name: str, data: bytes, problems: list[Problem]) -> LoadedFile | None:
    shown = source.shown(name)
    if b"\0" in data:
        problems.append(Problem(shown, "binary file, expected TOML text"))
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        problems.append(Problem(shown, f"not UTF-8 text (byte {error.start}): expected TOML text"))
        return None
    if not text.strip() and name != BACKLOG_FILE and name != FEEDBACK_FILE:
        problems.append(Problem(shown, "file is empty"))
        return None
    try:
        raw = prefetch.tables(source.folder, name, data, text)  # parsed and checked
    except tomllib.TOMLDecodeError as error:
        problems.append(toml_problem(shown, error, text))
        return None
    except LimitError as error:
        problems.append(Problem(shown, error.message, where=error.where))
        return None
    except RecursionError:
        problems.append(Problem(shown, "nested too deeply to read"))
        return None
    except ValueError as error:  # an integer over Python's digit limit
        problems.append(big_integer_problem(shown, text, error))
        return None
    return LoadedFile(name=name, data=data, raw=raw)


def _extra(raw: dict[str, Any], known: set[str]) -> dict[str, Any]:
    return {key: value for key, value in raw.items() if key not in known}


def _validate(
    source: Source,
    file: LoadedFile,
    model: type[_M],
    raw: Any,
    prefix: str,
    problems: list[Problem],
) -> _M | None:
    try:
        return model.model_validate(raw)
    except ValidationError as error:
        file.broken = True
        problems.extend(schema_problems(source.shown(file.name), prefix, error, None))
        return None


def _load_roadmap(
    source: Source, parsed: dict[str, LoadedFile], problems: list[Problem]
) -> Roadmap | None:
    file = parsed.get(ROADMAP)
    if file is None:
        return None
    raw = dict(file.raw)
    if "workspace" not in raw:
        file.broken = True
        problems.append(
            Problem(source.shown(ROADMAP), "missing the [workspace] table (name, owner)")
        )
        return None
    try:
        return Roadmap.model_validate(raw)
    except ValidationError as error:
        file.broken = True
        problems.extend(_by_id(source.shown(ROADMAP), raw, error))
        return None


def _by_id(shown: str, raw: dict[str, Any], error: ValidationError) -> list[Problem]:
    """Schema problems of roadmap.toml, with `teams[2]` named `teams[storage]`."""
    result: list[Problem] = []
    for problem in schema_problems(shown, "", error, None):
        where = problem.where
        match = re.match(r"^(teams|goals)\[(\d+)\](.*)$", where)
        if match:
            entries = raw.get(match.group(1))
            index = int(match.group(2))
            if isinstance(entries, list) and index < len(entries):
                entry = entries[index]
                ident = entry.get("id") if isinstance(entry, dict) else None
                label = ident if isinstance(ident, str) else f"#{index + 1}"
                where = f"{match.group(1)}[{label}]{match.group(3)}"
        result.append(Problem(problem.file, problem.message, where=where, field=problem.field))
    return result


def _load_items(
    source: Source,
    file: LoadedFile,
    default_status: str,
    problems: list[Problem],
    sharing: _Sharing,
) -> list[Item]:
    shown = source.shown(file.name)
    raw_items = file.raw.get("items", [])
    if not isinstance(raw_items, list):
        file.broken = True
        problems.append(Problem(shown, "`items` must be a list of [[items]] tables", where="items"))
        return []
    items: list[Item] = []
    for index, raw in enumerate(raw_items):
        ident = raw.get("id") if isinstance(raw, dict) else None
        label = ident if isinstance(ident, str) and ident else f"#{index + 1}"
        if not isinstance(raw, dict):
            file.broken = True
            problems.append(Problem(shown, "must be a [[items]] table", where=f"items[{label}]"))
            continue
        if "status" not in raw:
            raw = {**raw, "status": default_status}
        try:
            item = Item.model_validate(raw)
        except ValidationError as error:
            file.broken = True
            problems.extend(
                schema_problems(
                    shown, f"items[{label}]", error, ident if isinstance(ident, str) else None
                )
            )
            continue
        items.append(sharing.item(item))
    return items


def _load_quarter(
    source: Source,
    file: LoadedFile,
    quarter_id: str,
    problems: list[Problem],
    sharing: _Sharing,
) -> QuarterPlan | None:
    shown = source.shown(file.name)
    header_raw = file.raw.get("quarter")
    if header_raw is None:
        file.broken = True
        problems.append(Problem(shown, f'missing the [quarter] table (id = "{quarter_id}", stage)'))
        return None
    header = _validate(source, file, QuarterHeader, header_raw, "quarter", problems)
    if header is None:
        return None
    if header.id != quarter_id:
        file.broken = True
        problems.append(
            Problem(
                shown,
                f"quarter id `{header.id}` does not match the file name `{quarter_id}.toml`",
                where="quarter.id",
                field="id",
            )
        )
        return None
    items = _load_items(source, file, "planned", problems, sharing)
    return QuarterPlan.model_construct(
        quarter=header, items=items, **_extra(file.raw, {"quarter", "items"})
    )
