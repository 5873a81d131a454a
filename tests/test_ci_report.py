"""Data errors as GitHub shows them: an annotation on the file and line, and the job summary."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from test_hostile_input import CREDENTIAL, set_field

from conftest import copy_project
from credential_guides.ci_report import github_annotations, job_summary
from credential_guides.errors import DataError


def test_an_annotation_escapes_what_github_would_read_as_its_syntax() -> None:
    error = DataError("credentials_data/local/a,b.yml", 7, "title", "expected 100% text:\nfound, this")
    assert github_annotations([error]) == [
        "::error file=credentials_data/local/a%2Cb.yml,line=7,title=title::expected 100%25 text:%0Afound, this"
    ]


def test_the_summary_says_the_site_online_did_not_change_and_lists_every_problem() -> None:
    errors = [DataError("site.yml", 3, "colors.primary", "expected a colour"), DataError("x.yml", 1, "", "```oops")]
    text = job_summary(errors)
    assert text.startswith("## The site was not published\n")
    assert "2 problems in the data. The site online is still the last one that built." in text
    assert "site.yml:3: colors.primary: expected a colour\nx.yml:1: '''oops\n```" in text


def test_validate_on_github_marks_the_line_and_writes_the_summary(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    path = project / CREDENTIAL
    text, line = set_field(path.read_text(encoding="utf-8"), "key_method", "See [x](javascript:alert(1)).")
    path.write_text(text, encoding="utf-8")
    summary = tmp_path / "summary.md"
    env = {**os.environ, "GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)}
    result = subprocess.run(
        [sys.executable, "-m", "credential_guides.cli", "validate"],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"::error file={CREDENTIAL},line={line},title=key_method::"
        "expected links to http(s) or mailto addresses only, found a link to javascript:"
    ]
    assert f"{CREDENTIAL}:{line}: key_method: expected links" in summary.read_text(encoding="utf-8")
