"""GitHub Pages' 1 GB limit: the build says what would not fit, with the figures and what to turn off."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import copy_project, mkdocs_build
from credential_guides.site_size import MB, SitePart, SiteTooLarge, check_site_size

pytestmark = pytest.mark.slow  # builds sites: left out of ./dev test --fast


def test_a_site_within_the_limit_gets_a_summary_of_its_parts() -> None:
    summary = check_site_size([SitePart("pages and search index", 120 * MB), SitePart("31 PDFs", 12 * MB)], 1000)
    assert summary == (
        "site 132.0 MB (pages and search index 120.0 MB, 31 PDFs 12.0 MB) of the 1,000 MB a GitHub Pages site may have"
    )


def test_a_site_over_the_limit_names_each_part_and_the_setting_that_leaves_it_out() -> None:
    parts = [
        SitePart("pages and search index", 300 * MB),
        SitePart("1,000 PDFs", 500 * MB, "pdfs: false"),
        SitePart("the offline zip", 400 * MB, "offline_zip: false"),
    ]
    with pytest.raises(SiteTooLarge) as raised:
        check_site_size(parts, 1000)
    assert str(raised.value).splitlines() == [
        "The site would be 1,200.0 MB, over the 1,000 MB GitHub Pages publishes (pages and search index 300.0 MB, "
        "1,000 PDFs 500.0 MB, the offline zip 400.0 MB).",
        "Nothing was published. To make it fit, turn off what your educators can spare:",
        "  - pdfs: false in site.yml leaves out 1,000 PDFs (500.0 MB)",
        "  - offline_zip: false in site.yml leaves out the offline zip (400.0 MB)",
        "  - or list stacks or credentials under hidden: in site.yml",
    ]


def test_exactly_at_the_limit_fits() -> None:
    check_site_size([SitePart("pages", 1000 * MB)], 1000)


def test_a_site_that_would_not_fit_leaves_the_last_good_site(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "big")
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("the last good build", encoding="utf-8")
    result = mkdocs_build(project, site, CG_SITE_LIMIT_MB="2")
    assert result.returncode != 0
    assert "over the 2 MB GitHub Pages publishes" in result.stderr
    assert "pdfs: false in site.yml leaves out 9 PDFs" in result.stderr
    assert "offline_zip: false in site.yml leaves out the offline zip" in result.stderr
    assert "Traceback" not in result.stderr
    # The pages were written, but into the staging folder, which the failed build removed.
    assert [p.name for p in site.iterdir()] == ["index.html"], "the failed build wrote into the site"
    assert (site / "index.html").read_text(encoding="utf-8") == "the last good build"
    assert list(project.glob(".site.*")) == []


def test_a_malformed_limit_is_refused(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "limit")
    result = mkdocs_build(project, project / "site", CG_SITE_LIMIT_MB="1GB", CG_PDF="0", CG_OFFLINE_ZIP="0")
    assert result.returncode != 0
    assert "CG_SITE_LIMIT_MB: expected a whole number of megabytes like 1000, found '1GB'" in result.stderr
