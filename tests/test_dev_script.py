"""``./dev`` off Debian: one line on what it needs, then on with the command, never a failure in dpkg-query."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from conftest import ROOT


def path_without(tool: str, folder: Path) -> str:
    """A PATH with every command of this machine but ``tool``, as on a Mac or another Linux."""
    folder.mkdir()
    for directory in os.environ["PATH"].split(os.pathsep):
        if not Path(directory).is_dir():
            continue
        for command in Path(directory).iterdir():
            if command.name != tool and not (folder / command.name).exists():
                (folder / command.name).symlink_to(command)
    return str(folder)


def test_dev_says_in_one_line_what_it_needs_where_it_is_not_debian(tmp_path: Path) -> None:
    env = {**os.environ, "PATH": path_without("dpkg-query", tmp_path / "bin")}
    result = subprocess.run(
        ["bash", "./dev", "build", "--help"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    said = [line for line in result.stderr.splitlines() if line.startswith("dev: not Debian")]
    assert len(said) == 1, result.stderr
    assert "libpango-1.0-0" in said[0] and "brew install pango" in said[0] and "dev container" in said[0]
    assert "dpkg-query" not in result.stderr
    assert "usage: credential-guides build" in result.stdout, "the command itself still ran"


def test_the_dev_container_previews_the_site_with_dev_serve() -> None:
    container = json.loads((ROOT / ".devcontainer" / "devcontainer.json").read_text(encoding="utf-8"))
    assert "python:1-3.11-bookworm" in container["image"], "Debian with Python 3.11, as CI: ./dev installs the rest"
    assert container["postAttachCommand"] == "./dev serve"
    assert container["forwardPorts"] == [8000]
    assert container["portsAttributes"]["8000"]["onAutoForward"] == "openPreview"
