"""The authoring commands: validate, new, schema."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

from conftest import ROOT, copy_project, fill_placeholders
from credential_guides.catalog import load_catalog
from credential_guides.errors import DataErrors
from credential_guides.schemas import schema_texts


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "credential_guides.cli", *args], cwd=cwd, capture_output=True, text=True
    )


def test_validate_accepts_the_seed_data_well_under_a_second(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    started = time.perf_counter()
    result = run("validate", cwd=project)
    elapsed = time.perf_counter() - started
    assert result.returncode == 0, result.stderr
    assert "4 credentials in 2 stacks shown; all data valid" in result.stdout
    assert elapsed < 1.0, f"validate took {elapsed:.2f} s"


def test_validate_reports_three_mistakes_in_one_file(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    path = project / "credentials_data" / "community-partnerships-learning-well-being.yml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("topic: 6\n", "topic: 9\n", 1)
    text = text.replace("      - conducting-needs-assessment-surveys\n", "      - conducting-needs-assessment-survey\n")
    text = text.replace("    words: {min: 250, max: 500}", "    words: {min: 500, max: 250}")
    path.write_text(text, encoding="utf-8")

    result = run("validate", cwd=project)

    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    file = "credentials_data/community-partnerships-learning-well-being.yml"
    assert lines[-1] == "3 errors in the credential data; nothing was built."
    assert any(
        line.startswith(f"{file}:")
        and "resources[2].resources[0]: expected the id of a resource" in line
        and "did you mean 'conducting-needs-assessment-surveys'" in line
        for line in lines
    )
    assert any(
        line.startswith(f"{file}:")
        and "submission.reflection.words: expected min ≤ max, found min 500 > max 250" in line
        for line in lines
    )
    assert any(line.startswith(f"{file}:6: topic: expected a topic number 1–8") for line in lines)


def test_new_scaffolds_a_draft_with_every_section_left_out_until_filled_in(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    result = run(
        "new",
        "families-as-co-creators",
        "--stack",
        "family-community-engagement",
        "--topic",
        "4",
        "--title",
        "Families as Co-Creators",
        "--project",
        str(project),
        cwd=project,
    )
    assert result.returncode == 0, result.stderr
    path = project / "credentials_data" / "local" / "families-as-co-creators.yml"
    text = path.read_text(encoding="utf-8")
    first = text.splitlines()[0]
    assert first == "# yaml-language-server: $schema=../credential.schema.json"
    assert (path.parent / first.split("=", 1)[1]).is_file()
    for section in (
        "format: 4",
        "competency:",
        "key_method:",
        "method_components:",
        "research:",
        "resources:",
        "submission:",
        "overview:",
        "artifacts:",
        "rubric:",
        "template:",
        "reflection:",
    ):
        assert section in text, section
    drafted = load_catalog(project / "credentials_data")
    assert "families-as-co-creators" not in {c.id for c in drafted.credentials}, "a draft is left out of the site"
    [draft] = drafted.drafts
    assert draft.file == "credentials_data/local/families-as-co-creators.yml"
    assert draft.problems and all("found the placeholder" in e.message for e in draft.problems)
    assert run("validate", cwd=project).returncode == 0

    published = text.replace("draft: true", "draft: false")
    path.write_text(published, encoding="utf-8")
    with pytest.raises(DataErrors) as refused:
        load_catalog(project / "credentials_data")
    assert {e.file for e in refused.value.errors} == {draft.file}
    assert all("found the placeholder" in e.message for e in refused.value.errors)

    path.write_text(fill_placeholders(text), encoding="utf-8")
    catalog = load_catalog(project / "credentials_data")
    own = catalog.credential_for_topic("family-community-engagement", 4)
    assert own is not None and own.source.publisher == "National Education Association (NEA)", "from the stack"

    again = run("new", "families-as-co-creators", "--stack", "family-community-engagement", cwd=project)
    assert again.returncode == 2 and "already taken" in again.stderr


def test_committed_json_schemas_are_up_to_date() -> None:
    for relative, text in schema_texts().items():
        assert (ROOT / relative).read_text(encoding="utf-8") == text, (
            f"{relative} is stale: run credential-guides schema"
        )


def test_every_data_file_names_its_schema(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    data = project / "credentials_data"
    for path in [*data.glob("*.yml"), *data.glob("registries/*.yml"), project / "site.yml"]:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        schema = path.parent / first.split("=", 1)[1]
        assert schema.is_file(), f"{path} names {schema}, which does not exist"


def test_schemas_accept_the_data_and_reject_an_unknown_field(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    data = project / "credentials_data"
    for path in [*data.glob("*.yml"), *data.glob("registries/*.yml"), project / "site.yml"]:
        text = path.read_text(encoding="utf-8")
        schema_path = path.parent / text.splitlines()[0].split("=", 1)[1]
        validator = Draft202012Validator(json.loads(schema_path.read_text(encoding="utf-8")))
        document = yaml.safe_load(text)
        assert list(validator.iter_errors(document)) == [], path
    credential = yaml.safe_load((data / "family-engagement-access-opportunities.yml").read_text(encoding="utf-8"))
    credential["competencey"] = "typo"
    validator = Draft202012Validator(json.loads((data / "credential.schema.json").read_text(encoding="utf-8")))
    assert any("competencey" in error.message for error in validator.iter_errors(credential))


def test_new_works_while_other_guides_are_still_being_written(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    assert run("new-stack", "ours", "--title", "Ours", "--publisher", "Us", cwd=project).returncode == 0
    stack = ["--stack", "ours"]
    assert run("new", "first-draft", *stack, cwd=project).returncode == 0
    assert run("new", "second-draft", *stack, cwd=project).returncode == 0, "beside a draft"
    first = project / "credentials_data" / "local" / "first-draft.yml"
    first.write_text(first.read_text(encoding="utf-8").replace("draft: true", "draft: false"), encoding="utf-8")

    third = run("new", "third-draft", *stack, cwd=project)
    assert third.returncode == 0, third.stderr
    assert "(not counted, still being written: credentials_data/local/first-draft.yml, " in third.stderr

    validate = run("validate", cwd=project)
    assert validate.returncode == 1
    files = {line.split(":")[0] for line in validate.stderr.splitlines() if ".yml:" in line}
    assert files == {"credentials_data/local/first-draft.yml"}, "only the guide no longer marked a draft is refused"


def test_new_stack_with_a_taken_id_names_the_file_and_line_that_hold_it(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "district")
    stacks = (project / "credentials_data" / "registries" / "stacks.yml").read_text(encoding="utf-8").splitlines()
    line = stacks.index("- id: multilingual-learners") + 1
    args = ("new-stack", "--title", "T", "--publisher", "P", "--license", "CC BY 4.0")
    taken = run(args[0], "multilingual-learners", *args[1:], cwd=project)
    assert taken.returncode == 2
    assert f"already taken by the stack at credentials_data/registries/stacks.yml:{line}: choose another id" in (
        taken.stderr
    )
    assert run(args[0], "springfield-literacy", *args[1:], cwd=project).returncode == 0
    again = run(args[0], "springfield-literacy", *args[1:], cwd=project)
    assert again.returncode == 2 and "by the stack at credentials_data/local/stacks.yml:" in again.stderr


def test_a_credential_moved_into_a_subfolder_is_told_then_upgraded_to_a_schema_path_that_resolves(
    tmp_path: Path,
) -> None:
    project = copy_project(tmp_path / "district")
    moved = project / "credentials_data" / "local" / "linking-family-engagement-learning-outcomes.yml"
    moved.parent.mkdir(exist_ok=True)
    (project / "credentials_data" / moved.name).rename(moved)
    moved.write_bytes(moved.read_bytes().replace(b"\n", b"\r\n"))

    checked = run("validate", cwd=project)
    assert checked.returncode == 0, checked.stderr
    assert (
        "credentials_data/local/linking-family-engagement-learning-outcomes.yml:1: $schema: expected "
        "'../credential.schema.json' (the schema, from this file's folder), found 'credential.schema.json'"
    ) in checked.stderr

    upgraded = run("upgrade", cwd=project)
    assert upgraded.returncode == 0, upgraded.stdout + upgraded.stderr
    assert "local/linking-family-engagement-learning-outcomes.yml:1: $schema: now ../credential.schema.json" in (
        upgraded.stdout
    )
    first = moved.read_bytes().split(b"\r\n", 1)[0].decode()
    assert first == "# yaml-language-server: $schema=../credential.schema.json", "its own line endings kept"
    assert (moved.parent / "../credential.schema.json").resolve().is_file()
    assert "$schema" not in run("validate", cwd=project).stderr
    assert run("upgrade", cwd=project).stdout.startswith("All "), "nothing left to do"


def test_a_credential_in_a_folder_the_build_does_not_read_is_an_error_not_a_vanished_guide(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "district")
    moved = project / "credentials_data" / "nea" / "linking-family-engagement-learning-outcomes.yml"
    moved.parent.mkdir()
    (project / "credentials_data" / moved.name).rename(moved)
    checked = run("validate", cwd=project)
    assert checked.returncode == 1
    assert (
        "credentials_data/nea/linking-family-engagement-learning-outcomes.yml:1: expected a credential file directly "
        "in credentials_data/ or in credentials_data/local/, found one in nea/, which the build does not read: move it"
    ) in checked.stderr
