"""What a teacher's browser downloads for a page, before she clicks anything, from a built site.

Usage: python benchmarks/page_bytes.py SITE_DIR [PATH ...]

It serves ``SITE_DIR`` on loopback, opens each path (by default a template and
a guide of the project's own data) at 390 px in Debian's Chromium and prints
the number of requests, the bytes of every response (as written, and gzipped
as GitHub Pages sends them), and the scripts' requests and bytes (gzipped too). Compare two builds (say,
``git worktree add`` of the last release, built into another folder) within
one run: the figures are exact, not timings.
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

from catalog_scale import CHROMIUM, serve

PATHS = (
    "multilingual-learners/multilingual-learner-family-caregiver-engagement/templates/communication-plan/",
    "multilingual-learners/multilingual-learner-family-caregiver-engagement/",
    "",
    "search/",
)


def page_bytes(site: Path, paths: tuple[str, ...]) -> list[tuple[str, int, int, int, int, int, int]]:
    """Per path: requests, bytes, gzipped bytes, script requests, script bytes, gzipped script bytes."""
    from playwright.sync_api import Response, sync_playwright

    rows = []
    with serve(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        for path in paths:
            page = browser.new_page(viewport={"width": 390, "height": 844})
            bodies: dict[str, bytes] = {}

            def keep(response: Response, bodies: dict[str, bytes] = bodies) -> None:
                if response.ok:
                    bodies[response.url] = response.body()

            page.on("response", keep)
            page.goto(base + path, wait_until="networkidle")
            page.wait_for_timeout(500)
            scripts = [body for url, body in bodies.items() if url.split("?")[0].endswith((".js", ".mjs"))]
            zipped = sum(len(gzip.compress(body)) for body in bodies.values())
            rows.append(
                (
                    path,
                    len(bodies),
                    sum(map(len, bodies.values())),
                    zipped,
                    len(scripts),
                    sum(map(len, scripts)),
                    sum(len(gzip.compress(body)) for body in scripts),
                )
            )
            page.close()
        browser.close()
    return rows


def main() -> None:
    site = Path(sys.argv[1])
    paths = tuple(sys.argv[2:]) or PATHS
    print(f"{'page':<60} {'requests':>8} {'bytes':>9} {'gzipped':>9} {'scripts':>7} {'bytes':>9} {'gzipped':>9}")
    for path, requests, total, zipped, count, scripts, scripts_zipped in page_bytes(site, paths):
        shown = path[-60:] or "(home)"
        print(f"{shown:<60} {requests:>8} {total:>9,} {zipped:>9,} {count:>7} {scripts:>9,} {scripts_zipped:>9,}")


if __name__ == "__main__":
    main()
