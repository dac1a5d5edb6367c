"""Survey and form exports (CSV) -> feedback entries, saying which rows could not be used and why.

Columns are matched to the fields of a feedback entry by their header: the field name itself, a
known synonym ("How was your experience?", "Team", "Timestamp"), or a word in it ("...like...").
`--map "Column name=field"` decides where the guess is wrong. Rows are numbered as a spreadsheet
numbers them: the header is row 1, the first answer row 2.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from roadmap_tui.intake.dates import DATE_FORMS, parse_date
from roadmap_tui.intake.feedback import QUESTIONS, clean_answer
from roadmap_tui.intake.lookup import did_you_mean, fail
from roadmap_tui.intake.rounds import round_for
from roadmap_tui.models import FOUR_QUESTIONS, Feedback, FeedbackLog, Workspace

FIELDS: tuple[str, ...] = ("from", "on", "about", *QUESTIONS, "themes")
IGNORE = "ignore"  # `--map "Email=ignore"`: leave a column out without a note


def normalize(header: str) -> str:
    """`What didn't you like?` -> `what didnt you like`."""
    text = re.sub(r"['\u2019]", "", header.lower())
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


# Headers forms and spreadsheets use for each field, normalized, separated by "|".
_NAMES: dict[str, str] = {
    "from": "from|team|your team|which team|which team are you in|team name|from team|squad"
    "|department",
    "on": "on|date|timestamp|time|submitted|submitted at|submission date|created|created at"
    "|completion time|answered on",
    "about": "about|item|item id|which item|topic|feature|what is this about|regarding|epic",
    "experience": "experience|how was your experience|overall experience|how was it"
    "|your experience",
    "liked": "liked|like|likes|what did you like|what do you like|what went well|what you liked",
    "disliked": "disliked|dislike|dislikes|what did you not like|what do you not like"
    "|what did you dislike|what didnt you like|what you did not like|what did not go well"
    "|what didnt go well|what went badly",
    "improve": "improve|improvement|improvements|what could be improved|what can be improved"
    "|what could we improve|how could we improve|suggestions|ideas",
    "themes": "themes|theme|tags|tag|category|categories",
}
SYNONYMS: dict[str, str] = {n: f for f, names in _NAMES.items() for n in names.split("|")}
SYNONYMS.update({normalize(text): f for f, text in FOUR_QUESTIONS.items()})
# Words that give a longer header away, checked in this order ("didn't like" before "like").
_KEYWORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("disliked", re.compile(r"\b(dislike[sd]?|(not|didnt|dont)\b.*\blike|not go well)\b")),
    ("improve", re.compile(r"\b(improve\w*|suggest\w*|better)\b")),
    ("liked", re.compile(r"\b(like[sd]?|went well)\b")),
    ("experience", re.compile(r"\bexperience\b")),
    ("from", re.compile(r"\bteam\b")),
    ("on", re.compile(r"\b(timestamp|date)\b")),
    ("themes", re.compile(r"\b(themes?|category)\b")),
    ("about", re.compile(r"\babout\b")),
)


def parse_map(spec: str) -> tuple[str, str]:
    """`"Your squad=from"` -> ("Your squad", "from"); the field must be one of FIELDS or ignore."""
    column, sep, target = spec.rpartition("=")
    target = target.strip().lower()
    if not sep or not column.strip():
        raise ValueError(f'{spec!r}: expected "Column name=field"')
    if target not in (*FIELDS, IGNORE):
        known = (*FIELDS, IGNORE)
        raise ValueError(
            f"{spec!r}: no field `{target}`{did_you_mean(target, known)}"
            f" (fields: {', '.join(known)})"
        )
    return column.strip(), target


@dataclass
class Columns:
    """Which column (by position) fills which field, and what was left out."""

    field_of: dict[int, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def column_of(self, wanted: str) -> int | None:
        for position, name in self.field_of.items():
            if name == wanted:
                return position
        return None


def map_columns(header: Sequence[str], overrides: Mapping[str, str], name: str) -> Columns:
    """Match header cells to fields; overrides (column -> field) win, then names, then words."""
    by_name = {normalize(k): v for k, v in overrides.items()}
    present = {normalize(h) for h in header}
    for column in overrides:
        if normalize(column) not in present:
            raise fail(
                name,
                f"--map: no column `{column}` in the header"
                f"{did_you_mean(column, header)} (columns: {_listed(header)})",
                where="row 1",
            )
    candidates: list[tuple[int, int, str]] = []  # (rank, position, field)
    columns = Columns()
    extra: list[str] = []
    for position, cell in enumerate(header):
        key = normalize(cell)
        if key in by_name:
            if by_name[key] != IGNORE:
                candidates.append((0, position, by_name[key]))
            continue
        if key in SYNONYMS:
            candidates.append((1, position, SYNONYMS[key]))
            continue
        guess = next((f for f, pattern in _KEYWORDS if pattern.search(key)), None)
        if guess is not None:
            candidates.append((2, position, guess))
        elif cell.strip():
            extra.append(cell.strip())
    for _rank, position, wanted in sorted(candidates):
        taken = columns.column_of(wanted)
        if taken is None:
            columns.field_of[position] = wanted
        else:
            columns.notes.append(
                f"column `{header[position].strip()}` ignored: `{header[taken].strip()}` is"
                f" used for `{wanted}` (choose with --map)"
            )
    if extra:
        columns.notes.append(f"columns ignored (no field for them): {_listed(extra)}")
    return columns


def _listed(cells: Iterable[str]) -> str:
    return ", ".join(f"`{c.strip()}`" for c in cells if c.strip()) or "none"


@dataclass(frozen=True)
class Message:
    """Something to tell about the file (`row` None) or one of its rows."""

    row: int | None
    text: str
    skipped: bool = False  # the row was not imported

    def __str__(self) -> str:
        return self.text if self.row is None else f"row {self.row}: {self.text}"


@dataclass
class CsvImport:
    """What a CSV export gives: entries by row number, and what to tell about the rest."""

    entries: list[tuple[int, Feedback]] = field(default_factory=list)
    messages: list[Message] = field(default_factory=list)
    columns: dict[str, str] = field(default_factory=dict)  # field -> header cell
    rows: int = 0  # answer rows read, empty ones not counted
    duplicates: int = 0  # rows already imported (in feedback.toml or earlier in the file)

    @property
    def skipped(self) -> list[Message]:
        return [m for m in self.messages if m.skipped]

    def report(self) -> list[str]:
        """File notes first, then row by row."""
        ordered = sorted(self.messages, key=lambda m: (m.row is not None, m.row or 0))
        return [str(m) for m in ordered]


def _delimiter(text: str) -> str:
    """Comma, or the semicolon/tab a spreadsheet in another locale uses, read off the header."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {sep: first.count(sep) for sep in (",", ";", "\t")}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] > 0 else ","


