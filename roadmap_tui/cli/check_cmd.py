"""`roadmap check`: the whole CI gate in one process.

The gate is a list of steps, each a small function over one loaded workspace (`Gate`) that
returns what it found. The workspace is read once and the planning analyses are worked out once
(`cli.opened`), whatever the number of steps. A new step (a portfolio's check, say) is one more
function in the list `steps_for` returns.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from roadmap_tui.cli.common import (
    handle_errors,
    require_stage_option,
    workspace_option,
    workspace_path,
)
from roadmap_tui.cli.opened import Analyses, analyses_of, load_store
from roadmap_tui.cli.output import echo, echo_json
from roadmap_tui.models import Problem, Workspace
from roadmap_tui.storage import WorkspaceStore

FORMATS = ("text", "json")


@dataclass(frozen=True)
class Finding:
    """One thing a step found; errors fail the gate, warnings are shown only."""

    step: str
    message: str
    error: bool = True
    problem: Problem | None = None  # when it is a located problem of a file

    def line(self) -> str:
        text = str(self.problem) if self.problem is not None else self.message
        return f"{self.step}: {text}"

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "step": self.step,
            "severity": "error" if self.error else "warning",
            "message": self.message,
        }
        if self.problem is not None:
            p = self.problem
            data.update(
                file=p.file, line=p.line, column=p.column, where=p.where or None, item=p.item_id
            )
        return data


@dataclass
class Gate:
    """What every step reads: the opened source, its workspace and the shared analyses."""

    store: WorkspaceStore
    requirements: list[tuple[str, str]] = field(default_factory=list)
    portfolio: Path | None = None  # --portfolio: this workspace checked with every other team's
    folder: Path | None = None  # the workspace folder (the portfolio's member it stands for)
    spec: str | None = None

    @property
    def workspace(self) -> Workspace | None:
        return self.store.loaded.workspace

    @property
    def analyses(self) -> Analyses:
        assert self.workspace is not None
        return analyses_of(self.workspace)

    def located(self, step: str, problems: list[Problem]) -> list[Finding]:
        """Problems of the pure layers, shown in the source's files with their lines."""
        from roadmap_tui.cli.common import located

        return [Finding(step, p.message, p.is_error, p) for p in located(self.store, problems)]


Step = Callable[[Gate], list[Finding]]


def validation_step(gate: Gate) -> list[Finding]:
    """Every file read and checked, score inputs included (what `roadmap validate` reports)."""
    from roadmap_tui.cli.workspace_cmds import framework_problems

    problems = list(gate.store.problems)
    if gate.workspace is not None:
        problems.extend(framework_problems(gate.store))
    return [Finding("validate", p.message, p.is_error, p) for p in problems]


def capacity_step(gate: Gate) -> list[Finding]:
    """Teams over capacity in any quarter (what `roadmap capacity --check` fails on)."""
    return [
        Finding("capacity", f"overloaded: {load.sentence()}")
        for load in gate.analyses.loads
        if load.overloaded
    ]


def dependency_step(gate: Gate) -> list[Finding]:
    """Dependency cycles and broken orders (unknown ids are validation's)."""
    found = gate.analyses.dependencies
    findings = [
        Finding("dependencies", "cycle: " + " -> ".join([*cycle, cycle[0]]))
        for cycle in found.cycles
    ]
    if found.cycles_cut:
        findings.append(
            Finding("dependencies", "more cycles in the same knot, not listed (see `roadmap deps`)")
        )
    findings.extend(
        Finding("dependencies", f"broken order: {violation.sentence()}")
        for violation in found.order_violations
    )
    return findings


def stage_step(gate: Gate) -> list[Finding]:
    """Each quarter given with --require-stage has reached at least that stage."""
    from roadmap_tui.planning.stages import stage_problems

    assert gate.workspace is not None
    return gate.located("stages", stage_problems(gate.workspace, gate.requirements))


