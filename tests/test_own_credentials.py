"""A district's own stack and credential: scaffolded, refused until filled in, shown with its own license."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml

from conftest import copy_project, mkdocs_build

pytestmark = pytest.mark.slow  # builds sites: left out of ./dev test --fast

FILLED = Path(__file__).parent / "fixtures" / "district" / "reading-conferences.yml"
STACK_ARGS = (
    "new-stack",
    "springfield-literacy",
    "--title",
    "Springfield Literacy Leaders",
    "--publisher",
    "Springfield Public Schools",
    "--license",
    "CC BY 4.0",
)
# Words that only NEA's and NAFSCE's guides bring: none may reach a site that shows none of their guides.
THEIR_WORDS = re.compile(
    r"\bNEA\b|NAFSCE|National Education Association|BY-NC-ND|certificationbank|Family and Community Engagement"
)


def cli(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "credential_guides.cli", *args], cwd=project, capture_output=True, text=True
    )


def own_stack_and_credential(project: Path) -> Path:
    """``new-stack`` then ``new``, as docs/hosting.md says; returns the scaffolded credential file."""
    made = cli(project, *STACK_ARGS)
    assert made.returncode == 0, made.stderr
    made = cli(
        project, "new", "reading-conferences", "--stack", "springfield-literacy", "--title", "Reading Conferences"
    )
    assert made.returncode == 0, made.stderr
    return project / "credentials_data" / "local" / "reading-conferences.yml"


def hide_their_stacks(project: Path) -> None:
    path = project / "site.yml"
    text = path.read_text(encoding="utf-8").replace(
        "  stacks: []", "  stacks: [family-community-engagement, multilingual-learners]"
    )
    path.write_text(text, encoding="utf-8")


def test_an_untouched_scaffold_is_a_draft_the_site_leaves_out_naming_what_is_left(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "district")
    scaffold = own_stack_and_credential(project)

    result = cli(project, "validate")
    assert result.returncode == 0, result.stderr
    assert "Left out of the site, as a draft (draft: true): credentials_data/local/reading-conferences.yml" in (
        result.stderr
    )
    assert "1 draft left out; all data valid" in result.stdout + result.stderr

    site = project / "site"
    build = mkdocs_build(project, site, CG_PDF="0", CG_OFFLINE_ZIP="0")
    assert build.returncode == 0, build.stderr
    assert "reading-conferences.yml" in build.stderr
    assert (site / "index.html").is_file()
    assert not (site / "springfield-literacy" / "reading-conferences").exists()
    assert "Reading Conferences" not in (site / "index.html").read_text(encoding="utf-8")
    assert scaffold.read_text(encoding="utf-8").count("REPLACE") > 10


def test_a_scaffold_without_its_draft_line_is_refused_by_name_and_builds_nothing(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "district")
    scaffold = own_stack_and_credential(project)
    text = scaffold.read_text(encoding="utf-8")
    assert "\ndraft: true" in text
    scaffold.write_text(re.sub(r"(?m)^draft: true.*\n", "", text), encoding="utf-8")

    result = cli(project, "validate")
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("credentials_data/")]
    placeholders = [
        line for line in scaffold.read_text(encoding="utf-8").splitlines() if re.match(r"^[^#]*REPLACE", line)
    ]
    assert len(errors) == len(placeholders) > 10
    assert all("found the placeholder 'REPLACE" in e or 'found the placeholder "REPLACE' in e for e in errors)
    competency = r"credentials_data/local/reading-conferences.yml:\d+: competency: expected the competency"
    assert re.search(competency, result.stderr)
    assert re.search(
        r"reading-conferences.yml:\d+: submission.artifacts\[0\].kind: expected the id of one", result.stderr
    )

    build = mkdocs_build(project, project / "site", CG_PDF="0", CG_OFFLINE_ZIP="0")
    assert build.returncode != 0
    assert "found the placeholder" in build.stderr
    assert not (project / "site").exists()


def test_new_refuses_a_taken_topic_and_points_to_a_stack_of_ones_own(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "district")
    result = cli(project, "new", "my-credential", "--stack", "family-community-engagement")
    assert result.returncode == 2
    assert "--topic: expected a free topic number of stack 'family-community-engagement' (free: 1, 3, 4, 7, 8)" in (
        result.stderr
    )
    assert "new-stack" in result.stderr
    taken = cli(project, "new", "my-credential", "--stack", "family-community-engagement", "--topic", "2")
    assert taken.returncode == 2 and "found 2, taken" in taken.stderr


def test_a_site_of_only_its_own_credentials_says_nothing_of_nea(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "district")
    scaffold = own_stack_and_credential(project)
    shutil.copyfile(FILLED, scaffold)
    hide_their_stacks(project)
    assert cli(project, "validate").returncode == 0

    site = project / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr

    guide = (site / "springfield-literacy" / "reading-conferences" / "index.html").read_text(encoding="utf-8")
    assert "published by the Springfield Public Schools" in guide
    assert (
        '<a href="https://creativecommons.org/licenses/by/4.0/">https://creativecommons.org/licenses/by/4.0/</a>'
        in (guide)
    )
    assert "Credential guides © Springfield Public Schools, licensed under" in guide
    assert "How to submit" not in guide, "the stack names no portal and site.yml no how_to_submit"
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "1 artifact ·" in home

    achievement = json.loads((site / "springfield-literacy" / "reading-conferences" / "achievement.json").read_text())
    assert "Springfield Public Schools" in json.dumps(achievement)

    texts: dict[str, str] = {}
    for path in site.rglob("*"):
        relative = path.relative_to(site).as_posix()
        if path.suffix in (".html", ".json", ".xml", ".txt") or (path.suffix == ".js" and "catalog" in path.name):
            texts[relative] = path.read_text(encoding="utf-8", errors="replace")
        elif path.suffix == ".pdf":
            pdf = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
            texts[relative] = pdf.stdout
    assert any(name.endswith(".pdf") for name in texts), "the PDFs were built and read"
    with zipfile.ZipFile(site / "downloads" / "credential-guides-offline.zip") as offline:
        for name in offline.namelist():
            if name.endswith(".html"):
                texts[f"offline:{name}"] = offline.read(name).decode("utf-8")
    found = {name: sorted(set(THEIR_WORDS.findall(text))) for name, text in texts.items() if THEIR_WORDS.search(text)}
    assert not found, f"NEA's or NAFSCE's words on a site without their guides: {found}"


@pytest.mark.parametrize("license_line", ["license: all rights reserved"])
def test_a_mixed_site_shows_each_credentials_own_license(tmp_path: Path, license_line: str) -> None:
    project = copy_project(tmp_path / "district")
    scaffold = own_stack_and_credential(project)
    shutil.copyfile(FILLED, scaffold)
    stacks = project / "credentials_data" / "local" / "stacks.yml"
    text = stacks.read_text(encoding="utf-8")
    stacks.write_text(re.sub(r"^  license: .*$", f"  {license_line}", text, flags=re.M), encoding="utf-8")
    assert yaml.safe_load(stacks.read_text(encoding="utf-8"))["stacks"][0]["license"] == "all rights reserved"

    site = project / "site"
    result = mkdocs_build(project, site, CG_PDF="0", CG_OFFLINE_ZIP="0")
    assert result.returncode == 0, result.stderr
    own = (site / "springfield-literacy" / "reading-conferences" / "index.html").read_text(encoding="utf-8")
    theirs = site / "multilingual-learners" / "multilingual-learner-family-caregiver-engagement" / "index.html"
    theirs_html = theirs.read_text(encoding="utf-8")
    assert "<strong>License:</strong> All rights reserved" in own
    assert "CC BY-NC-ND 4.0" not in own.split('<div class="md-copyright')[0]
    assert "CC BY-NC-ND 4.0" in theirs_html
    nea_line = "Credential guides © National Education Association (NEA)"
    own_line = "Credential guides © Springfield Public Schools, all rights reserved."
    own_footer = own.split('<div class="md-copyright', 1)[1]
    assert own_line in own_footer and nea_line not in own_footer, "a guide's footer names its own license only"
    their_footer = theirs_html.split('<div class="md-copyright', 1)[1]
    assert nea_line in their_footer and own_line not in their_footer
    assert "Its words are reproduced here unchanged" in theirs_html
    assert "Its words are reproduced here unchanged" not in own
    home_footer = (site / "index.html").read_text(encoding="utf-8").split('<div class="md-copyright', 1)[1]
    assert nea_line in home_footer and own_line in home_footer, "the home page shows both publishers' guides"
