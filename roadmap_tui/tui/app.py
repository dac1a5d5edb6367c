"""The terminal app: opens a workspace into one Session and shows it in views (number keys).

`make_app(path)` builds it (tests reuse it); `run_app(path)` is what bare `roadmap` runs.
The app holds no planning rule: edits come from models/edits and planning/moves, files are read
and written by storage, scores and capacity come from the layers below through small adapters.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path

from textual import events, on
from textual.app import App, ComposeResult, SystemCommand
from textual.reactive import reactive
from textual.screen import ModalScreen, Screen
from textual.timer import Timer
from textual.widgets import Input, Static
from textual.worker import Worker, WorkerState

from roadmap_tui.models import Problem, WorkspaceError
from roadmap_tui.models.edits import Edit
from roadmap_tui.storage import ExternalChangeError, WorkspaceStore
from roadmap_tui.storage.example import init_workspace
from roadmap_tui.tui.actions import APP_ACTIONS, listed
from roadmap_tui.tui.commands import ItemsProvider
from roadmap_tui.tui.gc_policy import CollectorPolicy
from roadmap_tui.tui.messages import WorkspaceEdited, WorkspaceReloaded
from roadmap_tui.tui.screens.plan import PlanScreen
from roadmap_tui.tui.views import VIEWS, View
from roadmap_tui.workbench.derived import Derived
from roadmap_tui.workbench.session import Session

THEMES = ("textual-dark", "textual-light")
# Seconds after the first frame: the dialogs' modules are imported then, and what was read is
# kept out of full collections (a collection over 10,000 items takes 0.1 s: not before the frame).
SETTLE_AFTER = 0.3
POLL_SECONDS = 2.0  # how often the plan files' modification times are looked at
# App actions that act on the open workspace: not while a dialog (the editor...) is open.
WORKSPACE_ACTIONS = {"save", "undo", "redo", "reload", "switch_view", "help", "quit_key"}


class RoadmapApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "roadmap"
    COMMANDS = App.COMMANDS | {ItemsProvider}
    BINDINGS = APP_ACTIONS  # the one table of the app's actions (tui/actions.py)

    dirty: reactive[bool] = reactive(False)

    def __init__(
        self,
        workspace_path: Path,
        *,
        today: Callable[[], dt.date] = dt.date.today,
        cursor_blink: bool = True,
        journal: bool = True,
        tune_collector: bool = False,
        poll_seconds: float = POLL_SECONDS,
        editor_ahead: bool = True,
    ) -> None:
        super().__init__()
        # Build the item editor while the first screen is read (tests that open no editor, or
        # test its building on a key press, turn it off: it costs ~0.4 s of CPU per app).
        self.editor_ahead = editor_ahead
        self.collector = CollectorPolicy(tune_collector)
        self.workspace_path = workspace_path
        self.journal = journal
        self.today = today
        self.cursor_blink = cursor_blink
        self.session: Session | None = None
        self.derived: Derived | None = None
        self.views: dict[str, Screen[None]] = {}  # the views built so far, by mode
        self.view_modes: list[str] = []  # the modes registered for the open workspace
        self._opening: Worker[tuple[WorkspaceStore, Derived]] | None = None
        # Set when the first view is drawn (the first interactive frame; its scores and capacity
        # are in it): what benchmarks and tests wait for.
        self.poll_seconds = poll_seconds
        self._poller: Timer | None = None
        self._disk_stamp: dict[Path, int] = {}
        self.shown = asyncio.Event()
        self.derived_ready = asyncio.Event()
        self._unmasked_switch = False  # `show_view` is switching: no repaint delay
        self.theme = THEMES[0]

    def compose(self) -> ComposeResult:
        yield Static(f"Opening {self.workspace_path} …", id="opening")

    def on_mount(self) -> None:
        self.collector.launch()
        self.open_workspace()

    # --- opening -----------------------------------------------------------------------------
    def open_workspace(self) -> None:
        """Read the workspace in a worker; `_opened` takes it from there."""
        path = self.workspace_path
        if not (path / "roadmap.toml").is_file() and not any(path.glob("*.toml")):
            from roadmap_tui.tui.screens.init_workspace import InitWorkspaceScreen

            self.push_screen(InitWorkspaceScreen(path), self._init_chosen)
            return
        self._opening = self.run_worker(
            partial(_read, path),
            name="open",
            group="open",
            thread=True,
            exit_on_error=False,
        )

    def _init_chosen(self, create: bool | None) -> None:
        if not create:
            return
        try:
            init_workspace(self.workspace_path)
        except OSError as error:
            self.notify(f"{self.workspace_path}: {error}", title="Not created", severity="error")
            self.open_workspace()
            return
        self.notify(f"New workspace in {self.workspace_path}, from the example.", title="Created")
        self.open_workspace()

    @on(Worker.StateChanged)
    def _worker_changed(self, event: Worker.StateChanged) -> None:
        """The one place worker results and failures arrive."""
        worker = event.worker
        opening = worker is self._opening
        if opening and worker.state in (WorkerState.SUCCESS, WorkerState.ERROR):
            self._opening = None  # the message can arrive twice (it bubbles): act once
        if worker.state == WorkerState.SUCCESS and opening:
            opened = worker.result
            assert opened is not None
            self._opened(*opened)
        elif worker.state == WorkerState.ERROR and (opening or worker.name != "open"):
            error = worker.error
            if opening:
                problem = Problem(str(self.workspace_path), f"cannot be read: {error}")
                self._show_problems([problem])
            else:
                self.notify(str(error), title=f"{worker.name} failed", severity="error")

    def _opened(self, store: WorkspaceStore, derived: Derived) -> None:
        if store.loaded.workspace is None:
            self._show_problems(store.problems)
            return
        # Unsaved edits are journalled beside the workspace, so a crash does not take them.
        session = Session(store, journal=self.journal)
        session.listeners.append(self._edited)
        self.session = session
        self.derived = derived
        self.title = f"roadmap · {session.workspace.roadmap.workspace.name}"
        self._update_subtitle()
        self.views = {}
        self.view_modes = []
        for view in VIEWS:
            # Each view is built when first shown: the first frame does not wait for the others.
            self.add_mode(view.mode, partial(self._build_view, view))
            self.view_modes.append(view.mode)
        self.show_view(VIEWS[0].mode)
        self.call_after_refresh(self._started)
        self._disk_stamp = _stamp(session.store.source.folder)
        if self._poller is None:
            self._poller = self.set_interval(self.poll_seconds, self._poll_disk)
        self._offer_recovery(session)
        errors = [p for p in store.problems if p.is_error]
        if errors:
            self.notify(
                f"{len(errors)} problem(s) in the files: see the panel (!). Files with errors"
                " are not saved until fixed.",
                title="Opened with problems",
                severity="warning",
                timeout=8,
            )

    def _offer_recovery(self, session: Session) -> None:
        """After a crash, offer back the unsaved edits the journal kept."""
        recovered = session.find_recovery()
        if recovered is None:
            return
        from roadmap_tui.tui.screens.choice import Choice, ChoiceScreen

        count = len(recovered.edits)
        changed = recovered.files_changed_since
        message = (
            f"The last session on {self.workspace_path} ended without saving {count} edit(s),"
            f" the last: {recovered.edits[-1].label}."
        )
        if changed:
            message += f" Since then these files changed on disk: {', '.join(changed)}."

        def answer(choice: str | None) -> None:
            if choice == "restore":
                applied = session.restore(recovered)
                self.notify(
                    f"{applied} of {count} edit(s) restored; save with ctrl+s.",
                    title="Unsaved edits restored",
                )
            elif session.journal is not None:
                session.journal.discard()

        self.push_screen(
            ChoiceScreen(
                "Unsaved edits from the last session",
                message,
                [
                    Choice("restore", "Restore them", "r", "primary"),
                    Choice("discard", "Discard them", "d", "error"),
                ],
            ),
            answer,
        )

    def _preload_dialogs(self) -> None:
        """Import the dialogs while the person reads the first screen, and build the item editor
        (the one dialog too large to build at a key press): their first opening then pays for
        filling and drawing only (imports cost 20-150 ms, building the editor 0.3-0.5 s)."""
        import importlib

        from roadmap_tui.tui.screens.item_editor import build_ahead

        for name in DIALOG_MODULES:
            importlib.import_module(f"roadmap_tui.tui.screens.{name}")
        if self.session is not None and self.editor_ahead:
            build_ahead(self)

    def _end_session(self) -> None:
        """A clean end: nothing is left to recover."""
        if self.session is not None:
            self.session.close()

    def _started(self) -> None:
        """The first view is drawn, with its scores and capacity."""
        self.shown.set()
        self.derived_ready.set()
        self.set_timer(SETTLE_AFTER, self._settle)

    def _settle(self) -> None:
        """While the person reads the first screen: the dialogs' modules are imported and the
        item editor built, and what lives on (the workspace, the modules) leaves full
        collections."""
        self._preload_dialogs()
        self.collector.opened()

    def _build_view(self, view: View) -> Screen[None]:
        screen = self.views[view.mode] = self._make_view(view)
        # A new screen is styled as it mounts, with the stylesheet as it is now. Textual marks
        # it out of date all the same, and the first switch to it re-parsed the whole stylesheet
        # and restyled every screen twice (60-120 ms of each first visit of a view).
        screen._css_update_count = self._css_update_count  # noqa: SLF001 - see above (textual pinned)
        if self.shown.is_set():  # the first view's is kept by `_settle`
            # What the view reads when first shown (compare reads the saved plan) lives on too.
            self.call_after_refresh(self.collector.keep_loaded)
        return screen

    def _make_view(self, view: View) -> Screen[None]:
        assert self.session is not None and self.derived is not None
        if view.mode == "plan":
            return PlanScreen(self.session, self.derived, self.today)
        if view.mode == "prioritise":
            from roadmap_tui.tui.screens.prioritise import PrioritiseScreen

            return PrioritiseScreen(self.session, self.derived)
        if view.mode == "capacity":
            from roadmap_tui.tui.screens.capacity import CapacityScreen

            return CapacityScreen(self.session, self.derived)
        if view.mode == "dependencies":
            from roadmap_tui.tui.screens.dependencies import DependenciesScreen

            return DependenciesScreen(self.session, self.derived)
        if view.mode == "compare":
            from roadmap_tui.tui.screens.compare import CompareScreen

            return CompareScreen(self.session, self.today)
        if view.mode == "inbox":
            from roadmap_tui.tui.screens.inbox import InboxScreen

            return InboxScreen(self.session, self.today)
        raise KeyError(view.mode)  # pragma: no cover - every registered view is built here

    def show_view(self, mode: str) -> None:
        """Switch to a view, drawn as soon as it is ready. Textual's `switch_mode` holds every
        repaint for 50 ms (`delay_update`) to mask the switch: a view built in that time was
        drawn, thrown away and drawn again, and each switch waited those 50 ms. Views are whole
        screens, laid out before their first frame: there is nothing to mask."""
        self._unmasked_switch = True
        try:
            self.switch_mode(mode)
        finally:
            self._unmasked_switch = False

    def delay_update(self, delay: float = 0.05) -> None:
        if not self._unmasked_switch:
            super().delay_update(delay)

    def _show_problems(self, problems: list[Problem]) -> None:
        from roadmap_tui.tui.screens.problems import ProblemsScreen

        for mode in self.view_modes:
            self.switch_mode("_default")
            self.remove_mode(mode)
        self.views = {}
        self.view_modes = []
        self.session = None
        self.derived = None
        self.push_screen(ProblemsScreen(self.workspace_path, problems))

    # --- the session -------------------------------------------------------------------------
    def _edited(self, edit: Edit) -> None:
        """Every edit, undo and redo: derived facts first, then the views redraw what changed."""
        assert self.session is not None and self.derived is not None
        self.derived.apply_edit(edit)
        self.dirty = self.session.dirty
        for screen in self.views.values():
            if screen.is_attached:
                screen.post_message(WorkspaceEdited(edit))

    def watch_dirty(self) -> None:
        self._update_subtitle()

    def _update_subtitle(self) -> None:
        name = self.workspace_path.resolve().name
        self.sub_title = f"{name} · ● unsaved changes" if self.dirty else name

    def show_item(self, item_id: str) -> None:
        """Go to an item: its view, its quarter, its row."""
        plan = self.views.get("plan")
        if isinstance(plan, PlanScreen):
            self.show_view("plan")
            plan.show_item(item_id)

    # --- actions -----------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in WORKSPACE_ACTIONS and isinstance(self.screen, ModalScreen):
            return False  # a dialog is open: it decides first
        if action in {"save", "undo", "redo"} and self.session is None:
            return False
        return True

    def action_switch_view(self, mode: str) -> None:
        if mode in self.view_modes:
            self.show_view(mode)

    def action_undo(self) -> None:
        assert self.session is not None
        edit = self.session.undo()
        if edit is None:
            self.notify("Nothing to undo.", timeout=2)
        else:
            self.notify(f"undone: {edit.label}", timeout=3)

    def action_redo(self) -> None:
        assert self.session is not None
        edit = self.session.redo()
        if edit is None:
            self.notify("Nothing to redo.", timeout=2)
        else:
            self.notify(f"redone: {edit.label}", timeout=3)

    def action_save(self) -> None:
        self.save()

    def save(self, *, force: bool = False, then: Callable[[], None] | None = None) -> None:
        """Save through storage; a file changed on disk asks before anything is overwritten."""
        session = self.session
        assert session is not None
        try:
            result = session.save(force=force)
        except ExternalChangeError as error:
            self._offer_external(error.paths, saving=True, then=then)
            return
        except WorkspaceError as error:
            message = "\n".join(str(p) for p in error.problems)
            self.notify(message, title="Not saved", severity="error", timeout=10)
            return
        except OSError as error:
            self.notify(str(error), title="Not saved", severity="error", timeout=10)
            return
        self.dirty = session.dirty
        # Our own writes are no outside change.
        self._disk_stamp = _stamp(session.store.source.folder)
        names = ", ".join(path.name for path in result.written)
        if names:
            self.notify(f"Saved {names}", title="Saved")
        else:
            self.notify("The files already hold everything.", title="Nothing to save")
        if then is not None:
            then()

    # --- files changed outside ---------------------------------------------------------------
    def _offer_external(
        self, paths: list[Path], *, saving: bool, then: Callable[[], None] | None = None
    ) -> None:
        """Say what changed on disk, per item, and offer to merge, reload or overwrite."""
        from roadmap_tui.tui.screens.external_change import ExternalChangeScreen

        session = self.session
        assert session is not None
        try:
            disk = session.read_disk()
        except WorkspaceError as error:
            names = ", ".join(path.name for path in paths)
            message = "\n".join(str(p) for p in error.problems[:5])
            self.notify(
                f"{names} changed on disk and no longer load:\n{message}",
                title="Files changed outside",
                severity="error",
                timeout=10,
            )
            return
        self._disk_stamp = _stamp(session.store.source.folder)  # offered once per change
        screen = ExternalChangeScreen(
            paths, session.disk_changes(disk), unsaved=len(session.unsaved), saving=saving
        )
        self.push_screen(screen, partial(self._external, disk=disk, saving=saving, then=then))

    def _external(
        self,
        answer: str | None,
        *,
        disk: WorkspaceStore,
        saving: bool,
        then: Callable[[], None] | None,
    ) -> None:
        if answer == "overwrite":
            self.save(force=True, then=then)
        elif answer == "reload":
            self.reload()
        elif answer == "reapply":
            self._reapply(disk)
        elif saving:
            self.notify("Not saved: your edits are still here.", severity="warning")

    def _reapply(self, disk: WorkspaceStore) -> None:
        """Reload and re-apply my edits; real conflicts are the person's to choose first."""
        from roadmap_tui.tui.screens.conflicts import ConflictsScreen

        session = self.session
        assert session is not None
        preview = session.preview_merge(disk)
        if not preview.conflicts:
            self._merge(disk, set())
            return

        def chosen(keep_mine: set[tuple[str, str]] | None) -> None:
            if keep_mine is None:
                self.notify("Nothing reloaded: your edits are still here.", severity="warning")
            else:
                self._merge(disk, keep_mine)

        self.push_screen(ConflictsScreen(preview.conflicts), chosen)

    def _merge(self, disk: WorkspaceStore, keep_mine: set[tuple[str, str]]) -> None:
        session = self.session
        assert session is not None and self.derived is not None
        rebased = session.merge(disk, keep_mine)
        self._after_reading()
        count = len(rebased.edits)
        message = f"Read the files again and re-applied {count} edit{'s' * (count != 1)}"
        if rebased.conflicts:
            mine = sum(c.key in keep_mine for c in rebased.conflicts)
            message += f"; of {len(rebased.conflicts)} conflict(s), {mine} kept mine"
        if rebased.skipped:
            message += ". Not re-applied: " + "; ".join(rebased.skipped)
        self.notify(message + ". Save with ctrl+s.", title="Merged", timeout=8)

    def _after_reading(self) -> None:
        """The session holds a workspace read again: derived facts and views follow."""
        session = self.session
        assert session is not None and self.derived is not None
        self.derived.reset(session.workspace)
        self.collector.replaced()  # the workspace read again
        self.dirty = session.dirty
        self._disk_stamp = _stamp(session.store.source.folder)
        for screen in self.views.values():
            if screen.is_attached:
                screen.post_message(WorkspaceReloaded())

    def _poll_disk(self) -> None:
        """Files changed outside while the app is open: noticed by their modification times,
        then by content (a touch alone is not a change), and offered for reload."""
        session = self.session
        if session is None or not self.screen_stack or isinstance(self.screen, ModalScreen):
            return  # no workspace, a dialog open, or the app closing (its screens gone)
        stamp = _stamp(session.store.source.folder)
        if stamp == self._disk_stamp:
            return
        self._disk_stamp = stamp
        known = {session.store.path_of(name) for name in session.store.loaded.files}
        changed = session.changed_on_disk()
        changed += sorted(path for path in stamp if path not in known)  # new plan files
        if changed:
            self._offer_external(changed, saving=False)

    def action_reload(self) -> None:
        if self.session is None:
            self.pop_screen()
            self.open_workspace()
            return
        if not self.session.dirty:
            self.reload()
            return
        from roadmap_tui.tui.screens.choice import Choice, ChoiceScreen

        count = len(self.session.unsaved)
        self.push_screen(
            ChoiceScreen(
                "Reload from disk?",
                f"Reading the files again loses {count} unsaved edit(s).",
                [Choice("reload", "Reload", "r", "warning"), Choice("cancel", "Cancel", "c")],
            ),
            lambda answer: self.reload() if answer == "reload" else None,
        )

    def reload(self) -> None:
        """Read the files again, dropping unsaved edits."""
        session = self.session
        assert session is not None and self.derived is not None
        try:
            session.reload()
        except WorkspaceError:
            self._show_problems(session.store.problems)
            return
        self._after_reading()
        self.notify("Read the files again.", title="Reloaded")

    async def action_quit(self) -> None:
        """Quit; unsaved changes ask first: save, discard or cancel."""
        from roadmap_tui.tui.screens.unsaved_changes import UnsavedChangesScreen

        session = self.session
        if session is None or not session.dirty:
            self._end_session()
            self.exit()
            return
        if isinstance(self.screen, UnsavedChangesScreen):
            return
        self.push_screen(UnsavedChangesScreen(session.unsaved), self._quit_answer)

    async def action_quit_key(self) -> None:
        await self.action_quit()

    def _quit_answer(self, answer: str | None) -> None:
        if answer == "save":
            self.save(then=self.exit)  # a save ends the journal
        elif answer == "discard":
            self._end_session()
            self.exit()

    def action_help(self) -> None:
        from roadmap_tui.tui.screens.help import HelpScreen

        rows = [(row.key, row.description, row.tooltip) for row in listed(self, self.screen)]
        self.push_screen(HelpScreen(rows))

    def action_toggle_theme(self) -> None:
        self.theme = THEMES[1] if self.theme == THEMES[0] else THEMES[0]

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The palette offers every action of the app and of the view it was opened from, once
        each, from the same table as the keys and help."""
        for row in listed(self, screen):
            if row.action == "command_palette":
                continue
            yield SystemCommand(
                f"{row.description} ({row.key})",
                row.tooltip,
                partial(self.run_action, row.action, row.node),
            )

    # --- details -----------------------------------------------------------------------------
    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Tests and snapshots run with the cursor steady (`cursor_blink=False`)."""
        if not self.cursor_blink and isinstance(event.widget, Input):
            event.widget.cursor_blink = False


