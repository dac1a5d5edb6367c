"""How an item reads in the plan table: its cells, its sort key per column, filter matching.

Presentation only: the numbers come from the item, the scores adapter and the planning facts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rich.text import Text

from roadmap_tui.models import STATUSES, Item, Workspace, is_qualified
from roadmap_tui.models.numbers import fmt, fmt_input, fmt_score
from roadmap_tui.workbench.session import Session

if TYPE_CHECKING:  # built in the worker that opens the workspace (networkx, scoring)
    from roadmap_tui.workbench.derived import Derived
    from roadmap_tui.workbench.plan_facts import PlanFacts
    from roadmap_tui.workbench.scores import Scores


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    width: int  # cells, the leading space included; the title takes the room left
    right: bool = False  # numbers line up on the right


COLUMNS: tuple[Column, ...] = (
    Column("id", "Id", 19),
    Column("title", "Title", 0),
    Column("team", "Team", 10),
    Column("status", "Status", 9),
    Column("estimate", "Days", 5, right=True),
    Column("score", "Score", 6, right=True),
    Column("quadrant", "Quadrant", 10),
    Column("deps", "Depends", 9),
    Column("asks", "Asks", 6, right=True),
)
MIN_TITLE = 16
GOOD_TITLE = 30  # narrower than this, columns go (in DROPPED_FIRST order) to give the title room
DROPPED_FIRST = ("quadrant", "deps", "asks", "team", "status")  # Id, Title, Days, Score stay
WIDE_TEAM = 17  # "infra-platform" whole, when the title keeps WIDE_TITLE
WIDE_ID = 28  # and ids whole
WIDE_TITLE = 48


def column_widths(width: int) -> dict[str, int]:
    """Each column's width in a table `width` cells wide: the title takes what is free; on a
    narrow screen the least needed columns go (width 0) before the title drops under
    GOOD_TITLE; on a wide one the team is shown whole."""
    widths = {column.key: column.width for column in COLUMNS}
    for key in DROPPED_FIRST:
        if width - sum(widths.values()) >= GOOD_TITLE:
            break
        widths[key] = 0
    for key, wide in (("team", WIDE_TEAM), ("id", WIDE_ID)):
        if widths[key] and width - sum(widths.values()) - (wide - widths[key]) >= WIDE_TITLE:
            widths[key] = wide
    widths["title"] = max(MIN_TITLE, width - sum(widths.values()))
    return widths


class ItemCell:
    """One cell of the table, drawn only when the table draws it (the rows on screen).

    It reads the item, its score and its dependency state when drawn, so a table of thousands
    of rows holds one small object per cell instead of styled text, and scores that arrive (or
    change) need the table redrawn, not rebuilt. `str()` is the text as shown.
    """

    __slots__ = ("column", "item", "rows")

    def __init__(self, rows: ItemRows, item: Item, column: str) -> None:
        self.rows = rows
        self.item = item
        self.column = column

    @property
    def item_id(self) -> str:
        """The whole id (the id cell may show it shortened)."""
        return self.item.id

    def __rich__(self) -> Text:
        return self.rows.cell(self.item, self.column)

    def __str__(self) -> str:
        return self.rows.cell(self.item, self.column).plain


def fit(text: str, width: int) -> str:
    """`text` in `width` cells (after the leading space), shortened with an ellipsis."""
    return text if len(text) < width else text[: width - 2] + "…"


COLUMN_KEYS = tuple(column.key for column in COLUMNS)

STATUS_STYLE = {
    "proposed": "dim",
    "planned": "",
    "in-progress": "bold cyan",
    "done": "green",
    "dropped": "dim strike",
}
QUADRANT_STYLE = {
    "quick win": "green",
    "big bet": "blue",
    "fill-in": "dim",
    "time sink": "red",
}
LEFTOVER = "↻ "
RESERVATION = "⇄ "  # days lent to another team's item


class ItemRows:
    """Cells and sort keys of items, read from the session's workspace and what it derives."""

    # The table sets these when it lays its columns out.
    id_width = COLUMNS[0].width
    team_width = COLUMNS[2].width

    def __init__(self, session: Session, derived: Derived) -> None:
        self.session = session
        self.derived = derived

    @property
    def ws(self) -> Workspace:
        return self.session.workspace  # read each time: a reload replaces it

    @property
    def scores(self) -> Scores:
        return self.derived.scores

    @property
    def facts(self) -> PlanFacts:
        return self.derived.facts

    # --- cells ---------------------------------------------------------------------------
    def cells(self, item: Item) -> list[ItemCell]:
        """A row's cells, drawn when shown (see `ItemCell`)."""
        return [ItemCell(self, item, key) for key in COLUMN_KEYS]

    def cell(self, item: Item, column: str) -> Text:
        """The cell as shown: left-aligned cells start with a space (the table has no padding)."""
        dim = "dim " if item.status == "dropped" else ""
        if column == "id":
            return Text(" " + fit(item.id, self.id_width), style=f"{dim}bold")
        text = self._cell(item, column, dim)
        return text if text.justify == "right" else Text(" ") + text

    def _cell(self, item: Item, column: str, dim: str) -> Text:
        if column == "title":
            text = Text(style=dim)
            if item.carried_from:
                text.append(LEFTOVER, style="yellow")
            if item.is_reservation:
                text.append(RESERVATION, style="magenta")
            text.append(item.title)
            if item.reserved_for:
                text.append(f" (for {item.reserved_for})", style="dim magenta")
            return text
        if column == "team":
            team = self.ws.team_of(item)
            width = self.team_width
            return Text(fit(team, width), style="dim" if team == self.ws.owner else "")
        if column == "status":
            shown = "in-prog" if item.status == "in-progress" else item.status
            return Text(shown, style=STATUS_STYLE.get(item.status, ""))
        if column == "estimate":
            if item.estimate is None:
                return Text("?", style="yellow", justify="right")
            return Text(fmt_input(item.estimate), style=dim, justify="right")
        if column == "score":
            if not self.scores.available:
                return Text("", justify="right")
            found = self.scores.of(item.id)
            if found.score is None:
                return Text("?", style="bold yellow", justify="right")
            return Text(fmt_score(found.score), style=dim, justify="right")
        if column == "quadrant":
            if not self.scores.available:
                return Text("")
            found = self.scores.of(item.id)
            if found.score is None:
                return Text("unscored", style="italic yellow")
            return Text(found.quadrant or "", style=QUADRANT_STYLE.get(found.quadrant or "", ""))
        if column == "deps":
            return self._dependencies(item)
        if column == "asks":
            if not item.asks:
                return Text("", justify="right")
            days = fmt(sum(ask.days for ask in item.asks))
            count = f"/{len(item.asks)}" if len(item.asks) > 1 else ""
            return Text(f"{days}d{count}", style=dim, justify="right")
        raise KeyError(column)

    def _dependencies(self, item: Item) -> Text:
        if not item.depends_on:
            return Text("")
        state = self.facts.dependencies(item.id)
        if state is None:
            return Text(str(len(item.depends_on)), style="dim")
        if state.ok:
            text = Text(f"✓ {state.count}", style="green")
            external = sum(1 for dep in item.depends_on if is_qualified(dep))
            if external:
                text.append(f" ↗{external}", style="cyan")  # on other workspaces' items
            return text
        _, reason = state.blocking[0]
        return Text(f"⚠{_short(reason)}", style="bold red")

    # --- sorting and filtering --------------------------------------------------------------
    def sort_key(self, item: Item, column: str | None, position: int) -> Any:
        """Sort key for a column (None: the order of the plan file). Blanks sort last; scores,
        asks and dependency trouble sort largest first, the rest A to Z and smallest first."""
        if column is None:
            return (0, position)
        if column == "id":
            return (0, item.id.lower())
        if column == "title":
            return (0, item.title.lower())
        if column == "team":
            return (0, self.ws.team_of(item))
        if column == "status":
            return (0, STATUSES.index(item.status))
        if column == "estimate":
            return (1, 0) if item.estimate is None else (0, item.estimate)
        if column == "score":
            score = self.scores.of(item.id).score
            return (1, 0) if score is None else (0, -score)
        if column == "quadrant":
            quadrant = self.scores.of(item.id).quadrant
            return (1, "") if quadrant is None else (0, quadrant)
        if column == "deps":
            state = self.facts.dependencies(item.id)
            blocking = len(state.blocking) if state else 0
            return (0, -blocking, -len(item.depends_on))
        if column == "asks":
            return (0, -sum(a.days for a in item.asks))
        raise KeyError(column)

    def matches(self, item: Item, text: str) -> bool:
        """Filter-as-you-type: every word appears in the item's id, title, team, status or tags."""
        haystack = " ".join(
            [
                item.id,
                item.title,
                self.ws.team_of(item),
                item.status,
                item.kind,
                *item.tags,
                *item.goals,
                *(a.team for a in item.asks),
                item.note or "",
            ]
        ).lower()
        return all(word in haystack for word in text.lower().split())


def _short(reason: str) -> str:
    return {
        "planned later": "later",
        "in the backlog": "backlog",
        "dropped": "dropped",
        "no item": "missing",
    }.get(reason, reason)
