"""Property: comments stay with what they describe through any sequence of the tool's edits.

Generated workspaces carry comments everywhere: at the top of each file, inside `[quarter]`,
section headings between items, above items, inside them, after their last key, and trailing a key.
Each comment's text says what it belongs to (`c:ID:lead`, `t:ID:estimate`, `h:FILE:N`...). Random
edits (move between any files, edit a field, add, drop, set a stage, carry, draft --write, decide a
request) are saved one by one, and after every save:

- every comment line is present exactly once, next to the same item or key, or in the same file;
- items the edit did not touch are byte-identical (their lead comments included);
- reading the files again gives the workspace that was saved;
- blank lines: none at the end of a file, never two in a row, one before every table header (above
  its lead comments).
"""

from __future__ import annotations

import datetime as dt
import re
import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from roadmap_tui.intake.requests import decide
from roadmap_tui.models import BACKLOG, Item, Workspace, WorkspaceError, next_quarter
from roadmap_tui.models.edits import Edit, add_item, apply, replace_item
from roadmap_tui.planning.carry import carry_plan
from roadmap_tui.planning.common import PlanningError
from roadmap_tui.planning.draft import draft_quarter
from roadmap_tui.planning.move_plan import plan_edit
from roadmap_tui.planning.moves import MoveRefused, drop, move_items
from roadmap_tui.planning.stages import next_stage, set_stage
from roadmap_tui.scoring import framework_for
from roadmap_tui.storage import WorkspaceStore
from roadmap_tui.storage.writer import desired_files, item_origins
from tests.reliability.figures import record

QUARTERS = ["2026-Q4", "2027-Q1", "2027-Q2"]
LOCATIONS = [*QUARTERS, BACKLOG]
TARGETS = [*LOCATIONS, "2027-Q3"]  # one quarter that does not exist yet

ROADMAP = """\
[workspace]
name = "Property"
owner = "infra"
current_quarter = "2026-Q4"

[[teams]]
id = "infra"
capacity = { "2026-Q4" = 40, "2027-Q1" = 40, "2027-Q2" = 40, "2027-Q3" = 40 }

[[teams]]
id = "storage"
capacity = { "2026-Q4" = 5, "2027-Q1" = 5 }
"""


@dataclass(frozen=True)
class Spec:
    """One generated item and the comments around it."""

    location: str
    heading: bool  # a section heading (blank lines on both sides) above it
    lead: bool
    inside: bool  # a comment between its keys
    tail: bool  # a comment right after its last key
    estimate: int | float | None
    trailing: bool  # `estimate = 3 # t:ID:estimate`
    score: bool
    asks: bool
    request: bool
    done: bool


specs = st.builds(
    Spec,
    location=st.sampled_from(LOCATIONS),
    heading=st.booleans(),
    lead=st.booleans(),
    inside=st.booleans(),
    tail=st.booleans(),
    estimate=st.one_of(st.none(), st.integers(0, 30), st.sampled_from([2.5, 20.0])),
    trailing=st.booleans(),
    score=st.booleans(),
    asks=st.booleans(),
    request=st.booleans(),
    done=st.booleans(),
)

edits = st.tuples(
    st.sampled_from(
        ["move", "move", "move", "edit", "edit", "add", "drop", "stage", "carry", "draft", "decide"]
    ),
    st.integers(0, 50),
    st.integers(0, 50),
)


def _item_text(item_id: str, spec: Spec) -> str:
    lines = []
    if spec.lead:
        lines.append(f"# c:{item_id}:lead")
    lines += ["[[items]]", f'id = "{item_id}"', f'title = "Title of {item_id}"']
    if spec.request:
        lines += ['kind = "request"', 'decision = "open"']
    if spec.done and not spec.request:
        lines.append('status = "done"')
    if spec.inside:
        lines.append(f"# c:{item_id}:in")
    if spec.estimate is not None:
        trailing = f" # t:{item_id}:estimate" if spec.trailing else ""
        lines.append(f"estimate = {spec.estimate!r}{trailing}")
    if spec.score:
        lines.append("score = { value = 6, effort = 3 }")
    if spec.asks:
        lines.append('asks = [ { team = "storage", days = 1 } ]')
    if spec.tail:
        lines.append(f"# c:{item_id}:tail")
    return "\n".join(lines) + "\n"


