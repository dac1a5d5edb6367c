"""The terminal app's state without Textual: the open session (edits, undo, saving, merging an
external change), the scoreboards and planning facts kept current per edit, and the item form's
model. Tested without a terminal; `roadmap_tui.tui` draws it.

Importing this package imports nothing heavy; each module is imported where it is used.
"""
