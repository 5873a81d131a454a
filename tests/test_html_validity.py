"""Every built page, the offline copy's included, passes the Nu HTML Checker with no error."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def html_errors(folder: Path) -> list[str]:
    java = shutil.which("java")
    if java is None or not VNU_JAR.is_file():
        pytest.fail("the Nu HTML Checker needs Java and the vnu-jar npm package: run ./dev test, which installs both")
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--skip-non-html", "--format", "json", str(folder)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    assert result.returncode == (1 if messages else 0), result.stderr[-2000:]
    return [
        f"{Path(m['url'].removeprefix('file:')).relative_to(folder)}:{m.get('lastLine', '?')}: {m['message']}"
        for m in messages
    ]


def test_every_page_is_valid_html(site: Path) -> None:
    assert len(list(site.rglob("*.html"))) > 30
    assert html_errors(site) == []


def test_every_page_of_the_offline_copy_is_valid_html(site: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(site / "downloads" / "credential-guides-offline.zip") as zipped:
        zipped.extractall(tmp_path)
    assert html_errors(tmp_path / "credential-guides") == []


@pytest.mark.slow
def test_the_checker_finds_errors(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(
        '<!doctype html><html lang="en"><head><title>t</title></head>'
        '<body><p><ol><li markdown="span">x</li></ol></p><input type="checkbox" autocomplete="off"></body></html>',
        encoding="utf-8",
    )
    errors = html_errors(tmp_path)
    assert any("markdown" in e for e in errors), errors
    assert any("autocomplete" in e for e in errors), errors
