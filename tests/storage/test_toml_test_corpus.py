"""The TOML project's own conformance suite (BurntSushi/toml-test) through the tool.

- every valid document, placed at the top of a backlog.toml as content the tool does not know,
  survives a tool save (`roadmap request add`) byte for byte, the new request added after the items;
- every invalid document as a quarter file is a located error and exit 1 from `validate`, never a
  traceback.

The suite is fetched by `python scripts/fetch_toml_test.py` into .cache/toml-test (or
$TOML_TEST_DIR). Without it the tests skip, except in CI (CI=true), where they fail.
"""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from roadmap_tui.cli import main
from tests.conftest import REPO, WriteWorkspace

CORPUS = Path(os.environ.get("TOML_TEST_DIR", REPO / ".cache" / "toml-test"))
VALID = sorted((CORPUS / "valid").rglob("*.toml"))
INVALID = sorted((CORPUS / "invalid").rglob("*.toml"))

BACKLOG_ITEMS = """\
# about OLD: the oldest request
[[items]]
id = "OLD"
title = "An old request"
kind = "request"
asks = [ { team = "storage", days = 2 } ] # kept inline
"""


def _corpus(documents: list[Path], kind: str) -> list[Path]:
    if documents:
        return documents
    message = f"no toml-test {kind} documents in {CORPUS}: run `python scripts/fetch_toml_test.py`"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)
    pytest.skip(message)


def _name(path: Path) -> str:
    return str(path.relative_to(CORPUS))


def test_the_corpus_is_whole() -> None:
    valid = _corpus(VALID, "valid")
    invalid = _corpus(INVALID, "invalid")
    assert (len(valid), len(invalid)) == (96, 185)


@pytest.mark.parametrize("document", VALID or [None], ids=_name if VALID else None)
def test_a_valid_document_survives_a_save_byte_for_byte(
    document: Path | None, write_ws: WriteWorkspace
) -> None:
    if document is None:
        _corpus(VALID, "valid")
        return
    text = document.read_bytes().decode("utf-8")
    if text and not text.endswith("\n"):
        text += "\n"
    backlog = text + "\n" + BACKLOG_ITEMS
    ws = write_ws({"backlog.toml": backlog.encode("utf-8")})
    result = CliRunner().invoke(
        main,
        ["request", "add", "Kafka topics", "--from", "storage", "--id", "REQ-NEW", "-w", str(ws)],
    )
    assert result.exit_code == 0, result.output
    saved = (ws / "backlog.toml").read_bytes().decode("utf-8")
    assert saved.startswith(backlog), "the document or the items changed"
    added = saved[len(backlog) :]
    assert added.startswith('\n[[items]]\nid = "REQ-NEW"\n')
    assert "\n\n" not in added[1:]
    data = tomllib.loads(saved)
    assert [item["id"] for item in data["items"]] == ["OLD", "REQ-NEW"]
    # repr: nan equals itself there (valid/float/inf-and-nan.toml)
    assert repr({k: v for k, v in data.items() if k != "items"}) == repr(tomllib.loads(text))


# A line (and column) where the parser stopped; a file that is not text at all is named as a whole.
LOCATED = re.compile(r"2026-Q4\.toml(:\d+(:\d+)?: |: binary file|: not UTF-8 text \(byte \d+\))")


@pytest.mark.parametrize("document", INVALID or [None], ids=_name if INVALID else None)
def test_an_invalid_document_is_a_located_error(
    document: Path | None, write_ws: WriteWorkspace
) -> None:
    if document is None:
        _corpus(INVALID, "invalid")
        return
    ws = write_ws({"2026-Q4.toml": document.read_bytes()})
    result = CliRunner().invoke(main, ["validate", "-w", str(ws)])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert any(LOCATED.match(line.removeprefix(f"{ws}/")) for line in result.output.splitlines()), (
        result.output
    )
