from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright

from credential_guides.copy_status import CONTENT_PARTS
from release_content import RELEASE_CONTENT

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
MINIMAL_DATA = Path(__file__).parent / "fixtures" / "minimal_data"
ENGINE_PARTS = ("mkdocs.yml", "site.schema.json", "hooks", "overrides")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite golden files from the current output")


# Tests that build a site, render PDFs or drive Chromium: out of the fast lane (./dev test --fast runs
# -m "not slow"). A test is slow if it uses one of these fixtures (directly or through another) or says so.
SLOW_FIXTURES = {"site_build", "minimal_site", "browser"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


_running_slow_test = [False]


def pytest_runtest_setup(item: pytest.Item) -> None:
    """Before any fixture of the test is set up (the session's built site among them)."""
    _running_slow_test[0] = item.get_closest_marker("slow") is not None


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def copy_project(dest: Path) -> Path:
    """A project of this engine with the release's content (never the live content, which a district's
    copy changes: see release_content.py), as a district's fork holds it before changing anything."""
    dest.mkdir(parents=True, exist_ok=True)
    for source in [*(ROOT / part for part in ENGINE_PARTS), *(RELEASE_CONTENT / part for part in CONTENT_PARTS)]:
        part = source.name
        if source.is_dir():
            shutil.copytree(source, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, dest / part)
    return dest


def checkout_copy(dest: Path) -> Path:
    """Every file a clone of this checkout holds (its uncommitted edits included) with the release's content,
    and the checkout's installed packages: the engine's repository as a district's fork starts from it."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    for name in filter(None, listed.stdout.split("\0")):
        if (ROOT / name).is_file() and name.split("/")[0] not in CONTENT_PARTS:
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, dest / name)
    for part in CONTENT_PARTS:
        source = RELEASE_CONTENT / part
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, dest / part)
    for installed in (".venv", "node_modules"):
        if (ROOT / installed).is_dir():
            (dest / installed).symlink_to(ROOT / installed)
    return dest


# Test builds share one PDF cache: a PDF is rendered once per run, whatever the copy.
PDF_CACHE = Path(tempfile.gettempdir()) / f"credential-guides-tests-{os.getpid()}" / "pdf"


def mkdocs_build(project: Path, site_dir: Path, **settings: str) -> subprocess.CompletedProcess[str]:
    """``mkdocs build --strict``; ``settings`` are environment variables such as ``CG_PDF="0"``."""
    assert _running_slow_test[0], "a test that builds a site must be marked slow, or ./dev test --fast runs it"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "CG_PDF_CACHE": str(PDF_CACHE), **settings}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


@pytest.fixture(scope="session")
def site_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """One real `mkdocs build --strict` of a copy of the project."""
    project = copy_project(tmp_path_factory.mktemp("project"))
    site = project / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    return site, result


@pytest.fixture(scope="session")
def site(site_build: tuple[Path, subprocess.CompletedProcess[str]]) -> Path:
    return site_build[0]


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # Docker (and so a GitHub Actions container job) gives /dev/shm 64 MB, too
    # little for Chromium's shared memory on long pages: it would crash.
    "--disable-dev-shm-usage",
]


@contextlib.contextmanager
def serve(directory: Path, handler: type[http.server.SimpleHTTPRequestHandler] | None = None) -> Iterator[str]:
    """A folder on a loopback HTTP server (``handler``, a quiet file server by default); yields its origin."""
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler or _QuietHandler, directory=str(directory))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def served_site(site: Path) -> Iterator[str]:
    with serve(site) as origin:
        yield origin


@pytest.fixture(scope="session")
def minimal_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site built from the small test data set, which uses every kind of field; yields its origin."""
    project = copy_project(tmp_path_factory.mktemp("minimal"))
    shutil.rmtree(project / "credentials_data")
    shutil.copytree(MINIMAL_DATA, project / "credentials_data")
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stderr
    with serve(project / "site") as origin:
        yield origin


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


CSP_VIOLATIONS: list[str] = []
"""Every Content-Security-Policy violation any page in any test's browser context reported."""
_REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) =>
  window.__cgCspViolation(`${event.violatedDirective} blocked ${event.blockedURI} ${event.sample}`));
