"""A district's own words without editing the engine: home text in site.yml, pages of its own in docs/local/."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from district_copy import cli, customise

from conftest import copy_project, mkdocs_build

WELCOME = "---\ntitle: Welcome\n---\n\n# Welcome to Springfield\n\nAsk the PD office first.\n"
DEADLINES = "# Deadlines this year\n\nSubmit by June 1.\n"


def test_home_text_with_a_script_link_is_refused_on_its_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "district")
    settings = project / "site.yml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text.replace("home_text: null", 'home_text: "[Start](javascript:alert(1))"'), "utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if row.startswith("home_text:"))
    result = cli(project, "validate")
    assert result.returncode == 1
    assert re.search(rf"^site.yml:{line}: home_text: expected .*found .*javascript", result.stderr, re.M), result.stderr


@pytest.mark.slow
def test_home_text_and_own_pages_are_shown_to_teachers(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "district")
    customise(project)
    (project / "docs" / "local").mkdir()
    (project / "docs" / "local" / "2-deadlines.md").write_text(DEADLINES, encoding="utf-8")
    (project / "docs" / "local" / "1-welcome.md").write_text(WELCOME, encoding="utf-8")
    settings = project / "site.yml"
    settings.write_text(
        re.sub(
            r"(?m)^home_text: .*$",
            "home_text: |\n  Welcome, **Springfield** educators.\n\n  Second.",
            (settings.read_text(encoding="utf-8")),
        ),
        encoding="utf-8",
    )
    site = project / "site"
    result = mkdocs_build(project, site, CG_PDF="0", CG_OFFLINE_ZIP="0")
    assert result.returncode == 0, result.stderr

    home = (site / "index.html").read_text(encoding="utf-8")
    assert "<p>Welcome, <strong>Springfield</strong> educators.</p>\n<p>Second.</p>" in home
    navigation = home[home.index('class="md-nav md-nav--primary"') : home.index('class="md-content"')]
    titles = re.findall(r'href="([^"#]+)"[^>]*>\s*(?:<span[^>]*>)?\s*([^<\n]+)', navigation)
    entries = [href for href, _ in titles]
    assert entries.index("local/1-welcome/") < entries.index("local/2-deadlines/") < entries.index("your-answers/")
    assert ("local/1-welcome/", "Welcome") in titles and ("local/2-deadlines/", "Deadlines this year") in titles
    welcome = (site / "local" / "1-welcome" / "index.html").read_text(encoding="utf-8")
    assert "Ask the PD office first." in welcome
    assert '<a href="../../district-staff/">For district web staff</a>' in welcome
