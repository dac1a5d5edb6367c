"""Storage's two remaining writers: a new workspace from the example, and an output file
(the deck) written whole, never over an existing file unless told."""

from __future__ import annotations

from pathlib import Path

import pytest

from roadmap_tui.storage.atomic import TEMP_PREFIX, default_mode
from roadmap_tui.storage.example import InitRefused, example_folder, init_workspace
from roadmap_tui.storage.outputs import OutputExists, write_output


def test_init_copies_the_example_and_refuses_what_it_would_harm(tmp_path: Path) -> None:
    target = tmp_path / "new" / "plans"
    init_workspace(target)
    assert (target / "roadmap.toml").read_bytes() == (
        example_folder() / "roadmap.toml"
    ).read_bytes()
    assert ".roadmap-recovery/" in (target / ".gitignore").read_text(encoding="utf-8")

    (target / "roadmap.toml").write_text("# mine\n", encoding="utf-8")
    with pytest.raises(InitRefused) as again:
        init_workspace(target)
    assert again.value.overwrite_helps
    assert (
        str(again.value) == f"{target}: already holds a workspace (roadmap.toml); nothing written"
    )
    assert "--force" not in str(again.value)  # the face names its flag
    assert (target / "roadmap.toml").read_text(encoding="utf-8") == "# mine\n"

    init_workspace(target, overwrite=True)
    assert (target / "roadmap.toml").read_bytes() == (
        example_folder() / "roadmap.toml"
    ).read_bytes()

    a_file = tmp_path / "file"
    a_file.write_text("x", encoding="utf-8")
    with pytest.raises(InitRefused) as not_a_folder:
        init_workspace(a_file, overwrite=True)
    assert not not_a_folder.value.overwrite_helps
    assert a_file.read_text(encoding="utf-8") == "x"


def test_an_output_is_written_whole_and_never_over_a_file_unless_told(tmp_path: Path) -> None:
    path = tmp_path / "deck.pptx"
    write_output(path, b"first", force=False)
    assert path.read_bytes() == b"first"
    assert path.stat().st_mode & 0o777 == default_mode()

    with pytest.raises(OutputExists):
        write_output(path, b"second", force=False)
    assert path.read_bytes() == b"first"

    write_output(path, b"third", force=True)
    assert path.read_bytes() == b"third"
    assert [p.name for p in tmp_path.iterdir()] == ["deck.pptx"]  # no temporary file left
    assert not list(tmp_path.glob(TEMP_PREFIX + "*"))


def test_a_scenario_of_the_same_name_is_refused_without_naming_a_flag(tmp_path: Path) -> None:
    from roadmap_tui.storage import new_scenario
    from roadmap_tui.storage.scenarios import ScenarioExists

    init_workspace(tmp_path / "plans")
    new_scenario(tmp_path / "plans", "try")
    with pytest.raises(ScenarioExists) as refused:
        new_scenario(tmp_path / "plans", "try")
    assert refused.value.problems[0].message == "scenario `try` exists already; nothing written"
