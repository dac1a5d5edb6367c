"""The terminal app (Textual): a thin face over the same layers the command line uses.

Importing this package imports no Textual; `roadmap_tui.tui.app` does. It changes no process-wide
state either: the app's launch tunes the garbage collector (`gc_policy`).
"""
