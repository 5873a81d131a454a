"""A district's copy goes through the default branch's workflow, step by step as the workflow file says,
to a published site; with a broken file it stops with an annotation on that file and line."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from district_copy import HIDDEN, OWN, STACK, cli, customise

from conftest import ROOT, checkout_copy

pytestmark = pytest.mark.slow  # builds a site with ./dev, as the workflow does

SITE_URL = "https://springfield-schools.github.io/pd-guides/"


def build_steps() -> list[dict[str, Any]]:
    workflow = yaml.load((ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8"), yaml.BaseLoader)
    steps: list[dict[str, Any]] = workflow["jobs"]["build"]["steps"]
    return steps


def run_default_branch_workflow(project: Path, tmp_path: Path) -> tuple[list[str], str, str]:
    """Each ``run:`` step of the build job in ``project``, as GitHub runs it, until one fails.

    Returns the steps run, the output of the last, and the job summary."""
    summary = tmp_path / "summary.md"
    summary.write_text("", encoding="utf-8")
    env = {
        **os.environ,
        "GITHUB_ACTIONS": "true",
        "GITHUB_STEP_SUMMARY": str(summary),
        "CG_PDF_CACHE": str(tmp_path / "pdf-cache"),
    }
    done: list[str] = []
    output = ""
    for step in build_steps():
        if "run" not in step:
            continue
        step_env = {
            name: SITE_URL if "steps.pages.outputs.base_url" in value else value
            for name, value in step.get("env", {}).items()
        }
        result = subprocess.run(
            ["bash", "-e", "-c", step["run"]],
            cwd=project,
            env={**env, **step_env},
            capture_output=True,
            text=True,
            timeout=900,
        )
        done.append(step["run"].strip())
        output = result.stdout + result.stderr
        if result.returncode != 0:
            break
    return done, output, summary.read_text(encoding="utf-8")


def district(tmp_path: Path) -> Path:
    project = checkout_copy(tmp_path / "district")
    own_file = customise(project)
    assert b"\r\n" in own_file.read_bytes(), "one file saved with Windows line endings"
    settings = project / "site.yml"
    text = settings.read_text(encoding="utf-8")
    assert "home_text: Welcome, Springfield educators." in text
    (project / "docs" / "local").mkdir()
    (project / "docs" / "local" / "deadlines.md").write_text("# Deadlines\n\nSubmit by June 1.\n", encoding="utf-8")
    drafted = cli(project, "new", "writing-workshop", "--stack", STACK, "--title", "Writing Workshop")
    assert drafted.returncode == 0, drafted.stderr
    return project


def test_a_customised_copy_goes_through_the_workflow_to_a_published_site(tmp_path: Path) -> None:
    project = district(tmp_path)
    done, output, summary = run_default_branch_workflow(project, tmp_path)
    assert done == ["./dev credential-guides validate", "./dev build"], output
    assert "Left out of the site, as a draft (draft: true): credentials_data/local/writing-workshop.yml" in output

    upload = next(step for step in build_steps() if step.get("uses", "").startswith("actions/upload-pages-artifact@"))
    site = project / upload["with"]["path"]
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Springfield Educator Guides · Springfield Public Schools</title>" in home
    assert '<link rel="canonical" href="https://guides.springfield.k12.example.us/">' in home, "site.yml's address"
    assert "Welcome, Springfield educators. Submit by <strong>June 1</strong>" in home
    assert 'href="local/deadlines/"' in home
    assert (site / STACK / OWN / "index.html").is_file()
    assert not (site / STACK / "writing-workshop").exists(), "the draft is left out"
    assert not (site / "family-community-engagement" / HIDDEN).exists()
    assert "Submit through the <strong>Springfield PD portal</strong>" in (site / STACK / OWN / "index.html").read_text(
        encoding="utf-8"
    )
    assert summary == "", "nothing to report"


def test_a_broken_file_stops_the_workflow_with_an_annotation_on_its_line_and_the_last_site_stays(
    tmp_path: Path,
) -> None:
    project = district(tmp_path)
    done, output, _ = run_default_branch_workflow(project, tmp_path)
    assert done[-1] == "./dev build" and (project / "site" / "index.html").is_file()
    published = (project / "site" / "index.html").read_bytes()

    own = project / "credentials_data" / "local" / f"{OWN}.yml"
    lines = own.read_bytes().decode("utf-8").split("\r\n")
    number = next(n for n, line in enumerate(lines, 1) if line.startswith("title:"))
    lines[number - 1] = "title:Reading Conferences"
    own.write_bytes("\r\n".join(lines).encode("utf-8"))

    done, output, summary = run_default_branch_workflow(project, tmp_path)
    assert done == ["./dev credential-guides validate"], "the build and the publishing never ran"
    annotation = re.search(
        rf"^::error file=credentials_data/local/{OWN}.yml,line={number},title=title::(.*)$", output, re.M
    )
    assert annotation, output
    assert "expected a space after 'title:'" in annotation[1]
    assert "## The site was not published" in summary
    assert f"credentials_data/local/{OWN}.yml:{number}: title: expected a space after 'title:'" in summary
    assert (project / "site" / "index.html").read_bytes() == published, "the last good site stays"
