"""Numbers a plan cannot store or compute with are located errors; suspicious ones are warnings."""

from __future__ import annotations

from click.testing import CliRunner

from roadmap_tui.cli import main
from roadmap_tui.storage import WorkspaceStore
from tests.conftest import MINIMAL_ROADMAP, WriteWorkspace

Q4 = """\
[quarter]
id = "2026-Q4"
stgae = "draft"

[[items]]
id = "HUGE"
title = "Beyond 64 bits"
estimate = 99999999999999999999

[[items]]
id = "NAN"
title = "Not a number"
estimate = nan

[[items]]
id = "INF"
title = "Endless"
score = { value = inf, effort = 2 }

[[items]]
id = "TYPO"
title = "Misspelt keys"
estimate = 1e3
score = { valeu = 8, effort = 3 }
asks = [ { team = "storage", days = 2, qarter = "2026-Q4" } ]
"""


def test_validate_names_file_line_item_and_field(write_ws: WriteWorkspace) -> None:
    ws = write_ws({"2026-Q4.toml": Q4})
    result = CliRunner().invoke(main, ["validate", "-w", str(ws)])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    q4 = f"{ws}/2026-Q4.toml"
    assert (
        f"{q4}:8: items[HUGE].estimate: 99999999999999999999 is beyond TOML's 64-bit integers"
        " (-9223372036854775808 to 9223372036854775807); no other TOML tool can store it"
    ) in lines
    assert f"{q4}:13: items[NAN].estimate: must be a finite number, not nan" in lines
    assert f"{q4}:18: items[INF].score.value: must be a finite number, not inf" in lines
    assert (
        f"{q4}:23: items[TYPO].estimate: warning: estimate of 1,000 days is more than infra has"
        " in any quarter (at most 100 days)"
    ) in lines
    assert (
        f"{q4}:24: items[TYPO].score.valeu: warning: unknown score input `valeu`:"
        " no framework or weight reads it; did you mean `value`?"
    ) in lines
    assert (
        f"{q4}:25: items[TYPO].asks[0].qarter: warning: unknown key `qarter`:"
        " did you mean `quarter`?"
    ) in lines
    assert f"{q4}:3: quarter.stgae: warning: unknown key `stgae`: did you mean `stage`?" in lines
    assert lines[-1] == f"{ws}: 3 error(s), 4 warning(s)"
    assert "Traceback" not in result.output


def test_infinite_capacity_is_an_error_not_a_plan(write_ws: WriteWorkspace) -> None:
    roadmap = MINIMAL_ROADMAP.replace('"2027-Q1" = 100', '"2027-Q1" = inf')
    ws = write_ws({"roadmap.toml": roadmap})
    store = WorkspaceStore.open(ws)
    assert store.loaded.workspace is None  # never computed with
    messages = [str(p) for p in store.problems]
    assert (
        f"{ws}/roadmap.toml:10: teams[infra].capacity.2027-Q1: must be a finite number, not inf"
        in messages
    )


def test_the_largest_64_bit_integer_is_fine_and_an_estimate_within_capacity_says_nothing(
    write_ws: WriteWorkspace,
) -> None:
    ws = write_ws(
        {
            "2026-Q4.toml": '[quarter]\nid = "2026-Q4"\n\n[[items]]\nid = "A"\ntitle = "A"\n'
            "estimate = 100\nscore = { reach = 9223372036854775807 }\n"
        }
    )
    result = CliRunner().invoke(main, ["validate", "-w", str(ws)])
    assert result.exit_code == 0, result.output
    assert "valid" in result.output and "warning" not in result.output
