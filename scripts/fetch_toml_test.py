"""Fetch the TOML project's conformance suite (BurntSushi/toml-test) into .cache/toml-test.

tomlkit's source distribution ships the suite under `tests/toml-test/` (documents in its `tests/valid`, `tests/invalid`), so pip brings it from the
same index as every other dependency (no other download tool, no network access beyond pip):

    python scripts/fetch_toml_test.py            # into .cache/toml-test
    python scripts/fetch_toml_test.py --dest DIR

tests/storage/test_toml_test_corpus.py runs every document of it through the tool. The folder is
left alone when it is there already; delete it to fetch again.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

VERSION = "0.13.3"  # tomlkit's oldest supported release: its suite is the one the tests pin
ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / ".cache" / "toml-test"
MEMBER = "tests/toml-test/tests/"  # valid/ and invalid/ of the suite


def fetch(dest: Path) -> int:
    """The number of documents in `dest` after fetching (0 when it was there already)."""
    if (dest / "valid").is_dir() and (dest / "invalid").is_dir():
        return 0
    with tempfile.TemporaryDirectory() as download:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--quiet",
                "--no-binary",
                ":all:",
                "--no-deps",
                f"tomlkit=={VERSION}",
                "-d",
                download,
            ],
            check=True,
        )
        (sdist,) = Path(download).glob("tomlkit-*.tar.gz")
        staging = Path(download) / "out"
        with tarfile.open(sdist) as archive:
            members = []
            for member in archive.getmembers():
                _, _, inside = member.name.partition("/")
                if inside.startswith(MEMBER) and member.isfile():
                    member.name = inside[len(MEMBER) :]
                    members.append(member)
            archive.extractall(staging, members=members, filter="data")
        if not (staging / "valid").is_dir():
            raise SystemExit(f"{sdist.name} holds no {MEMBER}valid/")
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.rmtree(dest, ignore_errors=True)
        shutil.copytree(staging, dest)
    return sum(1 for _ in dest.rglob("*.toml"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dest", type=Path, default=DEFAULT)
    args = parser.parse_args()
    count = fetch(args.dest)
    if count:
        print(f"{args.dest}: {count} TOML documents")
    else:
        print(f"{args.dest}: there already")


if __name__ == "__main__":
    main()
