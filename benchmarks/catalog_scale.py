"""Measure the site at catalog sizes users reach: 4, 50, 200 and 500 credentials.

Usage: python benchmarks/catalog_scale.py [--sizes 4 50 200 500] [--engines mkdocs zensical] [--pdfs 4 50]
       [--no-browser]

For each size N it writes a project of N synthetic credentials shaped like the
real guides (``synthetic_catalog.py``) and measures, on this machine:

- the pages-only build (``CG_PDF=0 CG_OFFLINE_ZIP=0``) with each engine of
  ``--engines``: ``mkdocs build --strict`` (the stages in MkDocs' hooks) or
  ``credential-guides build --engine zensical`` (plan, generate, Zensical,
  finish): seconds and peak memory (the largest process: the engine, the
  build or the Pagefind indexer);
- a plain MkDocs build of the identical generated Markdown, navigation and
  theme without the hooks, in the same run, and the ratio of the two (each
  build ``--runs`` times, taking turns; the fastest of each counts);
- HTML pages, the median and largest page, the site's size;
- the search payload a visitor downloads for a first query (measured in
  Chromium: every search file requested from page load to the first results);
- for the sizes given to ``--pdfs``, the full build with a cold PDF cache, the
  PDF stage's seconds and the site's size with PDFs and the offline zip.

Timings vary with the machine; compare ratios within one run.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic_catalog import ROOT, write_project

CHROMIUM = "/usr/bin/chromium"
SEARCH_FILES = re.compile(r"/(search/|pagefind/|assets/javascripts/workers/search)")
FIRST_QUERY = "family engagement plan"
_PEAK = (
    "import resource, subprocess, sys; r = subprocess.run(sys.argv[2:], cwd=sys.argv[1]); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); sys.exit(r.returncode)"
)


@dataclass
class Build:
    seconds: float
    peak_mb: float
    log: str


@dataclass
class Row:
    n: int
    engine: str
    build: Build
    plain: Build | None
    pages: int
    median_kb: float
    largest_kb: float
    largest_page: str
    site_mb: float
    search_kb: float | None
    full: dict[str, Any] = field(default_factory=dict)


def run_build(project: Path, site: Path, engine: str = "mkdocs", **environment: str) -> Build:
    """The build in a child process: wall time and the peak memory of the build.

    MkDocs: ``mkdocs build --strict``, as ``./dev build`` runs it; another engine: ``credential-guides build``."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **environment}
    if engine == "mkdocs":
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)]
    else:
        cli = "from credential_guides.cli import main; raise SystemExit(main())"
        command = [sys.executable, "-c", cli, "build", "--engine", engine, "-d", str(site)]
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", _PEAK, str(project), *command], capture_output=True, text=True, env=env
    )
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"build of {project} failed:\n{result.stderr[-3000:]}")
    peak_kb = int(result.stderr.strip().splitlines()[-1])
    return Build(seconds, peak_kb / 1024, result.stderr)