def read_feedback_csv(
    text: str,
    ws: Workspace,
    *,
    name: str,
    overrides: Mapping[str, str] | None = None,
) -> CsvImport:
    """Parse a CSV export (text already decoded) into feedback entries for `ws`."""
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise fail(name, "empty file: expected a header row and one row per answer")
    records = _records(text, name)
    start = 0
    header: list[str] = []
    for record, _first, _last in records:  # the header: the first row with anything in it
        start += 1
        if any(c.strip() for c in record):
            header = [cell.strip() for cell in record]
            break
    columns = map_columns(header, overrides or {}, name)
    result = CsvImport(messages=[Message(None, note) for note in columns.notes])
    result.columns = {f: header[i] for i, f in sorted(columns.field_of.items())}
    if "from" not in result.columns:
        raise fail(
            name,
            f"no column for the team (`from`); columns: {_listed(header)};"
            ' name one with --map "COLUMN=from"',
            where="row 1",
        )
    if not any(q in result.columns for q in QUESTIONS):
        raise fail(
            name,
            "no column for any of the four questions (experience, liked, disliked, improve);"
            f' columns: {_listed(header)}; name them with --map "COLUMN=experience"',
            where="row 1",
        )
    # Rows are read as they are parsed: 100,000 rows are never all held as lists of cells.
    _Rows(ws, header, columns, result).read(records, first_row=start + 1, text=text)
    if not result.rows:
        raise fail(name, "no answers below the header row", where="row 1")
    return result


Record = tuple[list[str], int, int]  # the cells, the first and the last line in the file


def _records(text: str, name: str) -> Iterator[Record]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    last = 0
    try:
        for record in reader:
            yield record, last + 1, reader.line_num
            last = reader.line_num
    except csv.Error as error:
        raise fail(
            name, f"not a readable CSV file: {error}", where=f"line {reader.line_num}"
        ) from None


