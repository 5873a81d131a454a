"""The release's content as the engine's tests read it.

The engine's tests build and check a copy of the content this release ships (``site.yml``,
``credentials_data/``, ``docs/``) kept in ``tests/fixtures/release/``, never the live content:
in a district's copy the live content is the district's, and its staff change it freely. After
changing the shipped content, a maintainer copies it into the fixture with
``python tests/release_content.py`` (which also rewrites the engine's
``release_manifest.json``); in the project's own CI (``CG_RELEASE_CHECKS=1``) a live
content that differs from the fixture fails the tests.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

from credential_guides.copy_status import MANIFEST, content_files, manifest_of

ROOT = Path(__file__).resolve().parent.parent
RELEASE_CONTENT = Path(__file__).resolve().parent / "fixtures" / "release"
RELEASE_CHECKS = os.environ.get("CG_RELEASE_CHECKS") == "1"
"""Set in the project's own CI, where the live content is the release's and must be its fixture."""


def differences(root: Path = ROOT, release: Path = RELEASE_CONTENT) -> list[str]:
    """How the content under ``root`` differs from the release's, one line per file: empty if it is the release's."""
    live, shipped = content_files(root), content_files(release)
    return [
        f"{name}: {'added' if name not in shipped else 'removed' if name not in live else 'changed'}"
        for name in sorted(live.keys() | shipped.keys())
        if live.get(name) != shipped.get(name)
    ]


def refresh(root: Path = ROOT, release: Path = RELEASE_CONTENT, manifest: Path = MANIFEST) -> None:
    """The fixture becomes a copy of the content under ``root``, and the engine's manifest (what
    ``credential-guides status`` compares a copy with) its digests."""
    shutil.rmtree(release, ignore_errors=True)
    release.mkdir(parents=True)
    for name, data in content_files(root).items():
        (release / name).parent.mkdir(parents=True, exist_ok=True)
        (release / name).write_bytes(data)
    manifest.write_text(json.dumps(manifest_of(release), indent=1, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    changed = differences()
    refresh()
    print("\n".join(changed) or "the fixture already was the live content", file=sys.stderr)
    print(f"{RELEASE_CONTENT.relative_to(ROOT)} now holds the live content.", file=sys.stderr)
