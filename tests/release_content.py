"""The release's content as the engine's tests read it.

The engine's tests build and check a copy of the content this release ships (``site.yml``,
``credentials_data/``, ``docs/``) kept in ``tests/fixtures/release/``, never the live content:
in a district's copy the live content is the district's, and its staff change it freely. After
changing the shipped content, a maintainer copies it into the fixture with
``python tests/release_content.py``; in the project's own CI (``CG_RELEASE_CHECKS=1``) a live
content that differs from the fixture fails the tests.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RELEASE_CONTENT = Path(__file__).resolve().parent / "fixtures" / "release"
CONTENT_PARTS = ("site.yml", "credentials_data", "docs")
RELEASE_CHECKS = os.environ.get("CG_RELEASE_CHECKS") == "1"
"""Set in the project's own CI, where the live content is the release's and must be its fixture."""


def content_files(root: Path) -> dict[str, bytes]:
    """Each file of the content under ``root``, by its path relative to ``root``."""
    files = {}
    for part in CONTENT_PARTS:
        path = root / part
        candidates = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
        for file in candidates:
            if "__pycache__" not in file.parts:
                files[file.relative_to(root).as_posix()] = file.read_bytes()
    return files


def differences(root: Path = ROOT, release: Path = RELEASE_CONTENT) -> list[str]:
    """How the content under ``root`` differs from the release's, one line per file: empty if it is the release's."""
    live, shipped = content_files(root), content_files(release)
    return [
        f"{name}: {'added' if name not in shipped else 'removed' if name not in live else 'changed'}"
        for name in sorted(live.keys() | shipped.keys())
        if live.get(name) != shipped.get(name)
    ]


def refresh(root: Path = ROOT, release: Path = RELEASE_CONTENT) -> None:
    """The fixture becomes a copy of the content under ``root``."""
    shutil.rmtree(release, ignore_errors=True)
    release.mkdir(parents=True)
    for name, data in content_files(root).items():
        (release / name).parent.mkdir(parents=True, exist_ok=True)
        (release / name).write_bytes(data)


if __name__ == "__main__":
    changed = differences()
    refresh()
    print("\n".join(changed) or "the fixture already was the live content", file=sys.stderr)
    print(f"{RELEASE_CONTENT.relative_to(ROOT)} now holds the live content.", file=sys.stderr)
