"""Submitting the work: answers copied as numbered text for the issuer's text boxes, and a Word document."""

from __future__ import annotations

import itertools
import zipfile
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

import docx
import pytest
from playwright.sync_api import Browser, Page, expect

from conftest import download_incomplete, save_sample_answers, vendored_code

ARTIFACT = "/sample-stack/sample-credential/templates/an-artifact/"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"], accept_downloads=True)
    yield context.new_page()
    context.close()


def clipboard(page: Page) -> str:
    text: str = page.evaluate("() => navigator.clipboard.readText()")
    return text


def test_all_answers_copy_as_numbered_text_in_the_templates_order(minimal_site: str, page: Page) -> None:
    page.goto(minimal_site + ARTIFACT)
    page.locator("#f-answer").fill("Families came to three evenings.")
    page.locator("#f-name").fill("Library")
    page.locator("#f-when").fill("2026-03-14")
    page.locator("input[name=pick][value=No]").check()
    page.locator("input[name=ticks][value=Second]").check()
    page.locator("#f-rows-0-what").fill("Survey")
    page.locator("#f-rows-0-date").fill("2026-04-02")
    page.get_by_role("button", name="Add a row to A table").click()  # a third row, left empty
    page.get_by_role("radio", name="4").check()
    page.get_by_role("button", name="Copy all answers as text").click()
    page.get_by_role("dialog", name="Not everything is done yet").get_by_role("button", name="Copy anyway").click()
    expect(page.locator(".cg-status")).to_contain_text("Copied 7 of 9 answers as numbered text")
    assert clipboard(page) == (
        "Artifact 1: An Artifact\n"
        "\n"
        "Part one\n"
        "\n"
        "1. Your answer\nFamilies came to three evenings.\n"
        "\n"
        "2. A short answer\nLibrary\n"
        "\n"
        "3. When\nMarch 14, 2026\n"
        "\n"
        "4. Pick one\nNo\n"
        "\n"
        "5. Tick some\n- Second\n"
        "\n"
        "6. Links\n(no answer yet)\n"
        "\n"
        "7. A table\nRow 1: What: Survey; Date: April 2, 2026\n"
        "\n"
        "8. Photos or scans\n(no answer yet)\n"
        "\n"
        "9. How sure are you?\n4 of 5\n"
    )


def test_one_answer_copies_alone(minimal_site: str, page: Page) -> None:
    page.goto(minimal_site + ARTIFACT)
    page.get_by_role("button", name="Copy this answer").first.click()
    expect(page.locator(".cg-status")).to_contain_text("This answer is empty; nothing was copied.")
    page.locator("#f-answer").fill("Line one.\nLine two.")
    page.get_by_role("button", name="Copy this answer").first.click()
    expect(page.locator(".cg-status")).to_contain_text("Copied this answer.")
    assert clipboard(page) == "Line one.\nLine two."


def test_the_answers_download_as_a_word_document_with_numbered_questions(
    minimal_site: str, page: Page, tmp_path: Path
) -> None:
    page.goto(minimal_site + ARTIFACT)
    page.locator("#f-answer").fill("Families came to three evenings.\nThe library lent its hall.")
    page.locator("#f-when").fill("2026-03-14")
    page.locator("#f-rows-0-what").fill("Survey")
    page.locator("input[name=ticks][value=First]").check()
    page.locator("input[name=ticks][value=Second]").check()
    page.get_by_role("button", name="Add a row to A table").click()  # a third row, left empty
    page.get_by_role("radio", name="2").check()
    saved = download_incomplete(page, "Download as Word (.docx)", tmp_path)
    expect(page.locator(".cg-status")).to_contain_text("Downloaded sample-credential--an-artifact.docx with 5 of 9")
    assert saved.name == "sample-credential--an-artifact.docx", "named by the template, never by the person"

    document = docx.Document(str(saved))
    paragraphs = [(p.style.name if p.style else "", p.text) for p in document.paragraphs]
    assert paragraphs[0] == ("Heading 1", "Artifact 1: An Artifact")
    assert paragraphs[1] == ("Normal", "Sample Credential")
    assert ("Heading 2", "Part one") in paragraphs
    questions = [text for style, text in paragraphs if style == "Heading 3"]
    assert questions == [
        "1. Your answer",
        "2. A short answer",
        "3. When",
        "4. Pick one",
        "5. Tick some",
        "6. Links",
        "7. A table",
        "8. Photos or scans",
        "9. How sure are you?",
    ]
    body = [text for style, text in paragraphs if style == "Normal"]
    assert "Families came to three evenings." in body and "The library lent its hall." in body
    assert "March 14, 2026" in body
    assert "2 of 5" in body
    items = [text for style, text in paragraphs if style == "List Paragraph" or text in ("First", "Second")]
    assert items == ["First", "Second"], "ticked options as a list, not '- ' text"
    [table] = document.tables
    assert [cell.text for cell in table.rows[0].cells] == ["Row", "What", "Notes", "Date", "Kind"]
    assert [cell.text for cell in table.rows[1].cells] == ["1", "Survey", "", "", ""]
    assert len(table.rows) == 2, "no empty optional rows"
    assert not any("Your answers stay on this device" in text or "self-check" in text.lower() for text in body)
    assert document.core_properties.title == "Artifact 1: An Artifact"
    assert document.core_properties.author == "Credential guides"


