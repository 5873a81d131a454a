"""The Word files opened by a word processor we did not write: LibreOffice's Writer (Debian), as a
reviewer would, saved as a tagged PDF ("Word or Google Docs can save it as a tagged PDF")."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page
from pypdf import PdfReader

from conftest import download_incomplete

ARTIFACT = "/sample-stack/sample-credential/templates/an-artifact/"
TAGGED_PDF = 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}'


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(accept_downloads=True)
    yield context.new_page()
    context.close()


def tagged_pdf_of(docx: Path, tmp_path: Path) -> Path:
    profile = (tmp_path / "libreoffice-profile").as_uri()
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            TAGGED_PDF,
            "--outdir",
            str(tmp_path),
            str(docx),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return tmp_path / (docx.stem + ".pdf")


def structure(reader: PdfReader) -> list[str]:
    """The structure tree's element types, in reading order."""
    found: list[str] = []

    def walk(node: Any) -> None:
        node = node.get_object()
        if not isinstance(node, dict) or "/S" not in node:
            return
        found.append(str(node["/S"]))
        kids = node.get("/K")
        for kid in kids if isinstance(kids, list) else [kids] if kids is not None else []:
            walk(kid)

    root: Any = reader.root_object["/StructTreeRoot"]
    kids = root["/K"]
    for kid in kids if isinstance(kids, list) else [kids]:
        walk(kid)
    return found


def test_libreoffice_reads_the_word_files_headings_list_and_table(
    minimal_site: str, page: Page, tmp_path: Path
) -> None:
    page.goto(minimal_site + ARTIFACT)
    page.locator("#f-answer").fill("Families came to three evenings: https://example.org/photos?term=spring.")
    page.locator("#f-name").fill("mailto:office@school.example.org")
    page.locator("input[name=ticks][value=First]").check()
    page.locator("input[name=ticks][value=Second]").check()
    page.locator("#f-rows-0-what").fill("Survey")
    page.locator("#f-rows-1-what").fill("Interviews")
    docx = download_incomplete(page, "Download as Word (.docx)", tmp_path)

    pdf = tagged_pdf_of(docx, tmp_path)
    reader = PdfReader(pdf)
    tags = structure(reader)
    assert tags.count("/H1") == 1
    assert tags.count("/H2") == 1, "the template's own heading ('Part one')"
    assert tags.count("/H3") == 9, "one heading per numbered question, read as a heading, not /P"
    assert tags.count("/Table") == 1 and tags.count("/TR") == 3 and tags.count("/TH") == 5
    assert tags.count("/L") == 1 and tags.count("/LI") == 2, "the ticked options as a list"
    root: Any = reader.root_object
    assert root["/Lang"] == "en-US"
    width, height = (float(v) for v in reader.pages[0].mediabox[2:])
    assert (round(width), round(height)) == (612, 792), "US Letter"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "page 1 of 1" in text
    links = {str(link["/A"]["/URI"]) for pdf_page in reader.pages for link in pdf_page.get("/Annots", [])}
    assert links == {"https://example.org/photos?term=spring", "mailto:office@school.example.org"}, (
        "the addresses are links in Writer too"
    )
