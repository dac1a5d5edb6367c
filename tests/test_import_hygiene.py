"""Logic layers import no UI, deck or command-line library; light paths stay light.

Checked in a fresh interpreter, since the test process itself has imported everything.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ["textual", "pptx", "networkx", "scipy"]
FACES = ["textual", "pptx", "click", "rich"]


def _modules_after(code: str) -> set[str]:
    script = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    output = subprocess.run(
        [sys.executable, "-c", script], check=True, capture_output=True, text=True
    )
    return set(json.loads(output.stdout.strip().splitlines()[-1]))


def _top(modules: set[str]) -> set[str]:
    return {name.split(".")[0] for name in modules}


@pytest.mark.parametrize(
    "layer", ["models", "storage", "scoring", "planning", "intake", "impact", "portfolio"]
)
def test_logic_layers_import_no_face(layer: str) -> None:
    try:
        __import__(f"roadmap_tui.{layer}")
    except ModuleNotFoundError:
        pytest.skip(f"roadmap_tui.{layer} does not exist yet")
    loaded = _top(_modules_after(f"import roadmap_tui.{layer}"))
    assert not loaded & set(FACES), f"{layer} imports {sorted(loaded & set(FACES))}"


def test_validate_path_imports_nothing_heavy() -> None:
    code = (
        "import sys\nfrom roadmap_tui.cli import main\n"
        "sys.argv = ['roadmap', 'validate', '-w', 'plans']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass"
    )
    loaded = _top(_modules_after(code))
    assert not loaded & set(HEAVY + ["rich"]), sorted(loaded & set(HEAVY + ["rich"]))


def test_exporters_import_python_pptx_only_when_writing_a_deck() -> None:
    loaded = _top(_modules_after("import roadmap_tui.exporters.deck, roadmap_tui.cli.deck_cmd"))
    assert "pptx" not in loaded


def test_the_app_starts_without_python_pptx() -> None:
    loaded = _top(_modules_after("import roadmap_tui.tui.app"))
    assert "pptx" not in loaded
