"""Copies of earlier releases: read by the build, rewritten by `credential-guides upgrade`, merged with git.

The data of each earlier release is kept under tests/releases/ (see its README).
"""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import copy_project, mkdocs_build
from credential_guides.data_format import CURRENT_FORMAT
from credential_guides.errors import DataErrors
from credential_guides.project import load_project
from release_content import RELEASE_CONTENT

pytestmark = pytest.mark.slow  # builds sites: left out of ./dev test --fast

RELEASES = Path(__file__).parent / "releases"
DISTRICT = "springfield-families-in-society"
GIT = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "init.defaultBranch=main"]
LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#0b5"/></svg>'


def cli(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "credential_guides.cli", *args], cwd=project, capture_output=True, text=True
    )


def current_kinds() -> dict[str, str]:
    """Each artifact title of the project's own guides and the kind today's data gives it."""
    kinds = {"Conference Log": "data-report"}
    for path in (RELEASE_CONTENT / "credentials_data").glob("*.yml"):
        for artifact in yaml.safe_load(path.read_text(encoding="utf-8"))["submission"]["artifacts"]:
            kinds[artifact["title"]] = artifact["kind"]
    return kinds


def fill_kind_placeholders(path: Path) -> int:
    """Replace each ``kind:`` placeholder the upgrade wrote with the kind of the artifact whose title precedes it."""
    kinds = current_kinds()
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    filled = 0
    title = ""
    for index, line in enumerate(lines):
        if match := re.match(r"^\s*- title: (.*)$", line):
            title = yaml.safe_load(match.group(1))
        if re.match(r'^\s*kind: "REPLACE', line):
            indent = line[: len(line) - len(line.lstrip())]
            lines[index] = f"{indent}kind: {kinds[title]}\n"
            filled += 1
    path.write_text("".join(lines), encoding="utf-8")
    return filled


def copy_of_release(version: str, dest: Path) -> Path:
    """Today's project with the credentials and site.yml a district's copy held at ``version``."""
    project = copy_project(dest)
    for path in (project / "credentials_data").glob("*.yml"):
        path.unlink()
    for path in (RELEASES / version / "credentials_data").glob("*.yml"):
        shutil.copy2(path, project / "credentials_data" / path.name)
    shutil.copy2(RELEASES / version / "site.yml", project / "site.yml")
    return project


def is_subsequence(original: list[str], upgraded: list[str]) -> bool:
    remaining = iter(upgraded)
    return all(line in remaining for line in original)


@pytest.mark.parametrize(("version", "data_format"), [("0.1.0", 1), ("0.3.0", 2), ("0.4.0", 3)])
def test_each_earlier_release_is_read_upgraded_and_built(
    version: str, data_format: int, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    project = copy_of_release(version, tmp_path / version)
    files = [*sorted((project / "credentials_data").glob("*.yml")), project / "site.yml"]
    before = {path: path.read_text(encoding="utf-8") for path in files}

    # The build reads the older files: in memory where it can, else it stops and names the command.
    caplog.set_level(logging.INFO, logger="mkdocs.plugins.credential_guides")
    if data_format == 3:
        load_project(project)
        notices = [r.getMessage() for r in caplog.records if "older format" in r.getMessage()]
        assert len(notices) == 1, "one line says what was upgraded in memory"
        assert "Read 6 data files of an older format, upgraded in memory to format 4" in notices[0]
        assert "./dev credential-guides upgrade" in notices[0]
    else:
        with pytest.raises(DataErrors) as raised:
            load_project(project)
        report = raised.value.report()
        assert (
            f"expected data format {CURRENT_FORMAT}, found a file written before data formats were numbered" in report
        )
        assert "run `./dev credential-guides upgrade`" in report

    upgraded = cli(project, "upgrade")
    assert upgraded.returncode == 0, upgraded.stderr
    changes = upgraded.stdout.splitlines()
    assert f"credentials_data/{DISTRICT}.yml:2: format: added format: 4" in changes
    settings = before[project / "site.yml"]
    site_name_line = settings[: settings.index("site_name")].count("\n") + 1
    assert f"site.yml:{site_name_line}: format: added format: 4" in changes
    for path, text in before.items():
        after = path.read_text(encoding="utf-8")
        assert after.startswith("# ") and "format: 4" in after
        assert is_subsequence(text.splitlines(), after.splitlines()), f"{path.name}: every line kept, in order"

    again = cli(project, "upgrade")
    assert again.returncode == 0 and "nothing to upgrade" in again.stdout
    after_once = {path: path.read_text(encoding="utf-8") for path in files}
    assert cli(project, "upgrade").returncode == 0
    assert after_once == {path: path.read_text(encoding="utf-8") for path in files}, "a second run changes nothing"

    placeholders = [line for line in changes if '"REPLACE' in line]
    validated = cli(project, "validate")
    if data_format < 3:
        assert validated.returncode == 1
        refused = [line for line in validated.stderr.splitlines() if "found the placeholder" in line]
        assert [line.split(":")[:2] for line in refused] == [line.split(":")[:2] for line in placeholders]
        assert all(".kind: expected the id of an artifact kind" in line for line in refused)
        assert sum(fill_kind_placeholders(path) for path in files) == len(placeholders) > 0
    else:
        assert not placeholders
    validated = cli(project, "validate")
    assert validated.returncode == 0, validated.stderr

    result = mkdocs_build(project, project / "site", CG_PDF="0", CG_OFFLINE_ZIP="0")
    assert result.returncode == 0, result.stderr
    guide = project / "site" / "family-community-engagement" / DISTRICT / "index.html"
    html = guide.read_text(encoding="utf-8")
    assert "published by the Springfield Public Schools" in html
    assert "https://creativecommons.org/licenses/by/4.0/" in html


def git(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*GIT, *args], cwd=repo, capture_output=True, text=True)


