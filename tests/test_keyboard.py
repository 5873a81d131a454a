"""A template from the keyboard on a phone, pressed key by key in Chromium: the first question is three
presses away, Tab never stops inside the closed navigation drawer, the menu opens and closes it, and the
controls that choose files open the file chooser with Enter and with Space, and "Add a row" adds one."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, FileChooser, Page, expect

PLAN = "/multilingual-learners/multilingual-learner-family-caregiver-engagement/templates/communication-plan/"
FIRST = "f-purpose"


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    errors: list[str] = []
    context.on("weberror", lambda error: errors.append(str(error.error)))
    page = context.new_page()
    yield page
    context.close()
    assert errors == [], "script errors"


def focused(page: Page) -> dict[str, object]:
    found: dict[str, object] = page.evaluate(
        """() => { const e = document.activeElement;
        return { id: e.id, text: (e.textContent || "").trim(), inDrawer: !!e.closest(".md-sidebar--primary"),
                 label: e.getAttribute("aria-label") || "" }; }"""
    )
    return found


def test_the_first_question_is_three_key_presses_from_the_top(served_site: str, phone: Page) -> None:
    phone.goto(served_site + PLAN)
    phone.keyboard.press("Tab")
    assert focused(phone)["text"] == "Skip to content"
    phone.keyboard.press("Tab")
    expect(phone.get_by_role("link", name="Skip to the first question")).to_be_focused()
    phone.keyboard.press("Enter")
    expect(phone.locator(f"#{FIRST}")).to_be_focused()


def test_tab_never_stops_in_the_closed_drawer_and_the_menu_opens_and_closes_it(served_site: str, phone: Page) -> None:
    phone.goto(served_site + PLAN)
    stops = []
    for _ in range(60):
        phone.keyboard.press("Tab")
        stop = focused(phone)
        stops.append(stop)
        if stop["id"] == FIRST:
            break
    assert stops[-1]["id"] == FIRST, "the first question is reached"
    assert not any(stop["inDrawer"] for stop in stops), "nothing in the closed drawer takes the focus"
    # The skip links, the header, the breadcrumbs, the page's links and notes, its toolbar: 36 with the drawer's.
    assert len(stops) <= 20, f"{len(stops)} presses of Tab to the first question"

    menu = phone.get_by_role("button", name="Navigation menu")
    expect(menu).to_have_attribute("aria-expanded", "false")
    menu.focus()
    phone.keyboard.press("Enter")
    expect(menu).to_have_attribute("aria-expanded", "true")
    assert focused(phone)["inDrawer"], "the open drawer takes the focus"
    expect(phone.locator(".md-sidebar--primary")).to_be_visible()
    phone.keyboard.press("Escape")
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(menu).to_be_focused()
    phone.keyboard.press("Space")
    expect(menu).to_have_attribute("aria-expanded", "true")


@pytest.mark.parametrize("key", ["Enter", "Space"])
@pytest.mark.parametrize("control", ["input[data-files-add]", "input[data-action=import]"])
def test_the_controls_that_choose_files_open_the_chooser_from_the_keyboard(
    served_site: str, phone: Page, key: str, control: str
) -> None:
    choosers: list[FileChooser] = []
    phone.on(
        "filechooser", lambda chooser: choosers.append(chooser)
    )  # before the page: Playwright intercepts choosers from then on
    phone.goto(served_site + PLAN)
    phone.locator(control).first.focus()
    phone.keyboard.press(key)
    for _ in range(50):
        if choosers:
            break
        phone.wait_for_timeout(100)
    assert len(choosers) == 1, f"{key} opens the file chooser"


@pytest.mark.parametrize("key", ["Enter", "Space"])
def test_add_a_row_works_from_the_keyboard(served_site: str, phone: Page, key: str) -> None:
    phone.goto(served_site + PLAN)
    rows = phone.locator("[data-field=groups] tbody tr:not([hidden])")
    before = rows.count()
    phone.get_by_role("button", name="Add a row to Stakeholder groups", exact=False).focus()
    phone.keyboard.press(key)
    expect(rows).to_have_count(before + 1)
    expect(phone.locator(f"#f-groups-{before}-group")).to_be_focused()