def test_the_vendored_docx_library_is_the_npm_package_unchanged() -> None:
    assert "The MIT License (MIT)" in vendored_code("docx.iife.js", "docx", "dist/index.iife.js")


def test_the_whole_submission_downloads_as_one_word_document_from_the_saved_answers(
    minimal_site: str, page: Page, tmp_path: Path
) -> None:
    save_sample_answers(page, minimal_site)
    page.goto(minimal_site + "/sample-stack/sample-credential/templates/")
    saved = download_incomplete(page, "Download the whole submission as Word (.docx)", tmp_path)
    assert saved.name == "sample-credential--submission.docx"
    document = docx.Document(str(saved))
    paragraphs = [(p.style.name if p.style else "", p.text) for p in document.paragraphs]
    assert paragraphs[0] == ("Heading 1", "Sample Credential: submission")
    sections = [text for style, text in paragraphs if style == "Heading 2"]
    assert sections[0] == "Part 1. Overview Questions" and sections[1] == "Artifact 1: An Artifact"
    assert sections[-1] == "Part 3. Reflection"
    body = [text for style, text in paragraphs if style == "Normal"]
    assert "Why I chose it." in body and "Library" in body
    assert ["1", "Survey", "", "April 2, 2026", ""] in [
        [c.text for c in row.cells] for t in document.tables for row in t.rows
    ]
    # Headings never skip a level: a template's questions sit one below its own headings, or below its name.
    levels = [int(style.removeprefix("Heading ")) for style, _ in paragraphs if style.startswith("Heading ")]
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), levels
    assert ("Heading 3", "1. A question?") in paragraphs, "Part 1 has no headings of its own"
    assert ("Heading 3", "Part one") in paragraphs
    assert ("Heading 4", "2. A short answer") in paragraphs and ("Heading 4", "7. A table") in paragraphs


def test_the_word_document_is_what_other_word_processors_expect(minimal_site: str, page: Page, tmp_path: Path) -> None:
    """Outline levels (LibreOffice reads a heading style without one as a plain paragraph), the site's
    language, US Letter like every PDF of the site, page numbers, and a table's header row repeated."""
    page.goto(minimal_site + ARTIFACT)
    page.locator("#f-rows-0-what").fill("Survey")
    saved = download_incomplete(page, "Download as Word (.docx)", tmp_path)
    with zipfile.ZipFile(saved) as archive:
        styles = ElementTree.fromstring(archive.read("word/styles.xml"))
        body = ElementTree.fromstring(archive.read("word/document.xml"))
        footers = [archive.read(name).decode() for name in archive.namelist() if name.startswith("word/footer")]
    outline = {}
    for style in styles.iter(W + "style"):
        level = style.find(f"{W}pPr/{W}outlineLvl")
        if level is not None:
            outline[style.get(W + "styleId")] = int(level.get(W + "val", "-1"))
    assert {f"Heading{n}": n - 1 for n in range(1, 5)}.items() <= outline.items()
    language = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert language is not None and language.get(W + "val") == "en-US"
    size = body.find(f"{W}body/{W}sectPr/{W}pgSz")
    assert size is not None and (size.get(W + "w"), size.get(W + "h")) == ("12240", "15840"), "US Letter"
    assert any("PAGE" in footer and "NUMPAGES" in footer for footer in footers), "page x of y"
    header = body.find(f".//{W}tbl/{W}tr/{W}trPr/{W}tblHeader")
    assert header is not None, "the table's first row repeats on every page it spans"
