"""Each page names its own source: NEA's words only on NEA's guides, the footer a page's own license."""

from __future__ import annotations

from pathlib import Path

import pytest
from district_copy import OWN, STACK, customise

from conftest import copy_project
from credential_guides.page_footer import PageFooters
from credential_guides.pages import render_site
from credential_guides.project import Project, load_project
from credential_guides.site_map import SiteMap

NEA_GUIDE = "multilingual-learners/multilingual-learner-family-caregiver-engagement/"
OWN_GUIDE = f"{STACK}/{OWN}/"
NEA_LINE = "Credential guides © National Education Association (NEA), with National Association"
OWN_LINE = "Credential guides © Springfield Public Schools, licensed under"
REPRODUCED = "Its words are reproduced here unchanged"


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """A district's copy with NEA's guides and one of its own."""
    project = copy_project(tmp_path_factory.mktemp("mixed") / "district")
    customise(project)
    return load_project(project)


def pages_of(project: Project) -> dict[str, str]:
    return {page.src_uri: page.markdown for page in render_site(project.catalog, project.settings)}


def test_the_box_says_reproduced_only_on_guides_published_elsewhere(mixed: Project) -> None:
    pages = pages_of(mixed)
    assert REPRODUCED in pages[NEA_GUIDE + "index.md"]
    own = pages[OWN_GUIDE + "index.md"]
    assert "This guide is published by the Springfield Public Schools." in own
    assert REPRODUCED not in own


def test_the_home_page_says_whose_guides_are_reproduced(mixed: Project) -> None:
    home = pages_of(mixed)["index.md"]
    assert "Questions: pd-office@springfield.example.org.\n\nThe guides below" in home, "a paragraph of its own"
    assert "Each guide is reproduced word for word" not in home
    assert "The guides of the National Education Association (NEA) are reproduced word for word" in home
    assert "Springfield Public Schools are reproduced" not in home


def test_the_home_page_of_the_release_says_every_guide_is_reproduced(tmp_path: Path) -> None:
    home = pages_of(load_project(copy_project(tmp_path / "release")))["index.md"]
    assert "Each guide is reproduced word for word from its publisher, under its license." in home


def test_each_page_footer_names_the_license_of_the_guides_it_shows(mixed: Project) -> None:
    footers = PageFooters.of(mixed.settings, mixed.catalog)
    places = SiteMap.of(mixed.catalog)
    own = next(c for c in mixed.catalog.credentials if c.id == OWN)
    for page in (places[own].guide, places[own].summary, *places[own].templates.values(), places.stacks[STACK]):
        footer = footers.for_page(page)
        assert OWN_LINE in footer and "CC BY-NC-ND" not in footer and "NEA" not in footer, page
        assert footer.startswith("Springfield Public Schools, Office of Professional Learning<br>Contact: ")
    nea = next(c for c in mixed.catalog.credentials if c.id != OWN)
    for page in (places[nea].guide, *places[nea].templates.values(), *places[nea].handouts.values()):
        footer = footers.for_page(page)
        assert (
            NEA_LINE in footer and "CC BY-NC-ND 4.0" in footer and "Springfield Public Schools, licensed" not in footer
        )
    for page in ("index.md", "catalog.md", "about.md", "hosting.md", "search.md"):
        assert NEA_LINE in footers.for_page(page) and OWN_LINE in footers.for_page(page), page
    assert footers.site_wide == footers.for_page("index.md")


def test_a_footer_prints_hostile_names_as_text(mixed: Project) -> None:
    hostile = '<img src=x onerror="alert(1)"> & Co'
    credentials = tuple(
        c.model_copy(update={"source": c.source.model_copy(update={"publisher": hostile})}) if c.id == OWN else c
        for c in mixed.catalog.credentials
    )
    catalog = mixed.catalog.model_copy(update={"credentials": credentials})
    settings = mixed.settings.model_copy(update={"footer": "<b>Office</b>", "contact": "<a href=x>x</a>"})
    footer = PageFooters.of(settings, catalog).for_page(OWN_GUIDE + "index.md")
    assert "<img" not in footer and "<b>" not in footer and "<a href=x>" not in footer
    assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt; &amp; Co" in footer
    assert footer.startswith("&lt;b&gt;Office&lt;/b&gt;<br>Contact: &lt;a href=x&gt;x&lt;/a&gt;<br>")
