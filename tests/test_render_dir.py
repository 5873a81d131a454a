"""``credential-guides render DIR``: the site as a plain MkDocs project, buildable without the hook."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import copy_project


def html_pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def test_the_rendered_folder_builds_with_plain_mkdocs_into_the_same_pages(site: Path, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    rendered = tmp_path / "rendered"
    render = subprocess.run(
        [
            sys.executable,
            "-c",
            "from credential_guides.cli import main; raise SystemExit(main())",
            "render",
            str(rendered),
            "--project",
            str(project),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert render.returncode == 0, render.stderr
    assert "hooks" not in (rendered / "mkdocs.yml").read_text(encoding="utf-8")
    plain = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            str(rendered / "mkdocs.yml"),
            "-d",
            str(tmp_path / "plain-site"),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert plain.returncode == 0, plain.stderr
    assert html_pages(tmp_path / "plain-site") == html_pages(site)
    guide = "family-community-engagement/family-engagement-access-opportunities/index.html"
    assert "Family Engagement as Access and Opportunities For All" in (tmp_path / "plain-site" / guide).read_text(
        encoding="utf-8"
    )
    template = "family-community-engagement/family-engagement-access-opportunities/templates/action-plan/index.html"
    assert '<form class="cg-template"' in (tmp_path / "plain-site" / template).read_text(encoding="utf-8")
