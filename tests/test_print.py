"""A template printed from the browser on Letter paper, read page by page as a teacher holds it: no table's
title is left alone at the foot of a page, no page is left mostly empty to keep a table whole, and the
narrow columns of a plan ("Who", "By when") have room for a name or a date on one line."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import Browser, Page

REPORT = (
    "/family-community-engagement/linking-family-engagement-learning-outcomes/templates/completed-student-data-report/"
)
CAPTIONS = ("Goals agreed with the family (3–6 rows)", "Action steps (3–9 rows)")


@pytest.fixture
def printed(browser: Browser, served_site: str, tmp_path: Path) -> Iterator[tuple[Page, Path]]:
    page = browser.new_page(viewport={"width": 816, "height": 1056})
    page.goto(served_site + REPORT)
    page.emulate_media(media="print")
    pdf = tmp_path / "printed.pdf"
    page.pdf(path=str(pdf), format="Letter")
    yield page, pdf
    page.close()


def page_texts(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1]


def test_each_table_starts_on_the_page_of_its_title_with_its_header_and_first_row(printed: tuple[Page, Path]) -> None:
    _, pdf = printed
    pages = page_texts(pdf)
    for caption in CAPTIONS:
        [number] = [n for n, text in enumerate(pages) if caption in text]
        after = pages[number].split(caption, 1)[1]
        assert "Category" in after, f"{caption!r}: its header row is on its page"
        assert any(line.strip().startswith("1 ") for line in after.splitlines()), f"{caption!r}: and its first row"


def test_no_page_but_the_last_is_left_mostly_empty(printed: tuple[Page, Path], tmp_path: Path) -> None:
    _, pdf = printed
    subprocess.run(["pdftoppm", "-r", "30", "-gray", str(pdf), str(tmp_path / "page")], check=True)
    images = sorted(tmp_path.glob("page-*.pgm"))
    assert len(images) >= 3
    for image in images[:-1]:
        picture = Image.open(image).point(lambda value: 255 if value < 128 else 0)
        box = picture.getbbox()  # of what is inked
        assert box is not None and box[3] > picture.height * 0.6, f"{image.name}: ink ends at {box}"


PLAN = "/family-community-engagement/family-engagement-access-opportunities/templates/action-plan/"


@pytest.mark.parametrize(
    ("path", "table", "narrow"),
    [(REPORT, "actions", ("Who", "By when")), (PLAN, "tasks", ("Person in charge", "Deadline or milestone"))],
)
def test_who_and_by_when_have_room_for_a_name_or_a_date_on_paper(
    browser: Browser, served_site: str, path: str, table: str, narrow: tuple[str, str]
) -> None:
    page = browser.new_page(viewport={"width": 816, "height": 1056})
    page.goto(served_site + path)
    page.emulate_media(media="print")
    widths = page.evaluate(
        """(table) => Array.from(document.querySelectorAll(`[data-field=${table}] thead th`)).map((th) =>
        [th.textContent.trim(), th.getBoundingClientRect().width, parseFloat(getComputedStyle(th).fontSize)])""",
        table,
    )
    page.close()
    by_label = {label: (width, size) for label, width, size in widths}
    for label in narrow:
        width, size = by_label[label]
        assert width >= 7.5 * size, f"{label}: {width:.0f} px at {size:.0f} px type"
