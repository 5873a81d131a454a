"""A submission as a PDF made in the reader's browser: tagged, real text, numbered as the template, ready to upload."""

from __future__ import annotations

import base64
import itertools
import json
import re
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader

from conftest import ROOT, download_incomplete, save_sample_answers, vendored_code
from credential_guides.browser_fonts import FONT_FILES, FONT_SCRIPT, FONTS_DIR

ARTIFACT = "/sample-stack/sample-credential/templates/an-artifact/"
LONG_ANSWER = " ".join(f"Families came to evening {n} and asked for the next one in their language." for n in range(90))


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(accept_downloads=True)
    yield context.new_page()
    context.close()


def text_of(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def structure(reader: PdfReader) -> list[tuple[str, int]]:
    """The structure tree's elements, in reading order, with their depth."""
    found: list[tuple[str, int]] = []

    def walk(node: Any, depth: int) -> None:
        node = node.get_object()
        if not isinstance(node, dict) or "/S" not in node:
            return
        found.append((str(node["/S"]), depth))
        kids = node.get("/K")
        for kid in kids if isinstance(kids, list) else [kids] if kids is not None else []:
            walk(kid, depth + 1)

    catalog: Any = reader.trailer["/Root"]
    root = catalog["/StructTreeRoot"].get_object()
    kids = root["/K"]
    for kid in kids if isinstance(kids, list) else [kids]:
        walk(kid, 0)
    return found


def header_cells(reader: PdfReader) -> list[tuple[str, str]]:
    """Every /TH of the structure tree, with its /Scope attribute."""
    found: list[tuple[str, str]] = []

    def walk(node: Any) -> None:
        node = node.get_object()
        if not isinstance(node, dict):
            return
        if node.get("/S") == "/TH":
            found_attributes = node.get("/A")
            attributes: Any = found_attributes.get_object() if found_attributes is not None else {}
            for attribute in attributes if isinstance(attributes, list) else [attributes]:
                attribute = attribute.get_object()
                if "/Scope" in attribute:
                    found.append(("/TH", str(attribute["/Scope"])))
                    break
            else:
                found.append(("/TH", ""))
        kids = node.get("/K")
        for kid in kids if isinstance(kids, list) else [kids] if kids is not None else []:
            walk(kid)

    catalog: Any = reader.trailer["/Root"]
    walk(catalog["/StructTreeRoot"])
    return found


def assert_pdfua_clean(path: Path) -> None:
    """The PyPI checker pdfua (a machine-checkable subset of PDF/UA-1) finds no error and no warning."""
    checker = Path(sys.executable).parent / "pdfua"
    result = subprocess.run([str(checker), "check", "--format", "json", str(path)], capture_output=True, text=True)
    report = json.loads(result.stdout)
    assert report["summary"]["errors"] == 0 and report["summary"]["warnings"] == 0, report["findings"]


def assert_accessible(path: Path, title: str) -> PdfReader:
    """What PDF/UA asks that pypdf can read: tagged, structured, titled, in a language, fonts embedded."""
    reader = PdfReader(path)
    catalog: Any = reader.trailer["/Root"]
    assert bool(catalog["/MarkInfo"]["/Marked"])
    assert catalog["/Lang"] == "en-US"
    assert bool(catalog["/ViewerPreferences"]["/DisplayDocTitle"])
    assert reader.metadata is not None and reader.metadata.title == title
    xmp = catalog["/Metadata"].get_object().get_data().decode("utf-8")
    assert "<pdfuaid:part>1</pdfuaid:part>" in xmp
    for number, pdf_page in enumerate(reader.pages, start=1):
        resources: Any = pdf_page["/Resources"]
        for font in resources["/Font"].values():
            descendant = font.get_object()["/DescendantFonts"][0].get_object()
            assert "/FontFile2" in descendant["/FontDescriptor"], f"page {number}: a font is not embedded"
        assert pdf_page.get("/StructParents") is not None
    assert_pdfua_clean(path)
    return reader


def test_a_template_downloads_as_a_tagged_pdf_with_every_answer_numbered_in_order(
    minimal_site: str, page: Page, tmp_path: Path
) -> None:
    page.goto(minimal_site + ARTIFACT)
    page.locator("#f-answer").fill(LONG_ANSWER + "\nA second paragraph: Tiếng Việt, español, “quoted”.")
    page.locator("#f-name").fill("Library")
    page.locator("#f-when").fill("2026-03-14")
    page.locator("input[name=pick][value=No]").check()
    page.locator("input[name=ticks][value=Second]").check()
    page.locator("#f-rows-0-what").fill("Survey")
    page.locator("#f-rows-0-date").fill("2026-04-02")
    page.get_by_role("button", name="Add a row to A table").click()  # a third row, left empty
    page.get_by_role("radio", name="5").check()
    saved = download_incomplete(page, "Download as PDF", tmp_path)
    expect(page.locator(".cg-status")).to_contain_text(
        "Downloaded sample-credential--an-artifact.pdf with 7 of 9 answers, ready to upload."
    )
    assert saved.name == "sample-credential--an-artifact.pdf", "named by the credential and template, never the person"

    reader = assert_accessible(saved, "Artifact 1: An Artifact")
    assert len(reader.pages) >= 2, "a long answer flows onto the next page"
    text = text_of(saved)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert lines[:3] == ["Artifact 1: An Artifact", "Sample Credential", "Part one"]
    expected_order = [
        "1. Your answer",
        "Families came to evening 0",
        "A second paragraph: Tiếng Việt, español, “quoted”.",
        "2. A short answer",
        "Library",
        "3. When",
        "March 14, 2026",
        "4. Pick one",
        "No",
        "5. Tick some",
        "Second",
        "6. Links",
        "(no answer yet)",
        "7. A table",
        "Row",
        "What",
        "Survey",
        "April 2, 2026",
        "9. How sure are you?",
        "5 of 5",
    ]
    positions = [text.find(part) for part in expected_order]
    assert -1 not in positions, [p for p, at in zip(expected_order, positions, strict=True) if at < 0]
    assert positions == sorted(positions), "every answer follows its numbered question, in the template's order"
    flat = " ".join(text.split())
    assert "evening 89 and asked for the next one in their language." in flat, "nothing is clipped"
    assert "- Second" not in text, "a list, not '- ' text"
    for chrome in ("Your answers stay on this device", "self-check", "Export answers", "Educator Micro-Credential"):
        assert chrome.lower() not in text.lower()
    assert re.search(r"page 1 of \d", text), "pages are numbered"
    tags = [name for name, _ in structure(reader)]
    assert tags[:4] == ["/Document", "/H1", "/P", "/H2"]
    assert tags.count("/H3") == 9, "one heading per numbered question"
    assert tags.count("/Table") == 1 and tags.count("/TR") == 2, "a header row and the one row with answers"
    headers = header_cells(reader)
    assert [scope for _, scope in headers] == ["/Column"] * 5, "every header cell says what it heads"
    assert tags.count("/L") == 1 and tags.count("/LI") == 1 and "/LBody" in tags
    assert "Library" not in saved.name and "Families" not in saved.name


def test_the_whole_submission_downloads_as_one_pdf_from_the_saved_answers(
    minimal_site: str, page: Page, tmp_path: Path
) -> None:
    save_sample_answers(page, minimal_site)
    page.goto(minimal_site + "/sample-stack/sample-credential/templates/")
    saved = download_incomplete(page, "Download the whole submission as PDF", tmp_path)
    assert saved.name == "sample-credential--submission.pdf"
    reader = assert_accessible(saved, "Sample Credential: submission")
    text = text_of(saved)
    order = [
        "Part 1. Overview Questions",
        "Why I chose it.",
        "Artifact 1: An Artifact",
        "Library",
        "Part 3. Reflection",
    ]
    positions = [text.find(part) for part in order]
    assert -1 not in positions and positions == sorted(positions)
    assert text.find("Survey") < text.find("April 2, 2026")
    tags = [name for name, _ in structure(reader)]
    assert tags.count("/H2") == 3, "one section per template"
    levels = [int(name[2:]) for name in tags if re.fullmatch(r"/H\d", name)]
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), f"heading levels skip: {levels}"
    assert tags.count("/Table") == 1


