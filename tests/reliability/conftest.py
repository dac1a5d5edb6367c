from __future__ import annotations

import pytest

from tests.reliability import figures


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if session.config.getoption("--slow", default=False) and exitstatus == 0 and figures.RECORDED:
        figures.write_doc()
