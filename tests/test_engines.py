"""Both engines build the same site: MkDocs with Material (the default) and Zensical, compared page by page.

Each build is the real one (``credential-guides build --engine …``, which runs the plan, generate, engine
and finish stages), of the shipped site and of a district's copy with a credential of its own. What may
differ is only what each theme draws itself, named in ``ALLOWED_DIFFERENCES``; everything else (the pages,
each page's article, tags and form fields, the search index and what a query finds, the PDFs, the
records, a Content-Security-Policy on every page, the offline zip) must be the same.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from district_copy import OWN, STACK, customise
from playwright.sync_api import Browser, expect
from test_browser import WIDTHS, axe_violations
from test_browser import site_pages as page_addresses

from conftest import PDF_CACHE, copy_project, search_documents, serve
from credential_guides.finish import site_pages
from credential_guides.offline import searched_text

pytestmark = pytest.mark.slow

ALLOWED_DIFFERENCES = {
    "theme files": "each theme's own scripts and stylesheets under assets/ (Material's bundle, search worker, lunr "
    "and source maps; Zensical's bundle, search worker and stylesheets)",
    "theme chrome": "the header, navigation, table of contents and footer around a page's article are the theme's "
    "markup; the article, its tags and its form fields are compared, and the footer's licence text",
    "the 404 page's home link": "MkDocs writes the site's root as '/.', Zensical as '/': the same address",
    "whitespace in highlighted code": "each engine's highlighter splits code into tokens its own way, so an "
    "article's text is compared without its whitespace",
}
THEME_FILES = re.compile(
    r"^assets/(javascripts/(bundle\.[0-9a-f]+\.min\.js(\.map)?|workers/.*|lunr/.*|LICENSE)"
    r"|stylesheets/((classic|modern)/)?(main|palette)\.[0-9a-f]+\.min\.css(\.map)?)$"
)
QUERIES = ["seat hours", "Return rate is 80% or above", "stakeholders", "reading conferences", "family survey"]
_TAGS = re.compile(r'<nav class="md-tags".*?</nav>', re.S)
_FIELD = re.compile(r'<(?:input|select|textarea)\b[^>]*?\bname="([^"]+)"')
_FOOTER = re.compile(r'<div class="md-copyright__highlight">(.*?)</div>', re.S)
_CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')
_SPACE = re.compile(r"\s+")
_ARTICLE = re.compile(r"<article\b.*?</article>", re.S)
_LINK = re.compile(r'\s(?:href|src)="([^"]*)"')
_ROOT = re.compile(r"^/\.$")  # the 404 page's home link (ALLOWED_DIFFERENCES)


def engine_build(project: Path, site: Path, engine: str, **environ: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "CG_PDF_CACHE": str(PDF_CACHE), **environ}
    command = [sys.executable, "-m", "credential_guides.cli", "build", "--engine", engine, "-d", str(site)]
    return subprocess.run(command, cwd=project, capture_output=True, text=True, env=env, timeout=600)


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("zensical"))
    result = engine_build(project, project / "site", "zensical")
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


@pytest.fixture(scope="session")
def district_sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A district's copy (its own stack and credential, every setting changed) built by each engine."""
    project = copy_project(tmp_path_factory.mktemp("district"))
    customise(project)
    sites = {}
    for engine in ("mkdocs", "zensical"):
        result = engine_build(project, project / f"site-{engine}", engine)
        assert result.returncode == 0, result.stdout + result.stderr
        sites[engine] = project / f"site-{engine}"
    return sites


def page_facts(html: str) -> dict[str, object]:
    """What a page says, whatever theme drew it: its article's title, text, form fields and links, its tags,
    its footer."""
    title, text = searched_text(_TAGS.sub("", html))
    footer = _FOOTER.search(html)
    article = _ARTICLE.search(html)
    return {
        "title": title,
        "text": _SPACE.sub("", text),
        "tags": [_SPACE.sub(" ", tags) for tags in _TAGS.findall(html)],
        "fields": _FIELD.findall(article.group(0) if article else ""),
        "links": [_ROOT.sub("/", link) for link in _LINK.findall(_TAGS.sub("", article.group(0) if article else ""))],
        "footer": _SPACE.sub(" ", footer.group(1)).strip() if footer else None,
    }


def own_files(site: Path) -> dict[str, bytes]:
    """Every file of the site that is not a page, not the search index and not the theme's own."""
    files = {}
    for path in site.rglob("*"):
        name = path.relative_to(site).as_posix()
        ours = not name.endswith(".html") and not name.startswith(("pagefind/", "downloads/"))
        if path.is_file() and ours and not THEME_FILES.match(name):
            files[name] = path.read_bytes()
    return files


def differences(material: Path, zensical: Path) -> list[str]:
    found = []
    pages = site_pages(material)
    if pages != site_pages(zensical):
        found.append(f"pages: {sorted(set(pages) ^ set(site_pages(zensical)))}")
    for path in pages:
        if not (zensical / path).is_file():
            continue
        html = {
            engine: (site / path).read_text(encoding="utf-8") for engine, site in (("m", material), ("z", zensical))
        }
        ours, theirs = page_facts(html["m"]), page_facts(html["z"])
        found += [f"{path}: {key}" for key in ours if ours[key] != theirs[key]]
        found += [f"{path}: no Content-Security-Policy ({engine})" for engine in html if not _CSP.search(html[engine])]
    mine, other = own_files(material), own_files(zensical)
    found += [f"file only in one site: {name}" for name in sorted(set(mine) ^ set(other))]
    found += [f"file differs: {name}" for name in sorted(set(mine) & set(other)) if mine[name] != other[name]]
    return found


