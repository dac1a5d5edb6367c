"""A generated portfolio: many member workspaces, each served from its own local bare repository.

Member n's owner is `member-NN`; the other teams its items ask are other members (`member-MM`),
so asks cross between members, and about 60 % of those asks are reserved by the lender.
"""

from __future__ import annotations

import re
import subprocess
import tomllib
from pathlib import Path

from benchmarks.generate import generate_workspace

QUARTER_FILE = re.compile(r"^\d{4}-Q[1-4]\.toml$")


def _git(folder: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.invalid", *args],
        cwd=folder,
        check=True,
        capture_output=True,
    )


def generate_portfolio(root: Path, members: int, items: int) -> tuple[Path, list[Path]]:
    """`root/portfolio.toml` listing `members` git members; also the members' plain folders
    (for the tomllib baseline)."""
    modulus = max(members, 9)  # a member never asks itself: its 8 partners are the next ones
    folders = []
    for n in range(members):
        folder = generate_workspace(
            root / "work" / f"member-{n:02d}" / "plans", items=items, seed=n + 1
        )
        names = {"infra-platform": f"member-{n:02d}"}
        names |= {f"team-{k:02d}": f"member-{(n + k) % modulus:02d}" for k in range(1, 9)}
        pattern = re.compile("|".join(re.escape(f'"{old}"') for old in names))
        for path in folder.glob("*.toml"):
            text = path.read_text(encoding="utf-8")
            path.write_text(
                pattern.sub(lambda m, names=names: f'"{names[m.group(0)[1:-1]]}"', text),
                encoding="utf-8",
            )
        folders.append(folder)
    _reserve(folders)
    entries = []
    for folder in folders:
        work = folder.parent
        _git(work, "init", "--quiet", "--initial-branch=main")
        _git(work, "add", ".")
        _git(work, "commit", "--quiet", "-m", "plans")
        bare = root / "repos" / f"{work.name}.git"
        _git(root, "clone", "--bare", "--quiet", str(work), str(bare))
        entries.append(f'[[workspaces]]\ngit = "repos/{bare.name}"\ndir = "plans"\n')
    file = root / "portfolio.toml"
    file.write_text('[portfolio]\nname = "Generated"\n\n' + "\n".join(entries), encoding="utf-8")
    return file, folders


def _reserve(folders: list[Path]) -> None:
    """Reservations for about 60 % of the asks between members, in the lenders' quarter files."""
    by_owner = {f"member-{n:02d}": folder for n, folder in enumerate(folders)}
    extra: dict[tuple[str, str], list[str]] = {}
    for n, folder in enumerate(folders):
        owner = f"member-{n:02d}"
        for path in sorted(folder.glob("*.toml")):
            if not QUARTER_FILE.match(path.name):
                continue
            quarter = path.name.removesuffix(".toml")
            data = tomllib.loads(path.read_text(encoding="utf-8"))
            for number, item in enumerate(data.get("items", [])):
                for ask in item.get("asks", []):
                    if ask["team"] in by_owner and ask["team"] != owner and number % 5 < 3:
                        extra.setdefault((ask["team"], quarter), []).append(
                            f'\n[[items]]\nid = "RES-{owner}-{item["id"]}"\n'
                            f'title = "Days for {owner}: {item["id"]}"\nkind = "reservation"\n'
                            f'for = "{owner}/{item["id"]}"\nestimate = {ask["days"]}\n'
                        )
    for (lender, quarter), tables in extra.items():
        path = by_owner[lender] / f"{quarter}.toml"
        with path.open("a", encoding="utf-8") as out:
            out.write("".join(tables))