def plain_project(project: Path, dest: Path) -> Path:
    """The same site as plain MkDocs: the hooks' generated pages written out, no hooks
    (``credential-guides render``, which runs the hooks through MkDocs' own events)."""
    command = "from credential_guides.cli import main; raise SystemExit(main())"
    result = subprocess.run(
        [sys.executable, "-c", command, "render", str(dest), "--project", str(project)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"could not collect the generated pages:\n{result.stderr[-3000:]}")
    return dest


def page_sizes(site: Path) -> tuple[int, float, float, str, float]:
    """HTML pages, median and largest page (KB), the largest page's path, site size (MB)."""
    pages = {p: p.stat().st_size for p in site.rglob("*.html")}
    largest = max(pages, key=lambda p: pages[p])
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    return (
        len(pages),
        statistics.median(pages.values()) / 1024,
        pages[largest] / 1024,
        largest.relative_to(site).as_posix(),
        total / 1024 / 1024,
    )


@contextmanager
def serve(site: Path, handler_class: type[http.server.SimpleHTTPRequestHandler] | None = None) -> Iterator[str]:
    """``site`` on a loopback port (a quiet file server unless ``handler_class``); yields its origin with a "/"."""
    handler = functools.partial(handler_class or _QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def search_payload_kb(site: Path) -> float:
    """Bytes of search files a new visitor's browser fetches, from the home page to the first results."""
    from playwright.sync_api import sync_playwright

    sizes: dict[str, int] = {}
    with serve(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
        )
        page = browser.new_page(viewport={"width": 1280, "height": 900})

        def record(response: Any) -> None:
            if SEARCH_FILES.search(response.url):
                try:
                    sizes[response.url] = len(response.body())
                except Exception:
                    sizes[response.url] = 0

        page.on("response", record)
        page.goto(base, wait_until="networkidle")
        link = page.locator("a.cg-search-link")
        if link.count():  # Pagefind: the header's search button opens the search page
            link.first.click()
            page.locator(".pagefind-ui__search-input").click()
        else:  # Material's search: "/" focuses the search box
            page.keyboard.press("/")
        page.keyboard.type(FIRST_QUERY, delay=20)
        page.wait_for_selector(".md-search-result__item, .pagefind-ui__result", timeout=120_000)
        page.wait_for_load_state("networkidle")
        browser.close()
    return sum(sizes.values()) / 1024


def full_build(project: Path, site: Path, cache: Path, engine: str) -> dict[str, Any]:
    build = run_build(project, site, engine, CG_PDF="1", CG_OFFLINE_ZIP="1", CG_PDF_CACHE=str(cache))
    match = re.search(r"(\d+) PDFs \((\d+) rendered.*?in ([\d.]+) s", build.log)
    pdfs = sum(p.stat().st_size for p in (site / "pdf").rglob("*.pdf")) if (site / "pdf").is_dir() else 0
    archive = next(site.glob("downloads/*.zip"), None)
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    return {
        "seconds": build.seconds,
        "peak_mb": build.peak_mb,
        "pdfs": int(match.group(1)) if match else 0,
        "pdf_seconds": float(match.group(3)) if match else 0.0,
        "pdf_mb": pdfs / 1024 / 1024,
        "zip_mb": (archive.stat().st_size if archive else 0) / 1024 / 1024,
        "total_mb": total / 1024 / 1024,
    }


def measure(n: int, work: Path, engines: list[str], *, runs: int, plain: bool, browser: bool, pdfs: bool) -> list[Row]:
    """Each build ``runs`` times, the engines' and the plain build taking turns; the fastest run of each counts."""
    project = write_project(work / f"project-{n}", n)
    plain_dir = plain_project(project, work / f"plain-{n}") if plain else None
    builds: dict[str, list[Build]] = {engine: [] for engine in engines}
    plain_builds = []
    for _ in range(runs):
        for engine in engines:
            builds[engine].append(
                run_build(project, work / f"site-{n}-{engine}", engine, CG_PDF="0", CG_OFFLINE_ZIP="0")
            )
        if plain_dir:
            plain_builds.append(run_build(plain_dir, work / f"plain-site-{n}"))
    plain_build = min(plain_builds, key=lambda b: b.seconds) if plain_builds else None
    rows = []
    for engine in engines:
        site = work / f"site-{n}-{engine}"
        build = min(builds[engine], key=lambda b: b.seconds)
        pages, median, largest, largest_page, site_mb = page_sizes(site)
        search = search_payload_kb(site) if browser else None
        row = Row(n, engine, build, plain_build, pages, median, largest, largest_page, site_mb, search)
        if pdfs:
            row.full = full_build(project, work / f"full-site-{n}-{engine}", work / f"pdf-cache-{n}", engine)
        rows.append(row)
    return rows


def print_table(rows: list[Row]) -> None:
    print()
    print(
        "| credentials | engine | build | peak memory | plain MkDocs | build / plain | HTML pages | median page "
        "| largest page | site (no PDFs) | first search download |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        plain = f"{r.plain.seconds:.1f} s" if r.plain else "—"
        ratio = f"{r.build.seconds / r.plain.seconds:.2f}×" if r.plain else "—"
        search = f"{r.search_kb:,.0f} KB" if r.search_kb is not None else "—"
        print(
            f"| {r.n} | {r.engine} | {r.build.seconds:.1f} s | {r.build.peak_mb:.0f} MB | {plain} | {ratio} "
            f"| {r.pages:,} | {r.median_kb:.1f} KB | {r.largest_kb:.1f} KB | {r.site_mb:,.1f} MB | {search} |"
        )
    fulls = [r for r in rows if r.full]
    if fulls:
        print()
        print(
            "| credentials | engine | full build, cold PDF cache | PDFs | PDF stage | PDFs size | offline zip "
            "| whole site |"
        )
        print("|---|---|---|---|---|---|---|---|")
        for r in fulls:
            f = r.full
            print(
                f"| {r.n} | {r.engine} | {f['seconds']:.1f} s | {f['pdfs']:,} | {f['pdf_seconds']:.1f} s "
                f"| {f['pdf_mb']:,.1f} MB | {f['zip_mb']:,.1f} MB | {f['total_mb']:,.1f} MB |"
            )
    print()
    for r in rows:
        print(f"N={r.n} ({r.engine}): largest page {r.largest_page}")
    for engine in dict.fromkeys(r.engine for r in rows):
        grow = [r for r in rows if r.n >= 50 and r.engine == engine]
        if len(grow) >= 2:
            print(
                f"{engine}: time from N={grow[0].n} to N={grow[-1].n}: "
                f"{grow[-1].build.seconds / grow[0].build.seconds:.1f}× "
                f"for {grow[-1].n / grow[0].n:.0f}× the credentials"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[4, 50, 200, 500])
    parser.add_argument("--engines", nargs="+", default=["mkdocs"], choices=["mkdocs", "zensical"])
    parser.add_argument("--runs", type=int, default=2, help="builds of each kind per size; the fastest counts")
    parser.add_argument("--pdfs", type=int, nargs="*", default=[], help="sizes to also build with PDFs and the zip")
    parser.add_argument("--no-plain", action="store_true", help="skip the plain MkDocs build")
    parser.add_argument("--no-browser", action="store_true", help="skip measuring search in Chromium")
    parser.add_argument("--keep", type=Path, help="keep the projects and sites in this folder")
    args = parser.parse_args()
    print(f"{os.cpu_count()} cores; commit {_commit()}", flush=True)
    rows = []
    with tempfile.TemporaryDirectory(prefix="catalog-scale-") as tmp:
        work = args.keep or Path(tmp)
        for n in args.sizes:
            measured = measure(
                n,
                work,
                args.engines,
                runs=args.runs,
                plain=not args.no_plain,
                browser=not args.no_browser,
                pdfs=n in args.pdfs,
            )
            rows += measured
            for row in measured:
                print(f"N={n} ({row.engine}): build {row.build.seconds:.1f} s, {row.pages} pages", flush=True)
    print_table(rows)
    print(f"\n(benchmark process peak {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB)")


def _commit() -> str:
    result = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    return result.stdout.strip() or "unknown"


if __name__ == "__main__":
    main()
