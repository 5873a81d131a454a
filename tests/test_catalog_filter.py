"""Finding a credential: the home page's catalog filter, the artifact-kind vocabulary and page tags."""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect
from test_browser import axe_violations

from conftest import MINIMAL_DATA, copy_project, mkdocs_build, serve
from credential_guides.catalog import load_catalog
from credential_guides.catalog_filter import (
    Workload,
    catalog_index,
    filter_choices,
    guide_tags,
    kinds_of,
    tag_queries,
    word_bands,
    workload,
)
from credential_guides.errors import DataErrors
from credential_guides.fillable import fillables
from credential_guides.site_map import SiteMap, guide_page, summary_page, template_page
from release_content import RELEASE_CONTENT
from synthetic_catalog import write_project

CATALOG = load_catalog(RELEASE_CONTENT / "credentials_data")
LINKING = "linking-family-engagement-learning-outcomes"
FAMILY = "family-engagement-access-opportunities"


def by_id(credential_id: str) -> Any:
    return next(c for c in CATALOG.credentials if c.id == credential_id)


# --- the facts a credential is filtered by ------------------------------------


def test_writing_required_adds_up_word_ranges_and_keeps_minutes_of_recording_apart() -> None:
    # Linking: Part 1 250–500 words, Part 3 400–500 words, and a 15–30 minute recording.
    load = workload(by_id(LINKING))
    assert load.words == (650, 1000)
    assert load.minutes == (15, 30)
    # Access and Opportunities: Part 1 200–400, Part 3 250–400 and the action plan's 500–750 words.
    assert workload(by_id(FAMILY)) == Workload(words=(950, 1550), minutes=None)


def test_every_artifact_has_a_kind_of_the_vocabulary_and_each_credential_lists_its_kinds_once() -> None:
    for credential in CATALOG.credentials:
        kinds = kinds_of(credential)
        assert kinds and len(set(kinds)) == len(kinds)
        assert set(kinds) <= set(CATALOG.artifact_kinds)
    assert kinds_of(by_id(LINKING)) == ("goal-setting", "recording", "data-report")


def test_word_bands_are_round_and_each_admits_more_credentials_but_not_all() -> None:
    assert word_bands([900, 900, 1000, 1550]) == [1000]
    assert word_bands([400, 1200, 2600, 3100]) == [500, 1500, 3000]
    assert word_bands([700, 700]) == []
    wide = word_bands(list(range(500, 40_000, 250)))
    assert 1 < len(wide) <= 8 and all(b % 500 == 0 for b in wide)


def test_filter_choices_offer_only_what_some_credential_has_with_counts() -> None:
    choices = filter_choices(CATALOG)
    assert [(c.value, c.count) for c in choices.stacks] == [
        ("family-community-engagement", 3),
        ("multilingual-learners", 1),
    ]
    kinds = {c.value: c.count for c in choices.kinds}
    assert kinds["action-plan"] == 2 and kinds["survey"] == 1 and kinds["recording"] == 1
    assert set(kinds) == {a.kind for c in CATALOG.credentials for a in c.submission.artifacts}
    assert [(c.label, c.count) for c in choices.words] == [("Up to 1,000 words", 3)]


def test_the_catalog_index_holds_one_short_record_per_credential() -> None:
    index = catalog_index(CATALOG, SiteMap.of(CATALOG), "")
    assert [s[0] for s in index["stacks"]] == [s.id for s in CATALOG.stacks]
    linking = next(r for r in index["credentials"] if r[0] == LINKING)
    kinds = [index["kinds"][i][0] for i in linking[3]]
    assert linking[1] == by_id(LINKING).title
    assert index["stacks"][linking[2]][0] == "family-community-engagement"
    assert kinds == ["goal-setting", "recording", "data-report"]
    assert linking[4:] == [650, 1000, 5]
    assert index["guideFolder"].format(stack="s", id="c") == "s/c/", "the script builds no path of its own"


def test_tags_are_the_stack_then_the_kinds_and_each_names_its_filter() -> None:
    credential = by_id(LINKING)
    assert guide_tags(CATALOG, credential) == [
        "Family and Community Engagement",
        "Goal setting",
        "Recording",
        "Data report",
    ]
    queries = tag_queries(CATALOG)
    assert queries["Recording"] == "kind=recording"
    assert queries["Multilingual Learners"] == "stack=multilingual-learners"


# --- the vocabulary is data, validated ----------------------------------------


def load_edited(tmp_path: Path, file: str, old: str, new: str) -> DataErrors:
    data = tmp_path / "credentials_data"
    shutil.copytree(MINIMAL_DATA, data)
    path = data / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        load_catalog(data, display_root=tmp_path)
    return caught.value


def test_an_artifact_kind_outside_the_vocabulary_is_an_error_at_its_line(tmp_path: Path) -> None:
    errors = load_edited(tmp_path, "sample-credential.yml", "kind: sample-kind", "kind: sample-knd")
    assert errors.report().splitlines()[0] == (
        "credentials_data/sample-credential.yml:31: submission.artifacts[0].kind: expected the id of an artifact "
        "kind in registries/artifact_kinds.yml or local/artifact_kinds.yml, found 'sample-knd' "
        "(did you mean 'sample-kind'?)"
    )


