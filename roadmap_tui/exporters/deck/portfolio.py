"""The portfolio deck for directors: load across teams, promises not kept, then one slide per
team. Built from the impact deck's blocks (template, canvas, fitted titles, paginated native
tables, atomic save) without changing them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from roadmap_tui.exporters.deck.canvas import Canvas
from roadmap_tui.exporters.deck.clean import one_line
from roadmap_tui.exporters.deck.details import READABLE, tabled
from roadmap_tui.exporters.deck.draw import Margins, Text, fitted_para, notes, rectangle, text_box
from roadmap_tui.exporters.deck.layout import Box
from roadmap_tui.exporters.deck.measure import Measure, default_measure
from roadmap_tui.exporters.deck.model import DeckError
from roadmap_tui.exporters.deck.palette import ACCENT, TEXT
from roadmap_tui.exporters.deck.tables import Cell, Column
from roadmap_tui.exporters.deck.template import open_presentation
from roadmap_tui.exporters.deck.words import ARROW
from roadmap_tui.exporters.deck.writer import save
from roadmap_tui.models import quarter_index
from roadmap_tui.models.numbers import fmt as show
from roadmap_tui.portfolio import PortfolioReport
from roadmap_tui.portfolio.capacity import CapacityLine

# Load colours: calm when there is room, amber when nearly full, red when over.
ROOM = "D6EDD9"
TIGHT = "FBE6C0"
OVER_FILL = "F3DCDC"
STATUS_FILLS = {
    "short": TIGHT,
    "wrong-quarter": TIGHT,
    "unconfirmed": OVER_FILL,
    "orphaned": "ECEEF1",
    "order": TIGHT,
    "missing": OVER_FILL,
}


def load_fill(line: CapacityLine) -> str:
    if line.overloaded:
        return OVER_FILL
    if line.capacity and (line.used + line.unconfirmed) / line.capacity >= 0.9:
        return TIGHT
    return ROOM


def load_text(line: CapacityLine) -> str:
    """`33 + 4 of 60`: used, unconfirmed asks, capacity."""
    extra = f" + {show(line.unconfirmed)}" if line.unconfirmed else ""
    return f"{show(line.used)}{extra} of {show(line.capacity)}"


def _teams(report: PortfolioReport) -> list[str]:
    seen: dict[str, None] = {}
    for line in report.capacity:
        seen.setdefault(line.team, None)
    members = [m.owner for m in report.members if m.owner and m.error is None]
    return [t for t in members if t in seen] + [t for t in seen if t not in members]


def _quarters(report: PortfolioReport) -> list[str]:
    return sorted({line.quarter for line in report.capacity}, key=quarter_index)


def _cover(canvas: Canvas, title: str, lines: Sequence[str]) -> None:
    slide, page = canvas.slide(title, "cover")
    if not canvas.themed:
        rectangle(slide, Box(page.title.x + 7.2, page.title.y - 10, 72, 5), ACCENT, None)
    top = page.title.bottom + 12
    box = Box(page.title.x, top, page.title.w, max(page.height - top - 36, 40))
    margins = Margins(7.2, 3.6, 7.2, 3.6)
    paras = [
        fitted_para(
            line,
            box.w - margins.across,
            40,
            18,
            11,
            canvas.measure,
            colour=None if canvas.themed else TEXT,
            max_lines=2,
        )
        for line in lines
    ]
    text_box(slide, box, Text(paras), margins)
    canvas.drop_empty_placeholders(slide)
    notes(slide, [title, *lines])


def _load(canvas: Canvas, report: PortfolioReport) -> None:
    quarters = _quarters(report)
    by_key = {(line.team, line.quarter): line for line in report.capacity}
    columns = [Column("Team", 2.2)] + [Column(q, 1.3, "center") for q in quarters]
    rows, row_notes = [], []
    for team in _teams(report):
        cells = [Cell(one_line(team), bold=True)]
        for quarter in quarters:
            line = by_key.get((team, quarter))
            cells.append(Cell("") if line is None else Cell(load_text(line), fill=load_fill(line)))
        rows.append(cells)
        row_notes.append(
            "; ".join(by_key[(team, q)].sentence() for q in quarters if (team, q) in by_key)
        )
    over = len(report.overloaded)
    caption = (
        "Days used (reservations included) + days asked but not reserved, of each team's"
        f" capacity. {over} team-quarter(s) over capacity."
    )
    tabled(canvas, "Load across teams", caption, columns, rows, row_notes, READABLE)


def _promises(canvas: Canvas, report: PortfolioReport) -> None:
    columns = (
        Column("Promise", 3.2),
        Column("Between", 2.0),
        Column("Status", 1.3),
        Column("What to do", 3.0),
    )
    rows, row_notes = [], []
    for ask in report.broken_asks:
        rows.append(
            [
                Cell(one_line(ask.title), head=f"{ask.item} ", bold=False),
                Cell(f"{ask.asker} {ARROW} {ask.team}, {show(ask.days)} d in {ask.quarter}"),
                Cell(ask.status, fill=STATUS_FILLS.get(ask.status)),
                Cell(_todo(ask.status, ask.team, ask.quarter)),
            ]
        )
        row_notes.append(ask.sentence())
    for orphan in report.orphaned:
        rows.append(
            [
                Cell(f"reserved for {orphan.for_}", head=f"{orphan.item} "),
                Cell(f"{orphan.team}, {show(orphan.days)} d in {orphan.quarter}"),
                Cell("orphaned", fill=STATUS_FILLS["orphaned"]),
                Cell(f"{orphan.team} can plan these days for other work ({orphan.reason})"),
            ]
        )
        row_notes.append(orphan.sentence())
    for dep in report.dependencies:
        rows.append(
            [
                Cell(f"needs {dep.depends_on}", head=f"{dep.item} "),
                Cell(f"{dep.quarter} {ARROW} {dep.depends_quarter or 'not planned'}"),
                Cell(dep.problem or "", fill=STATUS_FILLS.get(dep.problem or "")),
                Cell(dep.reason),
            ]
        )
        row_notes.append(dep.sentence())
    caption = (
        f"{len(report.broken_asks)} ask(s) not confirmed, {len(report.orphaned)} orphaned"
        f" reservation(s), {len(report.dependencies)} cross-team dependency problem(s)."
    )
    tabled(
        canvas,
        "Promises not kept",
        caption,
        columns,
        rows,
        row_notes,
        READABLE,
        empty="Every promise between teams is kept.",
    )


def _todo(status: str, team: str, quarter: str) -> str:
    if status == "wrong-quarter":
        return f"{team} moves its reservation to {quarter}, or the asker moves back"
    if status == "short":
        return f"{team} reserves the missing days, or the asker asks less"
    return f"{team} reserves the days in {quarter} (roadmap reservations sync)"


def _team(canvas: Canvas, report: PortfolioReport, team: str) -> None:
    lines = [line for line in report.capacity if line.team == team]
    asked = [a for a in report.asks if a.team == team]
    asking = [a for a in report.asks if a.asker == team]
    columns = (
        Column("What", 3.6),
        Column("Quarter", 1.1),
        Column("Days", 0.9, "right"),
        Column("Status", 2.2),
    )
    rows: list[list[Cell]] = []
    row_notes: list[str] = []
    for line in lines:
        rows.append(
            [
                Cell("load: used + not reserved of capacity"),
                Cell(line.quarter),
                Cell(load_text(line), fill=load_fill(line)),
                Cell("declared by askers" if line.source == "declared" else "own workspace"),
            ]
        )
        row_notes.append(line.sentence())
    for ask in asked + asking:
        other = ask.asker if ask.team == team else ask.team
        verb = "asked by" if ask.team == team else "asks"
        rows.append(
            [
                Cell(f"{verb} {other}: {one_line(ask.title)}", head=f"{ask.item} "),
                Cell(ask.quarter),
                Cell(show(ask.days)),
                Cell(ask.status, fill=STATUS_FILLS.get(ask.status)),
            ]
        )
        row_notes.append(ask.sentence())
    source = "its own workspace" if any(line.source == "workspace" for line in lines) else "askers"
    caption = f"{team}: load from {source}; {len(asked)} ask(s) of it, {len(asking)} by it."
    tabled(canvas, f"Team: {team}", caption, columns, rows, row_notes, READABLE)


def write_portfolio_deck(
    report: PortfolioReport,
    path: Path,
    *,
    name: str,
    title: str | None = None,
    on: dt.date | None = None,
    template: Path | None = None,
    force: bool = False,
    measure: Measure | None = None,
) -> int:
    """Write the deck; the number of slides."""
    if not force and path.exists():
        raise DeckError(f"{path} exists; use --force to overwrite it")
    prs, layouts = open_presentation(template)
    canvas = Canvas(prs, layouts, measure if measure is not None else default_measure())
    members = [m.owner for m in report.members if m.owner and m.error is None]
    unread = [m.source for m in report.members if m.error is not None]
    lines = [
        f"{len(members)} teams: {', '.join(members)}",
        f"{len(report.asks)} asks between teams, {len(report.broken_asks)} not confirmed;"
        f" {len(report.overloaded)} team-quarter(s) over capacity",
    ]
    if unread:
        lines.append(f"Not read: {', '.join(unread)}")
    if on is not None:
        lines.append(on.isoformat())
    _cover(canvas, title or f"{name}: load and promises across teams", lines)
    _load(canvas, report)
    _promises(canvas, report)
    for team in members:
        _team(canvas, report, team)
    save(prs, path, force)
    return len(prs.slides)
