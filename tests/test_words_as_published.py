"""Each guide's words in order, case and punctuation included, on its page (see words_as_published.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SHARED
from words_as_published import GUIDE_PAGES, differences, page_words, seed_words

SEEDS = SHARED / "seeds"
needs_seeds = pytest.mark.skipif(
    not SEEDS.is_dir(), reason=f"{SEEDS} not found: the published guides are in shared/ beside the repository only"
)
ACCESS = "000_7357f65af24c0283.txt"


def guide_html(site: Path, name: str) -> str:
    return (site / GUIDE_PAGES[name] / "index.html").read_text(encoding="utf-8")


def found(site: Path, name: str, html: str | None = None) -> list[str]:
    page = page_words(html if html is not None else guide_html(site, name))
    seed = seed_words((SEEDS / name).read_text(encoding="utf-8"))
    return [str(d) for d in differences(seed, page, {})]


@needs_seeds
@pytest.mark.parametrize("name", sorted(GUIDE_PAGES))
def test_every_word_of_the_guide_is_on_its_page_in_order_with_its_case_and_punctuation(site: Path, name: str) -> None:
    assert found(site, name) == []


@needs_seeds
@pytest.mark.parametrize(
    ("published", "changed"),
    [
        ("(500–750 Words)", "(500–750 words)"),  # case
        ("Part 3 Reflection", "Part 3. Reflection"),  # punctuation in a heading
        ("Educator uses knowledge of families", "Educator uses knowledge of the families"),  # a word added
        ("Submitted documentation shows how information", "Submitted documentation show how information"),  # rubric
    ],
)
def test_the_check_reports_a_changed_word_case_or_punctuation(site: Path, published: str, changed: str) -> None:
    html = guide_html(site, ACCESS)
    assert published in html
    reported = found(site, ACCESS, html.replace(published, changed))
    assert reported, f"changing {published!r} to {changed!r} went unnoticed"
    touched = set(published.split()) ^ set(changed.split())
    assert any(word in " ".join(reported) for word in touched), reported
