"""Time `mkdocs build --strict` of the site: median and spread of several runs.

Usage: python benchmarks/build_time.py [--runs 7]

Times two builds: the pages alone (CG_PDF=0, CG_OFFLINE_ZIP=0, what `mkdocs
serve` rebuilds on each edit) and the full build with PDFs and the offline zip,
its PDF cache filled by one untimed build first (a rebuild with nothing
changed; `benchmarks/pdf_time.py` times cold PDFs). Also times loading and
validating the data alone (what `credential-guides validate` does), so the
share of the build spent on our data is visible. Compare the ratios printed
within one run; absolute times depend on the machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from credential_guides.catalog import load_catalog  # noqa: E402
from credential_guides.pages import render_site  # noqa: E402


def time_build(site_dir: Path, **settings: str) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **settings}
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site_dir)],
        cwd=ROOT,
        check=True,
        env=env,
    )
    return time.perf_counter() - started


def time_call(function: object, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function()  # type: ignore[operator]
        times.append(time.perf_counter() - started)
    return times


def spread(times: list[float]) -> str:
    return f"median {statistics.median(times):.2f} s (min {min(times):.2f}, max {max(times):.2f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    data = ROOT / "credentials_data"
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        builds = [time_build(site, CG_PDF="0", CG_OFFLINE_ZIP="0") for _ in range(args.runs)]
        full_settings = {"CG_PDF": "1", "CG_OFFLINE_ZIP": "1", "CG_PDF_CACHE": str(Path(tmp) / "pdf-cache")}
        time_build(site, **full_settings)
        full_builds = [time_build(site, **full_settings) for _ in range(args.runs)]
    loads = time_call(lambda: load_catalog(data), args.runs)
    catalog = load_catalog(data)
    renders = time_call(lambda: render_site(catalog), args.runs)
    build = statistics.median(builds)
    full = statistics.median(full_builds)
    print(f"mkdocs build --strict, {args.runs} runs each")
    print(f"pages only:                {spread(builds)}")
    print(f"full, PDF cache warm:      {spread(full_builds)} ({full / build:.1f}x pages only)")
    for label, times in (("load + validate data", loads), ("render pages", renders)):
        median = statistics.median(times)
        print(f"{label}: median {median * 1000:.0f} ms ({median / build:.1%} of the pages-only build)")


if __name__ == "__main__":
    main()
