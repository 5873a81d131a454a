"""Lighthouse on a phone: the home, a stack, a guide, a template and the search page, served with gzip.

Usage: python benchmarks/lighthouse_scores.py [--sizes 4 500] [--runs 1]

For each catalog size (4: the project's own data; larger: the synthetic
catalog of ``synthetic_catalog.py``) it builds the site without PDFs, serves it
on loopback with gzip as GitHub Pages does, and runs Lighthouse 12 (npm, pinned
in package.json; ``./dev test`` installs it) with its mobile preset in Debian's
Chromium. It prints, per page, the performance, accessibility, best-practices
and SEO scores and the Cumulative Layout Shift; with ``--runs`` above 1, the
median of each. Lighthouse simulates a slow phone and network, so its figures
move a little between runs and machines; compare pages within one run.
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from catalog_scale import serve

from synthetic_catalog import write_project

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".pf_meta", ".pf_index", ".pf_fragment")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files as GitHub Pages does: text compressed with gzip when the browser accepts it."""

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if (
            path.is_file()
            and path.suffix in COMPRESSED
            and "gzip" in self.headers.get("Accept-Encoding", "")
            and self.path.split("?")[0].endswith(("/", path.name))
        ):
            body = gzip.compress(path.read_bytes(), mtime=0)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return None
        return super().send_head()

    def log_message(self, format: str, *args: object) -> None:
        pass


def build(project: Path, site: Path) -> None:
    env = {**os.environ, "CG_PDF": "0", "CG_OFFLINE_ZIP": "0", "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)]
    subprocess.run(command, cwd=project, env=env, check=True, capture_output=True)


def page_kinds(site: Path) -> dict[str, str]:
    """One page of each kind, as paths under the site: the first credential's guide and its Action Plan-like
    table template (the last artifact template, which in the seed catalog is a table)."""
    catalog = json.loads((site / "catalog.json").read_text(encoding="utf-8"))
    credential = catalog["credentials"][0]
    stack = credential["stack"]["id"]
    guide = f"{stack}/{credential['id']}/"
    artifacts = [t for t in credential["templates"] if not t["id"].startswith("part-")]
    template = f"{guide}templates/{artifacts[-1]['id']}/"
    return {"home": "", "stack": f"{stack}/", "guide": guide, "template": template, "search": "search/"}


def lighthouse(url: str, out: Path) -> dict[str, float]:
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    flags = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run"
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={out}",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={flags}",
        ],
        env=env,
        check=True,
        capture_output=True,
        timeout=300,
    )
    report = json.loads(out.read_text(encoding="utf-8"))
    scores = {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}
    scores["cls"] = report["audits"]["cumulative-layout-shift"]["numericValue"]
    return scores


def measure(site: Path, runs: int, work: Path) -> dict[str, dict[str, float]]:
    results: dict[str, dict[str, float]] = {}
    with serve(site, GzipHandler) as origin:
        for kind, path in page_kinds(site).items():
            samples = [lighthouse(f"{origin}{path}", work / f"{kind}-{run}.json") for run in range(runs)]
            results[kind] = {key: statistics.median(s[key] for s in samples) for key in samples[0]}
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[4, 500])
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        sys.exit("Lighthouse is not installed: run ./dev test once (it installs the Node.js tools), then this.")
    print(f"{'catalog':>8} {'page':<9} {'perf':>5} {'a11y':>5} {'best':>5} {'seo':>5} {'CLS':>7}")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for size in args.sizes:
            project = ROOT if size == 4 else write_project(work / f"p{size}", size)
            site = work / f"site{size}"
            build(project, site)
            for kind, scores in measure(site, args.runs, work).items():
                print(
                    f"{size:>8} {kind:<9} {scores['performance']:>5.0f} {scores['accessibility']:>5.0f} "
                    f"{scores['best-practices']:>5.0f} {scores['seo']:>5.0f} {scores['cls']:>7.3f}",
                    flush=True,
                )


if __name__ == "__main__":
    main()
