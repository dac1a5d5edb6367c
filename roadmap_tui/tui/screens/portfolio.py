"""The portfolio view (read-only): teams x quarters load heat map, asks by status, cross-team
dependency problems. Enter on a row opens its details. Everything shown comes from a
PortfolioReport (roadmap_tui.portfolio); this screen only draws it."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static, TabbedContent, TabPane

from roadmap_tui.models import quarter_index
from roadmap_tui.models.numbers import fmt as show
from roadmap_tui.portfolio import PortfolioReport
from roadmap_tui.portfolio.capacity import CapacityLine
from roadmap_tui.tui.screens.dialog_screen import DialogScreen

# Problems first: what someone has to act on.
STATUS_ORDER = ("unconfirmed", "wrong-quarter", "short", "orphaned", "confirmed", "no-workspace")
STATUS_STYLE = {
    "unconfirmed": "bold red",
    "wrong-quarter": "bold yellow",
    "short": "yellow",
    "orphaned": "magenta",
    "confirmed": "green",
    "no-workspace": "dim",
}


def heat(line: CapacityLine) -> Text:
    """`33+4/60` on a background that says how full the team is."""
    extra = f"+{show(line.unconfirmed)}" if line.unconfirmed else ""
    text = f"{show(line.used)}{extra}/{show(line.capacity)}"
    if line.overloaded:
        style = "bold white on dark_red"
    elif line.capacity and (line.used + line.unconfirmed) / line.capacity >= 0.9:
        style = "black on yellow"
    else:
        style = "black on green"
    if line.source == "declared":
        text += " d"
    return Text(f" {text} ", style=style, justify="center")


def _texts(values: list[str]) -> list[Text]:
    """Cells: the item bold, days right-aligned, what was reserved dim."""
    styles = ["", "bold", "", "", "", "dim"]
    return [
        Text(value, style=style, justify="right" if index == 4 else "left")
        for index, (value, style) in enumerate(zip(values, styles, strict=True))
    ]


class DetailsScreen(DialogScreen[None]):
    """One row's details; escape or enter closes it."""

    BINDINGS = [Binding("escape,enter,q", "dismiss", "Close")]

    def __init__(self, title: str, lines: list[str]) -> None:
        super().__init__(classes="dialog-screen")
        self.heading = title
        self.lines = lines

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="portfolio-details"):
            yield Static(self.heading, classes="dialog-title")
            with VerticalScroll():
                yield Static("\n".join(self.lines), id="portfolio-details-text")

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(None)


