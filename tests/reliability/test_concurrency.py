"""Two processes saving the same workspace: one wins, the other is told; nothing interleaves."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from tests.reliability.figures import record

CHILD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from roadmap_tui.storage import ExternalChangeError, WorkspaceStore
    folder, title, go = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
    store = WorkspaceStore.open(folder)
    store.workspace.quarters["2027-Q1"].items[0].title = title
    print("read", flush=True)
    while not go.exists():
        time.sleep(0.001)
    try:
        store.save(store.workspace)
    except ExternalChangeError:
        print("external-change")
        sys.exit(3)
    print("saved")
    """
)


def test_two_savers_one_wins(example: Path, slow: bool) -> None:
    rounds = 20 if slow else 4
    for round_number in range(rounds):
        go = example.parent / f"go-{round_number}"
        children = [
            subprocess.Popen(
                [
                    sys.executable,
                    "-c",
                    CHILD,
                    str(example),
                    f"Title by {name} {round_number}",
                    str(go),
                ],
                stdout=subprocess.PIPE,
                text=True,
            )
            for name in ("alice", "bob")
        ]
        for child in children:  # both have read the files (a fixed sleep is not enough on a
            assert child.stdout is not None  # busy machine)
            assert child.stdout.readline().strip() == "read"
        go.touch()
        outcomes = sorted(child.communicate(timeout=60)[0].strip() for child in children)
        assert outcomes == ["external-change", "saved"], outcomes
        text = (example / "2027-Q1.toml").read_text(encoding="utf-8")
        winners = [name for name in ("alice", "bob") if f"Title by {name} {round_number}" in text]
        assert len(winners) == 1
    record(
        "concurrency",
        "Two processes saving at once: one wins, the other gets the external-change error",
        "tests/reliability/test_concurrency.py",
        rounds=rounds,
        interleaved_files=0,
    )
