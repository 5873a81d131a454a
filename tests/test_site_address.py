"""The site's address: from site.yml or GitHub Pages, with a sitemap, canonical links and a 404 page that
works under the sub-path a project site is published at."""

from __future__ import annotations

import http.server
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from playwright.sync_api import Browser

from conftest import copy_project, mkdocs_build, serve

pytestmark = pytest.mark.slow  # builds sites: left out of ./dev test --fast

PAGES_URL = "https://springfield-schools.github.io/some-repo/"
SUB_PATH = "/some-repo/"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
GUIDE = "family-community-engagement/family-engagement-access-opportunities/"


@pytest.fixture(scope="module")
def addressed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built as the Pages workflow builds it: the address from actions/configure-pages."""
    project = copy_project(tmp_path_factory.mktemp("addressed"))
    result = mkdocs_build(project, project / "site", CG_SITE_URL=PAGES_URL, CG_PDF="0", CG_OFFLINE_ZIP="0")
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_sitemap_lists_every_page_at_its_address(addressed_site: Path) -> None:
    locations = {
        element.text
        for element in ET.parse(addressed_site / "sitemap.xml").getroot().iter(f"{SITEMAP}loc")
        if element.text
    }
    pages = {
        PAGES_URL + html.relative_to(addressed_site).as_posix().removesuffix("index.html")
        for html in addressed_site.rglob("index.html")
    }
    assert PAGES_URL + GUIDE in locations
    assert pages - {PAGES_URL + "search/"} <= locations
    assert all(location.startswith(PAGES_URL) for location in locations)


def test_every_page_names_its_canonical_address(addressed_site: Path) -> None:
    for html in addressed_site.rglob("index.html"):
        path = html.relative_to(addressed_site).as_posix().removesuffix("index.html")
        canonical = re.search(r'<link rel="canonical" href="([^"]+)"', html.read_text(encoding="utf-8"))
        assert canonical is not None, path
        assert canonical.group(1) == PAGES_URL + path


def test_site_yml_address_wins_over_the_pages_address(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "custom-domain")
    settings = yaml.safe_load((project / "site.yml").read_text(encoding="utf-8"))
    settings["site_url"] = "https://guides.springfield.example.org"
    (project / "site.yml").write_text(yaml.safe_dump(settings, sort_keys=False), encoding="utf-8")
    result = mkdocs_build(project, project / "site", CG_SITE_URL=PAGES_URL, CG_PDF="0", CG_OFFLINE_ZIP="0")
    assert result.returncode == 0, result.stderr
    guide = (project / "site" / GUIDE / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="https://guides.springfield.example.org/{GUIDE}">' in guide


def test_a_local_build_without_an_address_says_nothing_is_wrong(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "local")
    result = mkdocs_build(project, project / "site", CG_PDF="0", CG_OFFLINE_ZIP="0")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    assert "site_url" not in result.stderr
    assert "canonical" not in (project / "site" / GUIDE / "index.html").read_text(encoding="utf-8")


def test_a_malformed_pages_address_is_refused_by_name(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "bad-address")
    result = mkdocs_build(project, project / "site", CG_SITE_URL="springfield.github.io/guides", CG_PDF="0")
    assert result.returncode != 0
    assert "CG_SITE_URL: expected the site's full address like" in result.stderr
    assert "'springfield.github.io/guides'" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (project / "site").exists()


class _PagesHandler(http.server.SimpleHTTPRequestHandler):
    """Like GitHub Pages for a project site: files under the sub-path, 404.html with status 404 otherwise."""

    def translate_path(self, path: str) -> str:
        path = urlsplit(path).path
        if not path.startswith(SUB_PATH):
            return str(Path(self.directory) / "missing-outside-the-site")
        return super().translate_path("/" + path.removeprefix(SUB_PATH))

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != 404:
            super().send_error(code, message, explain)
            return
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


def test_a_mistyped_address_under_the_sub_path_shows_a_working_404_page(addressed_site: Path, browser: Browser) -> None:
    with serve(addressed_site, _PagesHandler) as origin:
        context = browser.new_context()
        failed: list[str] = []
        context.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
        page = context.new_page()
        missing = f"{origin}{SUB_PATH}family-community-engagement/no-such-guide/templates/"
        response = page.goto(missing)
        assert response is not None and response.status == 404
        # Styled: Material's stylesheet loaded and applied (the header is coloured, not default black on white).
        header = page.locator("header.md-header")
        assert header.evaluate("e => getComputedStyle(e).position") == "sticky"
        links = page.eval_on_selector_all("a[href]", "links => links.map(a => a.getAttribute('href'))")
        internal = [href for href in links if not href.startswith(("http:", "https:", "mailto:", "#"))]
        assert internal, "the 404 page has no links"
        assert failed == [f"404 {missing}"]
        for href in internal:
            target = urljoin(missing, href)
            assert urlsplit(target).path.startswith(SUB_PATH), href
            reply = context.request.get(target)
            assert reply.status == 200, f"{href} -> {target}: {reply.status}"
        assert page.locator("article h1").inner_text() == "Page not found"
        page.locator("article").get_by_role("link", name="Search the guides and templates").click()
        assert page.url == f"{origin}{SUB_PATH}search/"
        page.go_back()
        page.get_by_role("link", name="Family and Community Engagement").first.click()
        assert page.url == f"{origin}{SUB_PATH}family-community-engagement/"
        context.close()
