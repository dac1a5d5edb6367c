"""The intake package is pure: no UI, deck or command-line library, no storage."""

from __future__ import annotations

import json
import subprocess
import sys


def test_intake_imports_no_face_and_no_storage() -> None:
    script = "import roadmap_tui.intake, json, sys\nprint(json.dumps(sorted(sys.modules)))"
    output = subprocess.run(
        [sys.executable, "-c", script], check=True, capture_output=True, text=True
    ).stdout
    loaded = set(json.loads(output.strip().splitlines()[-1]))
    tops = {name.split(".")[0] for name in loaded}
    assert not tops & {"textual", "pptx", "click", "rich"}
    assert "roadmap_tui.storage" not in loaded