class PortfolioScreen(Screen[None]):
    BINDINGS = [
        Binding("l", "tab('load')", "Load", id="portfolio.load"),
        Binding("a", "tab('asks')", "Asks", id="portfolio.asks"),
        Binding("d", "tab('deps')", "Dependencies", id="portfolio.deps"),
        Binding("q", "app.quit", "Quit", id="portfolio.quit"),
    ]

    def __init__(self, report: PortfolioReport, name: str) -> None:
        super().__init__()
        self.report = report
        self.portfolio_name = name
        self.details: dict[str, tuple[str, list[str]]] = {}  # row key -> (title, lines)

    def compose(self) -> ComposeResult:
        yield Static(self._heading(), id="portfolio-heading")
        with TabbedContent(initial="load"):
            with TabPane("Load", id="load"):
                yield DataTable(id="portfolio-load", cursor_type="row")
            with TabPane("Asks", id="asks"):
                yield DataTable(id="portfolio-asks", cursor_type="row")
            with TabPane("Dependencies", id="deps"):
                yield DataTable(id="portfolio-deps", cursor_type="row")
        yield Footer()

    def on_mount(self) -> None:
        self._fill_load()
        self._fill_asks()
        self._fill_deps()
        self.query_one("#portfolio-load", DataTable).focus()

    def _heading(self) -> Text:
        report = self.report
        text = Text(f"{self.portfolio_name}", style="bold")
        text.append(f" · {len(report.members)} members (read-only)")
        broken = len(report.broken_asks) + len(report.orphaned)
        text.append(
            f" · {broken} promise(s) not kept · {len(report.dependencies)} dependency problem(s)"
            f" · {len(report.overloaded)} overload(s)",
            style="bold red" if report.failing else "green",
        )
        for line in report.members:
            if line.error is not None:
                text.append(f"\n⚠ {line.sentence()}", style="red")
            elif line.note:
                text.append(f"\n{line.sentence()}", style="dim")
        return text

    def _fill_load(self) -> None:
        table: DataTable[Text] = self.query_one("#portfolio-load", DataTable)
        quarters = sorted({line.quarter for line in self.report.capacity}, key=quarter_index)
        table.add_column("team", key="team")
        for quarter in quarters:
            table.add_column(quarter, key=quarter)
        by_team: dict[str, dict[str, CapacityLine]] = {
            line.owner: {} for line in self.report.members if line.owner and not line.error
        }  # members first, in the portfolio's order
        for line in self.report.capacity:
            by_team.setdefault(line.team, {})[line.quarter] = line
        for team, lines in by_team.items():
            cells = [Text(team, style="bold")]
            cells += [heat(lines[q]) if q in lines else Text("") for q in quarters]
            key = f"load:{team}"
            table.add_row(*cells, key=key)
            asks = [a for a in self.report.asks if team in (a.team, a.asker)]
            self.details[key] = (
                f"{team}: load and asks",
                [lines[q].sentence() for q in quarters if q in lines]
                + [""]
                + [f"{a.status}: {a.sentence()}" for a in asks],
            )

    def _fill_asks(self) -> None:
        table: DataTable[Text] = self.query_one("#portfolio-asks", DataTable)
        for name in ("status", "from", "item", "team", "quarter", "days", "reserved"):
            table.add_column(name, key=name)
        rows: list[tuple[str, str, list[Text], str, list[str]]] = []
        for index, ask in enumerate(self.report.asks):
            reserved = ask.reserved
            where = f"{show(reserved.days)}d {reserved.quarter} {reserved.item}" if reserved else ""
            cells = [ask.asker, ask.item, ask.team, ask.quarter, show(ask.days), where]
            lines = [
                ask.title,
                "",
                ask.sentence(),
                f"the asking item is planned in {ask.item_quarter}",
            ]
            rows.append(
                (ask.status, f"ask:{index}", _texts(cells), f"{ask.key} asks {ask.team}", lines)
            )
        for index, orphan in enumerate(self.report.orphaned):
            asker, _, item = orphan.for_.partition("/")
            cells = [asker, item, orphan.team, orphan.quarter, show(orphan.days), orphan.item]
            title = f"{orphan.item}: orphaned"
            rows.append(("orphaned", f"orphan:{index}", _texts(cells), title, [orphan.sentence()]))
        rows.sort(key=lambda row: STATUS_ORDER.index(row[0]))
        for status, key, texts, title, lines in rows:
            table.add_row(Text(status, style=STATUS_STYLE[status]), *texts, key=key)
            self.details[key] = (title, lines)

    def _fill_deps(self) -> None:
        table: DataTable[Text] = self.query_one("#portfolio-deps", DataTable)
        for name in ("problem", "item", "quarter", "depends on", "there"):
            table.add_column(name, key=name)
        deps = [*self.report.dependencies, *self.report.unchecked]
        for index, dep in enumerate(deps):
            key = f"dep:{index}"
            problem = dep.problem or "not checked"
            table.add_row(
                Text(problem, style="bold red" if dep.problem else "dim"),
                Text(dep.item, style="bold"),
                Text(dep.quarter),
                Text(dep.depends_on),
                Text(dep.depends_quarter or dep.reason, style="dim"),
                key=key,
            )
            self.details[key] = (f"{dep.item} needs {dep.depends_on}", [dep.sentence()])
        if not deps:
            table.add_row(Text("none", style="green"), Text(""), Text(""), Text(""), Text(""))

    def action_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab
        self.query_one(f"#portfolio-{tab}", DataTable).focus()

    @on(DataTable.RowSelected)
    def _open(self, event: DataTable.RowSelected) -> None:
        found = self.details.get(str(event.row_key.value))
        if found is not None:
            self.app.push_screen(DetailsScreen(*found))