def test_a_kind_label_that_reads_like_a_stack_title_is_an_error(tmp_path: Path) -> None:
    errors = load_edited(tmp_path, "registries/artifact_kinds.yml", "label: Sample kind", "label: sample stack")
    assert [str(e) for e in errors.errors] == [
        "credentials_data/registries/artifact_kinds.yml:4: artifact_kinds[0].label: expected a label no other tag has, "
        "found 'sample stack', already the title of stack 'sample-stack'"
    ]


# --- the built pages ------------------------------------------------------------


def page_html(site: Path, src_uri: str) -> str:
    folder = src_uri.removesuffix(".md").removesuffix("index")
    return (site / folder / "index.html").read_text(encoding="utf-8")


def test_guide_and_template_pages_carry_their_tags_linked_to_the_filtered_catalog(site: Path) -> None:
    credential = by_id(LINKING)
    guide = page_html(site, guide_page(credential))
    tags = re.findall(r'<a href="([^"]+)" class="md-tag">([^<]+)</a>', guide)
    assert [name for _, name in tags] == guide_tags(CATALOG, credential)
    assert tags[0][0] == "../../?stack=family-community-engagement#find-a-credential"
    assert tags[2][0] == "../../?kind=recording#find-a-credential"
    recording = next(item for item in fillables(credential) if item.artifact_kind == "recording")
    template = page_html(site, template_page(credential, recording).removesuffix(".md") + "/index.md")
    names = re.findall(r'class="md-tag">([^<]+)</a>', template)
    assert names == ["Family and Community Engagement", "Recording"]


def test_the_home_page_holds_the_filter_and_the_plain_list_and_loads_the_index(site: Path) -> None:
    home = (site / "index.html").read_text(encoding="utf-8")
    assert '<form id="cg-catalog-filter" class="cg-catalog-filter cg-needs-js"' in home
    assert '<input type="checkbox" name="kind" value="recording"> Recording (1)' in home
    assert '<script src="catalog-index.js"></script>' in home
    for credential in CATALOG.credentials:
        assert f'href="{credential.stack}/{credential.id}/"' in home, "without JavaScript every guide is listed"
    text = (site / "catalog-index.js").read_text(encoding="utf-8")
    assert text.startswith("window.cgCatalogIndex = ")
    index = json.loads(text.removeprefix("window.cgCatalogIndex = ").rstrip().removesuffix(";"))
    assert [r[0] for r in index["credentials"]] == [c.id for c in CATALOG.credentials]


# --- in the browser ---------------------------------------------------------------


def shown_titles(page: Page) -> list[str]:
    return page.locator("#cg-catalog-results > li > a").all_inner_texts()


def test_filtering_by_kind_and_writing_narrows_the_list_and_the_address_reloads_to_the_same_view(
    page: Page, served_site: str
) -> None:
    page.goto(served_site + "/")
    expect(page.locator("#cg-catalog-filter")).to_be_visible()
    expect(page.locator("#cg-browse")).to_be_visible()
    page.get_by_label("Action plan (2)").check()
    expect(page.locator("#cg-browse")).to_be_hidden()
    assert sorted(shown_titles(page)) == sorted(c.title for c in CATALOG.credentials if "action-plan" in kinds_of(c))
    page.get_by_label("Recording (1)").check()
    assert len(shown_titles(page)) == 3, "kinds combine as 'any of these'"
    page.get_by_label("Writing required").select_option("1000")
    expected = [by_id(LINKING).title, by_id("community-partnerships-learning-well-being").title]
    assert shown_titles(page) == expected
    expect(page.locator("#cg-catalog-status")).to_have_text(
        "2 of 4 credentials with action plan or recording, up to 1,000 words."
    )
    address = page.url
    assert "kind=action-plan" in address and "kind=recording" in address and "words=1000" in address
    page.goto(address)
    assert shown_titles(page) == expected
    expect(page.get_by_label("Recording (1)")).to_be_checked()
    expect(page.get_by_label("Writing required")).to_have_value("1000")
    page.get_by_role("button", name="Show every credential").click()
    expect(page.locator("#cg-browse")).to_be_visible()
    assert page.url.endswith("/") and "?" not in page.url


def test_a_tag_opens_the_catalog_filtered_by_it(page: Page, served_site: str) -> None:
    credential = by_id(LINKING)
    page.goto(served_site + "/" + guide_page(credential).removesuffix("index.md"))
    page.locator("nav.md-tags").get_by_role("link", name="Recording").click()
    expect(page.locator("#cg-catalog-status")).to_have_text("1 of 4 credentials with recording.")
    assert shown_titles(page) == [credential.title]
    expect(page.get_by_label("Recording (1)")).to_be_checked()


def test_without_javascript_the_home_page_is_a_plain_list_of_every_guide(browser: Browser, served_site: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served_site + "/?kind=recording")
    expect(page.locator("#cg-catalog-filter")).to_be_hidden()
    for credential in CATALOG.credentials:
        expect(page.locator("#cg-browse").get_by_role("link", name=credential.title, exact=True)).to_be_visible()
    context.close()


