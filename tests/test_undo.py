"""Removing a row or a file is undone by one more key press: the Undo that takes the focus brings back
what was removed (its text, its photo), kept through a reload; until the offer ends the photo stays in
this browser, and after it ends the photo leaves."""

from __future__ import annotations

from playwright.sync_api import BrowserContext, Page, expect
from test_evidence import ARTIFACT, attach, field, jpeg, names, saved

from conftest import open_tab


def rows_shown(page: Page) -> int:
    return page.locator("[data-field=rows] tbody tr:not([hidden])").count()


def kept_files(page: Page) -> list[str]:
    kept: list[str] = page.evaluate("() => cgFileStore.all().then((files) => files.map((file) => file.name).sort())")
    return kept


def test_a_removed_row_comes_back_with_its_text_by_pressing_undo_from_the_keyboard(
    minimal_site: str, context: BrowserContext
) -> None:
    page = open_tab(context, minimal_site + ARTIFACT)
    page.get_by_role("button", name="Add a row to A table").click()
    for row, what in enumerate(("Survey", "Family night", "Phone calls")):
        page.locator(f"#f-rows-{row}-what").fill(what)
    saved(page)
    page.get_by_role("button", name="Remove row 2 of A table").focus()
    page.keyboard.press("Enter")
    assert rows_shown(page) == 2
    expect(page.locator("#f-rows-1-what")).to_have_value("Phone calls")
    undo = page.get_by_role("button", name="Undo")
    expect(undo).to_be_focused()
    expect(page.locator(".cg-undo [role=status]")).to_have_text("Row 2 was removed.")
    page.keyboard.press("Space")
    expect(undo).to_have_count(0)
    assert rows_shown(page) == 3
    expect(page.locator("#f-rows-1-what")).to_have_value("Family night")
    expect(page.locator("#f-rows-1-what")).to_be_focused()
    expect(page.locator("#f-rows-2-what")).to_have_value("Phone calls")
    saved(page)
    page.reload()
    assert rows_shown(page) == 3
    expect(page.locator("#f-rows-1-what")).to_have_value("Family night")


def test_a_second_removal_ends_the_first_offer_and_a_reload_keeps_the_removal(
    minimal_site: str, context: BrowserContext
) -> None:
    page = open_tab(context, minimal_site + ARTIFACT)
    page.get_by_role("button", name="Add a row to A table").click()
    page.get_by_role("button", name="Add a row to A table").click()
    for row, what in enumerate(("One", "Two", "Three", "Four")):
        page.locator(f"#f-rows-{row}-what").fill(what)
    page.get_by_role("button", name="Remove row 4 of A table").click()
    page.get_by_role("button", name="Remove row 1 of A table").click()
    expect(page.locator(".cg-undo")).to_have_count(1)
    expect(page.locator(".cg-undo [role=status]")).to_have_text("Row 1 was removed.")
    saved(page)
    page.reload()
    assert rows_shown(page) == 2
    expect(page.locator("#f-rows-0-what")).to_have_value("Two")
    expect(page.locator(".cg-undo")).to_have_count(0)


def test_a_removed_photo_comes_back_and_leaves_this_browser_only_once_it_cannot(
    minimal_site: str, context: BrowserContext
) -> None:
    page = open_tab(context, minimal_site + ARTIFACT)
    attach(page, jpeg("first.jpg"), jpeg("second.jpg"))
    page.get_by_label("Description of file 1").fill("The family night flyer")
    saved(page)
    field(page).locator("li").nth(0).get_by_role("button", name="Remove").focus()
    page.keyboard.press("Enter")
    assert names(page) == ["File 1: second.jpg"]
    assert kept_files(page) == ["first.jpg", "second.jpg"], "kept while it can be undone"
    expect(page.get_by_role("button", name="Undo")).to_be_focused()
    page.keyboard.press("Enter")
    assert names(page) == ["File 1: first.jpg", "File 2: second.jpg"]
    expect(page.get_by_label("Description of file 1")).to_have_value("The family night flyer")
    expect(field(page).locator("li img").first).to_have_js_property("complete", True)
    expect(field(page).locator("li").nth(0).get_by_role("button", name="Remove")).to_be_focused()
    saved(page)
    page.reload()
    assert names(page) == ["File 1: first.jpg", "File 2: second.jpg"]

    field(page).locator("li").nth(1).get_by_role("button", name="Remove").click()
    saved(page)
    page.reload()
    assert names(page) == ["File 1: first.jpg"]
    page.wait_for_function("() => cgFileStore.all().then((files) => files.length === 1)", polling=200, timeout=5000)
    assert kept_files(page) == ["first.jpg"], "once it can no longer be undone, it leaves this browser"
