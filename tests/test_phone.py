"""On a phone (390 × 844): a home page that does not move, rubrics that fit, templates that start with the work."""

from __future__ import annotations

import re
from itertools import pairwise

import pytest
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


def test_each_row_of_an_answer_table_reads_as_a_block_with_nothing_over_its_boxes(page: Page, served_site: str) -> None:
    page.set_viewport_size(PHONE)
    page.goto(served_site + ACTION_PLAN)
    table = page.locator("[data-field='tasks']")
    page.locator("#f-tasks-0-person").fill("Family liaison")
    region = table.locator(".cg-table-scroll")
    assert region.evaluate("el => el.scrollWidth <= el.clientWidth"), "nothing to scroll sideways"
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    expect(table.locator("tbody tr[data-row='0'] th")).to_have_text("1")
    expect(table.locator("tbody tr[data-row='0'] label", has_text="Person in charge")).to_be_visible()
    expect(page.get_by_label("Row 1: Person in charge")).to_have_value("Family liaison")
    boxes = table.locator("tbody tr[data-row='0'] :is(th, td)").evaluate_all(
        "cells => cells.filter(c => c.offsetParent).map(c => c.getBoundingClientRect().toJSON())"
    )
    assert len(boxes) >= 5
    for above, below in pairwise(boxes):
        assert below["top"] >= above["bottom"] - 0.5, "each part of a row is below the one before, not on it"
    for control in table.locator("tbody tr[data-row='0'] :is(textarea, input)").all():
        box = control.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]


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


@pytest.mark.parametrize("width", [320, 390, 430, 1280])
def test_every_action_of_a_template_is_on_the_screen_without_scrolling_sideways(
    page: Page, served_site: str, width: int
) -> None:
    page.set_viewport_size({"width": width, "height": 844})
    page.goto(served_site + ACTION_PLAN)
    toolbar = page.locator(".cg-toolbar")
    expect(toolbar).to_be_visible()
    assert toolbar.evaluate("el => el.scrollWidth <= el.clientWidth")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    names = [
        "Download as PDF",
        "Download as Word (.docx)",
        "Print",
        "Copy all answers as text",
        "Export answers (JSON)",
        "Clear answers",
    ]
    for name in names:
        button = toolbar.get_by_role("button", name=name, exact=True)
        expect(button).to_be_in_viewport(ratio=1)
        assert button.evaluate("el => el.scrollWidth <= el.clientWidth + 1"), f"{name}: its words fit in it"
    expect(toolbar.locator(".cg-import > span")).to_be_in_viewport(ratio=1)
    expect(toolbar.get_by_label("Import answers")).to_be_attached()
    hand_in = toolbar.get_by_role("group", name="Hand in")
    first_field = page.locator("#f-goal")
    assert hand_in.evaluate("el => el.getBoundingClientRect().bottom") < first_field.evaluate(
        "el => el.getBoundingClientRect().top"
    ), "the hand-in actions come before the form"
