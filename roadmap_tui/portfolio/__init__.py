"""Many workspaces, one picture: asks against reservations, cross-team dependencies, load.

Pure: members are read by storage (roadmap_tui.storage.portfolio) and handed in.
"""

from roadmap_tui.portfolio.asks import (
    CONFIRMED,
    NO_WORKSPACE,
    SHORT,
    STATUSES,
    UNCONFIRMED,
    WRONG_QUARTER,
    AskStatus,
    Orphaned,
    Reserved,
)
from roadmap_tui.portfolio.capacity import CapacityLine
from roadmap_tui.portfolio.dependencies import CrossDependency
from roadmap_tui.portfolio.members import MemberLike, MemberLine
from roadmap_tui.portfolio.report import PortfolioReport, check

__all__ = [
    "CONFIRMED",
    "NO_WORKSPACE",
    "SHORT",
    "STATUSES",
    "UNCONFIRMED",
    "WRONG_QUARTER",
    "AskStatus",
    "CapacityLine",
    "CrossDependency",
    "MemberLike",
    "MemberLine",
    "Orphaned",
    "PortfolioReport",
    "Reserved",
    "check",
]
