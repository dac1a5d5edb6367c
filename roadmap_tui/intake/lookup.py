"""Finding teams, items and themes by what a person typed, with located messages when absent.

Problems name files relative to the workspace (`roadmap.toml`); an empty file means the workspace
itself. The command line puts the workspace folder in front.
"""

from __future__ import annotations

from collections.abc import Iterable

from roadmap_tui.models import FeedbackLog, Item, Problem, Workspace, WorkspaceError, file_of
from roadmap_tui.models.validation import BACKLOG_FILE, FEEDBACK_FILE, ROADMAP_FILE, nearest

WORKSPACE = ""  # Problem.file for "the workspace as a whole"


class UnknownTheme(WorkspaceError):
    """A theme id feedback.toml does not have (`theme`: the id asked for)."""

    def __init__(self, problems: list[Problem], theme: str) -> None:
        super().__init__(problems)
        self.theme = theme


def fail(file: str, message: str, where: str = "") -> WorkspaceError:
    return WorkspaceError([Problem(file=file, message=message, where=where)])


def did_you_mean(name: str, known: Iterable[str]) -> str:
    hint = nearest(name, known)
    return f": did you mean `{hint}`?" if hint else ""


def team_id(ws: Workspace, team: str) -> str:
    """A team of roadmap.toml by id; unknown -> located error with the nearest id."""
    ids = [t.id for t in ws.roadmap.teams]
    if team in ids:
        return team
    names = {t.name.lower(): t.id for t in ws.roadmap.teams if t.name}
    hint = names.get(team.lower())
    suggestion = f": did you mean `{hint}`?" if hint else did_you_mean(team, ids)
    raise fail(ROADMAP_FILE, f"no team `{team}`{suggestion}", where="teams")


def requester_id(ws: Workspace, team: str) -> str:
    """Who asked: anyone in the company may, declared in roadmap.toml or not. A declared team's
    id, or its name (-> its id), or the text as written (whitespace tidied)."""
    text = " ".join(team.split())
    if not text:
        raise fail(BACKLOG_FILE, "say who asked (a team)", where="items")
    if ws.team(text) is not None:
        return text
    names = {t.name.lower(): t.id for t in ws.roadmap.teams if t.name}
    return names.get(text.lower(), text)


def unknown_requester(ws: Workspace, team: str) -> str | None:
    """A warning when the requesting team is not declared (perhaps a typo), naming the closest
    declared team; None for a declared team."""
    if ws.team(team) is not None:
        return None
    ids = [t.id for t in ws.roadmap.teams]
    hint = nearest(team, ids)
    text = f"`{team}` is not a team in roadmap.toml; recorded as written"
    return text + (f" (did you mean `{hint}`?)" if hint else "")


def goal_id(ws: Workspace, goal: str) -> str:
    """A goal of roadmap.toml by id; unknown -> located error with the nearest id."""
    ids = [g.id for g in ws.roadmap.goals]
    if goal in ids:
        return goal
    raise fail(ROADMAP_FILE, f"no goal `{goal}`{did_you_mean(goal, ids)}", where="goals")


def find_item(ws: Workspace, item_id: str) -> tuple[str, Item]:
    """An item anywhere in the workspace, with its location; unknown -> nearest id."""
    found = ws.find(item_id)
    if found is None:
        ids = [item.id for item in ws.all_items()]
        raise fail(WORKSPACE, f"no item `{item_id}` in the workspace{did_you_mean(item_id, ids)}")
    return found


def theme_ids(log: FeedbackLog | None, wanted: Iterable[str]) -> list[str]:
    """Theme ids of feedback.toml; unknown -> UnknownTheme with the nearest id."""
    known = [theme.id for theme in log.themes] if log is not None else []
    result: list[str] = []
    for theme in wanted:
        if theme not in known:
            message = f"no theme `{theme}`{did_you_mean(theme, known)}"
            raise UnknownTheme(fail(FEEDBACK_FILE, message, where="themes").problems, theme)
        if theme not in result:
            result.append(theme)
    return result


def item_file(location: str) -> str:
    return file_of(location)
