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


SEEDS = SHARED / "seeds"


@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"{SEEDS} not found: the published guides are in shared/ only")
def test_every_part_heading_is_printed_as_its_guide_prints_it(site: Path) -> None:
    """Case and punctuation included: 'Part 3 Reflection' in three guides, 'Part 3. Reflection' in one."""
    from conftest import ROOT
    from credential_guides.catalog import load_catalog

    seeds = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("00[0-3]_*.txt"))]
    for credential in load_catalog(ROOT / "credentials_data").credentials:
        seed = next(text for text in seeds if credential.key_method[:60] in " ".join(text.split()))
        submission = credential.submission
        headings = [
            submission.overview.heading,
            submission.artifacts_heading,
            submission.rubric_heading,
            submission.reflection.heading,
        ]
        page = (site / credential.stack / credential.id / "index.html").read_text(encoding="utf-8")
        for heading in headings:
            assert re.search(rf"^\s*{re.escape(heading)}\s*$", seed, re.M), f"{credential.id}: {heading!r}"
            assert f">{heading}</h3>" in page or f">{heading}<a" in page, f"{credential.id}: {heading!r}"