def portfolio_step(gate: Gate) -> list[Finding]:
    """The promises between teams (what `roadmap portfolio check` fails on), with this
    workspace as it is here standing in for its member."""
    from roadmap_tui.cli.portfolio_cmds import with_local

    assert gate.portfolio is not None and gate.folder is not None
    _, report = with_local(gate.portfolio, gate.folder, gate.spec)
    findings = [
        Finding(
            "portfolio",
            f"ask of {a['team']} by {a['from']}/{a['item']} in {a['quarter']}"
            f" ({a['days']} days): {a['status']}",
        )
        for a in (ask.to_json() for ask in report.broken_asks)
    ]
    findings += [
        Finding(
            "portfolio",
            f"orphaned reservation {o['team']}/{o['item']} for {o['for']} in {o['quarter']}",
        )
        for o in (orphan.to_json() for orphan in report.orphaned)
    ]
    findings += [
        Finding(
            "portfolio",
            f"{d['item']} ({d['quarter']}) depends on {d['depends_on']}"
            f" ({d['depends_quarter'] or 'not planned'}): {d['problem']}",
        )
        for d in (dep.to_json() for dep in report.dependencies)
    ]
    findings += [
        Finding(
            "portfolio",
            f"{c['team']} {c['quarter']} overloaded: {c['used']} used and {c['unconfirmed']}"
            f" unconfirmed of {c['capacity']} days",
        )
        for c in (line.to_json() for line in report.overloaded)
    ]
    return findings


def steps_for(
    requirements: list[tuple[str, str]], portfolio: Path | None = None
) -> list[tuple[str, Step]]:
    """The gate's steps in the order they run and are reported."""
    steps: list[tuple[str, Step]] = [
        ("validate", validation_step),
        ("capacity", capacity_step),
        ("dependencies", dependency_step),
    ]
    if requirements:
        steps.append(("stages", stage_step))
    if portfolio is not None:
        steps.append(("portfolio", portfolio_step))
    return steps


def run_gate(gate: Gate, steps: list[tuple[str, Step]]) -> dict[str, list[Finding]]:
    """Each step's findings; steps after validation need a workspace that could be read."""
    results: dict[str, list[Finding]] = {}
    for name, step in steps:
        if name != "validate" and gate.workspace is None:
            results[name] = []
            continue
        results[name] = step(gate)
    return results


@click.command()
@workspace_option
@click.option("--source", "spec", default=None, help="Check git:REV or scenario:NAME instead.")
@require_stage_option
@click.option(
    "--portfolio",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    default=None,
    help="Also check the promises between teams of this portfolio.toml (asks, reservations,"
    " cross-team dependencies, load), with this workspace as it is here.",
)
@click.option(
    "--format",
    "output",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="text for people and CI logs, json for tools.",
)
@click.pass_context
@handle_errors
def check(
    ctx: click.Context,
    workspace: Path | None,
    spec: str | None,
    requirements: list[tuple[str, str]],
    portfolio: Path | None,
    output: str,
) -> None:
    """The whole gate in one run: every file valid, no team over capacity, no dependency
    cycle or broken order, the stages required by --require-stage, and with --portfolio the
    promises between teams. Prints every problem; exits 1 if any is an error.
    """
    path = workspace_path(ctx, workspace)
    store = load_store(spec if spec is not None else path, path)
    gate = Gate(store, requirements, portfolio, path, spec)
    steps = steps_for(requirements, portfolio)
    results = run_gate(gate, steps)
    errors = sum(1 for found in results.values() for f in found if f.error)
    warnings = sum(1 for found in results.values() for f in found if not f.error)
    label = store.source.display
    if output == "json":
        data = {
            "source": label,
            "passed": not errors,
            "errors": errors,
            "warnings": warnings,
            "steps": [
                {
                    "step": name,
                    "ran": gate.workspace is not None or name == "validate",
                    "passed": not any(f.error for f in results[name]),
                    "findings": [f.to_json() for f in results[name]],
                }
                for name, _ in steps
            ],
        }
        echo_json(data)
    else:
        for name, _ in steps:
            for finding in results[name]:
                echo(finding.line())
        echo(_summary(label, gate.workspace, steps, results, errors, warnings))
    if errors:
        raise SystemExit(1)


def _summary(
    label: str,
    ws: Workspace | None,
    steps: list[tuple[str, Step]],
    results: dict[str, list[Finding]],
    errors: int,
    warnings: int,
) -> str:
    if ws is None:
        return f"{label}: cannot be read ({errors} error(s)); nothing else checked"
    parts = []
    for name, _ in steps:
        failed = sum(1 for f in results[name] if f.error)
        parts.append(f"{name} {'failed (' + str(failed) + ')' if failed else 'ok'}")
    size = f"{len(ws.quarters)} quarters, {sum(1 for _ in ws.located_items())} items"
    note = f", {warnings} warning(s)" if warnings else ""
    verdict = f"{errors} error(s){note}: check failed" if errors else f"passed{note}"
    return f"{label}: {size}: {', '.join(parts)}; {verdict}"
