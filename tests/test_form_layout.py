"""Forms that fit real answers, on a laptop and on a phone: no box too narrow, no page panning sideways."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, ViewportSize
from test_browser import WIDTHS, site_pages

# For every box in a form table: the space left for text, and the width of a
# typical answer in the box's own font (a name, a date, the longest choice).
TOO_NARROW = """() => {
  const canvas = document.createElement("canvas").getContext("2d");
  const short = [];
  const boxes = "table.cg-form-table tbody tr:first-child :is(input, textarea, select)";
  for (const box of document.querySelectorAll(boxes)) {
    const style = getComputedStyle(box);
    canvas.font = style.font;
    const texts = box.tagName === "SELECT" ? [...box.options].map(o => o.text)
      : box.type === "date" ? ["12/31/2026"] : ["Ms. Rodriguez-Smith"];
    const needed = Math.max(...texts.map(t => canvas.measureText(t).width)) + (box.type === "date" ? 24 : 0)
      + (box.tagName === "SELECT" ? 20 : 0);
    const room = box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    if (room < needed) short.push(`${box.name}: ${Math.round(room)} px for ${Math.round(needed)} px`);
  }
  return short;
}"""


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_every_table_box_holds_a_name_a_date_or_its_longest_choice(
    site: Path, served_site: str, browser: Browser, width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    failures, boxes = {}, 0
    for path in site_pages(site):
        if "/templates/" not in path:
            continue
        page.goto(served_site + path)
        boxes += page.locator("table.cg-form-table tbody tr:first-child :is(input, textarea, select)").count()
        if short := page.evaluate(TOO_NARROW):
            failures[path] = short
    context.close()
    assert boxes > 50
    assert failures == {}


PHONE: ViewportSize = {"width": 390, "height": 844}


def on_every_page_at_phone_width(site: Path, served_site: str, browser: Browser, script: str) -> dict[str, Any]:
    """``script``'s result on every page at 390 px, for the pages where it is truthy."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    found = {}
    for path in site_pages(site):
        page.goto(served_site + path)
        if result := page.evaluate(script):
            found[path] = result
    context.close()
    return found


WIDER_THAN_A_PHONE = "() => document.documentElement.scrollWidth > 390 && document.documentElement.scrollWidth"

CAPTIONS_CUT = """() => Array.from(document.querySelectorAll('.cg-table-scroll > table > caption'))
  .filter((caption) => caption.getBoundingClientRect().right > caption.closest('.cg-table-scroll')
    .getBoundingClientRect().right + 1)
  .map((caption) => caption.textContent.trim())"""


def test_no_page_scrolls_sideways_on_a_phone(site: Path, served_site: str, browser: Browser) -> None:
    assert on_every_page_at_phone_width(site, served_site, browser, WIDER_THAN_A_PHONE) == {}


def test_every_table_caption_stays_whole_in_view_on_a_phone(site: Path, served_site: str, browser: Browser) -> None:
    """A table wider than the phone scrolls in its region; its caption must still be read whole."""
    assert on_every_page_at_phone_width(site, served_site, browser, CAPTIONS_CUT) == {}
