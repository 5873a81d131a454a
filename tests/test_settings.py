"""site.yml: validated like the credential data and applied to the catalog."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import copy_project
from credential_guides.errors import DataErrors
from credential_guides.project import load_project
from credential_guides.settings import contrast_ratio


def project_with(tmp_path: Path, replacements: list[tuple[str, str]]) -> Path:
    project = copy_project(tmp_path / "p")
    path = project / "site.yml"
    text = path.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    return project


def errors_of(project: Path) -> list[str]:
    with pytest.raises(DataErrors) as raised:
        load_project(project)
    return [str(error) for error in raised.value.errors]


def test_default_settings_show_everything(tmp_path: Path) -> None:
    project = load_project(copy_project(tmp_path / "p"))
    assert len(project.catalog.credentials) == 4
    assert project.settings.title == "Educator Micro-Credential Guides"


def test_unreadable_colours_are_refused_with_their_contrast(tmp_path: Path) -> None:
    project = project_with(
        tmp_path, [('primary: "#303f9f"', 'primary: "#ffcc00"'), ('accent: "#c51162"', "accent: red")]
    )
    assert errors_of(project) == [
        "site.yml:23: colors.primary: expected a contrast of at least 4.5:1 with white, found #ffcc00 at 1.5:1",
        "site.yml:24: colors.accent: expected a six-digit colour like '#1f4e79', found 'red'",
    ]


def test_hidden_ids_must_exist_and_logo_must_be_a_file(tmp_path: Path) -> None:
    project = project_with(
        tmp_path,
        [
            ("  stacks: []", "  stacks: [multilingual-learner]"),
            ("logo: null", "logo: assets/missing.png"),
            ("footer: null", "footr: oops"),
        ],
    )
    found = errors_of(project)
    assert any(
        e.startswith("site.yml:")
        and "hidden.stacks[0]: expected the id of a stack" in e
        and "did you mean 'multilingual-learners'" in e
        for e in found
    )
    assert any("footr: expected one of the fields" in e and "did you mean 'footer'" in e for e in found)
    assert len(found) == 2  # the logo is checked once the file is otherwise valid


def test_missing_logo_file_is_named(tmp_path: Path) -> None:
    project = project_with(tmp_path, [("logo: null", "logo: assets/missing.png")])
    assert errors_of(project) == [
        "site.yml:17: logo: expected a file under docs/ (like 'assets/logo.svg'), found 'assets/missing.png', "
        "which does not exist"
    ]


def test_hiding_a_credential_removes_it_from_the_catalog(tmp_path: Path) -> None:
    project = project_with(
        tmp_path, [("  credentials: []", "  credentials: [linking-family-engagement-learning-outcomes]")]
    )
    catalog = load_project(project).catalog
    assert "linking-family-engagement-learning-outcomes" not in [c.id for c in catalog.credentials]
    assert catalog.credential_for_topic("family-community-engagement", 5) is None


def test_contrast_ratio_matches_wcag_examples() -> None:
    assert round(contrast_ratio("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast_ratio("#767676", "#ffffff"), 2) == 4.54


@pytest.mark.parametrize("value", ["hugo", "[mkdocs]", "MkDocs", "null"])
def test_an_engine_the_build_does_not_know_is_refused_on_its_line(tmp_path: Path, value: str) -> None:
    project = project_with(tmp_path, [("pdfs: true", f"pdfs: true\nengine: {value}")])
    found = errors_of(project)
    assert len(found) == 1 and found[0].startswith("site.yml:52: engine: "), found
    assert "mkdocs" in found[0] and "zensical" in found[0], found
