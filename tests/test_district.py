"""A district's copy: its own name, logo, colours and notes, one stack hidden, one credential added."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import copy_project, fill_placeholders, mkdocs_build, search_documents

pytestmark = pytest.mark.slow  # builds sites: left out of ./dev test --fast

LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#0b5"/></svg>'


def test_a_district_copy_shows_its_changes_and_hides_what_it_hides(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "district")
    (project / "docs" / "assets").mkdir()
    (project / "docs" / "assets" / "district-logo.svg").write_text(LOGO, encoding="utf-8")
    settings = yaml.safe_load((project / "site.yml").read_text(encoding="utf-8"))
    settings.update(
        site_name="Springfield Educator Guides",
        organization="Springfield Public Schools",
        logo="assets/district-logo.svg",
        favicon="assets/district-logo.svg",
        colors={"primary": "#1f4e79", "accent": "#b34700"},
        contact="pd-office@springfield.example.org",
        how_to_submit="Submit through the **Springfield PD portal** before June 1.",
        footer="Springfield Public Schools, Office of Professional Learning",
        hidden={"stacks": ["multilingual-learners"], "credentials": []},
    )
    (project / "site.yml").write_text(yaml.safe_dump(settings, sort_keys=False), encoding="utf-8")
    scaffold = subprocess.run(
        [
            sys.executable,
            "-m",
            "credential_guides.cli",
            "new",
            "families-in-society",
            "--stack",
            "family-community-engagement",
            "--topic",
            "1",
            "--title",
            "Families in Society (Springfield)",
            "--project",
            str(project),
        ],
        capture_output=True,
        text=True,
        cwd=project,
    )
    assert scaffold.returncode == 0, scaffold.stderr
    own_file = project / "credentials_data" / "local" / "families-in-society.yml"
    own_file.write_text(fill_placeholders(own_file.read_text(encoding="utf-8")), encoding="utf-8")

    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stderr
    site = project / "site"
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Springfield Educator Guides · Springfield Public Schools</title>" in home
    assert 'src="assets/district-logo.svg"' in home
    assert 'rel="icon" href="assets/district-logo.svg"' in home
    assert "--md-primary-fg-color: #1f4e79;" in home and "--md-accent-fg-color: #b34700;" in home
    assert "Springfield Public Schools, Office of Professional Learning" in home
    assert "pd-office@springfield.example.org" in home

    guide = (site / "family-community-engagement" / "family-engagement-access-opportunities" / "index.html").read_text(
        encoding="utf-8"
    )
    assert "How to submit at Springfield Public Schools" in guide
    assert "<strong>Springfield PD portal</strong>" in guide
    assert "certificationbank" not in guide, "the district's note replaces the issuer's portal"
    template = (
        site / "family-community-engagement" / "family-engagement-access-opportunities" / "templates" / "action-plan"
    )
    assert "Springfield PD portal" in (template / "index.html").read_text(encoding="utf-8")

    own = site / "family-community-engagement" / "families-in-society" / "index.html"
    assert own.is_file()
    stack_page = (site / "family-community-engagement" / "index.html").read_text(encoding="utf-8")
    assert 'href="families-in-society/">Families in Society and Cultural Contexts</a>' in stack_page

    assert not (site / "multilingual-learners").exists()
    assert "Multilingual Learner" not in home
    documents = search_documents(site)
    assert any("Families in Society" in str(d["content"]) for d in documents.values())
    assert not any("asset-focused mindset" in str(d["content"]) for d in documents.values())
