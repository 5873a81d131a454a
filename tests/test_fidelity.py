"""The built site reproduces each source guide word for word (../shared/tools/fidelity.py)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SHARED

FIDELITY = SHARED / "tools" / "fidelity.py"
MINIMUM = 99.0


@pytest.mark.skipif(
    not FIDELITY.is_file(),
    reason=f"{FIDELITY} not found: the fidelity check needs the shared/ folder beside the repository",
)
def test_every_guide_is_reproduced(site: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(FIDELITY), str(site), "--min", str(MINIMUM), "--show", "10"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    scores = {name: float(pct) for name, pct in re.findall(r"^(\S+\.txt): ([\d.]+)% of", result.stdout, re.M)}
    assert len(scores) == 4, result.stdout + result.stderr
    assert all(score >= MINIMUM for score in scores.values()), result.stdout
    assert result.returncode == 0, result.stdout