def test_the_filtered_list_shows_the_readers_own_progress(page: Page, served_site: str) -> None:
    page.goto(served_site + "/")
    key = f"credential-guides|/|{LINKING}|part-1-overview"
    record = {
        "schema": 2,
        "credential": LINKING,
        "template": "part-1-overview",
        "values": {"question-1": "Begun"},
        "checks": {},
    }
    page.evaluate("([key, record]) => localStorage.setItem(key, JSON.stringify(record))", [key, record])
    page.goto(served_site + "/?kind=recording")
    note = page.locator("#cg-catalog-results .cg-progress")
    expect(note).to_have_count(1)
    expect(note).to_contain_text("started on this device: answers in 1 of 5 templates")
    page.get_by_label("Action plan (2)").check()
    expect(page.locator("#cg-catalog-results .cg-progress")).to_have_count(1)


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Path:

    project = write_project(tmp_path_factory.mktemp("many") / "project", 120)
    result = mkdocs_build(project, project / "site", CG_PDF="0", CG_OFFLINE_ZIP="0")
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_at_catalog_size_the_list_comes_fifty_at_a_time_and_the_index_stays_small(many: Path, page: Page) -> None:
    size = (many / "catalog-index.js").stat().st_size
    assert size < 120 * 200, f"{size:,} bytes for 120 credentials"
    with serve(many) as origin:
        page.goto(origin + "/?stack=stack-01")
        expect(page.locator("#cg-catalog-status")).to_have_text("40 of 120 credentials in Synthetic Stack 1.")
        page.goto(origin + "/?kind=action-plan")
        status = page.locator("#cg-catalog-status")
        expect(status).to_contain_text("of 120 credentials with action plan; the first 50 are shown.")
        assert len(shown_titles(page)) == 50
        page.get_by_role("button", name=re.compile(r"Show \d+ more")).click()
        assert len(shown_titles(page)) > 50
        focused = page.evaluate("document.activeElement.textContent")
        assert focused == shown_titles(page)[50], "focus moves to the first newly shown credential"


# --- where to submit ------------------------------------------------------------

PORTAL = "https://nea.certificationbank.com/"


def test_every_guide_template_and_templates_page_names_the_issuers_portal_and_its_advice(site: Path) -> None:
    for credential in CATALOG.credentials:
        stack = CATALOG.stack(credential.stack)
        assert stack.submission is not None
        pages = [guide_page(credential), summary_page(credential)]
        pages += [template_page(credential, item).removesuffix(".md") + "/index.md" for item in fillables(credential)]
        for src in pages:
            html = page_html(site, src)
            note = html[html.index("How to submit") :]
            assert f'<a href="{PORTAL}">{stack.submission.name}</a> ({PORTAL})' in note, src
            assert f'href="{stack.submission.advice_source}">Its advice to earners</a>' in note, src
            assert "number your answers as the guide numbers its questions" in note, src


def test_advice_to_earners_must_say_where_it_comes_from(tmp_path: Path) -> None:
    portal = (
        "  submission:\n    name: A portal\n    url: https://portal.example.org/\n"
        "    advice: [Number your answers.]\n  levels:"
    )
    errors = load_edited(tmp_path, "registries/stacks.yml", "  levels:", portal)
    assert [str(e) for e in errors.errors] == [
        "credentials_data/registries/stacks.yml:7: stacks[0].submission: expected advice_source: the address of "
        "the page the advice comes from, found none"
    ]


@pytest.mark.parametrize("width", [1280, 390])
def test_the_filtered_catalog_passes_axe_and_does_not_scroll_sideways(
    browser: Browser, served_site: str, width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(served_site + "/?kind=action-plan&kind=recording&words=1000")
    expect(page.locator("#cg-catalog-results")).to_be_visible()
    assert axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    context.close()


def test_the_offline_copy_filters_from_a_folder(site: Path, browser: Browser, tmp_path: Path) -> None:
    with zipfile.ZipFile(site / "downloads" / "credential-guides-offline.zip") as zipped:
        zipped.extractall(tmp_path)
    home = tmp_path / "credential-guides" / "index.html"
    context = browser.new_context()
    page = context.new_page()
    page.goto(home.as_uri() + "?kind=recording")
    expect(page.locator("#cg-catalog-status")).to_have_text("1 of 4 credentials with recording.")
    page.locator("#cg-catalog-results a").first.click()
    expect(page.locator("h1")).to_have_text(by_id(LINKING).title)
    assert page.url.endswith(f"{LINKING}/index.html")
    context.close()


@pytest.mark.slow
def test_a_page_tagged_outside_the_vocabulary_fails_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "docs" / "notes.md").write_text("---\ntags: [Made-up tag]\n---\n\n# Notes\n", encoding="utf-8")
    result = mkdocs_build(project, project / "site", CG_PDF="0", CG_OFFLINE_ZIP="0")
    assert result.returncode == 1
    assert "Made-up tag" in result.stderr and "allow list" in result.stderr
    assert not (project / "site").exists(), "nothing was written"
