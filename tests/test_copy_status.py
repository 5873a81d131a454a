"""``credential-guides status``: what a copy hides, changes and adds, and which release it runs."""

from __future__ import annotations

from pathlib import Path

from district_copy import HIDDEN, OWN, cli, customise

from conftest import copy_project


def test_a_copy_of_the_release_says_it_changes_nothing(tmp_path: Path) -> None:
    result = cli(copy_project(tmp_path / "release"), "status")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0].startswith("This copy runs release 0.5.0 of the engine")
    assert "Its content is the release's: it hides, changes and adds nothing." in result.stdout


def test_a_district_copy_lists_what_it_hides_changes_adds_and_edits(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "district")
    customise(project)
    resources = project / "credentials_data" / "registries" / "resources.yml"
    resources.write_text(resources.read_text(encoding="utf-8") + "# our note\n", encoding="utf-8")
    citations = project / "credentials_data" / "registries" / "citations.yml"
    citations.write_bytes(citations.read_bytes().replace(b"\n", b"\r\n"))  # saved on Windows: not an edit

    result = cli(project, "status")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    section = {line.split(":")[0]: index for index, line in enumerate(lines) if not line.startswith(" ")}
    assert "Hidden credentials (site.yml hidden.credentials): 1" in lines
    assert f"  {HIDDEN}" in lines
    assert "  site_name: Springfield Educator Guides" in lines
    assert "  paper: a4" in lines and "  pdfs: false" in lines
    assert '  colors: {"primary": "#1f4e79", "accent": "#b34700"}' in lines
    own = lines[section["Files of this copy's own (a release never touches them)"] :]
    assert f"  credentials_data/local/{OWN}.yml" in own and "  credentials_data/local/stacks.yml" in own
    assert "  docs/assets/logo.svg" in own
    edited = lines[section["Files of the release this copy edited (a new release may conflict with them)"] :]
    assert edited[0].endswith(": 1") and edited[1] == "  credentials_data/registries/resources.yml"
    assert "  credentials_data/registries/citations.yml" not in lines
    assert "site.yml" not in [line.strip() for line in edited], "site.yml's changes are listed setting by setting"
