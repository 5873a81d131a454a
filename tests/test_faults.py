"""Faults mid-build: a damaged PDF cache, builds sharing a project at once, a build killed half-way.

Whatever happens, ``site/`` is the last build that succeeded, whole, and the
cache holds only whole PDFs that the next build can use.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import MINIMAL_DATA, copy_project, mkdocs_build
from credential_guides.pdf import PdfJob, cached_pdf, is_cached, prune_pdf_cache, render_pdfs

pytestmark = pytest.mark.slow  # builds sites: left out of ./dev test --fast


def tiny_jobs(folder: Path, count: int) -> list[PdfJob]:
    base = folder.as_uri() + "/"
    return [
        PdfJob(f"pdf/{n}.pdf", f"Page {n}", f'<html lang="en"><title>P{n}</title><p>Page {n}</p></html>', base)
        for n in range(count)
    ]


def test_a_truncated_corrupted_or_unverified_cached_pdf_is_rendered_again(tmp_path: Path) -> None:
    jobs, cache = tiny_jobs(tmp_path, 4), tmp_path / "cache"
    render_pdfs(jobs, cache, workers=1)
    whole = {job.key: cached_pdf(job, cache).read_bytes() for job in jobs}
    truncated, corrupted, unverified, _untouched = (cached_pdf(job, cache) for job in jobs)
    truncated.write_bytes(whole[jobs[0].key][: len(whole[jobs[0].key]) // 2])
    damaged = bytearray(whole[jobs[1].key])
    damaged[len(damaged) // 2] ^= 0xFF
    corrupted.write_bytes(bytes(damaged))
    unverified.with_suffix(".sha256").unlink()

    assert [is_cached(job, cache) for job in jobs] == [False, False, False, True]
    assert render_pdfs(jobs, cache, workers=1) == {"rendered": 3, "cached": 1, "damaged": 3}
    assert all(is_cached(job, cache) for job in jobs)
    assert {job.key: cached_pdf(job, cache).read_bytes() for job in jobs} == whole


def _render_into(cache: str, folder: str, start: multiprocessing.synchronize.Event) -> None:
    start.wait()
    render_pdfs(tiny_jobs(Path(folder), 6), Path(cache), workers=2)


def test_renders_sharing_one_cache_at_once_leave_it_whole(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    context = multiprocessing.get_context("spawn")
    start = context.Event()
    builds = [context.Process(target=_render_into, args=(str(cache), str(tmp_path), start)) for _ in range(2)]
    for build in builds:
        build.start()
    start.set()
    for build in builds:
        build.join(120)
    assert [build.exitcode for build in builds] == [0, 0]
    assert all(is_cached(job, cache) for job in tiny_jobs(tmp_path, 6))
    assert sorted({p.suffix for p in cache.iterdir()}) == [".pdf", ".sha256"], "no temporary file is left"


def test_the_cache_forgets_temporary_files_of_killed_builds(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    now = 2_000_000_000.0
    old, recent = cache / f"{'a' * 64}.x1.part", cache / f"{'b' * 64}.x2.part"
    for path, age in ((old, 7 * 3600), (recent, 60)):
        path.write_bytes(b"%PDF-1.7 half")
        os.utime(path, (now - age, now - age))
    prune_pdf_cache([], cache, now=now)
    assert [p.name for p in cache.iterdir()] == [recent.name], "a build still rendering keeps its file"


def site_files(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def start_build(project: Path, cache: Path, **settings: str) -> subprocess.Popen[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "CG_PDF_CACHE": str(cache), **settings}
    return subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=project,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def kill_when(build: subprocess.Popen[str], ready: Callable[[], bool], within: float = 120) -> None:
    deadline = time.monotonic() + within
    while not ready():
        if build.poll() is not None or time.monotonic() > deadline:
            os.killpg(build.pid, signal.SIGKILL)
            _, log = build.communicate(timeout=30)
            pytest.fail(f"the build ended before the fault could be injected:\n{log[-3000:]}")
        time.sleep(0.002)
    os.killpg(build.pid, signal.SIGKILL)
    build.communicate(timeout=30)


def set_organization(project: Path, name: str) -> None:
    """A change to every page and every workbook PDF."""
    settings = project / "site.yml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text.replace("organization: null ", f"organization: {name} ", 1), encoding="utf-8")


@pytest.mark.parametrize("moment", ["while rendering PDFs", "while writing pages"])
def test_a_build_killed_half_way_leaves_the_last_good_site_and_a_cache_the_next_build_uses(
    tmp_path: Path, moment: str
) -> None:
    project, cache = copy_project(tmp_path / "project"), tmp_path / "cache"
    site = project / "site"
    first = mkdocs_build(project, site, CG_PDF_CACHE=str(cache), CG_OFFLINE_ZIP="0")
    assert first.returncode == 0, first.stderr
    good = site_files(site)
    cached_before = {p.stem for p in cache.glob("*.sha256")}

    set_organization(project, "Killed Build District")
    build = start_build(project, cache, CG_OFFLINE_ZIP="0")
    if moment == "while rendering PDFs":
        kill_when(build, lambda: len({p.stem for p in cache.glob("*.sha256")} - cached_before) >= 1)
    else:
        kill_when(build, lambda: any(project.glob(".site.building-*/index.html")))
    assert site_files(site) == good, "the killed build changed the site"
    assert all(is_cached_path(p) for p in cache.glob("*.sha256")), "the cache holds only whole PDFs"

    after = mkdocs_build(project, site, CG_PDF_CACHE=str(cache), CG_OFFLINE_ZIP="0")
    assert after.returncode == 0, after.stderr
    assert "Killed Build District" in (site / "index.html").read_text(encoding="utf-8")
    assert list(project.glob(".site.*")) == [], "the killed build's folder is removed"
    rendered, from_cache = pdf_counts(after.stderr)
    assert rendered + from_cache == len(cached_before)
    if moment == "while rendering PDFs":
        assert from_cache >= 1, "the PDFs the killed build finished are used"
    else:
        assert rendered == 0, "the killed build had rendered every PDF"


def pdf_counts(log: str) -> tuple[int, int]:
    match = re.search(r"PDFs \((\d+) rendered, (\d+) from cache", log)
    assert match, log
    return int(match.group(1)), int(match.group(2))


def test_two_builds_of_one_project_at_once_both_succeed_and_leave_a_whole_site(tmp_path: Path) -> None:
    project, cache = copy_project(tmp_path / "project"), tmp_path / "cache"
    (project / "credentials_data").rename(tmp_path / "seed_data")
    subprocess.run(["cp", "-r", str(MINIMAL_DATA), str(project / "credentials_data")], check=True)
    builds = [start_build(project, cache, CG_OFFLINE_ZIP="0") for _ in range(2)]
    results = [build.communicate(timeout=300) for build in builds]
    assert [build.returncode for build in builds] == [0, 0], [err for _, err in results]
    alone = mkdocs_build(project, tmp_path / "alone", CG_PDF_CACHE=str(cache), CG_OFFLINE_ZIP="0")
    assert alone.returncode == 0, alone.stderr
    assert site_files(project / "site") == site_files(tmp_path / "alone")
    assert all(is_cached_path(p) for p in cache.glob("*.pdf"))
    assert list(project.glob(".site.*")) == []


def is_cached_path(path: Path) -> bool:
    pdf, digest = path.with_suffix(".pdf"), path.with_suffix(".sha256")
    return hashlib.sha256(pdf.read_bytes()).hexdigest() == digest.read_text("ascii").strip()
