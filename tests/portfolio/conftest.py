"""Small teams' workspaces written for the portfolio tests, and git repositories serving them."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

Files = dict[str, str]


@pytest.fixture(autouse=True)
def _private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Git members are cached under the test's own folder, never the user's."""
    cache = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    return cache


def roadmap(owner: str, capacity: str, others: str = "") -> str:
    return f"""\
[workspace]
name = "Team {owner}"
owner = "{owner}"

[[teams]]
id = "{owner}"
name = "Team {owner}"
capacity = {capacity}
{others}"""


def team(id_: str, capacity: str) -> str:
    return f"""
[[teams]]
id = "{id_}"
name = "Team {id_}"
capacity = {capacity}
"""


def quarter(quarter_id: str, items: str) -> str:
    return f'[quarter]\nid = "{quarter_id}"\n\n{items}'


def write(folder: Path, files: Files) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def git(folder: Path, *args: str) -> str:
    result = subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", *args],
        cwd=folder,
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout


def serve(work: Path, bare: Path) -> Path:
    """`work` (a folder of files) committed and pushed to a new bare repository `bare`."""
    git(work, "init", "--quiet", "--initial-branch=main")
    git(work, "add", ".")
    git(work, "commit", "--quiet", "-m", "plans")
    git(work.parent, "clone", "--bare", "--quiet", str(work), str(bare))
    git(work, "remote", "add", "origin", str(bare))
    return bare


def push_change(work: Path, message: str) -> None:
    git(work, "commit", "--quiet", "-am", message)
    git(work, "push", "--quiet", "origin", "main")


# The asker: infra asks wh (a member) and dev (no member) in 2026-Q3.
INFRA = {
    "roadmap.toml": roadmap(
        "infra",
        '{ "2026-Q3" = 100 }',
        team("wh", '{ "2026-Q3" = 10 }') + team("dev", '{ "2026-Q3" = 20 }'),
    ),
    "2026-Q3.toml": quarter(
        "2026-Q3",
        """\
[[items]]
id = "A1"
title = "Confirmed"
estimate = 5
asks = [ { team = "wh", days = 3 } ]

[[items]]
id = "A2"
title = "Short"
estimate = 5
asks = [ { team = "wh", days = 4 } ]

[[items]]
id = "A3"
title = "Moved by the asker"
estimate = 5
asks = [ { team = "wh", days = 5 } ]

[[items]]
id = "A4"
title = "Unconfirmed"
estimate = 5
asks = [ { team = "wh", days = 2 } ]

[[items]]
id = "A5"
title = "Of a team that is no member"
estimate = 5
asks = [ { team = "dev", days = 6 } ]

[[items]]
id = "A6"
title = "Needs a later item of wh"
estimate = 1
depends_on = ["wh/W-LATE"]

[[items]]
id = "A7"
title = "Needs an item wh does not have"
estimate = 1
depends_on = ["wh/NOPE"]
""",
    ),
    "backlog.toml": """\
[[items]]
id = "B1"
title = "Sent back to the backlog"
asks = [ { team = "wh", days = 1 } ]
""",
}

# The lender: wh reserves for infra's items.
WH = {
    "roadmap.toml": roadmap(
        "wh", '{ "2026-Q3" = 20, "2026-Q4" = 20 }', team("dev", '{ "2026-Q3" = 8 }')
    ),
    "2026-Q3.toml": quarter(
        "2026-Q3",
        """\
[[items]]
id = "W1"
title = "Own work"
estimate = 10

[[items]]
id = "RES-A1"
title = "Days for infra: A1"
kind = "reservation"
for = "infra/A1"
estimate = 3

[[items]]
id = "RES-A2"
title = "Days for infra: A2"
kind = "reservation"
for = "infra/A2"
estimate = 2  # what we could promise

[[items]]
id = "RES-B1"
title = "Days for infra: B1"
kind = "reservation"
for = "infra/B1"
estimate = 1
""",
    ),
    "2026-Q4.toml": quarter(
        "2026-Q4",
        """\
[[items]]
id = "RES-A3"
title = "Days for infra: A3"
kind = "reservation"
for = "infra/A3"
estimate = 5  # agreed in the planning

[[items]]
id = "W-LATE"
title = "Own work, later"
estimate = 4
""",
    ),
}


def portfolio_file(folder: Path, members: list[str]) -> Path:
    """A portfolio.toml in `folder` with the given [[workspaces]] bodies."""
    text = '[portfolio]\nname = "Platform"\n' + "".join(
        f"\n[[workspaces]]\n{body}\n" for body in members
    )
    path = folder / "portfolio.toml"
    path.write_text(text, encoding="utf-8")
    return path


MakePortfolio = Callable[..., Path]