def test_the_pdf_is_made_from_a_folder_too_with_nothing_fetched(site: Path, browser: Browser, tmp_path: Path) -> None:
    with zipfile.ZipFile(site / "downloads" / "credential-guides-offline.zip") as zipped:
        zipped.extractall(tmp_path)
    template = tmp_path / "credential-guides/family-community-engagement/family-engagement-access-opportunities"
    context = browser.new_context(accept_downloads=True)
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    page.goto((template / "templates/action-plan/index.html").as_uri())
    page.locator("form.cg-template textarea").first.fill("Parents, the principal and two teachers.")
    saved = download_incomplete(page, "Download as PDF", tmp_path)
    context.close()
    assert "Parents, the principal and two teachers." in text_of(saved)
    assert [url for url in requests if not url.startswith(("file://", "data:", "blob:"))] == []


def test_the_vendored_pdfkit_and_fonts_are_the_npm_packages_unchanged(site: Path) -> None:
    """The site ships copies (no CDN, works offline); this ties them to the pinned npm packages."""
    assert "MIT LICENSE" in vendored_code("pdfkit.standalone.js", "pdfkit", "js/pdfkit.standalone.js")
    served = (site / FONT_SCRIPT).read_text(encoding="utf-8")
    assert "Bitstream Vera Fonts Copyright" in served, "the fonts' license travels with them"
    fonts = json.loads(served.split("window.cgPdfFonts = ", 1)[1].rstrip().removesuffix(";"))
    for name, file in FONT_FILES.items():
        npm = (ROOT / "node_modules/dejavu-fonts-ttf/ttf" / file).read_bytes()
        assert (FONTS_DIR / file).read_bytes() == npm
        assert base64.b64decode(fonts[name]) == npm


def test_a_table_that_runs_onto_another_page_repeats_its_header_row(
    minimal_site: str, page: Page, tmp_path: Path
) -> None:
    page.goto(minimal_site + ARTIFACT)
    for row in range(10):
        if row:
            page.get_by_role("button", name="Add a row to Links").click()
        page.locator(f"#f-files-{row}-link").fill(f"evidence-{row + 1}.pdf")
        page.locator(f"#f-files-{row}-note").fill(f"Evidence {row + 1}: " + LONG_ANSWER[:420])
    saved = download_incomplete(page, "Download as PDF", tmp_path)
    reader = assert_accessible(saved, "Artifact 1: An Artifact")
    pages = [
        subprocess.run(
            ["pdftotext", "-f", str(n), "-l", str(n), str(saved), "-"], capture_output=True, text=True
        ).stdout
        for n in range(1, len(reader.pages) + 1)
    ]
    holding = [n for n, text in enumerate(pages) if "evidence-" in text]
    assert len(holding) >= 2, "the ten long rows run onto another page"
    for n in holding[1:]:
        first_lines = [line for line in pages[n].splitlines() if line.strip()][:3]
        assert first_lines[:3] == ["Row", "Link or file name", "What it is"], f"page {n + 1}: {first_lines}"
    tags = [name for name, _ in structure(reader)]
    assert tags.count("/TH") == 3, "the repeated header is drawn, not tagged again"
    assert tags.count("/TR") == 11
