"""The engine's tests hold in a district's copy: its content is its own, and none of them reads it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from district_copy import customise

from conftest import ROOT, SHARED, checkout_copy

pytestmark = pytest.mark.slow  # runs the whole fast suite again, in the copy


def test_every_fast_test_passes_in_a_copy_customised_as_docs_hosting_describes(tmp_path: Path) -> None:
    project = checkout_copy(tmp_path / "district")
    if SHARED.is_dir():
        (tmp_path / "shared").symlink_to(SHARED)  # beside the copy, as CI has it beside the project
    customise(project)
    env = {key: value for key, value in os.environ.items() if key != "CG_RELEASE_CHECKS"}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-m", "not slow", "-q", "-rs", "-p", "no:cacheprovider"],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    skipped = re.findall(r"^SKIPPED \[\d+\] (\S+?):\d+: (.*)$", result.stdout, re.M)
    assert [file for file, _ in skipped] == ["tests/test_release_content.py"], result.stdout[-3000:]
    assert "this copy's content is its own" in skipped[0][1]
    collected = subprocess.run(
        [sys.executable, "-m", "pytest", "-m", "not slow", "-q", "--collect-only", "-p", "no:cacheprovider"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    counted = re.search(r"^(\d+)/\d+ tests collected", collected.stdout, re.M)
    assert counted, collected.stdout[-500:]
    fast_tests = int(counted[1])
    assert f"{fast_tests - 1} passed, 1 skipped" in result.stdout, result.stdout[-500:]
