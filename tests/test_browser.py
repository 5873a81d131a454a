"""The built site in Debian's Chromium: accessibility, privacy and search."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path
from typing import Any

import axe_playwright_python
import pytest
from playwright.sync_api import Browser, Page, expect

from conftest import search_documents, serve
from credential_guides.catalog import load_catalog
from release_content import RELEASE_CONTENT

CATALOG = load_catalog(RELEASE_CONTENT / "credentials_data")

AXE_SCRIPT = Path(axe_playwright_python.__file__).parent / "axe.min.js"
# WCAG 2.2 A and AA (which include 2.0 and 2.1) and axe's best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]
WIDTHS = {"desktop": 1280, "phone": 390}


def site_pages(site: Path) -> list[str]:
    """Every page's path, as a browser would ask for it."""
    paths = []
    for html in sorted(site.rglob("*.html")):
        relative = html.relative_to(site).as_posix()
        paths.append("/" + relative.removesuffix("index.html"))
    return paths


def axe_violations(page: Page) -> list[dict[str, Any]]:
    # Evaluated, not added as a <script>: the pages' Content-Security-Policy blocks inline scripts.
    page.evaluate(AXE_SCRIPT.read_text(encoding="utf-8"))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        AXE_TAGS,
    )
    return [
        {"id": v["id"], "help": v["help"], "targets": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_every_page_passes_axe_wcag22_aa_and_best_practices(
    site: Path, served_site: str, browser: Browser, width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    failures = {}
    for path in site_pages(site):
        page.goto(served_site + path)
        violations = axe_violations(page)
        if violations:
            failures[path] = violations
    context.close()
    assert failures == {}


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_every_kind_of_field_passes_axe(minimal_site: str, browser: Browser, width: int) -> None:
    """The small data set has a field of every type the schema allows; the seeds do not."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    to_visit, seen, failures = [minimal_site + "/"], set(), {}
    while to_visit:
        url = to_visit.pop()
        if url in seen:
            continue
        seen.add(url)
        page.goto(url)
        if violations := axe_violations(page):
            failures[url.removeprefix(minimal_site)] = violations
        links = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href.split('#')[0])")
        to_visit += [link for link in links if link.startswith(minimal_site) and link.endswith("/")]
    context.close()
    assert any("/templates/" in url for url in seen)
    assert failures == {}


def test_no_request_leaves_the_site_origin(site: Path, served_site: str, browser: Browser) -> None:
    context = browser.new_context()
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    for path in site_pages(site):
        page.goto(served_site + path, wait_until="networkidle")
    search(page, "seat hours")
    context.close()
    foreign = [url for url in requests if not url.startswith((served_site + "/", "data:", "blob:"))]
    assert requests, "no request was recorded"
    assert foreign == []


def search(page: Page, query: str) -> None:
    """Search as a visitor does: the header's search button, then the query on the search page."""
    page.locator("a.cg-search-link").click()
    box = page.locator("input.pagefind-ui__search-input")
    expect(box).to_be_focused()
    box.press_sequentially(query, delay=20)


def offline_search(page: Page, query: str) -> None:
    """The offline copy's search: the header's search button, then the search page's own box."""
    page.locator("a.cg-search-link").click()
    box = page.get_by_role("searchbox", name="Search the guides and templates")
    expect(box).to_be_focused()
    box.press_sequentially(query, delay=20)


@pytest.mark.parametrize(
    ("query", "expected_page"),
    [
        ("Return rate is 80% or above", "Community Partnerships for Learning and Family Well-Being"),
        ("Sound is clear and understandable", "Linking Family Engagement to Learning Outcomes"),
        ("asset-focused mindset", "Multilingual Learner"),
        ("Information-Gathering Survey", "Family Engagement as Access and Opportunities For All"),
    ],
)
def test_search_finds_guides_and_rubric_descriptors(
    served_site: str, page: Page, query: str, expected_page: str
) -> None:
    page.goto(served_site + "/")
    search(page, query)
    results = page.locator(".pagefind-ui__result")
    expect(results.first).to_be_visible(timeout=10_000)
    expect(results.first.locator(".pagefind-ui__result-title").first).to_contain_text(expected_page)
    assert axe_violations(page) == [], "the search page with its results"
    assert "q=" in page.url, "the query is kept in the address"
    page.reload()
    expect(page.locator(".pagefind-ui__result").first).to_contain_text(expected_page, timeout=10_000)


def unzipped_offline_copy(site: Path, folder: Path) -> Path:
    """The offline zip the home page links, unzipped as a teacher would: its root folder."""
    archive = site / "downloads" / "credential-guides-offline.zip"
    assert 'href="downloads/credential-guides-offline.zip"' in (site / "index.html").read_text(encoding="utf-8")
    with zipfile.ZipFile(archive) as zipped:
        zipped.extractall(folder)
    return folder / "credential-guides"


def test_offline_zip_works_from_a_folder_with_search(site: Path, browser: Browser, tmp_path: Path) -> None:
    root = unzipped_offline_copy(site, tmp_path)
    context = browser.new_context()
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    page.goto(root.joinpath("index.html").as_uri())
    offline_search(page, "seat hours")
    results = page.locator(".cg-offline-search__results li")
    expect(results.first).to_be_visible(timeout=10_000)
    expect(page.get_by_role("status")).to_have_text(f"{results.count()} pages found")
    result = page.locator(".cg-offline-search__results").get_by_role("link", name="About the micro-credential")
    result.click()
    assert page.url == root.joinpath("about", "index.html").as_uri()
    assert axe_violations(page) == []
    page.goto(root.joinpath("index.html").as_uri())
    page.locator("article").get_by_role("link", name="Family Engagement as Access and Opportunities For All").click()
    expect(page.locator("h1")).to_have_text("Family Engagement as Access and Opportunities For All")
    assert page.url.endswith("family-engagement-access-opportunities/index.html")
    context.close()
    assert [url for url in requests if not url.startswith(("file://", "data:", "blob:"))] == []


def test_the_offline_copys_page_not_found_works_from_a_folder(site: Path, browser: Browser, tmp_path: Path) -> None:
    root = unzipped_offline_copy(site, tmp_path)
    context = browser.new_context()
    failed: list[str] = []
    context.on("requestfailed", lambda request: failed.append(request.url))
    page = context.new_page()
    page.goto(root.joinpath("404.html").as_uri())
    expect(page.locator("h1")).to_have_text("Page not found")
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") != "static", "styled"
    assert failed == []
    page.get_by_role("link", name="All guides, by stack").click()
    assert page.url == root.joinpath("index.html").as_uri()
    context.close()


def test_a_build_without_an_address_publishes_no_sitemap(site: Path) -> None:
    assert not (site / "sitemap.xml").exists() and not (site / "sitemap.xml.gz").exists()


def test_site_works_under_a_sub_path(site: Path, browser: Browser, tmp_path: Path) -> None:
    """GitHub Pages serves a project at https://org.github.io/repo/."""
    shutil.copytree(site, tmp_path / "repo")
    with serve(tmp_path) as origin:
        context = browser.new_context()
        failed: list[str] = []
        context.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)
        page = context.new_page()
        for path in site_pages(site):
            if path != "/404.html":
                page.goto(f"{origin}/repo{path}")
        page.goto(f"{origin}/repo/")
        search(page, "Return rate is 80% or above")
        first = page.locator(".pagefind-ui__result-link").first
        expect(first).to_be_visible(timeout=10_000)
        title = first.inner_text().split(" · ")[0]
        first.click()
        expect(page.locator("h1")).to_have_text(title)
        assert page.url.startswith(f"{origin}/repo/family-community-engagement/community-partnerships-learning")
        context.close()
    assert failed == []


def test_a_printed_guide_is_the_guide_without_site_controls(served_site: str, page: Page) -> None:
    page.goto(served_site + "/family-community-engagement/family-engagement-access-opportunities/")
    page.emulate_media(media="print")
    for control in (".md-header", ".md-sidebar--primary", ".md-footer", ".md-button"):
        expect(page.locator(control).first).to_be_hidden()
    expect(page.get_by_role("heading", name="Competency")).to_be_visible()
    expect(page.locator("table.cg-rubric").first).to_be_visible()
    expect(page.get_by_text("CC BY-NC-ND 4.0").first).to_be_visible()


# What an educator types, and what must come first: artifact names, rubric and competency words.
FIRST_RESULTS = [
    ("survey", "Template: Artifact 1: Information-Gathering Survey"),
    ("asset map", "Template: Artifact 2: Community Map and Analysis"),
    ("action plan", "Template: Artifact 3: Action Plan"),
    ("photo essay", "Template: Artifact 4: Photo Essay"),
    ("needs assessment", "Template: Artifact 1: Needs Assessment"),
    ("data report", "Template: Artifact 3: Completed Student Data Report"),
    ("communication plan", "Template: Artifact 2: Communication Plan"),
    ("presentation", "Template: Artifact 3: Presentation Materials"),
    ("event feedback", "Template: Artifact 4: Feedback from the Event"),
    ("goal setting", "Template: Artifact 1: Student Data and Goal-Setting Template"),
    ("return rate", "Template: Artifact 1: Needs Assessment"),
    ("culturally responsive", "Family Engagement as Access and Opportunities For All"),
    ("family well-being", "Community Partnerships for Learning and Family Well-Being"),
    ("multilingual", "Multilingual Learners"),
    ("rubric", re.compile(r"^(" + "|".join(re.escape(c.title) for c in CATALOG.credentials) + r")$")),
    ("reflection", "Template: Part 3"),
    ("tailor engagement opportunities", "Family Engagement as Access and Opportunities For All"),
]
DISTRICT_STAFF_PAGES = ("district-staff/", "hosting/", "editing-content/")


@pytest.mark.parametrize(("query", "first"), FIRST_RESULTS, ids=[q for q, _ in FIRST_RESULTS])
def test_a_query_brings_the_right_credential_or_template_first(
    served_site: str, page: Page, query: str, first: str
) -> None:
    page.goto(served_site + "/search/?q=" + query.replace(" ", "+"))
    title = page.locator(".pagefind-ui__result-title").first
    expect(title).to_be_visible(timeout=10_000)
    if isinstance(first, str):
        expect(title).to_contain_text(first)
    else:
        expect(title).to_have_text(first)
    first_five = page.locator(".pagefind-ui__result-link").evaluate_all("links => links.slice(0, 5).map(a => a.href)")
    assert not [link for link in first_five if link.endswith(DISTRICT_STAFF_PAGES)], "district staff pages"
    excerpts = " ".join(page.locator(".pagefind-ui__result-excerpt").all_inner_texts())
    assert "ArtifactProficient" not in excerpts and "needs JavaScript" not in excerpts


def test_the_teachers_search_holds_no_district_staff_page_and_no_fallback_text(site: Path) -> None:
    documents = search_documents(site)
    assert documents and not [url for url in documents if url.endswith(DISTRICT_STAFF_PAGES)]
    text = " ".join(str(d["content"]) for d in documents.values())
    assert "needs JavaScript" not in text
    assert "Artifact Proficient Basic Developing" in text, "table cells are words apart"
