"""One real `mkdocs build --strict` of a copy of the project, and what the built site holds."""

from __future__ import annotations

import html
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

import pytest

from conftest import copy_project, mkdocs_build, search_documents
from credential_guides.catalog import load_catalog
from credential_guides.model import Credential, DescriptorList
from credential_guides.site_map import guide_page
from release_content import RELEASE_CONTENT

CATALOG = load_catalog(RELEASE_CONTENT / "credentials_data")


def page_html(site: Path, src_uri: str) -> str:
    path = site / (src_uri.removesuffix(".md").removesuffix("index") + "/index.html").lstrip("/")
    return path.read_text(encoding="utf-8")


def visible_text(markup: str) -> str:
    """Text of the main article, whitespace collapsed, entities decoded."""
    article = re.search(r"<article.*?</article>", markup, re.S)
    assert article, "no <article> in page"
    text = re.sub(r"<[^>]+>", " ", article.group(0))
    return " ".join(html.unescape(text).split())


def plain(markdown_text: str) -> str:
    return " ".join(re.sub(r"\\?[*_`]", "", markdown_text).split())


def test_build_is_strict_and_silent(site_build: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    _, result = site_build
    assert "WARNING" not in result.stderr
    assert "ERROR" not in result.stderr


@pytest.mark.parametrize("credential", CATALOG.credentials, ids=[c.id for c in CATALOG.credentials])
def test_guide_page_shows_its_data(site: Path, credential: Credential) -> None:
    markup = page_html(site, guide_page(credential))
    text = visible_text(markup)
    assert plain(credential.competency) in text
    assert plain(credential.key_method) in text
    for number, artifact in enumerate(credential.submission.artifacts, start=1):
        assert f"Artifact {number}: {artifact.title}" in text
    header = re.search(r'<table class="cg-rubric">.*?<thead>(.*?)</thead>', markup, re.S)
    assert header, "no rubric table"
    assert re.findall(r"<th scope=\"col\">(.*?)</th>", header.group(1)) == [
        "Artifact",
        "Proficient",
        "Basic",
        "Developing",
    ]
    rows = re.findall(r"<tr>\s*<th scope=\"row\">", markup)
    assert len(rows) == len(credential.submission.artifacts)


@pytest.mark.parametrize("credential", CATALOG.credentials, ids=[c.id for c in CATALOG.credentials])
def test_guide_page_shows_attribution_license_and_date(site: Path, credential: Credential) -> None:
    markup = page_html(site, guide_page(credential))
    text = visible_text(markup)
    assert f'href="{credential.source.license_url}"' in markup
    assert credential.source.license in text
    assert "National Education Association (NEA)" in text
    revised = credential.source.last_revised or "unknown (the copy this site was built from shows no date)"
    assert f"Last revised: {revised}" in text


def test_stack_page_lists_all_topics_in_order(site: Path) -> None:
    stack = CATALOG.stack("family-community-engagement")
    text = visible_text(page_html(site, f"{stack.id}/index.md"))
    positions = [text.index(topic.title) for topic in stack.topics]
    assert positions == sorted(positions)
    assert text.count("not included in this copy") == 5
    assert "3 of 8 topics are included" in text


def test_credentialing_pages_state_nafsces_facts_in_our_words_and_never_speak_as_nafsce(site: Path) -> None:
    about = visible_text(page_html(site, "about.md"))
    facts = CATALOG.credentialing.micro_credential
    assert f"NEA awards {facts.seat_hours} seat hours of professional-development credit" in about
    assert "costs nothing for NEA members and $75 for others" in about
    assert "no degree is needed" in about
    assert "written in this site's own words" in about
    assert "NAFSCE takes suggestions for its list of professional learning at edprep@nafsce.org" in about
    for speaking_as_nafsce in ("contact us", "We at NAFSCE", "Below we highlight", "Watch the recording below"):
        assert speaking_as_nafsce not in about, speaking_as_nafsce
    more = visible_text(page_html(site, "professional-learning.md"))
    for offering in CATALOG.credentialing.professional_learning:
        assert offering.name in more


def search_index_text(site: Path) -> str:
    return " ".join(
        " ".join([str(d["meta"]["title"]), str(d["content"])])  # type: ignore[index]
        for d in search_documents(site).values()
    )


def test_search_finds_every_guide_requirement_and_rubric_descriptor(site: Path) -> None:
    text = search_index_text(site)
    for credential in CATALOG.credentials:
        assert credential.title in text
        for artifact in credential.submission.artifacts:
            for block in artifact.instructions:
                items = (
                    [block]
                    if isinstance(block, str)
                    else getattr(block, "bullets", ()) + getattr(block, "numbered", ())
                )
                for item in items:
                    assert plain(item) in text, item
            for descriptors in artifact.rubric.levels.values():
                for descriptor in descriptors:
                    parts = (
                        [descriptor.text, *descriptor.items] if isinstance(descriptor, DescriptorList) else [descriptor]
                    )
                    for part in parts:
                        assert " ".join(part.split()) in text, part


def test_search_indexes_every_teachers_page_and_template_label_but_no_form_controls(site: Path) -> None:
    documents = search_documents(site)
    pages = {
        "/" + html_file.relative_to(site).as_posix().removesuffix("index.html")
        for html_file in site.rglob("index.html")
    }
    district_staff = {"/district-staff/", "/hosting/", "/editing-content/", "/copy-status/"}
    assert district_staff <= pages
    assert set(documents) == pages - {"/search/"} - district_staff
    text = search_index_text(site)
    for credential in CATALOG.credentials:
        for artifact in credential.submission.artifacts:
            for field in artifact.template.fields:
                assert " ".join(field.label.split()) in text, field.label
                for column in field.columns:
                    assert column.label in text, column.label
    action_plan = next(d for url, d in documents.items() if url.endswith("/templates/action-plan/"))
    content = str(action_plan["content"])
    assert "Row 1:" not in content
    assert "Remove row" not in content
    assert "<" not in content
    assert action_plan["meta"]["title"].startswith("Template: Artifact 3: Action Plan · ")  # type: ignore[index]


class _ExternalReferences(HTMLParser):
    """Collects addresses a browser would fetch on its own (not links a reader may follow)."""

    FETCHED: ClassVar[set[tuple[str, str]]] = {
        ("script", "src"),
        ("img", "src"),
        ("iframe", "src"),
        ("source", "src"),
        ("video", "src"),
        ("audio", "src"),
    }

    def __init__(self) -> None:
        super().__init__()
        self.fetched: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name, value in attrs:
            if (tag, name) in self.FETCHED and value:
                self.fetched.append(value)
        rel = (values.get("rel") or "").split()
        if tag == "link" and values.get("href") and not {"canonical", "alternate"} & set(rel):
            self.fetched.append(values["href"] or "")


def test_no_page_fetches_from_another_origin(site: Path) -> None:
    offenders = []
    for page in site.rglob("*.html"):
        parser = _ExternalReferences()
        parser.feed(page.read_text(encoding="utf-8"))
        offenders += [f"{page.relative_to(site)}: {url}" for url in parser.fetched if re.match(r"^(https?:)?//", url)]
    for sheet in site.rglob("*.css"):
        css = sheet.read_text(encoding="utf-8")
        offenders += [
            f"{sheet.relative_to(site)}: {u}" for u in re.findall(r"url\(\s*['\"]?((?:https?:)?//[^)'\"]+)", css)
        ]
        offenders += [
            f"{sheet.relative_to(site)}: @import {u}"
            for u in re.findall(r"@import\s+['\"]((?:https?:)?//[^'\"]+)", css)
        ]
    assert offenders == []


@pytest.mark.slow
def test_bad_data_stops_the_build_with_every_error_and_no_site(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    first = project / "credentials_data" / "family-engagement-access-opportunities.yml"
    first.write_text(
        first.read_text(encoding="utf-8").replace("topic: 2\n", "topic: 2\ntopic: 3\n", 1), encoding="utf-8"
    )
    second = project / "credentials_data" / "linking-family-engagement-learning-outcomes.yml"
    text = second.read_text(encoding="utf-8")
    text = text.replace("words: {min: 400, max: 500}", "words: {min: 500, max: 400}")
    text = text.replace("  - stem-next-2019\n", "  - stem-next-2020\n")
    second.write_text(text, encoding="utf-8")

    result = mkdocs_build(project, project / "site")

    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert not (project / "site").exists()
    assert (
        "credentials_data/family-engagement-access-opportunities.yml:7: "
        "topic: expected each field once, found 'topic' again (first on line 6)" in result.stderr
    )
    assert "credentials_data/linking-family-engagement-learning-outcomes.yml:" in result.stderr
    assert "submission.reflection.words: expected min ≤ max, found min 500 > max 400" in result.stderr
    assert (
        "research[4]: expected the id of a citation in registries/citations.yml or local/citations.yml, "
        "found 'stem-next-2020'" in result.stderr
    )
    assert "3 errors in the credential data; nothing was built." in result.stderr


def _all_options(node: object) -> list[str]:
    if isinstance(node, dict):
        found = [str(o) for o in node.get("options") or ()]
        return found + [o for value in node.values() for o in _all_options(value)]
    if isinstance(node, (list, tuple)):
        return [o for value in node for o in _all_options(value)]
    return []


def test_every_choice_in_the_shipped_data_is_whole() -> None:
    """An unquoted comma in a YAML flow list splits one choice in two ('Event', 'program or …')."""
    options = [o for credential in CATALOG.credentials for o in _all_options(credential.model_dump())]
    assert len(options) > 20
    assert [o for o in options if not o[:1].isupper() and not o[:1].isdigit()] == []


def test_pages_for_district_staff_are_out_of_the_teachers_navigation_and_linked_from_every_footer(
    site: Path,
) -> None:
    for page, staff_link in (("index.html", "district-staff/"), ("your-answers/index.html", "../district-staff/")):
        html = (site / page).read_text(encoding="utf-8")
        navigation = html[html.index('class="md-nav md-nav--primary"') : html.index('class="md-content"')]
        assert "district web staff" not in navigation.lower(), page
        assert "Host your own copy" not in navigation and "Editing the content" not in navigation
        footer = html.split('<div class="md-copyright', 1)[1]
        assert f'<a href="{staff_link}">For district web staff</a>' in footer, page
    staff = (site / "district-staff" / "index.html").read_text(encoding="utf-8")
    assert 'href="../hosting/">Host your own copy</a>' in staff
    assert 'href="../editing-content/">Editing the content</a>' in staff
