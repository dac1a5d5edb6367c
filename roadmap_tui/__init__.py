"""roadmap_tui: a roadmap and prioritisation workbench for the lead of a platform team."""

__version__ = "0.1.0"