def test_the_allowed_differences_are_a_short_named_list() -> None:
    assert 0 < len(ALLOWED_DIFFERENCES) <= 6
    assert all(len(name) < 40 and reason for name, reason in ALLOWED_DIFFERENCES.items())


def test_both_engines_build_the_shipped_site_alike(site: Path, zensical_site: Path) -> None:
    assert differences(site, zensical_site) == []
    pdfs = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.pdf"))
    assert pdfs and all((site / p).stat().st_size > 1000 for p in pdfs), "the PDFs are there and not placeholders"


def test_both_engines_build_a_districts_copy_with_its_own_credential_alike(district_sites: dict[str, Path]) -> None:
    material, zensical = district_sites["mkdocs"], district_sites["zensical"]
    assert differences(material, zensical) == []
    own_guide = f"{STACK}/{OWN}/index.html"
    assert "Reading Conferences" in (zensical / own_guide).read_text(encoding="utf-8")
    assert "Springfield Public Schools" in (zensical / "index.html").read_text(encoding="utf-8")


def test_both_engines_index_the_same_pages_with_the_same_words(site: Path, zensical_site: Path) -> None:
    ours, theirs = search_documents(site), search_documents(zensical_site)
    assert sorted(ours) == sorted(theirs)
    for url, document in ours.items():
        assert _SPACE.sub("", str(document["content"])) == _SPACE.sub("", str(theirs[url]["content"])), url


@pytest.fixture()
def both_served(site: Path, zensical_site: Path) -> Iterator[dict[str, str]]:
    with serve(site) as material, serve(zensical_site) as zensical:
        yield {"mkdocs": material, "zensical": zensical}


def test_a_query_finds_the_same_pages_on_both(both_served: dict[str, str], browser: Browser) -> None:
    found: dict[str, dict[str, list[str]]] = {}
    for engine, origin in both_served.items():
        context = browser.new_context()
        page = context.new_page()
        page.goto(origin + "/search/")
        found[engine] = {}
        for query in QUERIES:
            urls = page.evaluate(
                """async (query) => {
                    const pagefind = await import("/pagefind/pagefind.js");
                    const search = await pagefind.search(query);
                    return Promise.all(search.results.map(r => r.data())).then(d => d.map(x => x.url));
                }""",
                query,
            )
            found[engine][query] = urls
        context.close()
    assert found["mkdocs"] == found["zensical"]
    assert all(found["mkdocs"][q] for q in QUERIES[:3]), found["mkdocs"]


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_every_page_zensical_draws_passes_axe(
    zensical_site: Path, both_served: dict[str, str], browser: Browser, width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    failures = {}
    for path in page_addresses(zensical_site):
        page.goto(both_served["zensical"] + path)
        if violations := axe_violations(page):
            failures[path] = violations
    context.close()
    assert failures == {}


def test_zensicals_template_keeps_answers_across_a_reload(both_served: dict[str, str], browser: Browser) -> None:
    context = browser.new_context()
    page = context.new_page()
    template = "/family-community-engagement/family-engagement-access-opportunities/templates/action-plan/"
    page.goto(both_served["zensical"] + template)
    box = page.locator("form.cg-template textarea").first
    box.fill("Meet families at the spring fair")
    page.wait_for_timeout(800)
    page.reload()
    expect(page.locator("form.cg-template textarea").first).to_have_value("Meet families at the spring fair")
    context.close()


def test_zensicals_offline_zip_opens_from_a_folder(zensical_site: Path, browser: Browser, tmp_path: Path) -> None:
    with zipfile.ZipFile(zensical_site / "downloads" / "credential-guides-offline.zip") as zipped:
        zipped.extractall(tmp_path)
    root = tmp_path / "credential-guides"
    context = browser.new_context()
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    page.goto(root.joinpath("index.html").as_uri())
    page.locator("article").get_by_role("link", name="Family Engagement as Access and Opportunities For All").click()
    expect(page.locator("h1")).to_have_text("Family Engagement as Access and Opportunities For All")
    assert page.url.endswith("family-engagement-access-opportunities/index.html")
    page.locator("a.cg-search-link").click()
    page.get_by_role("searchbox", name="Search the guides and templates").press_sequentially("seat hours")
    expect(page.locator(".cg-offline-search__results li").first).to_be_visible(timeout=10_000)
    context.close()
    assert [url for url in requests if not url.startswith(("file://", "data:", "blob:"))] == []


def test_a_district_switches_engine_with_one_line_in_site_yml(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    settings = project / "site.yml"
    settings.write_text(settings.read_text(encoding="utf-8") + "\nengine: zensical\n", encoding="utf-8")
    command = [sys.executable, "-m", "credential_guides.cli", "build"]
    env = {**os.environ, "CG_PDF": "0", "CG_OFFLINE_ZIP": "0"}
    chosen = subprocess.run(command, cwd=project, capture_output=True, text=True, env=env, timeout=600)
    assert chosen.returncode == 0, chosen.stderr
    assert "built the site with zensical" in chosen.stderr
    assert (project / "site" / "assets" / "stylesheets" / "classic").is_dir(), "Zensical's classic look: it built it"
    assert not (project / "site" / "search.json").exists(), "Zensical's own search index, which no page loads"
