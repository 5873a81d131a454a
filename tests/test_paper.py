"""site.yml's paper: US Letter by default, A4 where a district chooses it, for every PDF and Word file."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest
import yaml
from playwright.sync_api import Browser
from pypdf import PdfReader

from conftest import MINIMAL_DATA, copy_project, download_incomplete, mkdocs_build, serve

pytestmark = pytest.mark.slow  # builds a site: left out of ./dev test --fast

ARTIFACT = "/sample-stack/sample-credential/templates/an-artifact/"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
A4_POINTS = (595, 842)


def size_of(pdf: Path) -> tuple[int, int]:
    box = PdfReader(pdf).pages[0].mediabox
    return round(float(box.width)), round(float(box.height))


def test_a_district_that_chooses_a4_gets_a4_everywhere(tmp_path: Path, browser: Browser) -> None:
    project = copy_project(tmp_path / "project")
    shutil.rmtree(project / "credentials_data")
    shutil.copytree(MINIMAL_DATA, project / "credentials_data")
    settings = yaml.safe_load((project / "site.yml").read_text(encoding="utf-8"))
    settings["paper"] = "a4"
    (project / "site.yml").write_text(yaml.safe_dump(settings, sort_keys=False), encoding="utf-8")
    site = project / "site"
    result = mkdocs_build(project, site, CG_OFFLINE_ZIP="0")
    assert result.returncode == 0, result.stderr

    built = sorted((site / "pdf").glob("*.pdf"))
    assert built and {size_of(pdf) for pdf in built} == {A4_POINTS}

    with serve(site) as origin:
        context = browser.new_context(accept_downloads=True)
        page = context.new_page()
        page.goto(origin + ARTIFACT)
        page.locator("#f-name").fill("Library")
        saved = {}
        for button in ("Download as PDF", "Download as Word (.docx)"):
            saved[button] = download_incomplete(page, button, tmp_path)
        context.close()
    assert size_of(saved["Download as PDF"]) == A4_POINTS
    with zipfile.ZipFile(saved["Download as Word (.docx)"]) as archive:
        body = ElementTree.fromstring(archive.read("word/document.xml"))
    size = body.find(f"{W}body/{W}sectPr/{W}pgSz")
    assert size is not None and (size.get(W + "w"), size.get(W + "h")) == ("11906", "16838")
