"""Time the PDF stage: cold, warm (nothing changed), and one-after-another.

Usage: python benchmarks/pdf_time.py

Renders every PDF of the seed data three ways in one run and prints the times
and ratios: in parallel into an empty cache (cold), again with the cache filled
(warm: nothing should be rendered), and into another empty cache with one
worker (sequential). Compare the ratios; absolute times depend on the machine.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from credential_guides.pdf import PdfJob, copy_pdfs, pdf_jobs, render_pdfs  # noqa: E402
from credential_guides.project import load_project  # noqa: E402


def timed(jobs: list[PdfJob], site: Path, cache: Path, workers: int | None) -> tuple[float, dict[str, int]]:
    started = time.perf_counter()
    counts = render_pdfs(jobs, cache, workers=workers)
    copy_pdfs(jobs, cache, site)
    return time.perf_counter() - started, counts


def main() -> None:
    project = load_project(ROOT)
    started = time.perf_counter()
    jobs = pdf_jobs(project.catalog, project.settings, ROOT / "docs")
    html_time = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        cold, cold_counts = timed(jobs, base / "site", base / "cache", None)
        warm, warm_counts = timed(jobs, base / "site", base / "cache", None)
        sequential, _ = timed(jobs, base / "site-seq", base / "cache-seq", 1)
    cores = os.cpu_count()
    print(f"{len(jobs)} PDFs; print HTML for all of them: {html_time:.2f} s")
    print(f"cold, parallel ({cores} cores):   {cold:6.2f} s  ({cold_counts['rendered']} rendered)")
    warm_note = f"{warm_counts['cached']} from cache, {warm_counts['rendered']} rendered"
    print(f"warm, nothing changed:   {warm:6.2f} s  ({warm_note})")
    print(f"cold, one after another: {sequential:6.2f} s")
    print(f"parallel speed-up: {sequential / cold:.2f}x; warm/cold: {warm / cold:.3f}")


if __name__ == "__main__":
    main()
