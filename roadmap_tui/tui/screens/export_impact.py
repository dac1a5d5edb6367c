"""Where to export the compared impact: the deck (.pptx, with an optional template) or the
markdown page. Proposes `roadmap-impact-DATE.pptx` next to the workspace folder."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, RadioButton, RadioSet, Static

from roadmap_tui.tui.screens.dialog_screen import DialogScreen

SUFFIX = {"deck": ".pptx", "markdown": ".md"}


@dataclass(frozen=True)
class ExportRequest:
    kind: str  # deck | markdown
    path: Path
    template: Path | None = None
    title: str | None = None


def default_path(workspace: Path, on: dt.date, kind: str) -> Path:
    return workspace.resolve().parent / f"roadmap-impact-{on.isoformat()}{SUFFIX[kind]}"


class ExportScreen(DialogScreen["ExportRequest | None"]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel-export", tooltip="Export nothing")]

    def __init__(self, workspace: Path, on: dt.date) -> None:
        super().__init__(classes="dialog-screen")
        self.workspace = workspace
        self.on = on
        self.kind = "deck"

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog export"):
            yield Static("Export the impact", classes="dialog-title")
            with RadioSet(id="export-kind"):
                yield RadioButton("Deck (.pptx) for the PO and directors", value=True, id="deck")
                yield RadioButton("Markdown page", id="markdown")
            yield Static("File", classes="field-label")
            yield Input(str(default_path(self.workspace, self.on, "deck")), id="export-path")
            yield Static("Template (.pptx or .potx, optional)", classes="field-label")
            yield Input(placeholder="none: the built-in look", id="export-template")
            yield Static("Title (optional)", classes="field-label")
            yield Input(placeholder="WORKSPACE: roadmap change", id="export-title")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Export", id="export", variant="primary")
                yield Button("Cancel (esc)", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#export-path", Input).focus()

    @on(RadioSet.Changed)
    def _kind(self, event: RadioSet.Changed) -> None:
        kind = event.pressed.id or "deck"
        path_input = self.query_one("#export-path", Input)
        old_default = str(default_path(self.workspace, self.on, self.kind))
        if path_input.value == old_default:
            path_input.value = str(default_path(self.workspace, self.on, kind))
        self.kind = kind
        self.query_one("#export-template", Input).disabled = kind != "deck"

    @on(Input.Submitted)
    @on(Button.Pressed, "#export")
    def _export(self) -> None:
        text = self.query_one("#export-path", Input).value.strip()
        if not text:
            self.notify("Name the file to write.", severity="warning")
            return
        path = Path(text).expanduser()
        if path.suffix.lower() != SUFFIX[self.kind]:
            path = path.with_name(path.name + SUFFIX[self.kind])
        template_text = self.query_one("#export-template", Input).value.strip()
        template = Path(template_text).expanduser() if template_text else None
        if self.kind == "deck" and template is not None and not template.is_file():
            self.notify(f"{template}: no such template file.", severity="warning")
            return
        if not path.parent.is_dir():
            self.notify(f"{path.parent}: no such folder.", severity="warning")
            return
        title = self.query_one("#export-title", Input).value.strip() or None
        self.dismiss(
            ExportRequest(self.kind, path, template if self.kind == "deck" else None, title)
        )

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
