"""`roadmap request`, `roadmap feedback` and `roadmap announce` from the command line."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import textwrap
import time
import tomllib
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from roadmap_tui.cli import main
from roadmap_tui.exporters.feedback_report import feedback_report
from roadmap_tui.storage import WorkspaceStore
from tests.reliability.figures import record

TODAY = dt.date.today()


def run(*args: str, stdin: str | None = None) -> Result:
    return CliRunner(env={"COLUMNS": "200"}).invoke(main, list(args), input=stdin)


def backlog(folder: Path) -> dict[str, dict[str, Any]]:
    data = tomllib.loads((folder / "backlog.toml").read_text(encoding="utf-8"))
    return {item["id"]: item for item in data["items"]}


def feedback_entries(folder: Path) -> list[dict[str, Any]]:
    data = tomllib.loads((folder / "feedback.toml").read_text(encoding="utf-8"))
    entries: list[dict[str, Any]] = data["feedback"]
    return entries


# --- request add ---------------------------------------------------------------------------


def test_request_add_writes_an_open_request(example: Path) -> None:
    result = run(
        "request",
        "add",
        "Account structure for decentralised stacks",
        "--from",
        "security-platform",
        "--source",
        "#infra-requests thread, 2026-11-20",
        "--value",
        "8",
        "--effort",
        "5",
        "-w",
        str(example),
    )
    assert result.exit_code == 0, result.output
    new_id = "REQ-ACCOUNT-STRUCTURE-DECENTRALISED-STACKS"
    assert result.output.splitlines() == [
        f"{example}/backlog.toml: added {new_id} from security-platform (open, received {TODAY})",
        f"Decide with: roadmap request decide {new_id} accept|decline|merge",
    ]
    item = backlog(example)[new_id]
    assert item == {
        "id": new_id,
        "title": "Account structure for decentralised stacks",
        "kind": "request",
        "requested_by": ["security-platform"],
        "score": {"value": 8, "effort": 5},
        "source": "#infra-requests thread, 2026-11-20",
        "decision": "open",
        "received": TODAY,
    }
    assert run("validate", "-w", str(example)).exit_code == 0


def test_request_add_with_a_chosen_id_twice(example: Path) -> None:
    first = run("request", "add", "Kafka", "--from", "storage", "--id", "REQ-K", "-w", str(example))
    assert first.exit_code == 0, first.output
    again = run("request", "add", "Kafka", "--from", "storage", "--id", "REQ-K", "-w", str(example))
    assert again.exit_code == 1
    assert f"{example}/backlog.toml:" in again.output
    assert "items[REQ-K]: id `REQ-K` is taken already" in again.output


def test_request_add_from_an_undeclared_team_warns_with_the_closest(example: Path) -> None:
    result = run("request", "add", "X", "--from", "warehouse", "--id", "REQ-X", "-w", str(example))
    assert result.exit_code == 0, result.output
    assert (
        f"{example}/backlog.toml: warning: `warehouse` is not a team in roadmap.toml;"
        " recorded as written (did you mean `warehouse-systems`?)\n"
    ) in result.output
    assert backlog(example)["REQ-X"]["requested_by"] == ["warehouse"]


def test_request_add_with_days_is_counted_when_adopted(example: Path) -> None:
    """The issue's complaint: a fresh request counted 0 days until the TOML was edited."""
    result = run(
        "request", "add", "GPU quota dashboards", "--from", "ml-platform", "--id", "REQ-GPU",
        "--estimate", "12", "--ask", "observability:3", "--ask", "storage:2:2027-Q2",
        "--depends-on", "ML-GPU-STACKS", "--goal", "self-service",
        "--link", "https://tracker.example/GPU-1", "--value", "6", "--effort", "3",
        "-w", str(example),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert (
        "  estimate 12 days; asks observability 3; asks storage 2 in 2027-Q2;"
        " depends on ML-GPU-STACKS; serves self-service\n"
    ) in result.output
    item = backlog(example)["REQ-GPU"]
    assert item["estimate"] == 12
    assert item["asks"] == [
        {"team": "observability", "days": 3},
        {"team": "storage", "days": 2, "quarter": "2027-Q2"},
    ]
    assert (item["depends_on"], item["goals"], item["link"]) == (
        ["ML-GPU-STACKS"], ["self-service"], "https://tracker.example/GPU-1"
    )  # fmt: skip
    before = json.loads(
        run("capacity", "--quarter", "2027-Q2", "--format", "json", "-w", str(example)).output
    )
    adopt = run(
        "adopt", "REQ-GPU", "--quarter", "2027-Q2", "--format", "json", "--dry-run",
        "-w", str(example),
    )  # fmt: skip
    assert adopt.exit_code == 0, adopt.output
    used = {(row["team"], row["quarter"]): row["used"] for row in before}
    after = {(row["team"], row["quarter"]): row for row in json.loads(adopt.output)["capacity"]}
    assert after[("observability", "2027-Q2")]["used"] == used[("observability", "2027-Q2")] + 3
    assert after[("storage", "2027-Q2")]["used"] == used[("storage", "2027-Q2")] + 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--ask", "warehouse:3"), "roadmap.toml: teams: no team `warehouse`: did you mean"),
        (("--ask", "storage"), "expected TEAM:DAYS or TEAM:DAYS:QUARTER"),
        (("--estimate", "ten"), "days must be a number, not 'ten'"),
        (("--depends-on", "NAMNG"), "depends on `NAMNG`, which is no item: did you mean `NAMING`?"),
        (("--goal", "self-servce"), "no goal `self-servce`: did you mean `self-service`?"),
    ],
)
def test_request_add_refusals_write_nothing(
    example: Path, args: tuple[str, ...], message: str
) -> None:
    before = (example / "backlog.toml").read_bytes()
    result = run("request", "add", "X", "--from", "storage", *args, "-w", str(example))
    assert result.exit_code != 0
    assert message in result.output
    assert "Traceback" not in result.output
    assert (example / "backlog.toml").read_bytes() == before


