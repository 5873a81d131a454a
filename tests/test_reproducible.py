"""Two builds of one commit give the same bytes, wherever and whenever they run."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from test_faults import site_files

from conftest import copy_project
from credential_guides.reproducible import ZIP_EPOCH, source_date_epoch, zip_date_time

pytestmark = pytest.mark.slow  # builds sites: left out of ./dev test --fast

COMMITTED = "2026-01-02T03:04:05+00:00"
COMMITTED_EPOCH = "1767323045"
LATER = "2031-07-04 12:00:00"


def commit(project: Path) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": COMMITTED,
        "GIT_COMMITTER_DATE": COMMITTED,
        "GIT_AUTHOR_NAME": "District",
        "GIT_AUTHOR_EMAIL": "web@district.invalid",
        "GIT_COMMITTER_NAME": "District",
        "GIT_COMMITTER_EMAIL": "web@district.invalid",
    }
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "Our guides"]):
        subprocess.run(["git", "-C", str(project), *command], check=True, env=env, capture_output=True)


def build(project: Path, cache: Path, at: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "CG_PDF_CACHE": str(cache), "CG_PDF": "1"}
    env["CG_SITE_URL"] = "https://guides.district.example/"  # so that the sitemap lists pages with dates
    env.pop("SOURCE_DATE_EPOCH", None)
    faketime = [shutil.which("faketime") or "faketime", at] if at else []
    return subprocess.run(
        [*faketime, sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )


def test_two_cold_builds_of_one_commit_in_other_folders_at_other_times_are_byte_identical(tmp_path: Path) -> None:
    if shutil.which("faketime") is None:
        pytest.fail("faketime is missing: run ./dev test, which installs it")
    year = subprocess.run(
        ["faketime", LATER, sys.executable, "-c", "import time; print(time.gmtime().tm_year)"],
        capture_output=True,
        text=True,
    )
    assert year.stdout.strip() == "2031", "faketime does not change the time Python sees"

    here = copy_project(tmp_path / "here")
    commit(here)
    there = tmp_path / "another" / "folder"
    subprocess.run(["git", "clone", "-q", str(here), str(there)], check=True, capture_output=True)

    first = build(here, tmp_path / "cache-here")
    second = build(there, tmp_path / "cache-there", at=LATER)
    assert first.returncode == 0, first.stderr
    assert second.returncode == 0, second.stderr

    files = site_files(here / "site")
    assert any(name.endswith(".pdf") for name in files)
    assert "downloads/credential-guides-offline.zip" in files
    differing = sorted(
        name
        for name in files.keys() | site_files(there / "site").keys()
        if files.get(name) != site_files(there / "site").get(name)
    )
    assert differing == []
    sitemap = (there / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert set(re.findall(r"<lastmod>([^<]+)</lastmod>", sitemap)) == {"2026-01-02"}
    with zipfile.ZipFile(there / "site" / "downloads" / "credential-guides-offline.zip") as zipped:
        assert {entry.date_time[:3] for entry in zipped.infolist()} == {(2026, 1, 2)}


def test_the_build_date_is_the_callers_then_the_commits_then_none(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    assert source_date_epoch(project, {}) is None, "not a git checkout, nothing set"
    (project / "site.yml").write_text("site_name: X\n", encoding="utf-8")
    commit(project)
    assert source_date_epoch(project, {}) == COMMITTED_EPOCH
    assert source_date_epoch(project, {"SOURCE_DATE_EPOCH": "1700000000"}) == "1700000000"
    with pytest.raises(ValueError, match="SOURCE_DATE_EPOCH: expected whole seconds since 1970, found 'yesterday'"):
        source_date_epoch(project, {"SOURCE_DATE_EPOCH": "yesterday"})


def test_zip_entries_cannot_predate_1980() -> None:
    assert zip_date_time(None) == (1980, 1, 1, 0, 0, 0)
    assert zip_date_time("0") == (1980, 1, 1, 0, 0, 0)
    assert zip_date_time(str(ZIP_EPOCH + 86_400)) == (1980, 1, 2, 0, 0, 0)
    assert zip_date_time(COMMITTED_EPOCH) == (2026, 1, 2, 3, 4, 5)