def _read(path: Path) -> tuple[WorkspaceStore, Derived]:
    """The opening worker: read the workspace, and work out its scores and planning facts here
    too, off the app's thread, before anything else holds the workspace (no edit can race the
    build). The first frame of the view is then drawn once, complete: with scores to follow it
    was drawn three times (rows, scores, the capacity bars' new layout)."""
    store = WorkspaceStore.open(path)
    derived = Derived()
    if store.loaded.workspace is not None:
        derived.build(store.loaded.workspace)
    return store, derived


DIALOG_MODULES = (
    "reason",
    "choice",
    "item_editor",
    "review_stage",
    "pick_quarter",
    "help",
    "unsaved_changes",
    "external_change",
    "conflicts",
    "decide_request",
    "draft_review",
    "make_room",
    "adoption_review",
)


def _stamp(folder: Path | None) -> dict[Path, int]:
    """The plan files of a workspace and their modification times (a few stat calls); none
    for a workspace that is not a folder."""
    stamp: dict[Path, int] = {}
    if folder is None:
        return stamp
    for path in folder.glob("*.toml"):
        try:
            stamp[path] = path.stat().st_mtime_ns
        except OSError:
            continue
    return stamp


def make_app(
    workspace_path: Path,
    *,
    today: Callable[[], dt.date] = dt.date.today,
    cursor_blink: bool = True,
    journal: bool = True,
    tune_collector: bool = False,
    poll_seconds: float = POLL_SECONDS,
    editor_ahead: bool = True,
) -> RoadmapApp:
    """The app on a workspace folder; tests pass a fixed `today` and `cursor_blink=False`."""
    return RoadmapApp(
        workspace_path,
        today=today,
        cursor_blink=cursor_blink,
        journal=journal,
        tune_collector=tune_collector,
        poll_seconds=poll_seconds,
        editor_ahead=editor_ahead,
    )


def run_app(workspace_path: Path) -> None:
    """The launch: the one place that tunes the process's garbage collector for the app."""
    make_app(workspace_path, tune_collector=True).run()
