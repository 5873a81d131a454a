"""The built site reproduces each source guide word for word (../shared/tools/fidelity.py)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SHARED
from release_content import RELEASE_CONTENT

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
    from credential_guides.catalog import load_catalog

    seeds = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("00[0-3]_*.txt"))]
    for credential in load_catalog(RELEASE_CONTENT / "credentials_data").credentials:
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


def _range_line(range_: object, unit: str, printed: str | None) -> str:
    return printed or f"({range_.min}–{range_.max} {unit})"  # type: ignore[attr-defined]


@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"{SEEDS} not found: the published guides are in shared/ only")
def test_every_word_range_is_printed_as_and_where_its_guide_prints_it(site: Path) -> None:
    """'(500–750 Words)', '200-400 words'; and before or after the instructions, as in the guide."""
    from credential_guides.catalog import load_catalog

    seeds = [" ".join(path.read_text(encoding="utf-8").split()) for path in sorted(SEEDS.glob("00[0-3]_*.txt"))]
    for credential in load_catalog(RELEASE_CONTENT / "credentials_data").credentials:
        seed = next(text for text in seeds if credential.key_method[:60] in text)
        page = " ".join(
            re.sub(
                r"<[^>]+>", " ", (site / credential.stack / credential.id / "index.html").read_text(encoding="utf-8")
            ).split()
        )
        submission = credential.submission
        for part in (submission.overview, submission.reflection):
            line = _range_line(part.words, "words", part.words_printed)
            heading = seed.index(part.heading)
            assert line in seed[heading:], f"{credential.id}: {line!r}"
            first = str(part.instructions[0]).split()[0:6] if part.instructions else None
            if first:
                words = " ".join(first)
                in_seed = seed.index(line, heading) < seed.index(words, heading)
                page_heading = page.index(part.heading)
                in_page = page.index(line, page_heading) < page.index(words, page_heading)
                assert in_seed == in_page, f"{credential.id}: {line!r} and the instructions are in another order"
        for artifact in submission.artifacts:
            if artifact.length:
                line = _range_line(artifact.length, artifact.length.unit, artifact.length.printed)
                assert line in seed and line in page, f"{credential.id}: {line!r}"


@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"{SEEDS} not found: the published guides are in shared/ only")
def test_every_citation_is_worded_as_its_guide_prints_it() -> None:
    """A shared citation keeps each guide's own wording ('NNPS Research' in one, 'NNPS research' in another)."""
    from credential_guides.catalog import load_catalog

    catalog = load_catalog(RELEASE_CONTENT / "credentials_data")
    seeds = [
        " ".join(re.sub(r"[*_]", "", path.read_text(encoding="utf-8")).split())
        for path in sorted(SEEDS.glob("00[0-3]_*.txt"))
    ]
    checked = 0
    for credential in catalog.credentials:
        seed = next(text for text in seeds if re.sub(r"[*_]", "", credential.key_method)[:60] in text)
        for ref in credential.research:
            text = ref if isinstance(ref, str) else ref.text
            if isinstance(ref, str):
                text = catalog.citations[ref].text
            words = " ".join(re.sub(r"[*_]", "", text).split())
            assert words in seed, f"{credential.id}: {words[:80]!r}…"
            checked += 1
    assert checked >= 10
