"""The `roadmap` command line: a thin face over the layers below it.

Subcommands are loaded on first use (click's lazy group pattern), so `roadmap validate` does not
pay for the imports of `roadmap export deck` or the terminal app.
"""

from roadmap_tui.cli.main import main, run

__all__ = ["main", "run"]