def documented_release_commands() -> list[str]:
    """The commands docs/hosting.md gives under "Take a new release", in order."""
    text = (RELEASE_CONTENT / "docs" / "hosting.md").read_text(encoding="utf-8")
    section = text.split("## Take a new release", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```text\n(.*?)```", section, re.S)
    assert block, "docs/hosting.md: Take a new release shows no commands"
    return [line.strip() for line in block[1].splitlines() if line.strip().startswith("git ")]


def test_a_fork_of_the_first_release_takes_todays_as_docs_hosting_says_upgrades_and_builds(tmp_path: Path) -> None:
    first = RELEASES / "0.1.0"
    upstream = tmp_path / "upstream"
    upstream.mkdir()
    assert git(upstream, "init", "-q").returncode == 0
    shutil.copytree(first / "credentials_data", upstream / "credentials_data")
    (upstream / "credentials_data" / f"{DISTRICT}.yml").unlink()  # the district's, added in its own commit below
    shutil.copy2(first / "site.yml", upstream / "site.yml")
    git(upstream, "add", "-A")
    assert git(upstream, "commit", "-qm", "Release 0.1.0").returncode == 0

    # The fork on GitHub, and the district's clone of it (its origin is the fork, not the project).
    fork = tmp_path / "fork.git"
    assert git(tmp_path, "clone", "-q", "--bare", str(upstream), str(fork)).returncode == 0
    repo = tmp_path / "district"
    assert git(tmp_path, "clone", "-q", str(fork), str(repo)).returncode == 0

    # The district's copy: its name, a logo, a hidden guide, its own stack and credential, as 0.1.0 allowed.
    settings = (repo / "site.yml").read_text(encoding="utf-8")
    settings = settings.replace("site_name: Educator Micro-Credential Guides", "site_name: Springfield Educator Guides")
    settings = settings.replace("organization: null ", "organization: Springfield Public Schools ")
    settings = settings.replace("logo: null", "logo: assets/logo.svg")
    settings = settings.replace("  credentials: []", "  credentials: [linking-family-engagement-learning-outcomes]")
    (repo / "site.yml").write_text(settings, encoding="utf-8")
    (repo / "docs" / "assets").mkdir(parents=True)
    (repo / "docs" / "assets" / "logo.svg").write_text(LOGO, encoding="utf-8")
    stacks = repo / "credentials_data" / "registries" / "stacks.yml"
    stacks.write_text(stacks.read_text(encoding="utf-8") + (first / "district" / "stack.yml").read_text(), "utf-8")
    shutil.copy2(first / "district" / "reading-conferences.yml", repo / "credentials_data")
    shutil.copy2(first / "credentials_data" / f"{DISTRICT}.yml", repo / "credentials_data")
    git(repo, "add", "-A")
    assert git(repo, "commit", "-qm", "Our district's copy").returncode == 0

    # The project moves on to today's release.
    for path in ("credentials_data", "site.yml"):
        target = upstream / path
        shutil.rmtree(target) if target.is_dir() else target.unlink()
    copy_project(upstream)
    git(upstream, "add", "-A")
    assert git(upstream, "commit", "-qm", "Today's release").returncode == 0

    commands = documented_release_commands()
    assert len(commands) == 3 and "OWNER/REPOSITORY" in commands[0]
    for command in commands:
        run = command.replace("https://github.com/OWNER/REPOSITORY.git", str(upstream)).split()
        assert run[0] == "git"
        done = git(repo, *run[1:], *(["--no-edit"] if run[1] == "merge" else []))
        assert done.returncode == 0, f"`{command}`: {done.stdout}{done.stderr}"
        assert "CONFLICT" not in done.stdout
    assert git(repo, "diff", "--name-only", "--diff-filter=U").stdout == ""
    assert (repo / "hooks").is_dir(), "the merge brought today's engine"

    upgraded = cli(repo, "upgrade")
    assert upgraded.returncode == 0, upgraded.stderr
    assert "credentials_data/reading-conferences.yml:2: format: added format: 4" in upgraded.stdout
    assert "Replace the 2 REPLACE placeholder(s) above" in upgraded.stdout
    for name in ("reading-conferences.yml", f"{DISTRICT}.yml"):
        fill_kind_placeholders(repo / "credentials_data" / name)
    assert cli(repo, "upgrade").stdout.startswith("All ")

    result = mkdocs_build(repo, repo / "site", CG_PDF="0", CG_OFFLINE_ZIP="0")
    assert result.returncode == 0, result.stderr
    site = repo / "site"
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Springfield Educator Guides · Springfield Public Schools</title>" in home
    assert 'src="assets/logo.svg"' in home
    assert not (site / "family-community-engagement" / "linking-family-engagement-learning-outcomes").exists()
    own = (site / "springfield-literacy" / "reading-conferences" / "index.html").read_text(encoding="utf-8")
    assert "published by the Springfield Public Schools" in own
    assert "<strong>License:</strong> CC BY 4.0" in own
    footer = own.split('<div class="md-copyright', 1)[1]
    assert "Credential guides © Springfield Public Schools, licensed under" in footer