class _Rows:
    """Turns answer rows into entries, matching teams, items and themes of the workspace."""

    def __init__(self, ws: Workspace, header: list[str], columns: Columns, out: CsvImport):
        self.header = header
        self.columns = columns
        self.positions = {name: position for position, name in columns.field_of.items()}
        self.out = out
        self.teams = {t.id.lower(): t.id for t in ws.roadmap.teams}
        self.teams.update({t.name.lower(): t.id for t in ws.roadmap.teams if t.name})
        self.items = {i.id.lower(): i.id for i in ws.all_items()}
        self.items.update({" ".join(i.title.lower().split()): i.id for i in ws.all_items()})
        log = ws.feedback or FeedbackLog()
        self.themes = {t.id.lower(): t.id for t in log.themes}
        self.themes.update({t.title.lower(): t.id for t in log.themes if t.title})
        self.notes: list[str] = []  # about the row being read
        # Where each entry was seen: a row number, or 0 for feedback.toml.
        self.seen: dict[tuple[object, ...], int] = {_key(entry): 0 for entry in log.feedback}

    def read(self, records: Iterator[Record], first_row: int, text: str) -> None:
        empty = 0
        starts = _line_starts(text)
        for offset, (record, first, last) in enumerate(records):
            row = first_row + offset
            if not any(cell.strip() for cell in record):
                empty += 1
                continue
            self.out.rows += 1
            self.notes = []
            if last > first and (
                len(record) != len(self.header) or _odd_quotes(text, starts, first, last)
            ):
                # A quoted answer may hold newlines; one that swallows whole lines and leaves
                # the row with the wrong number of values is a quote never closed.
                end = "the end of the file" if last >= len(starts) - 3 else f"line {last}"
                self._skip(
                    row,
                    f"a quote opened on line {first} runs on to {end}: lines {first}-{last}"
                    f" read as one row of {len(record)} values (the header has"
                    f" {len(self.header)}); check the quotes",
                )
                continue
            entry = self._entry(row, record, first)
            if entry is not None:
                self.out.entries.append((row, entry))
                self.out.messages.extend(Message(row, note) for note in self.notes)
        if empty:
            self.out.messages.append(Message(None, f"{empty} empty row(s) ignored"))

    def _cell(self, record: list[str], wanted: str) -> str:
        position = self.positions.get(wanted)
        if position is None or position >= len(record):
            return ""
        return record[position]

    def _skip(self, row: int, why: str) -> None:
        self.out.messages.append(Message(row, f"skipped: {why}", skipped=True))

    def _entry(self, row: int, record: list[str], line: int) -> Feedback | None:
        """The row's entry, or None (skipped, with the reason); notes kept only for entries."""
        where = "" if line == row else f" (line {line})"
        if len(record) > len(self.header):
            extra = len(record) - len(self.header)
            self.notes.append(
                f"{len(record)} values but the header has {len(self.header)} columns{where};"
                f" the last {extra} ignored"
            )
        elif len(record) < len(self.header):
            self.notes.append(
                f"{len(record)} values but the header has {len(self.header)} columns{where};"
                " the missing ones read as empty"
            )
        team_text = " ".join(self._cell(record, "from").split())
        answers = {q: clean_answer(self._cell(record, q)) for q in QUESTIONS}
        if not team_text:
            self._skip(row, f"no team (`{self._header_of('from')}` is empty)")
            return None
        if not any(answers.values()):
            self._skip(row, "all four answers are empty")
            return None
        team = self.teams.get(team_text.lower())
        if team is None:
            team = team_text
            self.notes.append(f"team `{team_text}` is not in roadmap.toml; kept as written")
        entry = Feedback.model_validate(
            {
                "from": team,
                "on": self._date(record),
                "about": self._about(record),
                **answers,
                "themes": self._themes(record),
            }
        )
        key = _key(entry)
        if key in self.seen:
            self.out.duplicates += 1
            seen = self.seen[key]
            where = f"row {seen}" if seen else "an entry already in feedback.toml"
            self._skip(row, f"same team, date and answers as {where}")
            return None
        self.seen[key] = row
        return entry

    def _header_of(self, wanted: str) -> str:
        position = self.columns.column_of(wanted)
        return self.header[position] if position is not None else wanted

    def _date(self, record: list[str]) -> dt.date | None:
        text = self._cell(record, "on").strip()
        if not text:
            return None
        parsed = parse_date(text)
        if parsed is None:
            self.notes.append(f"date `{text}` not understood ({DATE_FORMS}); left empty")
        return parsed

    def _about(self, record: list[str]) -> str | None:
        text = " ".join(self._cell(record, "about").split())
        if not text:
            return None
        found = self.items.get(text.lower())
        if found is None:
            self.notes.append(f"no item `{text}` in the workspace; `about` left empty")
        return found

    def _themes(self, record: list[str]) -> list[str]:
        found: list[str] = []
        for part in re.split(r"[,;]", self._cell(record, "themes")):
            text = " ".join(part.split())
            if not text:
                continue
            theme = self.themes.get(text.lower())
            if theme is None:
                self.notes.append(
                    f"no theme `{text}` in feedback.toml; left out (create it with"
                    " `roadmap feedback theme`)"
                )
            elif theme not in found:
                found.append(theme)
        return found


def _line_starts(text: str) -> list[int]:
    """Offsets where each line starts (index 1 = line 1), and the text's end last."""
    starts = [0, 0]
    starts.extend(m.end() for m in re.finditer(r"\r\n|\r|\n", text))
    starts.append(len(text))
    return starts


def _odd_quotes(text: str, starts: list[int], first: int, last: int) -> bool:
    """Whether lines first..last hold an odd number of quotes: a quote left open."""
    end = starts[last + 1] if last + 1 < len(starts) else len(text)
    return text.count('"', starts[first], end) % 2 == 1


def _key(entry: Feedback) -> tuple[object, ...]:
    return (entry.from_team, entry.on, *(getattr(entry, q) for q in QUESTIONS))


def import_feedback(
    ws: Workspace, entries: Iterable[Feedback], round_name: str | None = None
) -> Workspace:
    """The workspace with the entries added at the end of feedback.toml, in the round named
    (default: the workspace's current quarter)."""
    name = round_for(ws, round_name)
    changed = ws.model_copy(deep=True)
    if changed.feedback is None:
        changed.feedback = FeedbackLog()
    # Entries are the caller's new objects (a CSV import's 100,000): copied only to set the round.
    changed.feedback.feedback.extend(
        entry if entry.round_name == name else entry.model_copy(update={"round_name": name})
        for entry in entries
    )
    return changed
