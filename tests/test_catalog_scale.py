"""The site's shape at catalog size: a page carries its own stack and credential, never the whole catalog."""

from __future__ import annotations

import re
import statistics
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from conftest import mkdocs_build, serve
from synthetic_catalog import write_project

pytestmark = pytest.mark.slow  # builds sites: left out of ./dev test --fast

CREDENTIALS = 120  # three stacks of 40
PAGE_LIMIT_KB = 150


@pytest.fixture(scope="module")
def large_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = write_project(tmp_path_factory.mktemp("large") / "project", CREDENTIALS)
    result = mkdocs_build(project, project / "site", CG_PDF="0", CG_OFFLINE_ZIP="0")
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_no_page_grows_with_the_catalog(large_site: Path) -> None:
    sizes = {p.relative_to(large_site).as_posix(): p.stat().st_size / 1024 for p in large_site.rglob("*.html")}
    assert len(sizes) > 7 * CREDENTIALS
    largest = max(sizes, key=sizes.__getitem__)
    assert sizes[largest] <= PAGE_LIMIT_KB, f"{largest}: {sizes[largest]:.0f} KB"
    assert statistics.median(sizes.values()) <= 60


def test_a_page_links_its_own_credentials_templates_and_no_others(large_site: Path) -> None:
    page = (large_site / "stack-02" / "credential-0005" / "index.html").read_text(encoding="utf-8")
    guide = re.sub(r"<head>.*?</head>|<footer.*?</footer>", "", page, flags=re.S)  # previous/next page links
    linked = set(re.findall(r'href="([^"]*templates/[^"]*)"', guide))
    assert len(linked) >= 5, "the guide and its navigation link its own templates"
    assert all(href.startswith("templates/") for href in linked), linked
    nav_stacks = set(re.findall(r'href="\.\./\.\./(stack-\d\d)/"', guide))
    assert nav_stacks == {"stack-01", "stack-03"}, "the other stacks appear, as links only"
    assert guide.count("credential-0004/") == 0, "a credential of another stack is not listed"
    assert guide.count("credential-0002/") == 0, "nor one of its own stack: the stack's overview lists those"
    stack_page = (large_site / "stack-02" / "index.html").read_text(encoding="utf-8")
    assert 'href="credential-0002/"' in stack_page


def test_the_home_page_shows_a_few_guides_per_stack_and_links_the_rest(large_site: Path) -> None:
    home = (large_site / "index.html").read_text(encoding="utf-8")
    assert len(re.findall(r'href="stack-01/credential-\d{4}/"', home)) == 5
    assert 'href="stack-01/">All 40 guides of Synthetic Stack 1</a>' in home


def test_a_first_search_downloads_a_small_part_of_the_index(large_site: Path, browser: Browser) -> None:
    index_bytes = sum(p.stat().st_size for p in (large_site / "pagefind").rglob("*") if p.is_file())
    fetched: dict[str, int] = {}
    with serve(large_site) as origin:
        context = browser.new_context()
        page = context.new_page()
        page.on("response", lambda r: fetched.update({r.url: len(r.body())}) if "/pagefind/" in r.url else None)
        page.goto(origin + "/")
        page.locator("a.cg-search-link").click()
        page.locator("input.pagefind-ui__search-input").fill("family engagement plan")
        expect(page.locator(".pagefind-ui__result").first).to_be_visible(timeout=20_000)
        page.wait_for_load_state("networkidle")
        context.close()
    downloaded = sum(fetched.values())
    assert any("/pagefind/index/" in url for url in fetched), "the query fetched index chunks"
    assert downloaded < 1_000_000, f"{downloaded:,} bytes"
    assert downloaded < index_bytes / 4, f"{downloaded:,} of {index_bytes:,} bytes"