def _files(items: list[Spec]) -> dict[str, str]:
    files = {"roadmap.toml": ROADMAP}
    for location in LOCATIONS:
        name = f"{location}.toml"
        parts = [f"# f:{name}\n"]
        if location != BACKLOG:
            parts.append(f'[quarter]\nid = "{location}"\n# q:{name}:in\nstage = "draft"\n')
        for index, spec in enumerate(items):
            if spec.location != location:
                continue
            if spec.heading:
                parts.append(f"# h:{name}:{index}\n")
            parts.append(_item_text(f"I{index}", spec))
        files[name] = "\n".join(parts)
    return files


@given(items=st.lists(specs, min_size=1, max_size=8), steps=st.lists(edits, min_size=1, max_size=8))
@settings(suppress_health_check=[HealthCheck.too_slow])
def test_comments_stay_with_their_items_through_any_edits(
    items: list[Spec], steps: list[tuple[str, int, int]]
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name, text in _files(items).items():
            (folder / name).write_text(text, encoding="utf-8")
        store = WorkspaceStore.open(folder)
        assert not store.loaded.errors, store.problems
        comments = _comments(folder)
        saves = 0
        kinds: dict[str, int] = {}
        for counter, step in enumerate(steps):
            before = _blocks(folder)
            ws = store.workspace
            changed = _edit(ws, step, counter)
            if changed is None:
                continue
            saved_models = {i.id: (loc, i) for loc, i in changed.located_items()}
            store.save(changed)
            saves += 1
            kinds[step[0]] = kinds.get(step[0], 0) + 1
            _check_comments(folder, comments)
            _check_blank_lines(folder)
            after = _blocks(folder)
            for item_id, (file, block) in before.items():
                location, item = saved_models[item_id]
                old_location, old_item = _locate(ws, item_id)
                # repr: 20 and 20.0 are different edits (the model's == calls them equal)
                if (location, repr(item)) == (old_location, repr(old_item)):
                    assert after[item_id] == (file, block), f"{item_id} was not edited"
            store = WorkspaceStore.open(folder)
            assert not store.loaded.errors, store.problems
            assert desired_files(store.workspace) == desired_files(changed)
        record(
            "comments",
            "Comments stay with their item or key through any sequence of moves and edits;"
            " untouched items byte-identical; re-read equals saved; one blank line before tables",
            "tests/reliability/test_comments_property.py",
            workspaces=1,
            saves=saves,
            comments_checked=len(comments) * saves,
            comments_misplaced=0,
            **{f"saves_{kind}": count for kind, count in sorted(kinds.items())},
        )


def _locate(ws: Workspace, item_id: str) -> tuple[str, Item]:
    found = ws.find(item_id)
    assert found is not None
    return found


def _edit(ws: Workspace, step: tuple[str, int, int], counter: int) -> Workspace | None:
    """The workspace after one edit, or None when the edit is refused (nothing to save)."""
    kind, a, b = step
    ids = [item.id for item in ws.all_items()]
    item_id = ids[a % len(ids)] if ids else None
    edit: Edit | None = None
    try:
        if kind == "move" and item_id:
            edit = move_items(
                ws, [item_id], TARGETS[b % len(TARGETS)], f"n{counter}", create=True
            ).edit
        elif kind == "edit" and item_id:
            item = _locate(ws, item_id)[1]
            changes: list[dict[str, Any]] = [
                {"estimate": b},
                {"title": f"Retitled {counter}"},
                {"note": f"note {counter}"},
                {"score": {**item.score, "value": b % 10 + 1}},
            ]
            edit = replace_item(ws, item.model_copy(update=changes[b % len(changes)]))
        elif kind == "add":
            new = Item(id=f"NEW{counter}", title="Added", estimate=b % 7)
            edit = add_item(ws, new, LOCATIONS[a % len(LOCATIONS)])
        elif kind == "drop" and item_id:
            edit = drop(ws, item_id, f"dropped {counter}")
        elif kind == "stage":
            quarter = ws.quarter_ids()[a % len(ws.quarter_ids())]
            stage = next_stage(ws.quarters[quarter].quarter.stage)
            if stage is None:
                return None
            (edit,) = set_stage(
                ws, quarter, stage, "refinement", f"r{counter}", dt.date(2026, 9, 1)
            )
        elif kind == "carry":
            quarter = ws.quarter_ids()[a % len(ws.quarter_ids())]
            plan = carry_plan(ws, quarter, next_quarter(quarter))
            edit = plan_edit(ws, plan)
        elif kind == "draft":
            quarter = TARGETS[a % len(TARGETS)]
            if quarter == BACKLOG:
                return None
            value = framework_for(ws.roadmap.scoring).value
            edit = plan_edit(ws, draft_quarter(ws, quarter, value, time_limit=2).plan)
        elif kind == "decide" and item_id:
            edit, _ = decide(ws, item_id, "decline" if b % 2 else "accept", note="not now")
    except (MoveRefused, PlanningError, WorkspaceError, ValueError):
        return None
    if edit is None or not edit.changes:
        return None
    changed = ws.model_copy(deep=True)
    apply(changed, edit)
    return changed


COMMENT = re.compile(r"#\s*([a-z]):(\S+)")


def _comments(folder: Path) -> dict[str, str]:
    """Each generated comment and the file it starts in."""
    found = {}
    for path in folder.glob("*.toml"):
        for match in COMMENT.finditer(path.read_text(encoding="utf-8")):
            found[match.group(0)] = path.name
    return found


def _check_comments(folder: Path, comments: dict[str, str]) -> None:
    texts = {path.name: path.read_text(encoding="utf-8") for path in folder.glob("*.toml")}
    for comment, first_file in comments.items():
        places = [
            (name, number)
            for name, text in texts.items()
            for number, line in enumerate(text.splitlines())
            if comment in line and line[line.index(comment) + len(comment) :][:1] in ("", " ")
        ]
        assert len(places) == 1, f"{comment!r} found {len(places)} times"
        name, number = places[0]
        lines = texts[name].splitlines()
        kind, rest = comment[2:].split(":", 1)
        if kind in ("f", "h", "q"):
            assert name == first_file, f"{comment!r} left {first_file} for {name}"
            if kind == "q":
                assert _owner(lines, number) == "[quarter]"
            continue
        item_id, part = rest.split(":")
        if part == "lead":
            below = number + 1
            while below < len(lines) and lines[below].startswith("#"):
                below += 1
            assert lines[below : below + 2] == ["[[items]]", f'id = "{item_id}"'], (
                f"{comment!r} is not above {item_id}"
            )
        else:
            assert _owner(lines, number) == f'[[items]] id = "{item_id}"', (
                f"{comment!r} is not inside {item_id}"
            )
            if part == "estimate":
                assert lines[number].startswith("estimate = "), f"{comment!r} left its key"


def _owner(lines: list[str], number: int) -> str:
    """The table a line stands in: its header (and id line, for an item)."""
    for above in range(number, -1, -1):
        if lines[above].startswith("["):
            if lines[above] == "[[items]]":
                return f"[[items]] {lines[above + 1]}"
            return lines[above]
    return ""


def _check_blank_lines(folder: Path) -> None:
    for path in folder.glob("*.toml"):
        text = path.read_text(encoding="utf-8")
        assert not text.endswith("\n\n"), f"{path.name} ends with a blank line"
        assert "\n\n\n" not in text, f"{path.name} has two blank lines in a row"
        lines = text.splitlines()
        for number, line in enumerate(lines):
            if line.startswith("[") and number > 0:
                above = number - 1
                while above >= 0 and lines[above].startswith("#"):
                    above -= 1
                if above >= 0:
                    assert lines[above] == "", f"{path.name}:{number + 1}: no blank line before"


def _blocks(folder: Path) -> dict[str, tuple[str, str]]:
    """Each item's block of text (lead comments and table) and the file it is in."""
    found: dict[str, tuple[str, str]] = {}
    for path in sorted(folder.glob("*.toml")):
        if path.name == "roadmap.toml":
            continue
        text = path.read_text(encoding="utf-8")
        for item_id, origin in item_origins([(text, tomllib.loads(text))]).items():
            assert origin.block is not None
            found[item_id] = (path.name, origin.block)
    return found
