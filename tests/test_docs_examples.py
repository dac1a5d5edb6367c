"""Every command output shown in the docs is what the command prints on the fixture workspace
(tools/docs_examples.py regenerates them)."""

from __future__ import annotations

import pytest

from tools.docs_examples import DOCUMENTS, REPO, examples, rewrite


@pytest.mark.parametrize("document", DOCUMENTS)
def test_shown_outputs_are_real(document: str) -> None:
    text = (REPO / document).read_text(encoding="utf-8")
    found = examples(document, text)
    assert found, f"{document} shows no generated example"
    for example in found:
        assert example.shown == example.output, (
            f"{document}:{example.line}: `roadmap {example.command}` is out of date"
            " (python -m tools.docs_examples rewrites it)"
        )


def test_rewrite_replaces_only_marked_blocks() -> None:
    text = (
        "Intro\n\n<!-- roadmap: status -->\n```console\nold\n```\n\n"
        "```console\n$ roadmap by hand\n```\n\n<!-- file: a.csv -->\n```text\nx,y\n```\n"
    )
    assert rewrite(text, ["$ roadmap status\nnew\n"]) == (
        "Intro\n\n<!-- roadmap: status -->\n```console\n$ roadmap status\nnew\n```\n\n"
        "```console\n$ roadmap by hand\n```\n\n<!-- file: a.csv -->\n```text\nx,y\n```\n"
    )
