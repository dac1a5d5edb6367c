"""Logic layers import no UI, deck or command-line library; light paths stay light.

Every module of the package is walked (pkgutil.walk_packages), not only the packages'
`__init__`s, and each belongs to a known layer: a missing layer or a module outside the layers
fails. Checked in a fresh interpreter, since the test process itself has imported everything.
"""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys

import roadmap_tui

HEAVY = ["textual", "pptx", "networkx", "highspy"]
FACES = ["textual", "pptx", "click", "rich"]
# The layers, lowest first (pyproject.toml's import-linter contract), and the pure ones.
LAYERS = [
    "models",
    "storage",
    "scoring",
    "planning",
    "intake",
    "impact",
    "portfolio",
    "exporters",
    "workbench",
    "tui",
    "cli",
]
PURE = ["models", "storage", "scoring", "planning", "intake", "impact", "portfolio", "workbench"]
TOP_LEVEL = {"roadmap_tui", "roadmap_tui.__main__"}  # the package itself and `python -m`


def _modules_after(code: str) -> set[str]:
    script = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    output = subprocess.run(
        [sys.executable, "-c", script], check=True, capture_output=True, text=True
    )
    return set(json.loads(output.stdout.strip().splitlines()[-1]))


def _top(modules: set[str]) -> set[str]:
    return {name.split(".")[0] for name in modules}


def every_module() -> list[str]:
    found = [
        info.name
        for info in pkgutil.walk_packages(roadmap_tui.__path__, "roadmap_tui.")
        if not info.name.startswith("roadmap_tui.example")  # data, not code
    ]
    return sorted(found)


def test_every_layer_exists_and_every_module_is_in_one() -> None:
    modules = every_module()
    layers = {name.split(".")[1] for name in modules}
    assert not set(LAYERS) - layers, f"missing layers: {sorted(set(LAYERS) - layers)}"
    stray = [m for m in modules if m not in TOP_LEVEL and m.split(".")[1] not in LAYERS]
    assert stray == [], f"modules outside the layers: {stray}"
    assert len(modules) > 150  # the walk reaches the modules, not only the packages


# Imports each module of the pure layers in turn and names the first one that loads a face.
WALK = """
import importlib, json, sys
faces = set(json.loads(sys.argv[1]))
blamed = {}
for name in json.loads(sys.argv[2]):
    before = set(sys.modules)
    importlib.import_module(name)
    new = {m.split(".")[0] for m in set(sys.modules) - before} & faces
    if new:
        blamed[name] = sorted(new)
print(json.dumps(blamed))
"""


def test_no_module_of_a_pure_layer_imports_a_face() -> None:
    pure = [m for m in every_module() if m.split(".")[1:2] and m.split(".")[1] in PURE]
    assert {m.split(".")[1] for m in pure} == set(PURE)
    output = subprocess.run(
        [sys.executable, "-c", WALK, json.dumps(FACES), json.dumps(pure)],
        check=True,
        capture_output=True,
        text=True,
    )
    assert json.loads(output.stdout.strip().splitlines()[-1]) == {}


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
