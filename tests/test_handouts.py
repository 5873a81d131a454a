"""Handouts for families: the part of a template families fill in (a survey), on its own page and PDF."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from conftest import copy_project
from credential_guides.catalog import load_catalog
from credential_guides.errors import DataErrors
from credential_guides.fillable import fillables
from credential_guides.project import load_project
from credential_guides.site_map import handout_page, pdf_links_for, template_page
from release_content import RELEASE_CONTENT

CATALOG = load_catalog(RELEASE_CONTENT / "credentials_data")
CREDENTIAL = CATALOG.credentials[0]
SURVEY = next(item for item in fillables(CREDENTIAL) if item.id == "information-gathering-survey")


def html_of(site: Path, src_uri: str) -> str:
    return (site / src_uri.removesuffix(".md") / "index.html").read_text(encoding="utf-8")


def test_only_the_survey_has_a_handout_with_the_families_questions() -> None:
    with_handouts = [(c.id, i.id) for c in CATALOG.credentials for i in fillables(c) if i.template.handout]
    assert with_handouts == [(CREDENTIAL.id, SURVEY.id)]
    assert [f.label for f in SURVEY.template.handout_fields()] == [
        "Preferred mode of communication",
        "Preferred language to communicate",
        "Does your home have internet access?",
        "Special trade, skill, or talent the family could share in class",
        "Ethnicity, which may be shared during a cultural celebration or learning experience (optional)",
    ]


def test_a_handout_may_only_name_fields_of_its_template(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    path = project / "credentials_data" / f"{CREDENTIAL.id}.yml"
    text = path.read_text(encoding="utf-8")
    bad = text.replace("fields: [preferred-modes, preferred-language,", "fields: [preferred-modes, favourite-colour,")
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(DataErrors) as raised:
        load_project(project)
    errors = [str(e) for e in raised.value.errors]
    assert len(errors) == 1
    assert errors[0].startswith(f"credentials_data/{CREDENTIAL.id}.yml:")
    assert "expected handout.fields to name fields of this template (" in errors[0]
    assert "found 'favourite-colour'" in errors[0]


def test_the_handout_page_holds_what_families_fill_in_and_a_line_for_the_language(site: Path) -> None:
    page = html_of(site, handout_page(CREDENTIAL, SURVEY))
    assert "<h1" in page and "Survey for families</h1>" in page
    assert '<label for="h-language">Language of this copy</label>' in page
    for field in SURVEY.template.handout_fields():
        assert field.label in page, field.label
    for educators_only in ("Languages the survey will be offered in", "Rubric self-check", "Export answers"):
        assert educators_only not in page, educators_only
    template = html_of(site, template_page(CREDENTIAL, SURVEY))
    assert 'href="../information-gathering-survey-handout/">Handout for families: Survey for families</a>' in template


def test_the_survey_template_says_to_upload_the_handout_and_links_its_pdf(site: Path) -> None:
    template = html_of(site, template_page(CREDENTIAL, SURVEY))
    note = template.split('<p class="cg-upload-note">', 1)[1].split("</p>", 1)[0]
    assert "<strong>What to upload for this artifact:</strong> the tool itself, the handout for families" in note
    pdf = pdf_links_for(CREDENTIAL).handouts[SURVEY.id]
    assert f'href="../../../../{pdf}"' in note
    assert (site / pdf).is_file()
    others = [item for item in fillables(CREDENTIAL) if item.id != SURVEY.id]
    assert all("cg-upload-note" not in html_of(site, template_page(CREDENTIAL, item)) for item in others)


def test_a_printed_handout_shows_no_note_for_the_educator(served_site: str, page: Page) -> None:
    page.goto(served_site + "/" + handout_page(CREDENTIAL, SURVEY).removesuffix(".md") + "/")
    expect(page.get_by_text("For the educator")).to_be_visible()
    page.emulate_media(media="print")
    expect(page.get_by_text("For the educator")).to_be_hidden()
    expect(page.locator("h1")).to_have_text("Survey for families")
    expect(page.locator("label[for=h-language]")).to_be_visible()
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()


def test_the_handout_pdf_is_tagged_titled_and_fillable(site: Path) -> None:
    reader = PdfReader(site / pdf_links_for(CREDENTIAL).handouts[SURVEY.id])
    root: Any = reader.root_object
    assert "/StructTreeRoot" in root and root["/Lang"] == "en"
    assert reader.metadata and reader.metadata.title == "Survey for families"
    expected = {"language"}
    for field in SURVEY.template.handout_fields():
        if field.type in ("choice", "checklist"):
            expected |= {f"h-{field.id}.{n}" for n in range(1, len(field.options) + 1)}
        else:
            expected.add(f"h-{field.id}")
    assert set(reader.get_fields() or {}) == expected
    assert len(reader.pages) == 1, "a one-page handout"
