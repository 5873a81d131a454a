"""The content this copy holds, and the release's content the engine's tests check instead.

In the project's own repository the live content is the release's: it must be the fixture the
engine's tests read (``CG_RELEASE_CHECKS=1``, set by ``.ci/run``). In a district's copy it is the
district's: the words-as-published checks of the release do not apply to it, and what it needs is
the data check the site's workflow runs before publishing.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import ROOT
from credential_guides.copy_status import MANIFEST, manifest_of
from release_content import RELEASE_CHECKS, RELEASE_CONTENT, differences


def test_shipped_content_is_the_release_fixture_the_engine_tests_check() -> None:
    changed = differences(ROOT, RELEASE_CONTENT)
    if changed and not RELEASE_CHECKS:
        pytest.skip(
            f"this copy's content is its own ({len(changed)} files differ from the release's, e.g. {changed[0]}): "
            "the release's content checks do not apply; `credential-guides validate` checks yours"
        )
    assert changed == [], "the shipped content changed: run `python tests/release_content.py` to refresh the fixture"


def test_this_copys_own_content_is_valid() -> None:
    """What the site's workflow checks before it publishes, on whatever content this copy holds."""
    result = subprocess.run(
        [sys.executable, "-m", "credential_guides.cli", "validate"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_the_engines_manifest_is_the_release_fixture_status_compares_a_copy_with() -> None:
    """An engine file: a district's copy takes it with each release and never edits it."""
    assert json.loads(MANIFEST.read_text(encoding="utf-8")) == manifest_of(RELEASE_CONTENT), (
        "run `python tests/release_content.py` to rewrite it"
    )
