"""Fixtures shared with the intake tests: the feedback report and the announcements are
rendered from the same small workspaces (tests/intake/conftest.py)."""

from tests.intake.conftest import small

__all__ = ["small"]
