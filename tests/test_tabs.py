"""No lost answer in any number of tabs: a tab saves only what it changed, over what another tab
kept, and open tabs show each other's answers as they are saved (storage events)."""

from __future__ import annotations

import re
from datetime import datetime

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from conftest import open_tab

ARTIFACT = "/sample-stack/sample-credential/templates/an-artifact/"
SUMMARY = "/sample-stack/sample-credential/templates/"
SAVED = "Saved on this device"


def tab(context: BrowserContext, site: str, path: str = ARTIFACT, *, deaf: bool = False) -> Page:
    return open_tab(context, site + path, deaf=deaf)


def saved(page: Page) -> None:
    expect(page.locator(".cg-save-state")).to_contain_text(SAVED)


def test_a_stale_tab_keeps_the_answers_another_tab_saved(minimal_site: str, context: BrowserContext) -> None:
    first = tab(context, minimal_site, deaf=True)
    second = tab(context, minimal_site, deaf=True)
    first.locator("#f-name").fill("Typed in the first tab")
    saved(first)
    second.locator("#f-answer").fill("Typed in the second tab afterwards")
    saved(second)
    first.reload()
    expect(first.locator("#f-name")).to_have_value("Typed in the first tab")
    expect(first.locator("#f-answer")).to_have_value("Typed in the second tab afterwards")


def test_three_stale_tabs_keep_every_answer_rows_and_ticks(minimal_site: str, context: BrowserContext) -> None:
    tabs = [tab(context, minimal_site, deaf=True) for _ in range(3)]
    tabs[0].locator("#f-name").fill("From tab one")
    saved(tabs[0])
    tabs[1].locator(".cg-table-field[data-field=rows] .cg-add-row").click()
    tabs[1].locator("#f-rows-2-what").fill("A third row, from tab two")
    saved(tabs[1])
    tabs[2].locator("input[name=ticks][value=Second]").check()
    tabs[2].locator("#check-1").check()
    saved(tabs[2])
    tabs[0].locator("#f-answer").fill("And tab one again, later")
    saved(tabs[0])
    fresh = tab(context, minimal_site)
    expect(fresh.locator("#f-name")).to_have_value("From tab one")
    expect(fresh.locator("#f-answer")).to_have_value("And tab one again, later")
    expect(fresh.locator("#f-rows-2-what")).to_have_value("A third row, from tab two")
    expect(fresh.locator("input[name=ticks][value=Second]")).to_be_checked()
    expect(fresh.locator("#check-1")).to_be_checked()


def test_open_tabs_show_each_others_answers_and_keep_what_is_being_typed(
    minimal_site: str, context: BrowserContext
) -> None:
    first = tab(context, minimal_site)
    second = tab(context, minimal_site)
    first.locator("#f-name").fill("Saved in the first tab")
    saved(first)
    expect(second.locator("#f-name")).to_have_value("Saved in the first tab")
    # The second tab is typing (not saved yet) when the first saves another box: its words stay.
    second.evaluate(
        "() => { const box = document.querySelector('#f-answer'); box.value = 'Half typed';"
        " box.dispatchEvent(new Event('input', {bubbles: true})); }"
    )
    first.locator("input[name=pick][value=No]").check()
    expect(second.locator("input[name=pick][value=No]")).to_be_checked()
    expect(second.locator("#f-answer")).to_have_value("Half typed")
    saved(second)
    first.reload()
    expect(first.locator("#f-answer")).to_have_value("Half typed")
    expect(first.locator("input[name=pick][value=No]")).to_be_checked()


def test_the_templates_page_follows_a_template_saved_in_another_tab(minimal_site: str, context: BrowserContext) -> None:
    summary = tab(context, minimal_site, SUMMARY)
    row = summary.locator("tbody tr[data-template=an-artifact]")
    expect(row.locator("td").nth(1)).to_have_text("Not started")
    template = tab(context, minimal_site)
    template.locator("#f-name").fill("Started in another tab")
    saved(template)
    expect(row.locator("td").nth(1)).to_have_text(re.compile("^Started — "))


def save_now(page: Page) -> None:
    """Saves as leaving the tab does (visibilitychange to hidden), whatever the tab's clock says."""
    page.evaluate(
        """() => { Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
        document.dispatchEvent(new Event("visibilitychange")); delete document.visibilityState; }"""
    )


def type_unsaved(page: Page, selector: str, text: str) -> None:
    page.locator(selector).fill(text)
    expect(page.locator(".cg-save-state")).to_contain_text("Saving")


@pytest.mark.parametrize("choice", ["Load the other tab’s answers", "Keep what I typed here"])
def test_the_same_box_changed_in_two_tabs_is_saved_over_neither_until_the_teacher_chooses(
    minimal_site: str, context: BrowserContext, choice: str
) -> None:
    context.clock.install()
    first = tab(context, minimal_site)
    second = tab(context, minimal_site)
    # What is typed stays unsaved until the clock runs on.
    context.clock.pause_at(datetime.fromtimestamp(first.evaluate("Date.now()") / 1000 + 1))
    type_unsaved(second, "#f-name", "Typed in the second tab")
    type_unsaved(second, "#f-answer", "Only here")
    first.locator("#f-name").fill("Saved in the first tab")
    save_now(first)

    notice = second.get_by_role("alert").filter(has_text="changed in another tab")
    expect(notice).to_contain_text("“A short answer”")
    expect(notice).not_to_contain_text("Your answer")
    expect(second.locator("#f-name")).to_have_value("Typed in the second tab")
    context.clock.run_for(2000)
    saved(second)
    first.reload()
    # The second tab's save held the box in conflict back, and saved the rest.
    expect(first.locator("#f-name")).to_have_value("Saved in the first tab")
    expect(first.locator("#f-answer")).to_have_value("Only here")

    notice.get_by_role("button", name=choice).click()
    expect(notice).to_have_count(0)
    context.clock.run_for(2000)
    first.reload()
    chosen = "Saved in the first tab" if choice.startswith("Load") else "Typed in the second tab"
    expect(second.locator("#f-name")).to_have_value(chosen)
    expect(first.locator("#f-name")).to_have_value(chosen)
    expect(first.locator("#f-answer")).to_have_value("Only here")
