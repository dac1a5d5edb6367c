"""The one place frameworks are registered, and how roadmap.toml [scoring] picks one.

Adding a framework: write its class (see base.Framework) and add it to FRAMEWORKS below.
"""

from __future__ import annotations

from roadmap_tui.models import Problem, ScoringSettings, WorkspaceError
from roadmap_tui.models.validation import nearest
from roadmap_tui.scoring.base import Framework
from roadmap_tui.scoring.frameworks import ROADMAP_FILE, Ice, Rice, ValueEffort, Weighted, Wsjf

FRAMEWORKS: dict[str, type[Framework]] = {
    cls.name: cls for cls in (ValueEffort, Rice, Wsjf, Ice, Weighted)
}
DEFAULT_FRAMEWORK = ValueEffort.name


def framework_names() -> list[str]:
    return list(FRAMEWORKS)


def unknown_framework(name: str) -> Problem:
    hint = nearest(name, FRAMEWORKS)
    known = ", ".join(FRAMEWORKS)
    suggestion = f"did you mean `{hint}`? " if hint else ""
    return Problem(
        ROADMAP_FILE,
        f"unknown framework `{name}`: {suggestion}(known: {known})",
        where="scoring.framework",
        field="framework",
    )


def framework_for(settings: ScoringSettings, name: str | None = None) -> Framework:
    """The framework named (default: [scoring].framework), configured by the settings.

    Raises WorkspaceError with a located problem for an unknown name or unusable weights.
    """
    chosen = name if name is not None else settings.framework
    cls = FRAMEWORKS.get(chosen)
    if cls is None:
        raise WorkspaceError([unknown_framework(chosen)])
    return cls.from_settings(settings)
