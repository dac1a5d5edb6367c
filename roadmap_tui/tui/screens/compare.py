"""View 5, compare: a baseline against one or more alternatives, and what changes.

Baseline: the saved files (before the unsaved edits), a recent commit touching the workspace,
or a scenario. Alternatives: the current edits and scenarios. The impact (added, skipped,
deferred, value per quarter, asks moved, goals' slip, a notice per team) comes from
`roadmap_tui.impact`, judged by the workspace's framework like `roadmap impact`. From here:
`c` copies the selected team's notice, `n` writes a scenario of the current state, `m` makes
room (adopts backlog items: the current edits become the alternative), `x` exports the deck or
the markdown page in the background.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import (
    Header,
    LoadingIndicator,
    OptionList,
    Select,
    SelectionList,
    Static,
)
from textual.widgets.option_list import Option

from roadmap_tui.models import Workspace, WorkspaceError
from roadmap_tui.tui.background import WorkingScreen
from roadmap_tui.tui.messages import WorkspaceEdited, WorkspaceReloaded
from roadmap_tui.tui.widgets.footer import KeysFooter
from roadmap_tui.tui.widgets.tick_list import TickList
from roadmap_tui.workbench.comparison import Comparison, compare_chosen
from roadmap_tui.workbench.impact_sources import CURRENT, SAVED, Sources, Version
from roadmap_tui.workbench.session import Session

if TYPE_CHECKING:
    from roadmap_tui.impact import Impact, Notice, Options
    from roadmap_tui.storage.history import Commit
    from roadmap_tui.tui.screens.export_impact import ExportRequest

WORKING = "Comparing…"


class CompareScreen(WorkingScreen):
    BINDINGS = [
        Binding(
            "c", "copy_notice", "Copy notice", id="copy-notice", tooltip="Copy the team's notice"
        ),
        Binding(
            "x", "export", "Export", id="export", tooltip="Write the deck or the markdown page"
        ),
        Binding(
            "n",
            "new_scenario",
            "New scenario",
            id="new-scenario",
            tooltip="Write the current state (with unsaved edits) as a scenario",
        ),
        Binding(
            "m",
            "make_room",
            "Make room",
            id="compare-make-room",
            tooltip="Adopt backlog items into a quarter; the least valuable make room",
        ),
        Binding(
            "o",
            "next_option",
            "Next option",
            show=False,
            id="next-option",
            tooltip="Show the details of the next alternative",
        ),
    ]

    def __init__(self, session: Session, today: Callable[[], dt.date]) -> None:
        super().__init__()
        self.session = session
        self.today = today
        self.sources = Sources(session)
        self.baseline = SAVED
        self.chosen: list[str] = [CURRENT]
        self.shown_option = 0  # which alternative's details and notices are shown
        self.impact: Impact | None = None
        self.options: Options | None = None
        self.versions: list[Version] = []  # baseline first, then the alternatives
        self.comparison: Comparison | None = None
        self._asked = 0  # comparisons asked for: only the latest one's result is shown
        self._filling = False
        self._compared = False
        self._compare_pending = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="compare-heading", classes="view-heading")
        with Horizontal(id="compare-body"):
            with Vertical(id="compare-side"):
                yield Static("Baseline", classes="side-label")
                yield Select[str](self.sources.baselines(), allow_blank=False, id="baseline")
                yield Static("Alternatives (space ticks)", classes="side-label")
                yield TickList[str](id="alternatives")
                yield Static("Notices per team (c copies)", classes="side-label")
                yield OptionList(id="notices")
            with VerticalScroll(id="compare-main"):
                yield Static(id="impact-summary")
                yield Static(id="notice-text")
                yield Static(id="impact-report")
        with Horizontal(id="export-progress"):
            yield LoadingIndicator()
            yield Static(id="export-label")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#export-progress").display = False
        self._fill_pickers()
        self._compared = self._compare_pending = True
        self._say_comparing()
        # The view is drawn first, saying it compares; then the commits are listed (git log)
        # and the comparison runs, in workers (which share the interpreter with drawing).
        self.call_after_refresh(self._begin)

    def _begin(self) -> None:
        self.start_work("list-commits", self.sources.list_commits, None, self._commits_listed)
        self._compare_now()

    def _commits_listed(self, commits: list[Commit]) -> None:
        if commits != self.sources.commits:  # none, outside git: the pickers stay as they are
            self.sources.commits = commits
            self._fill_pickers()

    def _say_comparing(self) -> None:
        self.query_one("#compare-heading", Static).update(Text(WORKING, style="dim"))

    # --- pickers -------------------------------------------------------------------------------
    def _fill_pickers(self) -> None:
        self._filling = True
        baselines = self.sources.baselines()
        specs = [spec for _, spec in baselines]
        if self.baseline not in specs:
            self.baseline = SAVED
        select = self.query_one("#baseline", Select)
        select.set_options(baselines)
        select.value = self.baseline
        alternatives = self.sources.alternatives()
        known = {spec for _, spec in alternatives}
        self.chosen = [spec for spec in self.chosen if spec in known] or [CURRENT]
        picker = self.query_one("#alternatives", SelectionList)
        picker.clear_options()
        picker.add_options([(p, spec, spec in self.chosen) for p, spec in alternatives])
        self._filling = False

    @on(Select.Changed, "#baseline")
    def _baseline_changed(self, event: Select.Changed) -> None:
        if self._filling or not isinstance(event.value, str) or event.value == self.baseline:
            return
        self.baseline = event.value
        self.show_all()

    @on(SelectionList.SelectedChanged, "#alternatives")
    def _alternatives_changed(self) -> None:
        if self._filling:
            return
        picked = list(self.query_one("#alternatives", SelectionList).selected)
        order = [spec for _, spec in self.sources.alternatives()]
        chosen = sorted(picked, key=order.index)
        if chosen == self.chosen:
            return  # the pickers being filled (their messages arrive after), not a new pick
        self.chosen = chosen
        self.shown_option = 0
        self.show_all()

    def choose(self, baseline: str, alternatives: list[str]) -> None:
        """Pick the versions to compare (tests, and the palette)."""
        self.baseline = baseline
        self.chosen = list(alternatives)
        self.shown_option = 0
        self._fill_pickers()
        self.show_all()

    # --- the impact ----------------------------------------------------------------------------
    def show_all(self) -> None:
        """Compare the chosen versions in a worker, once for all the asks made before the next
        frame (mounting, filling the pickers and being shown each ask); the view says it is
        comparing until the result arrives (only the latest asked for is shown)."""
        self._compared = True
        if not self._compare_pending:
            self._compare_pending = True
            self._say_comparing()
            self.call_after_refresh(self._compare_now)

    def _compare_now(self) -> None:
        self._compare_pending = False
        self._asked += 1
        # The worker needs the edits as they are now, not as the person goes on editing: a
        # copy (60 ms at 1,000 items), made only when there are edits; without, the saved
        # version is the current one.
        current = self.session.workspace.model_copy(deep=True) if self.session.dirty else None
        work = partial(_compare, self.sources, self.baseline, list(self.chosen), current)
        self.start_work("compare", work, None, partial(self._compared_now, self._asked))

    def _compared_now(self, asked: int, outcome: Comparison | WorkspaceError | None) -> None:
        if asked != self._asked:
            return  # the picks or the plan changed meanwhile: a newer comparison is coming
        self.comparison = None if isinstance(outcome, WorkspaceError) else outcome
        self.impact = self.options = None
        self.versions = []
        if isinstance(outcome, WorkspaceError):
            message = "; ".join(str(p) for p in outcome.problems[:3])
            heading = self.query_one("#compare-heading", Static)
            heading.update(Text(f"Cannot compare: {message}", style="bold red"))
            self._show_report()
            return
        if outcome is not None:
            self.versions = outcome.versions
            self.options = outcome.options
            if self.options is not None:
                self.shown_option %= len(self.options.impacts)
            self.impact = outcome.impact(self.shown_option)
        self._show_heading()
        self._show_report()

    def _show_heading(self) -> None:
        text = Text("Compare", style="bold")
        if not self.versions:
            text.append(" · tick at least one alternative", style="yellow")
        else:
            base, *others = self.versions
            text.append(f" · {base.label} → {', '.join(v.label for v in others)}")
            if self.baseline == SAVED and CURRENT in self.chosen and not self.session.dirty:
                text.append(" · no unsaved edits yet: m makes room", style="yellow")
            problems = sum(v.problems for v in self.versions)
            if problems:
                text.append(f" · {problems} problem(s) in the files", style="red")
        text.append(" · x export · n scenario", style="dim")
        self.query_one("#compare-heading", Static).update(text)

    def _show_report(self) -> None:
        from roadmap_tui.impact import summary

        summary_box = self.query_one("#impact-summary", Static)
        report = self.query_one("#impact-report", Static)
        notices = self.query_one("#notices", OptionList)
        impact = self.impact
        notices.clear_options()
        if impact is None:
            summary_box.update("")
            report.update("")
            self.query_one("#notice-text", Static).update("")
            return
        from roadmap_tui.exporters.rich_views import impact_tables, options_table

        parts: list[RenderableType] = []
        if self.options is not None:
            parts.append(options_table(self.options))
            parts.append(Text(""))
            parts.append(Text(f"Details of {impact.adjusted} (o: next alternative)", style="bold"))
        summary_box.update(Text(summary(impact)))
        parts += impact_tables(impact, compact=True)
        report.update(Group(*parts))
        notices.add_options(
            [Option(f"{n.team_name} ({len(n.items)})", id=n.team) for n in impact.notices]
        )
        if impact.notices:
            notices.highlighted = 0
        self._show_notice()

    def selected_notice(self) -> Notice | None:
        impact = self.impact
        notices = self.query_one("#notices", OptionList)
        if impact is None or notices.highlighted is None or not impact.notices:
            return None
        return impact.notices[notices.highlighted]

    def _show_notice(self) -> None:
        box = self.query_one("#notice-text", Static)
        notice = self.selected_notice()
        if notice is None:
            impact = self.impact
            none = impact is not None and not impact.notices
            box.update(Text("No other team is affected.", style="dim") if none else "")
            return
        where = notice.channel or "(no channel in roadmap.toml)"
        text = Text.assemble((f"Notice for {notice.team_name} · {where}", "bold"), " (c copies)\n")
        text.append(notice.message)
        box.update(text)

    @on(OptionList.OptionHighlighted, "#notices")
    def _notice_highlighted(self) -> None:
        self._show_notice()

    # --- reacting ------------------------------------------------------------------------------
    @on(WorkspaceEdited)
    @on(WorkspaceReloaded)
    def _changed(self) -> None:
        if self.is_current:
            self.show_all()
        # else: compared again when the view is shown again (on_screen_resume)

    def on_screen_resume(self) -> None:
        if not self._compared or self._compare_pending:
            return  # a comparison is on its way (the first follows the first frame: on_mount)
        # Scenarios may have been written meanwhile (here, or by `roadmap adopt`).
        self.sources.forget_scenarios()
        self._fill_pickers()
        self.show_all()

    # --- actions -------------------------------------------------------------------------------
    def action_next_option(self) -> None:
        if self.options is not None:
            self.shown_option = (self.shown_option + 1) % len(self.options.impacts)
            self.impact = self.options.impacts[self.shown_option]
            self._show_heading()
            self._show_report()

    def action_copy_notice(self) -> None:
        notice = self.selected_notice()
        if notice is None:
            self.notify("No notice selected: no other team is affected.", severity="warning")
            return
        from roadmap_tui.exporters.slack_text import slack_text

        self.app.copy_to_clipboard(slack_text(notice.message))  # pasted into Slack
        self.notify(f"Notice for {notice.team_name} copied ({notice.channel}).", title="Copied")

    def room_quarter(self) -> str | None:
        return self.session.workspace.roadmap.workspace.current_quarter

    def action_new_scenario(self) -> None:
        from roadmap_tui.tui.screens.scenario_name import ScenarioNameScreen

        proposed = f"adjusted-{self.today().isoformat()}"
        self.app.push_screen(ScenarioNameScreen(proposed), self._scenario_named)

    def _scenario_named(self, name: str | None, force: bool = False) -> None:
        from roadmap_tui.storage import WorkspaceStore, new_scenario, scenario_folder

        if name is None:
            return
        path = self.session.path
        if scenario_folder(path, name).exists() and not force:
            from roadmap_tui.tui.screens.choice import Choice, ChoiceScreen

            self.app.push_screen(
                ChoiceScreen(
                    f"Scenario {name} exists",
                    "Replace it with the current state?",
                    [Choice("replace", "Replace", "r", "warning"), Choice("cancel", "Cancel", "c")],
                ),
                lambda answer: self._scenario_named(name, True) if answer == "replace" else None,
            )
            return
        try:
            folder = new_scenario(path, name, force=force)
            store = WorkspaceStore.open(f"scenario:{name}", workspace=path)
            store.save(self.session.workspace.model_copy(deep=True))
        except (WorkspaceError, OSError) as error:
            from roadmap_tui.tui.screens.failure import FailureScreen

            text = _error_text(error)
            self.app.push_screen(FailureScreen("Scenario not written", text))
            return
        self.sources.forget_scenarios()
        self._fill_pickers()
        self.notify(f"{folder}", title=f"Scenario {name} written")

    # --- export --------------------------------------------------------------------------------
    def action_export(self) -> None:
        from roadmap_tui.tui.screens.export_impact import ExportScreen

        if self.impact is None:
            self.notify("Nothing to export: pick what to compare first.", severity="warning")
            return
        self.app.push_screen(ExportScreen(self.session.path, self.today()), self._export_chosen)

    def _export_chosen(self, request: ExportRequest | None, force: bool = False) -> None:
        if request is None:
            return
        if request.path.exists() and not force:
            from roadmap_tui.tui.screens.choice import Choice, ChoiceScreen

            self.app.push_screen(
                ChoiceScreen(
                    "Overwrite?",
                    f"{request.path} exists.",
                    [
                        Choice("overwrite", "Overwrite", "o", "warning"),
                        Choice("cancel", "Cancel", "c"),
                    ],
                ),
                lambda answer: (
                    self._export_chosen(request, True) if answer == "overwrite" else None
                ),
            )
            return
        from roadmap_tui.exporters.impact_files import write_impact

        compared = self.comparison
        assert compared is not None
        # The comparison's versions are copies: edits made while the file is written cannot
        # reach it. The person agreed to overwrite (force).
        work = partial(
            write_impact,
            request.kind,
            request.path,
            compared.result,
            [(v.label, v.commit, v.workspace) for v in compared.versions],
            scorer=compared.scorer,
            on=self.today(),
            shown=self.shown_option,
            title=request.title,
            template=request.template,
            force=True,
            workspace=self.session.path,
        )
        self.query_one("#export-label", Static).update(f"Writing {request.path} …")
        self.query_one("#export-progress").display = True
        self.start_work(
            "export",
            work,
            f"Exporting the {request.kind}…",
            self._exported,
            failed=self._export_failed,
        )

    def _exported(self, path: Path) -> None:
        self.query_one("#export-progress").display = False
        self.notify(str(path), title="Exported", timeout=10)

    def _export_failed(self) -> None:
        self.query_one("#export-progress").display = False


def _compare(
    sources: Sources, baseline: str, chosen: list[str], current: Workspace | None
) -> Comparison | WorkspaceError | None:
    """The comparison (worker thread); a version that cannot be read is said in the heading."""
    try:
        return compare_chosen(sources, baseline, chosen, current)
    except WorkspaceError as error:
        return error


def _error_text(error: Exception) -> str:
    if isinstance(error, WorkspaceError):
        return "\n".join(str(p) for p in error.problems)
    return str(error)
