"""Before a hand-in download or copy, the page lists what is not done, template by template,
and the teacher chooses to go on or go back; a template's status says why it is not complete."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from conftest import save_sample_answers

BASE = "/sample-stack/sample-credential/templates/"
ARTIFACT = BASE + "an-artifact/"


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(accept_downloads=True)
    downloads: list[str] = []
    page = context.new_page()
    page.on("download", lambda download: downloads.append(download.suggested_filename))
    page.downloads = downloads  # type: ignore[attr-defined]
    yield page
    context.close()


def test_a_template_lists_what_is_missing_and_going_back_downloads_nothing(minimal_site: str, page: Page) -> None:
    page.goto(minimal_site + ARTIFACT)
    page.locator("#f-answer").fill("Two words")
    page.locator("#f-name").fill("Library")
    page.get_by_role("button", name="Download as PDF").click()
    dialog = page.get_by_role("dialog", name="Not everything is done yet")
    expect(dialog).to_be_visible()
    expect(dialog.get_by_role("listitem")).to_have_text(
        [
            "“Your answer”: 2 words, under the 5–10 word range",
            "“When” has no answer",
            "“Pick one” has no answer",
            "“Tick some” has no answer",
            "“Links” has no answer",
            "“A table” needs at least 2 rows with answers",
            "“How sure are you?” has no answer",
        ]
    )
    expect(dialog.get_by_role("button", name="Go back and finish")).to_be_focused()
    page.keyboard.press("Escape")
    expect(dialog).to_have_count(0)
    page.wait_for_load_state("networkidle")
    assert page.downloads == []  # type: ignore[attr-defined]
    expect(page.locator(".cg-status")).to_be_hidden()


def test_the_whole_submission_lists_each_template_not_done(minimal_site: str, page: Page) -> None:
    save_sample_answers(page, minimal_site)
    page.goto(minimal_site + BASE)
    page.get_by_role("button", name="Download the whole submission as Word (.docx)").click()
    dialog = page.get_by_role("dialog", name="Not everything is done yet")
    expect(dialog.get_by_role("heading", level=3)).to_have_text(
        ["Part 1. Overview Questions", "Artifact 1: An Artifact", "Part 3. Reflection"]
    )
    expect(dialog.get_by_role("list").last).to_have_text("Not started: every question has no answer")
    with page.expect_download() as download:
        dialog.get_by_role("button", name="Download anyway").click()
    assert download.value.suggested_filename == "sample-credential--submission.docx"
    expect(page.locator("#cg-whole-submission .cg-status")).to_have_text(
        "Downloaded sample-credential--submission.docx with the answers saved for 2 of 3 templates."
    )


def test_a_complete_template_downloads_at_once(minimal_site: str, page: Page) -> None:
    page.goto(minimal_site + ARTIFACT)
    page.locator("#f-answer").fill("these ten words make the answer long enough to pass")
    page.locator("#f-name").fill("Library")
    page.locator("#f-when").fill("2026-03-14")
    page.locator("input[name=pick][value=Yes]").check()
    page.locator("input[name=ticks][value=First]").check()
    page.locator("#f-files-0-link").fill("photo-1.jpg")
    page.locator("#f-rows-0-what").fill("Survey")
    page.locator("#f-rows-1-what").fill("Interviews")
    page.get_by_role("radio", name="4").check()
    with page.expect_download() as download:
        page.get_by_role("button", name="Download as Word (.docx)").click()
    assert download.value.suggested_filename == "sample-credential--an-artifact.docx"
    expect(page.get_by_role("dialog")).to_have_count(0)


def test_a_started_templates_status_says_why_it_is_not_complete(minimal_site: str, page: Page) -> None:
    page.goto(minimal_site + ARTIFACT)
    page.locator("#f-name").fill("Library")
    expect(page.locator(".cg-save-state")).to_contain_text("Saved")
    page.goto(minimal_site + BASE)
    status = page.locator("tbody tr[data-template=an-artifact] td").nth(1)
    expect(status).to_have_text(
        re.compile(r"^Started — “Your answer” has no answer; .*“A table” needs at least 2 rows")
    )


def test_the_survey_is_complete_without_its_optional_question(served_site: str, page: Page) -> None:
    base = served_site + "/family-community-engagement/family-engagement-access-opportunities/templates/"
    page.goto(base + "information-gathering-survey/")
    page.locator("input[name=preferred-modes][value='Text message']").check()
    page.locator("#f-preferred-language").fill("Spanish")
    page.locator("input[name=internet-access][value=Yes]").check()
    page.locator("#f-talent").fill("Cooking")
    page.locator("#f-languages-offered").fill("English, Spanish")
    page.locator("#f-follow-up").fill("A call from the school's interpreter a week later.")
    expect(page.locator(".cg-save-state")).to_contain_text("Saved")
    assert page.locator("#f-ethnicity").input_value() == ""
    page.goto(base)
    expect(page.locator("tbody tr[data-template=information-gathering-survey] td").nth(1)).to_have_text("Complete")
