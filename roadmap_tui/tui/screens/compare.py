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

from roadmap_tui.models import WorkspaceError
from roadmap_tui.tui.background import WorkingScreen
from roadmap_tui.tui.messages import WorkspaceEdited, WorkspaceReloaded
from roadmap_tui.tui.widgets.footer import KeysFooter
from roadmap_tui.tui.widgets.tick_list import TickList
from roadmap_tui.workbench.impact_sources import CURRENT, SAVED, Sources, Version
from roadmap_tui.workbench.session import Session

if TYPE_CHECKING:
    from roadmap_tui.impact import Impact, Notice, Options
    from roadmap_tui.tui.screens.export_impact import ExportRequest


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
        self._stale = False
        self._filling = False
        self._compared = False

    def compose(self) -> ComposeResult:
        self.sources.refresh_lists()
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
        # The view is drawn first; reading the saved files and comparing follow it.
        self.query_one("#compare-heading", Static).update(Text("Comparing…", style="dim"))
        self.call_after_refresh(self.show_all)

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
        self.chosen = sorted(picked, key=order.index)
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
    def compute(self) -> None:
        """Compare the chosen versions (on the app's thread: the current edits are live)."""
        from roadmap_tui.impact import Options, compare_versions
        from roadmap_tui.impact.figures import figures

        self.impact = self.options = None
        self.versions = []
        if not self.chosen:
            return
        base = self.sources.open(self.baseline)
        versions = [self.sources.open(spec) for spec in self.chosen]
        name, value, score = figures(self.session.workspace)
        self.versions = [base, *versions]
        result = compare_versions(
            base.workspace,
            [(v.label, v.workspace) for v in versions],
            value=value,
            score=score,
            framework=name,
            base_label=base.label,
        )
        if isinstance(result, Options):
            self.options = result
            self.shown_option %= len(result.impacts)
            self.impact = result.impacts[self.shown_option]
        else:
            self.impact = result

    def show_all(self) -> None:
        self._stale = False
        self._compared = True
        heading = self.query_one("#compare-heading", Static)
        try:
            self.compute()
        except WorkspaceError as error:
            self.impact = self.options = None
            message = "; ".join(str(p) for p in error.problems[:3])
            heading.update(Text(f"Cannot compare: {message}", style="bold red"))
            self._show_report()
            return
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
        else:
            self._stale = True

    def on_screen_resume(self) -> None:
        if not self._compared:
            return  # the first comparison follows the first frame (on_mount)
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
        work = self._export_work(request)
        self.query_one("#export-label", Static).update(f"Writing {request.path} …")
        self.query_one("#export-progress").display = True
        self.start_work(
            "export",
            work,
            f"Exporting the {request.kind}…",
            self._exported,
            failed=self._export_failed,
        )

    def _export_work(self, request: ExportRequest) -> Callable[[], Path]:
        """The export as a function for a worker thread, on copies of what it reads."""
        assert self.impact is not None
        if request.kind == "markdown":
            from roadmap_tui.exporters.markdown import impact_markdown, options_markdown

            text = (
                options_markdown(self.options)
                if self.options is not None
                else impact_markdown(self.impact, title=request.title)
            )
            return partial(_write_text, request.path, text, self.session.path)
        data = self._deck_input(request)
        return partial(_write_deck, data, request.path, request.template, self.session.path)

    def _deck_input(self, request: ExportRequest) -> object:
        from roadmap_tui.exporters.deck import SourceInfo
        from roadmap_tui.exporters.deck.inputs import deck_input
        from roadmap_tui.scoring import framework_for

        result = self.options if self.options is not None else self.impact
        assert result is not None
        base, *others = self.versions
        alternatives = [
            (
                SourceInfo(v.label, v.commit),
                # edits may go on while the deck is written
                v.workspace.model_copy(deep=True) if v.spec == CURRENT else v.workspace,
            )
            for v in others
        ]
        return deck_input(
            result,
            SourceInfo(base.label, base.commit),
            alternatives,
            scorer=framework_for(self.session.workspace.roadmap.scoring),
            on=self.today(),
            shown=self.shown_option,
            title=request.title,
            base_workspace=base.workspace,
        )

    def _exported(self, path: Path) -> None:
        self.query_one("#export-progress").display = False
        self.notify(str(path), title="Exported", timeout=10)

    def _export_failed(self) -> None:
        self.query_one("#export-progress").display = False


def _write_text(path: Path, text: str, workspace: Path) -> Path:
    from roadmap_tui.storage.outputs import write_output

    # The person agreed to overwrite; never a device, a folder or a file of the workspace.
    write_output(path, text.encode("utf-8"), force=True, workspace=workspace)
    return path


def _write_deck(data: object, path: Path, template: Path | None, workspace: Path) -> Path:
    from roadmap_tui.exporters.deck import DeckInput, write_deck

    assert isinstance(data, DeckInput)
    write_deck(data, path, template=template, force=True, workspace=workspace)  # agreed
    return path


def _error_text(error: Exception) -> str:
    if isinstance(error, WorkspaceError):
        return "\n".join(str(p) for p in error.problems)
    return str(error)
