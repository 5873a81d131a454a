"""Input made to hurt the build: it must stop at once with a data error, never hang."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from conftest import copy_project, mkdocs_build
from credential_guides.errors import DataErrors
from credential_guides.project import load_project

CREDENTIAL = "credentials_data/family-engagement-access-opportunities.yml"


def alias_bomb(levels: int = 9, width: int = 9) -> str:
    """Nine levels of nine aliases: 9**9 (387 million) values once expanded."""
    lines = ["bomb0: &a0 [" + ", ".join(['"lol"'] * width) + "]"]
    for level in range(1, levels):
        lines.append(f"bomb{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * width) + "]")
    return "\n".join(lines) + "\n"


def load_errors(project: Path) -> tuple[list[str], float]:
    started = time.perf_counter()
    with pytest.raises(DataErrors) as raised:
        load_project(project)
    return [str(e) for e in raised.value.errors], time.perf_counter() - started


def test_an_alias_bomb_in_a_credential_is_refused_within_a_second(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    path = project / CREDENTIAL
    lines = path.read_text(encoding="utf-8").count("\n")
    path.write_text(path.read_text(encoding="utf-8") + alias_bomb(), encoding="utf-8")
    errors, seconds = load_errors(project)
    assert seconds < 1, f"{seconds:.1f} s"
    # 9**5 values pass the bound: the error names the field being expanded then, at its line.
    assert errors == [
        f"{CREDENTIAL}:{lines + 5}: bomb4: expected at most 50,000 values in one file, found more "
        "(YAML aliases (*name) repeat what they point to; write the values out instead)"
    ]


def test_an_alias_bomb_in_site_yml_is_refused_within_a_second(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    path = project / "site.yml"
    path.write_text(path.read_text(encoding="utf-8") + alias_bomb(), encoding="utf-8")
    errors, seconds = load_errors(project)
    assert seconds < 1, f"{seconds:.1f} s"
    assert [e.split(": ")[:2] for e in errors] == [[f"site.yml:{path.read_text().count(chr(10)) - 4}", "bomb4"]]


def test_a_ten_megabyte_field_is_refused_with_its_length(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    path = project / CREDENTIAL
    text = path.read_text(encoding="utf-8")
    line = text[: text.index("key_method: >-")].count("\n") + 1
    huge = "word " * 2_000_000
    path.write_text(text.replace("key_method: >-", f'key_method: "{huge.strip()}"\nold_key_method: >-', 1))
    errors, seconds = load_errors(project)
    assert seconds < 1, f"{seconds:.1f} s"
    assert (
        f"{CREDENTIAL}:{line}: key_method: expected text of at most 5,000 characters, found 9,999,999 characters"
        in (errors)
    )


def test_site_yml_text_has_the_same_limit(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    path = project / "site.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("footer: null", f'footer: "{"x" * 6000}"'))
    errors, _ = load_errors(project)
    assert len(errors) == 1
    assert errors[0].endswith("footer: expected text of at most 5,000 characters, found 6,000 characters")


def test_the_build_stops_on_a_bomb_with_the_error_and_no_site(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    path = project / CREDENTIAL
    path.write_text(path.read_text(encoding="utf-8") + alias_bomb(), encoding="utf-8")
    started = time.perf_counter()
    result = mkdocs_build(project, project / "site", CG_PDF="0", CG_OFFLINE_ZIP="0")
    assert time.perf_counter() - started < 30
    assert result.returncode != 0
    assert "expected at most 50,000 values in one file" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (project / "site").exists()
