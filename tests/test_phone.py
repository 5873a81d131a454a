"""On a phone (390 × 844): a home page that does not move, rubrics that fit, templates that start with the work."""

from __future__ import annotations

import re

from playwright.sync_api import Page, ViewportSize, expect

PHONE: ViewportSize = {"width": 390, "height": 844}
GUIDE = "/family-community-engagement/family-engagement-access-opportunities/"
ACTION_PLAN = GUIDE + "templates/action-plan/"
PART_1 = GUIDE + "templates/part-1-overview/"
# Every layout shift the page makes while it loads, as Lighthouse counts them (not those after input).
RECORD_SHIFTS = """
window.__cgShift = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__cgShift += entry.value;
}).observe({type: "layout-shift", buffered: true});
"""


def test_the_home_page_does_not_move_once_painted(page: Page, served_site: str) -> None:
    page.set_viewport_size(PHONE)
    page.add_init_script(RECORD_SHIFTS)
    page.goto(served_site + "/")
    expect(page.locator("#cg-catalog-filter")).to_be_visible()
    page.wait_for_load_state("load")
    page.wait_for_timeout(500)  # shifts are reported after the frame that makes them; none may come late
    assert page.evaluate("window.__cgShift") <= 0.01


def test_a_rubric_reads_row_by_row_on_a_phone_and_stays_a_table(page: Page, served_site: str) -> None:
    page.set_viewport_size(PHONE)
    page.goto(served_site + GUIDE)
    table = page.get_by_role("table", name="Part 2 rubric: Family Engagement as Access and Opportunities For All")
    expect(table).to_be_visible()
    region = page.locator(".cg-table-scroll").filter(has=page.locator("table.cg-rubric"))
    assert region.evaluate("el => el.scrollWidth <= el.clientWidth"), "nothing to scroll sideways"
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    cell = table.locator("td[data-level='Developing']").first
    assert cell.evaluate("el => getComputedStyle(el, '::before').content").startswith('"Developing"')
    assert cell.evaluate("el => el.getBoundingClientRect().width") > 300, "each level takes the whole width"
    # What a screen reader is given: Chromium's accessibility tree, not the DOM's implicit roles.
    session = page.context.new_cdp_session(page)
    nodes = session.send("Accessibility.getFullAXTree")["nodes"]
    roles = [node["role"]["value"] for node in nodes if "role" in node]
    names = {(node["role"]["value"], node.get("name", {}).get("value")) for node in nodes if "role" in node}
    assert ("table", "Part 2 rubric: Family Engagement as Access and Opportunities For All") in names
    assert ("rowheader", "Artifact 3: Action Plan") in names
    assert roles.count("columnheader") >= 4 and roles.count("cell") >= 12


def test_a_template_starts_with_its_first_field_on_the_first_screen(page: Page, served_site: str) -> None:
    page.set_viewport_size(PHONE)
    page.goto(served_site + ACTION_PLAN)
    first = page.locator("#f-goal")
    expect(first).to_be_visible()
    assert first.evaluate("el => el.getBoundingClientRect().top") < PHONE["height"] - 100
    notes = page.locator("details.info, details.tip, details.cg-requirements")
    assert notes.count() == 3
    page.get_by_text("What the guide asks for (as published)").click()
    expect(page.get_by_text("Submit a finished copy of your action plan.")).to_be_visible()


def test_a_row_keeps_its_number_in_view_while_its_table_scrolls(page: Page, served_site: str) -> None:
    page.set_viewport_size(PHONE)
    page.goto(served_site + ACTION_PLAN)
    region = page.locator("[data-field='tasks'] .cg-table-scroll")
    page.locator("#f-tasks-0-person").fill("Family liaison")
    region.evaluate("el => { el.scrollLeft = el.scrollWidth; }")
    row_label = page.locator("[data-field='tasks'] tbody tr[data-row='0'] th")
    left = region.evaluate("el => el.getBoundingClientRect().left")
    assert abs(row_label.evaluate("el => el.getBoundingClientRect().left") - left) < 2
    expect(row_label).to_have_text("1")


def test_each_answer_counts_toward_the_parts_word_range_as_one_types(page: Page, served_site: str) -> None:
    page.set_viewport_size(PHONE)
    page.goto(served_site + PART_1)
    boxes = page.locator(".cg-field > textarea")
    first, second = boxes.nth(0), boxes.nth(1)
    share = page.locator(f"#{first.get_attribute('id')}-count")
    assert share.get_attribute("data-share-of") == "total-count"
    height = first.evaluate("el => el.getBoundingClientRect().height")
    first.fill(" ".join(["word"] * 120) + "\n" * 20)
    second.fill("three more words")
    expect(share).to_have_text(re.compile(r"^This answer: 120 words; all answers together: 123 of \d+–\d+ words\.$"))
    assert share.get_attribute("data-state") == "under"
    live = page.locator("#total-count-state")
    assert live.get_attribute("aria-live") == "polite"
    assert first.evaluate("el => el.getBoundingClientRect().height") > height, "the box grows with the answer"