@pytest.mark.parametrize("value", ["0", "11", "high"])
def test_request_add_score_out_of_range_is_a_usage_error(example: Path, value: str) -> None:
    result = run("request", "add", "X", "--from", "storage", "--value", value, "-w", str(example))
    assert result.exit_code == 2
    assert f"value must be a number from 1 to 10, not {value}" in result.output.replace("'", "")


CHILD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    import roadmap_tui.cli.request_cmds  # imported before the start line: both start together
    from roadmap_tui.cli import main
    go = Path(sys.argv[1])
    while not go.exists():
        time.sleep(0.001)
    main(sys.argv[2:])
    """
)


def test_two_request_add_at_once_both_land_with_distinct_ids(example: Path, slow: bool) -> None:
    rounds = 12 if slow else 3
    existing = len(backlog(example))
    for number in range(rounds):
        go = example.parent / f"go-{number}"
        children = [
            subprocess.Popen(
                [
                    sys.executable,
                    "-c",
                    CHILD,
                    str(go),
                    "request",
                    "add",
                    f"Same title {number}",
                    "--from",
                    team,
                    "-w",
                    str(example),
                ],
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            )
            for team in ("storage", "ml-platform")
        ]
        time.sleep(1.0)  # both have started and imported everything
        go.touch()
        outputs = [child.communicate(timeout=60)[0] for child in children]
        assert [child.returncode for child in children] == [0, 0], outputs
        items = backlog(example)
        base = f"REQ-SAME-TITLE-{number}"
        assert {base, f"{base}-2"} <= items.keys(), outputs
        assert sorted(items[base]["requested_by"] + items[f"{base}-2"]["requested_by"]) == [
            "ml-platform",
            "storage",
        ]
    assert len(backlog(example)) == existing + rounds * 2  # nothing else lost
    record(
        "request-lock",
        "Two `request add` processes at once: both requests kept, ids distinct (file lock)",
        "tests/cli/test_intake_cmds.py::test_two_request_add_at_once_both_land_with_distinct_ids",
        rounds=rounds,
        requests_added=rounds * 2,
        requests_lost=0,
    )


# --- request list --------------------------------------------------------------------------


def test_request_list_json_open_first_oldest_first(example: Path) -> None:
    result = run("request", "list", "--format", "json", "-w", str(example))
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert [(r["id"], r["decision"]) for r in rows] == [
        ("REQ-ACCOUNT-STRUCTURE", "open"),  # received 2026-09-03
        ("REQ-TAGGING-POLICY", "open"),  # 2026-10-27
        ("REQ-HELM-LIBRARY-CHART", "open"),  # 2026-11-05
        ("REQ-KAFKA-TOPICS", "open"),  # 2026-11-16
        ("REQ-TERRAFORM-CLOUD", "declined"),  # 2026-08-19
        ("REQ-COST-TAGS", "merged"),  # 2026-09-15
        ("REQ-SPACELIFT-NOTIFICATIONS", "accepted"),  # 2026-10-08
    ]
    first = rows[0]
    assert first["age_days"] == (TODAY - dt.date(2026, 9, 3)).days
    assert (first["value"], first["effort"], first["score"]) == (9, 7, 9 / 7)
    merged = rows[5]
    assert (merged["merged_into"], merged["note"]) == (
        "TAGGING",
        "merged: the cost-centre tag is part of TAGGING",
    )
    opened = json.loads(
        run("request", "list", "--open", "--format", "json", "-w", str(example)).output
    )
    assert [r["id"] for r in opened] == [r["id"] for r in rows[:4]]


def test_request_list_table(example: Path) -> None:
    result = run("request", "list", "-w", str(example))
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    header = next(line for line in lines if "title / reason" in line).split()
    assert header == [
        "id", "title", "/", "reason", "from", "received", "age", "decision", "value", "effort",
        "score",
    ]  # fmt: skip
    kafka = next(line for line in lines if line.strip().startswith("REQ-KAFKA-TOPICS"))
    assert kafka.split()[-4:] == ["open", "6", "5", "1.20"]
    declined = lines.index(next(line for line in lines if "REQ-TERRAFORM-CLOUD" in line))
    assert "declined: we standardised on Spacelift" in " ".join(lines[declined : declined + 4])
    assert "score = value-effort: value / effort" in result.output


def test_request_list_empty(write_ws: Any) -> None:
    folder = write_ws({})
    result = run("request", "list", "--open", "-w", str(folder))
    assert result.exit_code == 0
    assert result.output == f"{folder}: no open requests (add one with `roadmap request add`)\n"


# --- request decide ------------------------------------------------------------------------


def test_decide_accept(example: Path) -> None:
    result = run("request", "decide", "REQ-KAFKA-TOPICS", "accept", "-w", str(example))
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"{example}/backlog.toml: REQ-KAFKA-TOPICS accepted; it stays in the backlog until it is"
        " planned",
        "Plan it with `roadmap draft` (a quarter from the ranked backlog) or `roadmap adopt`.",
        "Tell: #team-warehouse-systems",
    ]
    item = backlog(example)["REQ-KAFKA-TOPICS"]
    assert (item["decision"], item.get("status", "proposed")) == ("accepted", "proposed")


def test_decide_decline_needs_a_note(example: Path) -> None:
    before = (example / "backlog.toml").read_bytes()
    bare = run("request", "decide", "REQ-KAFKA-TOPICS", "decline", "-w", str(example))
    assert bare.exit_code == 2
    assert "decline needs --note" in bare.output
    assert (example / "backlog.toml").read_bytes() == before
    result = run(
        "request",
        "decide",
        "REQ-KAFKA-TOPICS",
        "decline",
        "--note",
        "no Kafka platform owner yet",
        "-w",
        str(example),
    )
    assert result.exit_code == 0, result.output
    item = backlog(example)["REQ-KAFKA-TOPICS"]
    assert (item["decision"], item["status"], item["note"]) == (
        "declined",
        "dropped",
        "declined: no Kafka platform owner yet",
    )
    again = run("request", "decide", "REQ-KAFKA-TOPICS", "accept", "-w", str(example))
    assert again.exit_code == 1
    assert "decided already: declined: no Kafka platform owner yet; use --force" in again.output
    assert f"{example}/backlog.toml:" in again.output
    forced = run("request", "decide", "REQ-KAFKA-TOPICS", "accept", "--force", "-w", str(example))
    assert forced.exit_code == 0
    assert backlog(example)["REQ-KAFKA-TOPICS"]["decision"] == "accepted"


def test_decide_merge_adds_the_teams_to_the_target(example: Path) -> None:
    result = run(
        "request",
        "decide",
        "REQ-KAFKA-TOPICS",
        "merge",
        "--into",
        "REQ-HELM-LIBRARY-CHART",
        "-w",
        str(example),
    )
    assert result.exit_code == 0, result.output
    assert "REQ-HELM-LIBRARY-CHART is now also requested by warehouse-systems" in result.output
    items = backlog(example)
    assert items["REQ-KAFKA-TOPICS"]["merged_into"] == "REQ-HELM-LIBRARY-CHART"
    assert items["REQ-HELM-LIBRARY-CHART"]["requested_by"] == [
        "developer-platform",
        "warehouse-systems",
    ]
    assert run("validate", "-w", str(example)).exit_code == 0


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (
            ["REQ-KAFKA-TOPCS", "accept"],
            1,
            "no item `REQ-KAFKA-TOPCS` in the workspace: did you mean `REQ-KAFKA-TOPICS`?",
        ),
        (["REQ-KAFKA-TOPICS", "merge"], 2, "merge needs --into ID"),
        (["REQ-KAFKA-TOPICS", "accept", "--into", "NAMING"], 2, "--into is only for merge"),
        (["REQ-KAFKA-TOPICS", "merge", "--into", "NAMNG"], 1, "did you mean `NAMING`?"),
        (
            ["REQ-KAFKA-TOPICS", "approve"],
            2,
            "'approve' is not one of 'accept', 'decline', 'merge'",
        ),
    ],
)
def test_decide_bad_input_writes_nothing(
    example: Path, args: list[str], code: int, message: str
) -> None:
    before = {p.name: p.read_bytes() for p in example.glob("*.toml")}
    result = run("request", "decide", *args, "-w", str(example))
    assert result.exit_code == code
    assert message in result.output
    assert {p.name: p.read_bytes() for p in example.glob("*.toml")} == before


def test_decide_unknown_id_names_the_workspace(example: Path) -> None:
    result = run("request", "decide", "REQ-NOPE-AT-ALL", "accept", "-w", str(example))
    assert result.exit_code == 1
    assert result.output.startswith(f"{example}: no item `REQ-NOPE-AT-ALL` in the workspace")


# --- feedback add --------------------------------------------------------------------------


def test_feedback_add_with_options(example: Path) -> None:
    result = run(
        "feedback",
        "add",
        "--from",
        "storage",
        "--about",
        "TAGGING",
        "--on",
        "2026-11-20",
        "--experience",
        "Tags everywhere now",
        "--improve",
        "Tag the buckets too",
        "--theme",
        "documentation",
        "-w",
        str(example),
    )
    assert result.exit_code == 0, result.output
    assert result.output == (
        f"{example}/feedback.toml: feedback from storage recorded (entry 10, round 2026-Q4)\n"
    )
    assert feedback_entries(example)[-1] == {
        "from": "storage",
        "on": dt.date(2026, 11, 20),
        "about": "TAGGING",
        "experience": "Tags everywhere now",
        "improve": "Tag the buckets too",
        "themes": ["documentation"],
        "round": "2026-Q4",  # the example's current quarter
    }


def test_feedback_add_asks_the_questions_not_given(
    example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("roadmap_tui.cli.common.interactive", lambda: True)
    result = run(
        "feedback",
        "add",
        "--from",
        "ml-platform",
        "--liked",
        "Pairing",
        "-w",
        str(example),
        stdin="Smooth\n\nMore GPUs\n",
    )
    assert result.exit_code == 0, result.output
    assert "How was your experience?" in result.output
    assert "What did you not like?" in result.output
    assert "What could be improved?" in result.output
    assert "What did you like?" not in result.output  # given as an option
    entry = feedback_entries(example)[-1]
    assert (entry["experience"], entry["liked"], entry["improve"]) == (
        "Smooth",
        "Pairing",
        "More GPUs",
    )
    assert "disliked" not in entry  # left empty
    assert entry["on"] == TODAY


def test_feedback_add_without_a_terminal_does_not_ask(example: Path) -> None:
    result = run("feedback", "add", "--from", "storage", "--improve", "x", "-w", str(example))
    assert result.exit_code == 0, result.output
    assert "?" not in result.output
    assert feedback_entries(example)[-1] == {
        "from": "storage",
        "on": TODAY,
        "improve": "x",
        "round": "2026-Q4",
    }


def test_feedback_add_checks_names_before_asking(
    example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("roadmap_tui.cli.common.interactive", lambda: True)
    result = run("feedback", "add", "--from", "storage", "--theme", "docs", "-w", str(example))
    assert result.exit_code == 1
    assert "How was your experience?" not in result.output
    assert f"{example}/feedback.toml: themes: no theme `docs`" in result.output
    assert "(create it with `roadmap feedback theme docs --title TEXT`)" in result.output


def test_feedback_add_creates_feedback_toml(example: Path) -> None:
    (example / "feedback.toml").unlink()
    result = run("feedback", "add", "--from", "storage", "--liked", "it", "-w", str(example))
    assert result.exit_code == 0, result.output
    assert feedback_entries(example) == [
        {"from": "storage", "on": TODAY, "liked": "it", "round": "2026-Q4"}
    ]


def test_feedback_add_with_nothing_to_say(example: Path) -> None:
    result = run("feedback", "add", "--from", "storage", "-w", str(example))
    assert result.exit_code == 1
    assert "nothing to record: all four answers are empty" in result.output


# --- feedback import -----------------------------------------------------------------------

FORM = (
    "\ufeffTimestamp,Your team,Email,How was your experience?,What did you like?,"
    "What didn't you like?,What could be improved?\r\n"
    '20/11/2026 09:15:00,Storage and databases,a@x,"Faster now.\r\nThanks!",Caching,'
    '"Docs, still",Examples\r\n'
    ",,b@x,Anonymous,,,\r\n"
    "2026-11-21,warehouse-systems,c@x,,,,\r\n"
    "2026-11-22,ml-platform,d@x,Fine,,,,one too many\r\n"
)


def write_csv(tmp_path: Path, text: str | bytes, name: str = "form.csv") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_bytes(text.encode("utf-8"))
    return path


def test_feedback_import_form_export(example: Path, tmp_path: Path) -> None:
    csv_file = write_csv(tmp_path, FORM)
    result = run("feedback", "import", str(csv_file), "-w", str(example))
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert f"{csv_file}: columns ignored (no field for them): `Email`" in lines
    assert f"{csv_file}: row 3: skipped: no team (`Your team` is empty)" in lines
    assert f"{csv_file}: row 4: skipped: all four answers are empty" in lines
    assert (
        f"{csv_file}: row 5: 8 values but the header has 7 columns (line 6); the last 1 ignored"
        in lines
    )
    assert lines[-1] == (
        f"{example}/feedback.toml: imported 2 entries from {csv_file} into round 2026-Q4;"
        " 2 row(s) skipped"
    )
    entries = feedback_entries(example)
    assert len(entries) == 11
    assert entries[-2] == {
        "from": "storage",
        "on": dt.date(2026, 11, 20),
        "experience": "Faster now.\nThanks!",
        "liked": "Caching",
        "disliked": "Docs, still",
        "improve": "Examples",
        "round": "2026-Q4",
    }
    assert entries[-1] == {
        "from": "ml-platform",
        "on": dt.date(2026, 11, 22),
        "experience": "Fine",
        "round": "2026-Q4",
    }
    again = run("feedback", "import", str(csv_file), "-w", str(example))
    assert again.exit_code == 0
    assert again.output.splitlines()[-1] == (
        f"{csv_file}: nothing new; 2 row(s) are in feedback.toml already"
    )
    assert len(feedback_entries(example)) == 11


def test_feedback_import_dry_run_writes_nothing(example: Path, tmp_path: Path) -> None:
    csv_file = write_csv(tmp_path, FORM)
    before = (example / "feedback.toml").read_bytes()
    result = run("feedback", "import", str(csv_file), "--dry-run", "-w", str(example))
    assert result.exit_code == 0, result.output
    assert "row 2: storage, 2026-11-20: Faster now. Thanks!" in result.output
    assert "row 5: ml-platform, 2026-11-22: Fine" in result.output
    assert result.output.splitlines()[-1] == (
        "dry run: would import 2 entries; 2 row(s) skipped; nothing written"
    )
    assert (example / "feedback.toml").read_bytes() == before


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty file: expected a header row and one row per answer"),
        ("\ufeff\r\n", "empty file: expected a header row and one row per answer"),
        ("Team,Experience\r\n", "row 1: no answers below the header row"),
        ("Email,Experience\nx,ok\n", "row 1: no column for the team (`from`)"),
        ("Team,Email\nstorage,x\n", "row 1: no column for any of the four questions"),
        ("Team,Experience\n,ok\nstorage,\n", "no usable rows; nothing imported"),
    ],
)
def test_feedback_import_unusable_files(
    example: Path, tmp_path: Path, text: str, message: str
) -> None:
    csv_file = write_csv(tmp_path, text)
    before = (example / "feedback.toml").read_bytes()
    result = run("feedback", "import", str(csv_file), "-w", str(example))
    assert result.exit_code == 1
    assert f"{csv_file}: {message}" in result.output
    assert (example / "feedback.toml").read_bytes() == before


def test_feedback_import_not_utf8(example: Path, tmp_path: Path) -> None:
    csv_file = write_csv(tmp_path, "Team,Experience\nstorage,caf\xe9\n".encode("latin-1"))
    result = run("feedback", "import", str(csv_file), "-w", str(example))
    assert result.exit_code == 1
    # "Team,Experience\n" is 16 bytes, "storage,caf" 11 more: the é is byte 28, on line 2
    assert f"{csv_file}: line 2: not UTF-8 text (byte 28); export the CSV as UTF-8" in result.output


def test_feedback_import_map(example: Path, tmp_path: Path) -> None:
    csv_file = write_csv(tmp_path, "Squad,Comment\nstorage,Great\n")
    result = run(
        "feedback",
        "import",
        str(csv_file),
        "--map",
        "Squad=from",
        "--map",
        "Comment=liked",
        "-w",
        str(example),
    )
    assert result.exit_code == 0, result.output
    assert f"{csv_file}: columns: Squad -> from, Comment -> liked" in result.output
    assert feedback_entries(example)[-1] == {
        "from": "storage",
        "liked": "Great",
        "round": "2026-Q4",
    }
    bad = run("feedback", "import", str(csv_file), "--map", "Squad", "-w", str(example))
    assert bad.exit_code == 2
    assert 'expected "Column name=field"' in bad.output


# --- feedback theme, list, report ----------------------------------------------------------


def test_feedback_theme_and_list(example: Path) -> None:
    result = run(
        "feedback",
        "theme",
        "gpu",
        "--title",
        "GPU workloads",
        "--link",
        "REQ-KAFKA-TOPICS",
        "--entry",
        "2",
        "-w",
        str(example),
    )
    assert result.exit_code == 0, result.output
    assert result.output == (
        f"{example}/feedback.toml: theme gpu created; linked REQ-KAFKA-TOPICS; entries 2 tagged\n"
    )
    listed = json.loads(run("feedback", "list", "--format", "json", "-w", str(example)).output)
    assert [e["entry"] for e in listed] == list(range(1, 10))
    assert listed[1]["themes"] == ["error-messages", "gpu"]
    untagged = run("feedback", "list", "--no-theme", "-w", str(example))
    assert untagged.output == f"{example}: no feedback entries\n"
    bad = run("feedback", "theme", "gpu", "--entry", "10", "-w", str(example))
    assert bad.exit_code == 1
    assert "no feedback entry 10: entries are numbered 1 to 9" in bad.output


def test_feedback_report_prints_and_writes(example: Path, tmp_path: Path) -> None:
    expected = feedback_report(WorkspaceStore.open(example).workspace)
    printed = run("feedback", "report", "-w", str(example))
    assert printed.exit_code == 0
    assert printed.output == expected
    assert "| Documentation and examples | 3 |" in expected
    out = tmp_path / "feedback.md"
    written = run("feedback", "report", "-o", str(out), "-w", str(example))
    assert written.exit_code == 0
    assert written.output == f"{out}: written\n"
    assert out.read_text(encoding="utf-8") == expected
    out.write_text("mine", encoding="utf-8")
    refused = run("feedback", "report", "-o", str(out), "-w", str(example))
    assert refused.exit_code == 1
    assert f"{out}: exists; nothing written (--force to overwrite)" in refused.output
    assert out.read_text(encoding="utf-8") == "mine"
    forced = run("feedback", "report", "-o", str(out), "--force", "-w", str(example))
    assert forced.exit_code == 0
    assert out.read_text(encoding="utf-8") == expected


# --- announce ------------------------------------------------------------------------------


def test_announce_since_a_date(example: Path) -> None:
    result = run("announce", "--since", "2026-09-10", "-w", str(example))
    assert result.exit_code == 0, result.output
    text = result.output
    assert text.startswith("# Infrastructure platform: done since 2026-09-10\n\n3 items done.\n")
    # by goal, in roadmap.toml order
    assert text.index("## Self-service infrastructure") < text.index("## Security in")
    assert text.index("## Security in") < text.index("## Enable product teams")
    assert "- **Mandatory tags: owner, cost centre, data classification** (`TAGGING`, done" in text
    assert "(`TF-WORKSHOP-BASICS`, done 2026-09-10)" in text
    assert "NAMING" not in text  # done 2026-07-30
    assert text.endswith("Teams who asked: #team-security-platform, #team-warehouse-systems\n")


def test_announce_bad_since(example: Path) -> None:
    result = run("announce", "--since", "last week", "-w", str(example))
    assert result.exit_code == 2
    assert "expected a date (YYYY-MM-DD) or git:REV" in result.output


def _git(folder: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-C", str(folder), *args],
        check=True,
        capture_output=True,
        env={
            "GIT_AUTHOR_NAME": "t",
            "GIT_AUTHOR_EMAIL": "t@x",
            "GIT_COMMITTER_NAME": "t",
            "GIT_COMMITTER_EMAIL": "t@x",
            "HOME": str(folder),
            "PATH": "/usr/bin:/bin",
        },
    )


def test_announce_since_a_git_revision(example: Path, tmp_path: Path) -> None:
    root = example.parent
    _git(root, "init", "-q")
    _git(root, "add", "plans")
    _git(root, "commit", "-qm", "plan as published")
    store = WorkspaceStore.open(example)
    ws = store.workspace
    ga = next(i for i in ws.quarters["2026-Q4"].items if i.id == "APP-MODULE-GA")
    ga.status, ga.done_on = "done", dt.date(2026, 11, 20)
    workshop = next(i for i in ws.quarters["2026-Q4"].items if i.id == "SPACELIFT-WORKSHOP")
    ws.quarters["2026-Q4"].items.remove(workshop)
    workshop.note = "deferred: trainers booked"
    ws.quarters["2027-Q1"].items.append(workshop)
    store.save(ws)
    assert (
        run(
            "request",
            "decide",
            "REQ-KAFKA-TOPICS",
            "decline",
            "--note",
            "no owner",
            "-w",
            str(example),
        ).exit_code
        == 0
    )

    out = tmp_path / "notes.md"
    result = run("announce", "--since", "git:HEAD", "-o", str(out), "-w", str(example))
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Infrastructure platform: done since git:HEAD (")
    assert "1 item done." in text
    assert (
        "- **Self-service Terraform application module: GA** (`APP-MODULE-GA`, done 2026-11-20)"
        in text
    )
    assert (
        "## Plan changes\n\n- `SPACELIFT-WORKSHOP` Spacelift workshop with the tech academy:"
        " deferred from 2026-Q4 to 2027-Q1 (deferred: trainers booked)\n"
    ) in text
    assert (
        "## Decisions on requests\n\n- `REQ-KAFKA-TOPICS` Self-service Kafka topics in the app"
        " module, asked for by warehouse-systems: declined: no owner\n"
    ) in text
    unknown = run("announce", "--since", "git:no-such-rev", "-w", str(example))
    assert unknown.exit_code == 1
    assert "git:no-such-rev" in unknown.output


def test_feedback_rounds_from_the_command_line(example: Path) -> None:
    def add(team: str, on: str, theme: str, round_name: str) -> None:
        result = run(
            "feedback", "add", "--from", team, "--on", on, "--experience", f"{team} {on}",
            "--theme", theme, "--round", round_name, "-w", str(example),
        )  # fmt: skip
        assert result.exit_code == 0, result.output

    add("storage", "2026-12-01", "documentation", "survey-1")
    add("ml-platform", "2026-12-02", "documentation", "survey-1")
    add("storage", "2027-03-01", "documentation", "survey-2")
    report = run("feedback", "report", "--round", "survey-2", "-w", str(example))
    assert report.exit_code == 0, report.output
    assert report.output.startswith(
        "# Feedback: Infrastructure platform, round survey-2\n\n1 entry from 1 team, 2027-03-01"
    )
    assert "| Documentation and examples | 2 | 1 | -1 |" in report.output
    since = run("feedback", "report", "--since", "2026-12-02", "-w", str(example))
    assert since.output.startswith(
        "# Feedback: Infrastructure platform, since 2026-12-02\n\n2 entries from 2 teams,"
    )
    both = run(
        "feedback", "report", "--round", "survey-2", "--since", "2026-12-02", "-w", str(example)
    )
    assert both.exit_code == 2 and "--round or --since, not both" in both.output
    unknown = run("feedback", "report", "--round", "survey-3", "-w", str(example))
    assert unknown.exit_code == 1
    assert unknown.output == (
        f"{example}/feedback.toml: feedback: no feedback round `survey-3`: did you mean"
        " `survey-2`? (rounds: survey-1, survey-2)\n"
    )
