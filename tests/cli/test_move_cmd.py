"""`roadmap move`: the app's moves from the command line, with comments and bytes kept."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result

from roadmap_tui.cli import main
from roadmap_tui.storage import WorkspaceStore
from tests.conftest import WriteWorkspace


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


Q4 = """\
# 2026-Q4 plan

[quarter]
id = "2026-Q4"

# about A: keep it first
[[items]]
id = "A"
title = "A"
estimate = 5
asks = [ { team = "storage", days = 2 } ] # reserved in October

# --- Bigger ideas ---

# about B
[[items]]
id = "B"
title = "B"
estimate = 3
depends_on = ["A"]
# inside B, after its keys

# about C
[[items]]
id = "C"
title = "C"
status = "done"
"""

Q1 = """\
[quarter]
id = "2027-Q1"

[[items]]
id = "D"
title = "D"
"""


def test_move_to_a_later_quarter_carries_comments_and_prints_broken_orders(
    write_ws: WriteWorkspace,
) -> None:
    ws = write_ws({"2026-Q4.toml": Q4, "2027-Q1.toml": Q1})
    result = run("move", "A", "C", "--to", "2027-Q1", "--note", "storage busy", "-w", str(ws))
    assert result.exit_code == 0, result.output
    assert "Moved A from 2026-Q4 to 2027-Q1 (note 'storage busy')" in result.output
    assert "Stays: C is done: it stays in 2026-Q4, where it was delivered" in result.output
    assert "broken order: B (2026-Q4) depends on A, planned later, in 2027-Q1" in result.output
    # storage gives no days in 2027-Q1 (MINIMAL_ROADMAP): named.
    assert "no capacity: storage 2027-Q1" in result.output
    assert (
        (ws / "2026-Q4.toml").read_text()
        == """\
# 2026-Q4 plan

[quarter]
id = "2026-Q4"

# --- Bigger ideas ---

# about B
[[items]]
id = "B"
title = "B"
estimate = 3
depends_on = ["A"]
# inside B, after its keys

# about C
[[items]]
id = "C"
title = "C"
status = "done"
"""
    )
    assert (
        (ws / "2027-Q1.toml").read_text()
        == Q1
        + """
# about A: keep it first
[[items]]
id = "A"
title = "A"
estimate = 5
asks = [ { team = "storage", days = 2 } ] # reserved in October
note = "storage busy"
"""
    )
    assert WorkspaceStore.open(ws).workspace.find("A") is not None


def test_move_to_the_backlog_makes_the_item_proposed(write_ws: WriteWorkspace) -> None:
    ws = write_ws({"2026-Q4.toml": Q4, "backlog.toml": "# Backlog\n"})
    result = run("move", "B", "--to", "backlog", "-w", str(ws))
    assert result.exit_code == 0, result.output
    # status proposed is the backlog's default, so the key goes; the block keeps its comments.
    assert (
        (ws / "backlog.toml").read_text()
        == """\
# Backlog

# about B
[[items]]
id = "B"
title = "B"
estimate = 3
depends_on = ["A"]
# inside B, after its keys
"""
    )
    assert WorkspaceStore.open(ws).workspace.find("B")[1].status == "proposed"  # type: ignore[index]


def test_a_new_quarter_only_with_create(write_ws: WriteWorkspace) -> None:
    ws = write_ws({"2026-Q4.toml": Q4})
    before = (ws / "2026-Q4.toml").read_bytes()
    refused = run("move", "A", "--to", "2027-Q2", "-w", str(ws))
    assert refused.exit_code == 1
    assert "there is no quarter 2027-Q2 yet (add --create to create it)" in refused.output
    assert (ws / "2026-Q4.toml").read_bytes() == before
    assert not (ws / "2027-Q2.toml").exists()
    made = run("move", "A", "--to", "2027-Q2", "--create", "-w", str(ws))
    assert made.exit_code == 0, made.output
    assert "Created quarter 2027-Q2" in made.output
    assert "no capacity: infra 2027-Q2: 5 of 0 days used" in made.output
    assert (
        (ws / "2027-Q2.toml").read_text()
        == """\
[quarter]
id = "2027-Q2"

# about A: keep it first
[[items]]
id = "A"
title = "A"
estimate = 5
asks = [ { team = "storage", days = 2 } ] # reserved in October
note = "deferred to 2027-Q2"
"""
    )


def test_bad_input_is_a_message_not_a_traceback(write_ws: WriteWorkspace) -> None:
    ws = write_ws({"2026-Q4.toml": Q4})
    unknown = run("move", "BB", "--to", "backlog", "-w", str(ws))
    assert unknown.exit_code == 1
    assert "there is no item BB: did you mean B?" in unknown.output
    bad = run("move", "A", "--to", "2027-q1", "-w", str(ws))
    assert bad.exit_code == 2
    assert "'2027-q1' is not a quarter id" in bad.output
    only_done = run("move", "C", "--to", "backlog", "-w", str(ws))
    assert only_done.exit_code == 0
    assert "Nothing moved." in only_done.output


def test_dry_run_writes_nothing(example: Path) -> None:
    before = {p.name: p.read_bytes() for p in example.glob("*.toml")}
    result = run(
        "move", "SPACELIFT-SPOT-WORKERS", "--to", "backlog", "--dry-run", "-w", str(example)
    )
    assert result.exit_code == 0, result.output
    assert "Would move SPACELIFT-SPOT-WORKERS from 2027-Q2 to the backlog" in result.output
    assert {p.name: p.read_bytes() for p in example.glob("*.toml")} == before
