"""What every command shares: the workspace option, opening a workspace, reporting problems."""

from __future__ import annotations

import datetime as dt
import functools
import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

# Where the commands find `workspace_path`; it lives in `cli.launch`, light for the start-up.
from roadmap_tui.cli.launch import workspace_path as workspace_path
from roadmap_tui.cli.output import echo
from roadmap_tui.models import Item, Problem, Workspace, WorkspaceError
from roadmap_tui.storage import ExternalChangeError, WorkspaceStore
from roadmap_tui.storage.errors import locate_all
from roadmap_tui.storage.outputs import OutputExists

F = TypeVar("F", bound=Callable[..., Any])


def workspace_option(command: F) -> F:
    """`-w/--workspace DIR` on a subcommand (it may also be given before the subcommand)."""
    return click.option(
        "-w",
        "--workspace",
        "workspace",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help="Workspace folder (default: ./plans).",
    )(command)


def require_stage_option(command: Any) -> Any:
    """`--require-stage QUARTER=STAGE`, repeatable; parsed by planning.stages."""

    def parse(
        ctx: click.Context, param: click.Parameter, values: tuple[str, ...]
    ) -> list[tuple[str, str]]:
        from roadmap_tui.planning.stages import parse_requirement

        try:
            return [parse_requirement(value) for value in values]
        except ValueError as error:
            raise click.BadParameter(str(error)) from None

    return click.option(
        "--require-stage",
        "requirements",
        multiple=True,
        callback=parse,
        metavar="QUARTER=STAGE",
        help="Fail unless QUARTER has reached STAGE (draft < team-reviewed < po-approved <"
        " directors-approved < published). Repeatable.",
    )(command)


def interactive() -> bool:
    """Whether a person is at the keyboard to answer questions (tests replace this)."""
    return sys.stdin.isatty()


def today() -> dt.date:
    """Today, or the date in ROADMAP_TODAY (YYYY-MM-DD): reproducible output for docs and scripts."""
    fixed = os.environ.get("ROADMAP_TODAY", "").strip()
    if fixed:
        try:
            return dt.date.fromisoformat(fixed)
        except ValueError:
            raise click.UsageError(f"ROADMAP_TODAY={fixed!r} is not a date (YYYY-MM-DD)") from None
    return dt.date.today()


def print_problems(problems: list[Problem], *, warnings: bool = True) -> None:
    for problem in problems:
        if problem.is_error or warnings:
            echo(str(problem), err=True)


def open_store(
    path: Path,
    spec: str | None = None,
    *,
    read_only: bool = False,
    reuse: Mapping[str, Item] | None = None,
) -> WorkspaceStore:
    """Open a workspace (or a source relative to it) and stop with located errors if unusable.
    `read_only` and `reuse` (a command that never saves): see `WorkspaceStore.open`."""
    from roadmap_tui.cli.opened import load_store

    store = load_store(spec if spec is not None else path, path, read_only=read_only, reuse=reuse)
    say_finished(store)
    if store.loaded.errors:
        print_problems(store.problems)
        count = len(store.loaded.errors)
        raise click.exceptions.Exit(
            _fail(f"{store.source.display}: {count} problem(s); nothing done")
        )
    return store


def say_finished(store: WorkspaceStore) -> None:
    """Tell that opening the workspace finished a save an earlier command left half done."""
    if store.finished_save is not None:
        files = ", ".join(store.finished_save.files) or "nothing left to rename"
        echo(f"{store.source.display}: finished a save that was interrupted: {files}", err=True)


def open_workspace(path: Path, spec: str | None = None) -> Workspace:
    return open_store(path, spec).workspace


def _fail(message: str) -> int:
    echo(message, err=True)
    return 1


def _reader_went_away() -> NoReturn:
    """The reader of our output stopped (`| head`): end quietly, as a Unix tool ended by SIGPIPE
    does (status 128 + 13). Output still buffered would fail again at exit: point it nowhere."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    sys.exit(141)


def handle_errors(command: F) -> F:
    """Known failures become a message and exit 1, never a traceback."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except OutputExists as error:
            echo(f"{error.path}: exists; nothing written (--force to overwrite)", err=True)
            sys.exit(1)
        except WorkspaceError as error:
            print_problems(error.problems)
            sys.exit(1)
        except ExternalChangeError as error:
            echo(f"error: {error}", err=True)
            sys.exit(1)
        except BrokenPipeError:
            _reader_went_away()
        except OSError as error:
            echo(f"error: {error.filename or ''}: {error.strerror or error}", err=True)
            sys.exit(1)

    return wrapper  # type: ignore[return-value]


def cycle_problems(store: WorkspaceStore) -> list[Problem]:
    """Dependency cycles as errors, located in the source's files."""
    from roadmap_tui.planning.dependencies import cycle_problems as cycles
    from roadmap_tui.planning.graph import PlanGraph

    return located(store, cycles(PlanGraph(store.workspace)))


def located(store: WorkspaceStore, problems: list[Problem]) -> list[Problem]:
    """Problems of the workspace's layers, named and located in the source's files."""
    texts = {
        store.source.shown(n): f.data.decode("utf-8", "replace")
        for n, f in store.loaded.files.items()
    }
    shown = [
        Problem(
            store.source.shown(problem.file),
            problem.message,
            where=problem.where,
            severity=problem.severity,
            item_id=problem.item_id,
            field=problem.field,
        )
        for problem in problems
    ]
    return locate_all(shown, texts)


def date_value(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    """A `YYYY-MM-DD` option (click callback); None when not given."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(
            f"{value!r} is not a date (YYYY-MM-DD)", ctx=ctx, param=param
        ) from None
