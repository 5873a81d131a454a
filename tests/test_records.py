"""Machine-readable records: per credential its data and an Open Badges 3.0 Achievement, and catalog.json."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft201909Validator

from conftest import MINIMAL_DATA, SHARED, copy_project, mkdocs_build
from credential_guides.catalog import load_catalog
from credential_guides.fillable import fillables
from credential_guides.records import achievement
from credential_guides.site_map import guide_page, record_path
from release_content import RELEASE_CONTENT

CATALOG = load_catalog(RELEASE_CONTENT / "credentials_data")
STANDARDS = SHARED / "standards" / "ob_v3p0_achievementcredential.schema.json"
EMBEDDED = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def achievement_validator() -> Draft201909Validator:
    if not STANDARDS.is_file():
        pytest.skip(f"the 1EdTech schema is in ../shared/standards, absent here ({STANDARDS})")
    schema = json.loads(STANDARDS.read_text(encoding="utf-8"))
    return Draft201909Validator({"$ref": "#/$defs/Achievement", "$defs": schema["$defs"]})


def read(site: Path, path: str) -> Any:
    return json.loads((site / path).read_text(encoding="utf-8"))


@pytest.mark.parametrize("credential", CATALOG.credentials, ids=[c.id for c in CATALOG.credentials])
def test_every_achievement_validates_against_the_1edtech_schema_and_is_embedded_in_its_guide(
    site: Path, credential: Any
) -> None:
    badge = read(site, record_path(credential, "achievement.json"))
    errors = [f"{'/'.join(map(str, e.path))}: {e.message}" for e in achievement_validator().iter_errors(badge)]
    assert errors == []
    guide = (site / guide_page(credential).removesuffix("index.md") / "index.html").read_text(encoding="utf-8")
    embedded = EMBEDDED.findall(guide)
    assert len(embedded) == 1 and json.loads(embedded[0]) == badge
    assert 'href="achievement.json"' in guide


@pytest.mark.parametrize("credential", CATALOG.credentials, ids=[c.id for c in CATALOG.credentials])
def test_an_achievement_says_what_the_guide_says(site: Path, credential: Any) -> None:
    badge = read(site, record_path(credential, "achievement.json"))
    stack = CATALOG.stack(credential.stack)
    assert badge["type"] == ["Achievement"] and badge["achievementType"] == "MicroCredential"
    assert badge["name"] == credential.title and badge["description"] == credential.competency
    assert badge["creator"]["name"] == credential.source.publisher
    kinds = [CATALOG.artifact_kinds[a.kind].label for a in credential.submission.artifacts]
    assert badge["tag"] == [stack.title, *dict.fromkeys(kinds)] and badge["inLanguage"] == "en"
    narrative = badge["criteria"]["narrative"]
    assert credential.submission.rule in narrative
    for question in credential.submission.overview.questions + credential.submission.reflection.questions:
        assert question in narrative
    results = badge["resultDescription"]
    assert [r["name"] for r in results] == [
        f"Artifact {n}: {a.title}" for n, a in enumerate(credential.submission.artifacts, start=1)
    ]
    for result, artifact in zip(results, credential.submission.artifacts, strict=True):
        assert result["resultType"] == "RubricCriterionLevel"
        assert [level["name"] for level in result["rubricCriterionLevel"]] == list(stack.levels)
        proficient = next(level for level in result["rubricCriterionLevel"] if level["name"] == "Proficient")
        assert result["requiredLevel"] == proficient["id"]
        first = artifact.rubric.levels["Proficient"][0]
        assert (first if isinstance(first, str) else first.text) in proficient["description"]
    assert badge["alignment"][0]["targetUrl"] == badge["criteria"]["id"]


def test_the_credential_record_is_the_validated_data(site: Path) -> None:
    for credential in CATALOG.credentials:
        assert read(site, record_path(credential, "credential.json")) == credential.model_dump(mode="json")


def test_catalog_json_lists_every_credential_with_its_key_facts(site: Path) -> None:
    catalog = read(site, "catalog.json")
    assert catalog["count"] == len(CATALOG.credentials) == len(catalog["credentials"])
    first = catalog["credentials"][0]
    assert first["id"] == CATALOG.credentials[0].id
    assert first["stack"]["title"] == "Family and Community Engagement"
    assert first["artifacts"] == [a.title for a in CATALOG.credentials[0].submission.artifacts]
    assert first["words"]["min"] > 0 and first["words"]["max"] >= first["words"]["min"]
    for entry in catalog["credentials"]:
        assert (site / entry["record"]).is_file() and (site / entry["achievement"]).is_file()


@pytest.mark.slow
def test_ids_are_built_from_the_sites_address_so_a_district_publishes_its_own(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "district")
    address = "https://springfield-schools.github.io/pd-guides/"
    result = mkdocs_build(project, project / "site", CG_PDF="0", CG_OFFLINE_ZIP="0", CG_SITE_URL=address)
    assert result.returncode == 0, result.stderr
    credential = CATALOG.credentials[0]
    badge = read(project / "site", record_path(credential, "achievement.json"))
    assert badge["id"] == address + record_path(credential, "achievement.json")
    assert badge["criteria"]["id"] == address + guide_page(credential).removesuffix("index.md")
    assert all(r["id"].startswith(badge["id"] + "#") for r in badge["resultDescription"])
    catalog = read(project / "site", "catalog.json")
    assert catalog["site"] == address
    assert catalog["credentials"][0]["achievement"] == badge["id"]


def test_a_stack_with_its_own_levels_asks_for_its_own_highest(tmp_path: Path) -> None:
    """A district's stack may call its levels anything: the first is the one to reach, not 'Proficient'."""
    data = tmp_path / "credentials_data"
    shutil.copytree(MINIMAL_DATA, data)
    renamed = {"Proficient": "Exemplary", "Basic": "Accomplished", "Developing": "Emerging"}
    for path in (data / "registries" / "stacks.yml", data / "sample-credential.yml"):
        text = path.read_text(encoding="utf-8")
        for old, new in renamed.items():
            text = re.sub(rf"\b{old}\b", new, text)
        path.write_text(text, encoding="utf-8")
    catalog = load_catalog(data)
    credential = catalog.credentials[0]
    artifact = next(item for item in fillables(credential) if item.kind == "artifact")
    assert artifact.self_check_title == "Rubric self-check: Exemplary"
    assert [check.text for check in artifact.self_check] == list(
        credential.submission.artifacts[0].rubric.levels["Exemplary"]
    )
    record = achievement(credential, catalog.stack(credential.stack), None, [])
    results = record["resultDescription"]
    assert all(result["requiredLevel"].endswith("-exemplary") for result in results)
    assert "must be rated Exemplary on its rubric" in record["criteria"]["narrative"]
