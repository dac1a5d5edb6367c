"""The deck rendered by LibreOffice (headless): one PDF page per slide, hostile titles included.

Skipped when LibreOffice is not installed; .ci/run installs it.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from roadmap_tui.exporters.deck import write_deck
from tests.exporters.deck_helpers import MEASURE, deck_input, hostile_impact, open_deck

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")


def _pdf_pages(pptx: Path, tmp_path: Path) -> int:
    """Convert with a private LibreOffice profile (no clash with a running LibreOffice)."""
    assert SOFFICE is not None
    profile = (tmp_path / "lo-profile").resolve().as_uri()
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(pptx),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / (pptx.stem + ".pdf")
    data = pdf.read_bytes()
    # Each page object is "/Type /Page" (the page tree is "/Type /Pages").
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))


def test_libreoffice_renders_one_page_per_slide(tmp_path: Path) -> None:
    path = tmp_path / "hostile.pptx"
    result = write_deck(deck_input(hostile_impact()), path, measure=MEASURE)
    assert _pdf_pages(path, tmp_path) == len(result.slides) == len(open_deck(path).slides) == 8
