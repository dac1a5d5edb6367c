"""Views that run planning work in the background: make room (adopt) and the drafted quarter.

The work runs in a thread on a copy of the workspace, so edits made meanwhile cannot race it;
its result is applied only when the workspace is still the one it was worked out on. Results
and failures arrive in one `Worker.StateChanged` handler: each result goes to the typed callback
the work was started with (`start_work(..., done)`), no dispatch by worker name; failures to a
dialog.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from textual import on
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from roadmap_tui.models import BACKLOG, Workspace
from roadmap_tui.models.edits import Edit
from roadmap_tui.tui.screens.view_screen import ViewScreen
from roadmap_tui.workbench.session import Session

if TYPE_CHECKING:
    from roadmap_tui.planning.adoption import Adoption
    from roadmap_tui.planning.draft import Draft
    from roadmap_tui.planning.move_plan import Move
    from roadmap_tui.tui.screens.make_room import RoomRequest


def version_of(session: Session) -> tuple[int, int, int]:
    """Changes whenever the workspace does (an edit, an undo, a reload)."""
    history = session.history
    return (id(session.workspace), len(history), id(history[-1]) if history else 0)


def _make_room(ws: Workspace, request: RoomRequest) -> Adoption:
    from roadmap_tui.impact.figures import figures
    from roadmap_tui.planning.adopt import make_room

    return make_room(ws, request.items, request.quarter, figures(ws)[1])


def _draft(ws: Workspace, quarter: str) -> Draft:
    from roadmap_tui.impact.figures import figures
    from roadmap_tui.planning.draft import draft_quarter

    return draft_quarter(ws, quarter, figures(ws)[1])


Result = TypeVar("Result")


@dataclass(frozen=True)
class Job(Generic[Result]):
    """Background work that was started: what to do with its result, typed, and the version of
    the plan it was worked out on (`fresh` work is not shown once the plan has changed)."""

    done: Callable[[Result], None]
    version: tuple[int, int, int]
    fresh: bool = False
    failed: Callable[[], None] | None = None


class WorkingScreen(ViewScreen):
    """A view with make room (and, through `start_work`, other background work)."""

    session: Session

    def __init__(self) -> None:
        super().__init__()
        self._jobs: dict[Worker[Any], Job[Any]] = {}

    # --- running ------------------------------------------------------------------------------
    def start_work(
        self,
        name: str,
        work: Callable[[], Result],
        description: str | None,
        done: Callable[[Result], None],
        *,
        fresh: bool = False,
        failed: Callable[[], None] | None = None,
    ) -> None:
        """Run `work` in a thread; `done` gets its result on the app's thread (`fresh`: only if
        the plan is still the one it was worked out on); `failed` tidies up after an error.
        `description` is said briefly (None: the view shows that it is working itself)."""
        if description is not None:
            self.notify(description, timeout=2)
        worker = self.run_worker(work, name=name, group=name, thread=True, exit_on_error=False)
        self._jobs[worker] = Job(done, version_of(self.session), fresh, failed)

    def action_make_room(self) -> None:
        from roadmap_tui.tui.screens.make_room import MakeRoomScreen

        def chosen(request: RoomRequest | None) -> None:
            if request is not None:
                ws = self.session.workspace.model_copy(deep=True)
                self.start_work(
                    "make-room",
                    partial(_make_room, ws, request),
                    f"Making room in {request.quarter}…",
                    self._review_adoption,
                    fresh=True,
                )

        self.app.push_screen(
            MakeRoomScreen(self.session.workspace, self.room_quarter(), self.room_items()),
            chosen,
        )

    def room_quarter(self) -> str | None:
        """The quarter make room proposes first."""
        return None

    def room_items(self) -> list[str]:
        """The items make room ticks first: accepted requests still waiting in the backlog."""
        from roadmap_tui.intake import accepted_waiting

        return accepted_waiting(self.session.workspace)

    def start_draft(self, quarter: str) -> None:
        ws = self.session.workspace.model_copy(deep=True)
        self.start_work(
            "draft",
            partial(_draft, ws, quarter),
            f"Drafting {quarter}…",
            self._review_draft,
            fresh=True,
        )

    # --- results --------------------------------------------------------------------------------
    @on(Worker.StateChanged)
    def _worker_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        job = self._jobs.get(worker)
        if job is None or worker.state not in (WorkerState.SUCCESS, WorkerState.ERROR):
            return
        event.stop()  # handled here: the app's handler need not say it again
        del self._jobs[worker]
        if worker.state == WorkerState.SUCCESS:
            if job.fresh and job.version != version_of(self.session):
                self.notify(
                    "The plan changed while this was worked out: run it again.",
                    title=f"{worker.name} not shown",
                    severity="warning",
                )
                return
            job.done(worker.result)
            return
        from roadmap_tui.tui.screens.failure import FailureScreen

        if job.failed is not None:
            job.failed()
        self.app.push_screen(FailureScreen(f"{worker.name} failed", _describe(worker.error)))

    def _review_adoption(self, result: Adoption) -> None:
        from roadmap_tui.planning.move_plan import plan_edit
        from roadmap_tui.tui.screens.adoption_review import AdoptionReviewScreen

        def answered(apply: bool | None) -> None:
            if apply:
                self._confirm_and_apply(lambda: plan_edit(self.session.workspace, result.plan))

        self.app.push_screen(AdoptionReviewScreen(result), answered)

    def _review_draft(self, draft: Draft) -> None:
        from roadmap_tui.planning.move_plan import MovePlan, plan_edit
        from roadmap_tui.tui.screens.draft_review import DraftReviewScreen

        def answered(moves: list[Move] | None) -> None:
            if moves is None:
                self.notify(f"Draft of {draft.quarter} rejected: nothing changed.", timeout=3)
                return
            if not moves:
                self.notify("No item ticked: nothing changed.", timeout=3)
                return
            # A new quarter is created as a draft; an existing one keeps its stage.
            stages = {} if draft.quarter in self.session.workspace.quarters else draft.plan.stages
            label = f"accept {len(moves)} drafted item(s) into {draft.quarter}"
            plan = MovePlan(label, list(moves), dict(stages))
            self._confirm_and_apply(lambda: plan_edit(self.session.workspace, plan))

        self.app.push_screen(DraftReviewScreen(draft), answered)

    def _confirm_and_apply(self, make: Callable[[], Edit]) -> None:
        """Apply a plan of moves; first, when it overloads a team or reopens a settled quarter,
        say so with the load per team after it, and ask (the reason goes to the review log)."""
        from roadmap_tui.planning.stages import reopenings, with_reopened
        from roadmap_tui.tui.screens.reason import ReasonScreen

        ws = self.session.workspace
        try:
            edit = make()
        except KeyError as error:
            self.notify(f"Not applied: {error}", severity="warning")
            return
        loads, over = loads_after(ws, edit)
        warnings = over + [found.reason for found in reopenings(ws, edit)]
        if not warnings:
            self._apply(lambda: edit)
            return

        def confirmed(reason: str | None) -> None:
            if reason is not None:
                current = self.session.workspace
                self._apply(
                    lambda: with_reopened(
                        current, make(), current.owner, _today(self), reason or edit.label
                    )
                )

        self.app.push_screen(
            ReasonScreen(
                f"{edit.label[0].upper()}{edit.label[1:]}?",
                "Load after it, " + "; ".join(loads),
                edit.label,
                warnings=warnings,
                confirm="Apply",
            ),
            confirmed,
        )

    def _apply(self, make: Callable[[], Edit]) -> None:
        try:
            edit = make()
        except KeyError as error:
            self.notify(f"Not applied: {error}", severity="warning")
            return
        self.session.do(edit)
        self.notify(edit.label, title="Done (ctrl+z undoes)", timeout=4)


def _describe(error: BaseException | None) -> str:
    from roadmap_tui.models import WorkspaceError

    if isinstance(error, WorkspaceError):
        return "\n".join(str(problem) for problem in error.problems)
    return f"{type(error).__name__}: {error}" if error is not None else "unknown error"


def loads_after(ws: Workspace, edit: Edit) -> tuple[list[str], list[str]]:
    """Each team's load in the quarters an edit moves items into, after it ("2027-Q1:
    infra-platform 150/145, storage 4/15"), and a warning per team it leaves over capacity."""
    from roadmap_tui.models.edits import ItemChange, apply
    from roadmap_tui.models.numbers import fmt as show
    from roadmap_tui.planning.capacity import capacity_table

    quarters = {
        change.after.location
        for change in edit.changes
        if isinstance(change, ItemChange) and change.after and change.after.location != BACKLOG
    }
    after = ws.model_copy(deep=True)
    apply(after, edit)
    loads: list[str] = []
    over: list[str] = []
    for quarter in sorted(quarters):
        figures = []
        for load in capacity_table(after, quarter):
            if not load.used and not load.overloaded:
                continue
            figures.append(f"{load.team} {show(load.used)}/{show(load.capacity)}")
            if load.overloaded:
                over.append(
                    f"{load.team} is over capacity in {quarter}: {show(load.used)}/"
                    f"{show(load.capacity)} (over by {show(load.used - load.capacity)})"
                )
        if figures:
            loads.append(f"{quarter}: {', '.join(figures)}")
    return loads, over


def _today(screen: Screen[None]) -> dt.date:
    """The app's day (tests fix it)."""
    today = getattr(screen.app, "today", None)
    return today() if callable(today) else dt.date.today()
