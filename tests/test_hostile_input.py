"""Input made to hurt the build: it must stop at once with a data error, never hang."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from conftest import copy_project, mkdocs_build, search_documents
from credential_guides.errors import DataErrors
from credential_guides.pdf import pdf_jobs
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


def test_a_ten_megabyte_field_is_refused_at_its_line_before_the_file_is_parsed(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    path = project / CREDENTIAL
    text, line = set_field(path.read_text(encoding="utf-8"), "key_method", ("word " * 2_000_000).strip())
    path.write_text(text, encoding="utf-8")
    errors, seconds = load_errors(project)
    assert seconds < 1, f"{seconds:.1f} s"
    expected = "key_method: expected a file of at most 5 MB, found 10.0 MB, 10.0 MB of it in this field"
    assert errors == [f"{CREDENTIAL}:{line}: {expected}"]


def test_a_long_field_in_a_file_of_normal_size_is_refused_with_its_length(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    path = project / CREDENTIAL
    text, line = set_field(path.read_text(encoding="utf-8"), "key_method", ("word " * 200_000).strip())
    path.write_text(text, encoding="utf-8")
    errors, seconds = load_errors(project)
    assert seconds < 1, f"{seconds:.1f} s"
    expected = "key_method: expected text of at most 5,000 characters, found 999,999 characters"
    assert errors == [f"{CREDENTIAL}:{line}: {expected}"]


def test_site_yml_text_has_the_same_limit(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    path = project / "site.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("footer: null", f'footer: "{"x" * 6000}"'))
    errors, _ = load_errors(project)
    assert len(errors) == 1
    assert errors[0].endswith("footer: expected text of at most 5,000 characters, found 6,000 characters")


@pytest.mark.slow
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


HOSTILE = "<script>window.x=1</script> Educator <b>bold</b>"


def set_field(text: str, field: str, value: str) -> tuple[str, int]:
    """``text`` with the top-level ``field`` (however many lines it spans) set to ``value``; and its line."""
    lines = text.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{field}:"))
    end = next(i for i in range(start + 1, len(lines)) if lines[i][:1] not in (" ", "\n"))
    return "".join([*lines[:start], f"{field}: {json.dumps(value)}\n", *lines[end:]]), start + 1


@pytest.mark.slow
def test_markup_in_the_data_and_site_yml_is_shown_as_text_never_run(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    path = project / CREDENTIAL
    path.write_text(set_field(path.read_text(encoding="utf-8"), "competency", HOSTILE)[0], encoding="utf-8")
    settings = project / "site.yml"
    settings.write_text(
        settings.read_text(encoding="utf-8")
        .replace("organization: null", 'organization: "<i>Springfield</i>"')
        .replace("how_to_submit: null", f'how_to_submit: "{HOSTILE}"'),
        encoding="utf-8",
    )
    result = mkdocs_build(project, project / "site", CG_PDF="0", CG_OFFLINE_ZIP="0")
    assert result.returncode == 0, result.stderr
    site = project / "site"
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "<script>window.x" not in html, page
        assert "<i>Springfield</i>" not in html, page
    guide = (site / "family-community-engagement" / "family-engagement-access-opportunities" / "index.html").read_text()
    assert "&lt;script&gt;window.x=1&lt;/script&gt; Educator &lt;b&gt;bold&lt;/b&gt;" in guide
    assert "Micro-Credential Guides · &lt;i&gt;Springfield&lt;/i&gt;</title>" in guide
    indexed = " ".join(str(d["content"]) for d in search_documents(site).values())
    assert HOSTILE in indexed, "search shows the text as written"
    loaded = load_project(project)
    for job in pdf_jobs(loaded.catalog, loaded.settings, project / "docs"):
        assert "<script>window.x" not in job.html, job.output
        assert "<i>Springfield</i>" not in job.html, job.output


@pytest.mark.parametrize(
    "link", ["[details](javascript:alert(1))", "[x]( JavaScript:void(0))", "[x](data:text/html,hi)"]
)
def test_a_markdown_link_to_anything_but_a_web_or_mail_address_is_refused(tmp_path: Path, link: str) -> None:
    project = copy_project(tmp_path / "p")
    path = project / CREDENTIAL
    text, line = set_field(path.read_text(encoding="utf-8"), "key_method", f"See {link}.")
    path.write_text(text, encoding="utf-8")
    errors, _ = load_errors(project)
    scheme = link.split("(")[1].strip().split(":")[0].lower()
    expected = f"key_method: expected links to http(s) or mailto addresses only, found a link to {scheme}:"
    assert errors == [f"{CREDENTIAL}:{line}: {expected}"]


def test_a_twenty_megabyte_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    path = project / CREDENTIAL
    path.write_text(path.read_text(encoding="utf-8") + "padding:\n" + "  - more text to pad\n" * 1_000_000)
    errors, seconds = load_errors(project)
    assert seconds < 1, f"{seconds:.1f} s"
    lines = path.read_text(encoding="utf-8").count("\n") - 1_000_000
    assert errors == [
        f"{CREDENTIAL}:{lines}: padding: expected a file of at most 5 MB, found 21.0 MB, 21.0 MB of it in this field"
    ]


def test_a_file_too_large_without_aliases_is_refused_without_blaming_aliases(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    path = project / CREDENTIAL
    lines = path.read_text(encoding="utf-8").count("\n")
    path.write_text(path.read_text(encoding="utf-8") + "padding:\n" + "  - more text\n" * 60_000, encoding="utf-8")
    errors, seconds = load_errors(project)
    assert seconds < 2, f"{seconds:.1f} s"
    assert errors == [f"{CREDENTIAL}:{lines + 1}: padding: expected at most 50,000 values in one file, found more"]


def test_a_control_character_is_named_at_its_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    path = project / CREDENTIAL
    text = path.read_text(encoding="utf-8")
    line = text[: text.index("key_method:")].count("\n") + 1
    path.write_text(text.replace("key_method:", "key_method: \0", 1), encoding="utf-8")
    errors, _ = load_errors(project)
    assert errors == [f"{CREDENTIAL}:{line}: expected YAML text, found the control character #x0000"]


def test_a_control_character_written_as_an_escape_is_refused_too(tmp_path: Path) -> None:
    """Word's line break pastes as a vertical tab, which YAML lets through as "\\v"."""
    project = copy_project(tmp_path / "p")
    path = project / CREDENTIAL
    text, line = set_field(path.read_text(encoding="utf-8"), "key_method", "Plan\x0bthe year")
    path.write_text(text, encoding="utf-8")
    errors, _ = load_errors(project)
    assert errors == [
        f"{CREDENTIAL}:{line}: key_method: expected text without control characters, found U+000B at character 5"
    ]


@pytest.mark.parametrize("outside", ["../mkdocs.yml", "../../../../../../etc/hostname", "/etc/hostname"])
def test_a_logo_outside_docs_is_refused_even_where_the_file_exists(tmp_path: Path, outside: str) -> None:
    project = copy_project(tmp_path / "p")
    path = project / "site.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("logo: null", f"logo: {outside}"), encoding="utf-8")
    errors, _ = load_errors(project)
    assert errors == [
        f"site.yml:17: logo: expected a file under docs/ (like 'assets/logo.svg'), found {outside!r}, "
        "which is outside docs/"
    ]
