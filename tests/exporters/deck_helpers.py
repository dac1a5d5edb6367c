"""Hand-built impacts and workspaces for the deck tests, and checks of a written deck.

No tests here (a helper module, so that test modules never import each other): the
test_deck_*.py modules import these builders. The numbers are chosen
so that every figure on a slide can be computed by hand (see the comments).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from roadmap_tui.exporters.deck import DeckInput, SourceInfo
from roadmap_tui.exporters.deck.measure import LINE, Measure, TableMeasure
from roadmap_tui.impact import (
    AskChange,
    BrokenDependency,
    GoalSlip,
    Impact,
    ItemChange,
    QuarterValue,
    TeamEffort,
)
from roadmap_tui.models import (
    Backlog,
    Goal,
    Item,
    QuarterHeader,
    QuarterPlan,
    Roadmap,
    Team,
    Workspace,
    WorkspaceSettings,
)

EMU_PER_PT = 12700
DAY = dt.date(2026, 11, 27)
MEASURE = TableMeasure()

# The plan: two quarters, one owner team (infra) and one lending team (storage).
#   ADD       backlog -> 2027-Q1, 10 d, value 8, score 0.8         added
#   LATE      2026-Q4 -> 2027-Q1,  5 d, value 6, score 3.0         deferred by one quarter
#   GONE      2027-Q1 -> backlog,  4 d, value 5, score 1.25        removed
#   EARLY     2027-Q1 -> 2026-Q4,  3 d, value 4, score 1.33        pulled in
#   SIZE      2026-Q4, estimate 6 -> 8, value 7, score 1.75        re-estimated
#   KEEP      2026-Q4, 12 d, value 9, score 0.75                  unchanged
#   NEXT      2027-Q1, 7 d, depends on LATE (now in 2027-Q1 too)  unchanged, knock-on
# Value per quarter: 2026-Q4 before LATE 6 + SIZE 7 + KEEP 9 = 22, after SIZE 7 + KEEP 9 +
# EARLY 4 = 20; 2027-Q1 before GONE 5 + EARLY 4 + NEXT 3 = 12, after ADD 8 + LATE 6 + NEXT 3 = 17.
QUARTERS = ("2026-Q4", "2027-Q1")


def _item(
    item_id: str,
    title: str,
    change: Any,
    where: tuple[str, str],
    days: tuple[float, float],
    value: float,
    score: float,
    goal: str,
    note: str | None = None,
    moved: int | None = None,
) -> ItemChange:
    return ItemChange(
        id=item_id,
        title=title,
        change=change,
        from_location=where[0],
        to_location=where[1],
        team="infra",
        status_before="proposed" if where[0] == "backlog" else "planned",
        status_after="proposed" if where[1] == "backlog" else "planned",
        estimate_before=days[0],
        estimate_after=days[1],
        value_before=value,
        value_after=value,
        score_before=score,
        score_after=score,
        goals=(goal,),
        note=note,
        quarters_moved=moved,
    )


def item_changes() -> tuple[ItemChange, ...]:
    q4, q1 = QUARTERS
    return (
        _item(
            "ADD",
            "Account structure",
            "added",
            ("backlog", q1),
            (10, 10),
            8,
            0.8,
            "secure",
            "adopted: security asked",
        ),
        _item(
            "LATE",
            "Onboard warehouse",
            "deferred",
            (q4, q1),
            (5, 5),
            6,
            3.0,
            "self",
            "deferred: account first",
            1,
        ),
        _item(
            "GONE",
            "Spot workers",
            "removed",
            (q1, "backlog"),
            (4, 4),
            5,
            1.25,
            "ci",
            "skipped for now",
        ),
        _item("EARLY", "Run cache", "pulled-in", (q1, q4), (3, 3), 4, 4 / 3, "ci", None, -1),
        _item("SIZE", "Naming", "re-estimated", (q4, q4), (6, 8), 7, 1.75, "secure"),
        _item("KEEP", "Datadog monitors", "unchanged", (q4, q4), (12, 12), 9, 0.75, "self"),
        _item("NEXT", "Datadog self-service", "unchanged", (q1, q1), (7, 7), 3, 0.5, "self"),
    )


def small_impact(**changes: Any) -> Impact:
    impact = Impact(
        base="git:HEAD~1",
        adjusted="scenario:adopt",
        framework="value-effort",
        owner="infra",
        owner_name="Infrastructure platform",
        workspace_name="Infra roadmap",
        quarters=QUARTERS,
        items=item_changes(),
        value=(QuarterValue("2026-Q4", 22, 20), QuarterValue("2027-Q1", 12, 17)),
        effort=(
            # infra 2026-Q4: before LATE 5 + SIZE 6 + KEEP 12 = 23, after SIZE 8 + KEEP 12 +
            # EARLY 3 = 23 (no change, not charted); 2027-Q1: before GONE 4 + EARLY 3 + NEXT 7
            # = 14, after ADD 10 + LATE 5 + NEXT 7 = 22 of 20 (over).
            TeamEffort("infra", "Infrastructure platform", "2026-Q4", 23, 23, 40, 40, 23, 23),
            TeamEffort("infra", "Infrastructure platform", "2027-Q1", 14, 22, 20, 20, 14, 22),
            TeamEffort("storage", "Storage", "2027-Q1", 0, 6, 10, 10, 0, 0, 0, 6),
        ),
        asks=(
            AskChange(
                team="storage",
                team_name="Storage",
                item="ADD",
                item_title="Account structure",
                kind="new",
                days=6,
                from_quarter=None,
                to_quarter="2027-Q1",
                ask_note="bucket policies",
                reason="adopted: security asked",
            ),
        ),
        broken_dependencies=(
            BrokenDependency(
                item="NEXT",
                item_title="Datadog self-service",
                quarter="2027-Q1",
                depends_on="LATE",
                kind="deferred",
                reason="LATE moved to 2027-Q1, the same quarter",
                root="LATE",
                earliest="2027-Q2",
            ),
        ),
        goals=(
            GoalSlip("self", "Self-service", "2027-Q1", "2027-Q1", 0),
            GoalSlip("secure", "Secure stacks", "2026-Q4", "2027-Q1", 1),
            GoalSlip("ci", "Reliable CI", "2027-Q1", "2026-Q4", -1),
        ),
    )
    return replace(impact, **changes)


def small_workspace(links: dict[str, str] | None = None) -> Workspace:
    """The adjusted workspace behind `small_impact`: stages, links and score inputs."""
    links = links if links is not None else {"ADD": "https://tracker.example/ADD-1"}

    def item(item_id: str, title: str, value: int, effort: int, days: int) -> Item:
        return Item(
            id=item_id,
            title=title,
            estimate=days,
            score={"value": value, "effort": effort},
            link=links.get(item_id),
        )

    return Workspace(
        roadmap=Roadmap(
            workspace=WorkspaceSettings(name="Infra roadmap", owner="infra"),
            goals=[Goal(id="self", title="Self-service"), Goal(id="secure", title="Secure stacks")],
            teams=[
                Team(id="infra", name="Infrastructure platform"),
                Team(id="storage", name="Storage"),
            ],
        ),
        quarters={
            "2026-Q4": QuarterPlan(
                quarter=QuarterHeader(id="2026-Q4", stage="published"),
                items=[
                    item("SIZE", "Naming", 7, 4, 8),
                    item("KEEP", "Datadog monitors", 9, 12, 12),
                    item("EARLY", "Run cache", 4, 3, 3),
                ],
            ),
            "2027-Q1": QuarterPlan(
                quarter=QuarterHeader(id="2027-Q1", stage="team-reviewed"),
                items=[
                    item("ADD", "Account structure", 8, 10, 10),
                    item("LATE", "Onboard warehouse", 6, 2, 5),
                    item("NEXT", "Datadog self-service", 3, 6, 7),
                ],
            ),
        },
        backlog=Backlog(items=[item("GONE", "Spot workers", 5, 4, 4)]),
    )


def deck_input(impact: Impact | None = None, **changes: Any) -> DeckInput:
    data = DeckInput(
        impact=impact if impact is not None else small_impact(),
        base=SourceInfo("git:HEAD~1", "0123456789abcdef0123456789abcdef01234567"),
        adjusted=SourceInfo("scenario:adopt"),
        on=DAY,
        workspace=small_workspace(),
    )
    return replace(data, **changes)


# --- reading a deck back -------------------------------------------------------------------


def pt(emu: int | None) -> float:
    return (emu or 0) / EMU_PER_PT


def title_of(slide: Any) -> str:
    """The slide's title text (placeholder or the deck's own title box), lines joined."""
    for shape in slide.placeholders:
        if shape.placeholder_format.type in (1, 3):  # TITLE, CENTER_TITLE
            return str(shape.text_frame.text).replace("\v", " ")
    raise AssertionError("slide without a title")


def texts(slide: Any) -> Iterator[tuple[Any, Any, float, float]]:
    """Every text frame on a slide with its inner width and height in points:
    (owner shape or cell, text frame, width, height)."""
    for shape in slide.shapes:
        if shape.has_text_frame:
            frame = shape.text_frame
            width = pt(shape.width) - pt(frame.margin_left) - pt(frame.margin_right)
            height = pt(shape.height) - pt(frame.margin_top) - pt(frame.margin_bottom)
            yield shape, frame, width, height
        if shape.has_table:
            table = shape.table
            for r, row in enumerate(table.rows):
                for c, column in enumerate(table.columns):
                    cell = table.cell(r, c)
                    width = pt(column.width) - pt(cell.margin_left) - pt(cell.margin_right)
                    height = pt(row.height) - pt(cell.margin_top) - pt(cell.margin_bottom)
                    yield cell, cell.text_frame, width, height


def overflows(prs: Any, measure: Measure = MEASURE) -> list[str]:
    """Runs wider than their box, and texts taller than their box, as messages: measured the
    way the deck measured them."""
    found = []
    for number, slide in enumerate(prs.slides, start=1):
        for _, frame, width, height in texts(slide):
            if not frame.text.strip():
                continue  # a band or swatch: no text to overflow
            used = 0.0
            for paragraph in frame.paragraphs:
                breaks = len(
                    paragraph._p.findall(  # noqa: SLF001 - python-pptx has no public API for this XML (bounded <1.1)
                        "{http://schemas.openxmlformats.org/drawingml/2006/main}br"
                    )
                )
                spacing = paragraph.line_spacing
                size = max(
                    (run.font.size.pt for run in paragraph.runs if run.font.size), default=10
                )
                line = spacing.pt if spacing is not None and hasattr(spacing, "pt") else size * LINE
                before = paragraph.space_before.pt if paragraph.space_before is not None else 0
                used += (breaks + 1) * line + before
                for run in paragraph.runs:
                    wide = measure.width(run.text, run.font.size.pt, bool(run.font.bold))
                    if wide > width + 0.01:
                        found.append(
                            f"slide {number}: {run.text!r} is {wide:.1f} pt in {width:.1f}"
                        )
            if used > height + 0.5:
                found.append(
                    f"slide {number}: {frame.text[:40]!r} is {used:.1f} pt in {height:.1f}"
                )
    return found


def outside(prs: Any) -> list[str]:
    """Shapes not entirely on their slide."""
    width, height = prs.slide_width, prs.slide_height
    found = []
    for number, slide in enumerate(prs.slides, start=1):
        for shape in slide.shapes:
            left, top = shape.left or 0, shape.top or 0
            right, bottom = left + (shape.width or 0), top + (shape.height or 0)
            if left < 0 or top < 0 or right > width or bottom > height:
                found.append(f"slide {number}: {shape.name} at {left},{top}-{right},{bottom}")
    return found


def notes_of(slide: Any) -> str:
    return str(slide.notes_slide.notes_text_frame.text) if slide.has_notes_slide else ""


def open_deck(path: Path) -> Any:
    from pptx import Presentation

    return Presentation(str(path))


HOSTILE = [
    "Quotes \"double\" and 'single' <script>alert(1)</script> & more",
    "Emoji 🚀👩‍💻 and flags 🇳🇱 in a title",
    "עברית: שכבת חשבונות ומדיניות",
    "العربية مع English mixed في النص",
    "Control\x00char\x1fs\x0b and a lone \ud800 surrogate",
    "Long " + "very long title words " * 25,  # about 550 characters
    "x" * 300,  # one unbreakable word
]


def hostile_impact() -> Any:
    """small_impact with the HOSTILE titles and notes on its first items."""
    rows = list(item_changes())
    for index, title in enumerate(HOSTILE):
        rows[index] = replace(rows[index], title=title, note=title)
    return small_impact(items=tuple(rows))
