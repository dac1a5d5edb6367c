"""Read -> change -> save as one step under the workspace's lock, with located messages."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click
from filelock import Timeout

from roadmap_tui.cli.common import open_store
from roadmap_tui.intake.lookup import UnknownTheme
from roadmap_tui.intake.requests import DecidedAlready, IdTaken
from roadmap_tui.models import Problem, WorkspaceError
from roadmap_tui.storage import WorkspaceStore, workspace_lock
from roadmap_tui.storage.errors import locate


@contextmanager
def located(store: WorkspaceStore) -> Iterator[None]:
    """Name the workspace's files as the person sees them (`plans/backlog.toml:42`), and add
    the option or command that changes what intake refused (intake itself names none)."""
    try:
        yield
    except WorkspaceError as error:
        hint = _hint(error)
        raise WorkspaceError(
            [
                _locate(store, dataclasses.replace(p, message=p.message + hint))
                for p in error.problems
            ]
        ) from None


def _hint(error: WorkspaceError) -> str:
    if isinstance(error, DecidedAlready):
        return "; use --force to change the decision"
    if isinstance(error, IdTaken):
        return "; choose another --id or leave it out"
    if isinstance(error, UnknownTheme):
        return f" (create it with `roadmap feedback theme {error.theme} --title TEXT`)"
    return ""


def _locate(store: WorkspaceStore, problem: Problem) -> Problem:
    if problem.file == "":
        return dataclasses.replace(problem, file=store.source.display)
    loaded = store.loaded.files.get(problem.file)
    if loaded is None:
        return problem
    shown = dataclasses.replace(problem, file=store.source.shown(problem.file))
    if not shown.where.startswith(("items[", "themes[")):
        return shown  # a line number is only meaningful for one entry of a file
    return locate(shown, loaded.data.decode("utf-8", "replace"))


@contextmanager
def changing(path: Path) -> Iterator[WorkspaceStore]:
    """The workspace opened under its lock, so read -> change -> save is one step.

    Two `request add` at once would otherwise both read the backlog, pick the same free id and
    the second save would fail on the first one's change; with the lock the second reads after
    the first has saved.
    """
    if not path.is_dir():
        yield open_store(path)  # says what is wrong with the folder
        return
    lock = workspace_lock(path)
    try:
        lock.acquire()
    except Timeout:
        raise click.ClickException(
            f"{path}: another roadmap command is changing this workspace; try again"
        ) from None
    try:
        store = open_store(path)
        with located(store):
            yield store
    finally:
        lock.release()
