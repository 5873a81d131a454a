"""Files saved by any editor read the same: CRLF (Windows), CR (old Mac) and a UTF-8 byte-order mark."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import pytest
from test_hostile_input import CREDENTIAL, load_errors

from conftest import copy_project
from credential_guides.project import load_project

FORMAT_LINE = "format: 4    # the data format this file is written for: see CHANGELOG.md\n"


def saved_as(path: Path, newline: str, bom: bool, text: str | None = None) -> None:
    text = path.read_text(encoding="utf-8") if text is None else text
    data = text.replace("\n", newline).encode("utf-8")
    path.write_bytes(b"\xef\xbb\xbf" + data if bom else data)


EDITORS = [("\r\n", False), ("\r\n", True), ("\r", False), ("\n", True)]


@pytest.mark.parametrize(("newline", "bom"), EDITORS)
def test_a_file_of_the_current_format_reads_as_current_however_it_was_saved(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, newline: str, bom: bool
) -> None:
    """``format: 4`` with no comment after it, the way a person types it."""
    project = copy_project(tmp_path / "p")
    path = project / CREDENTIAL
    saved_as(path, newline, bom, path.read_text(encoding="utf-8").replace(FORMAT_LINE, "format: 4\n"))
    caplog.set_level(logging.INFO)
    loaded = load_project(project)
    assert any(c.id == "family-engagement-access-opportunities" for c in loaded.catalog.credentials)
    assert not [r for r in caplog.records if "older format" in r.getMessage()]


@pytest.mark.parametrize(("newline", "bom"), EDITORS)
def test_an_error_names_the_same_line_however_the_file_was_saved(tmp_path: Path, newline: str, bom: bool) -> None:
    project = copy_project(tmp_path / "p")
    path = project / CREDENTIAL
    text = path.read_text(encoding="utf-8")
    line = text[: text.index("stack: family-community-engagement")].count("\n") + 1
    saved_as(path, newline, bom, text.replace("stack: family-community-engagement", "stack: no-such-stack"))
    errors, _ = load_errors(project)
    assert len(errors) == 1 and errors[0].startswith(f"{CREDENTIAL}:{line}: stack: expected the id of a stack"), errors


def test_upgrade_rewrites_a_windows_file_and_keeps_its_line_endings(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    path = project / CREDENTIAL
    saved_as(path, "\r\n", True, path.read_text(encoding="utf-8").replace(FORMAT_LINE, "format: 3\n"))
    result = subprocess.run(
        [sys.executable, "-m", "credential_guides.cli", "upgrade"], cwd=project, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert f"{CREDENTIAL}:2: format: format 3 → 4" in result.stdout
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.count(b"\r\n") == raw.count(b"\n"), "every line still ends in CRLF"
    assert b"\r\nformat: 4 " in raw
