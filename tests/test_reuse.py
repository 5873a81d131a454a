"""What a teacher wrote in one template of a credential is offered in the others, and copied only
when she presses Insert: into the question's box, or the table box she was in."""

from __future__ import annotations

from playwright.sync_api import BrowserContext, Page, expect

from conftest import open_tab

ARTIFACT = "/sample-stack/sample-credential/templates/an-artifact/"
OVERVIEW = "/sample-stack/sample-credential/templates/part-1-overview/"
GOALS = "Every family hears from us twice a term, in its own language."


def saved(page: Page) -> None:
    expect(page.locator(".cg-save-state")).to_contain_text("Saved on this device")


def test_an_answer_of_another_template_is_offered_and_inserted_only_when_asked(
    minimal_site: str, context: BrowserContext
) -> None:
    page = open_tab(context, minimal_site + ARTIFACT)
    expect(page.locator(".cg-reuse")).to_have_count(0)  # nothing to offer yet
    page.goto(minimal_site + OVERVIEW)
    page.locator("form.cg-template textarea").first.fill(GOALS)
    saved(page)

    page.goto(minimal_site + ARTIFACT)
    answer = page.locator(".cg-field", has=page.locator("#f-answer"))
    offer = answer.locator(".cg-reuse")
    expect(offer).not_to_have_attribute("open", "")
    expect(page.locator("#f-answer")).to_have_value("")
    offer.locator("summary").click()
    expect(offer).to_contain_text(GOALS)
    expect(offer.locator(".cg-reuse-where")).to_contain_text("Part 1")
    offer.get_by_role("button", name="Insert", exact=False).click()
    expect(page.locator("#f-answer")).to_have_value(GOALS)
    expect(page.locator("#f-answer")).to_be_focused()

    table = page.locator("[data-field=rows]")
    page.locator("#f-rows-1-notes").focus()
    table.locator(".cg-reuse summary").click()
    table.locator(".cg-reuse").get_by_role("button", name="Insert", exact=False).click()
    expect(page.locator("#f-rows-1-notes")).to_have_value(GOALS)
    expect(page.locator("#f-rows-0-notes")).to_have_value("")
    saved(page)
    page.reload()
    expect(page.locator("#f-answer")).to_have_value(GOALS)
    expect(page.locator("#f-rows-1-notes")).to_have_value(GOALS)
