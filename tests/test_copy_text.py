"""Answers copied as numbered plain text, for the issuer's text boxes (Part 1 and Part 3 are pasted there)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

ARTIFACT = "/sample-stack/sample-credential/templates/an-artifact/"


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
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
    page.get_by_role("button", name="Copy all answers as text").click()
    expect(page.locator(".cg-status")).to_contain_text("Copied 6 of 7 answers as numbered text")
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
    )


def test_one_answer_copies_alone(minimal_site: str, page: Page) -> None:
    page.goto(minimal_site + ARTIFACT)
    page.get_by_role("button", name="Copy this answer").first.click()
    expect(page.locator(".cg-status")).to_contain_text("This answer is empty; nothing was copied.")
    page.locator("#f-answer").fill("Line one.\nLine two.")
    page.get_by_role("button", name="Copy this answer").first.click()
    expect(page.locator(".cg-status")).to_contain_text("Copied this answer.")
    assert clipboard(page) == "Line one.\nLine two."