"""


def _watch_csp(new_context: Callable[..., BrowserContext]) -> Callable[..., BrowserContext]:
    def watched(**options: Any) -> BrowserContext:
        context = new_context(**options)
        context.expose_binding(
            "__cgCspViolation", lambda source, text: CSP_VIOLATIONS.append(f"{source['page'].url}: {text}")
        )
        context.add_init_script(_REPORT_CSP_VIOLATIONS)
        return context

    return watched


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium driven by Playwright (Playwright cannot download browsers here).

    Every context it opens reports Content-Security-Policy violations, and a test
    during which any page reported one fails (see ``no_csp_violation``)."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run ./dev test, which installs Debian's chromium package")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        browser.new_context = _watch_csp(browser.new_context)  # type: ignore[method-assign]
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def no_csp_violation() -> Iterator[None]:
    before = len(CSP_VIOLATIONS)
    yield
    reported = CSP_VIOLATIONS[before:]
    assert reported == [], "the pages' Content-Security-Policy blocked something the site itself does"


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    """A browser context that takes downloads, and fails the test on any script error in its pages."""
    context = browser.new_context(accept_downloads=True)
    errors: list[str] = []
    context.on("weberror", lambda error: errors.append(str(error.error)))
    yield context
    context.close()
    assert errors == [], "script errors"


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


def search_documents(site: Path) -> dict[str, dict[str, object]]:
    """The pages in the site's Pagefind index, by address: what search can find and show."""
    documents = {}
    for fragment in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        raw = gzip.decompress(fragment.read_bytes())
        assert raw.startswith(b"pagefind_dcd"), fragment
        document = json.loads(raw.removeprefix(b"pagefind_dcd"))
        documents[document["url"]] = document
    return documents


# A tab that misses other tabs' saves: frozen or discarded by the browser, or left open for a week.
# Added before the page's scripts run, this listener runs before the page's own and stops it.
DEAF = "window.addEventListener('storage', (event) => event.stopImmediatePropagation(), true)"


def open_tab(context: BrowserContext, url: str, *, deaf: bool = False) -> Page:
    """A new tab at ``url``; a ``deaf`` one never hears of other tabs' saves."""
    page = context.new_page()
    if deaf:
        page.add_init_script(DEAF)
    page.goto(url)
    return page


def vendored_code(file: str, package: str, packaged: str) -> str:
    """A vendored library's license header, after checking that the rest is the pinned npm package's file
    (``packaged``, inside node_modules/``package``) unchanged: the site ships copies (no CDN, works offline)."""
    version = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["devDependencies"][package]
    vendored = (ROOT / "overrides/assets/javascripts/vendor" / file).read_text(encoding="utf-8")
    header, _, code = vendored.partition("*/\n")
    assert header.startswith(f"/* {package} {version} (npm: {package}, {packaged})")
    assert code == (ROOT / "node_modules" / package / packaged).read_text(encoding="utf-8")
    return header


def download_incomplete(page: Page, button: str, folder: Path) -> Path:
    """Clicks a hand-in download and goes on past the list of what is not done yet; the file, saved in ``folder``."""
    with page.expect_download() as download:
        page.get_by_role("button", name=button).click()
        page.get_by_role("dialog").get_by_role("button", name="Download anyway").click()
    saved = folder / download.value.suggested_filename
    download.value.save_as(saved)
    return saved


def save_sample_answers(page: Page, origin: str) -> None:
    """Answers saved in two templates of the small data set's credential, as a reader leaves them."""
    page.goto(origin + "/sample-stack/sample-credential/templates/an-artifact/")
    page.locator("#f-name").fill("Library")
    page.locator("#f-rows-0-what").fill("Survey")
    page.locator("#f-rows-0-date").fill("2026-04-02")
    expect(page.locator(".cg-save-state")).to_contain_text("Saved on this device")
    page.goto(origin + "/sample-stack/sample-credential/templates/part-1-overview/")
    page.locator("form.cg-template textarea").first.fill("Why I chose it.")
    expect(page.locator(".cg-save-state")).to_contain_text("Saved on this device")


def fill_placeholders(text: str) -> str:
    """What an editor does to a scaffold: every REPLACE text becomes their own words (and a real kind), and
    the draft line goes."""
    lines = []
    for line in text.splitlines():
        if line.startswith("draft: true"):
            continue
        if re.match(r"^\s*kind: .*REPLACE", line):
            line = line.split("kind:")[0] + "kind: survey"
        elif re.match(r"^[^#]*REPLACE", line):
            line = re.sub(r'"REPLACE[^"]*"|REPLACE.*$', "Our own words.", line)
        lines.append(line)
    return "\n".join(lines) + "\n"
