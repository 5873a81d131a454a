"""Time `mkdocs build --strict` of the site: median and spread of several runs.

Usage: python benchmarks/build_time.py [--runs 7]

Also times loading and validating the data alone (what `credential-guides
validate` does), so the share of the build spent on our data is visible.
Compare the ratios printed within one run; absolute times depend on the machine.
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


def time_build(site_dir: Path) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    data = ROOT / "credentials_data"
    with tempfile.TemporaryDirectory() as tmp:
        builds = [time_build(Path(tmp) / "site") for _ in range(args.runs)]
    loads = time_call(lambda: load_catalog(data), args.runs)
    catalog = load_catalog(data)
    renders = time_call(lambda: render_site(catalog), args.runs)
    build = statistics.median(builds)
    print(
        f"mkdocs build --strict, {args.runs} runs: median {build:.2f} s (min {min(builds):.2f}, max {max(builds):.2f})"
    )
    for label, times in (("load + validate data", loads), ("render pages", renders)):
        median = statistics.median(times)
        print(f"{label}: median {median * 1000:.0f} ms ({median / build:.1%} of the build)")


if __name__ == "__main__":
    main()
