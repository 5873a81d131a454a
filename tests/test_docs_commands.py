"""Every command block of the README and of the district staff pages, run against a fresh copy of the project.

A ```bash block is a promise to a reader: each of its lines runs, in the order
written, in a copy of the repository, and exits 0 unless an HTML comment
``<!-- exit: N -->`` just above the block says it shows a refusal. Blocks under
one ``## `` heading share a copy, as a reader following that section would.
```text blocks are output, or commands that need the network (``git fetch``).
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import PDF_CACHE, ROOT, checkout_copy
from release_content import RELEASE_CONTENT

pytestmark = pytest.mark.slow  # builds sites: left out of ./dev test --fast

DOCUMENTS = ["README.md", "docs/hosting.md", "docs/editing-content.md", "docs/district-staff.md"]
_BLOCK = re.compile(r"^(?:<!-- exit: (?P<exit>\d+) -->\n)?```bash\n(?P<body>.*?)^```", re.M | re.S)
SERVE_URL = "http://127.0.0.1:8000/"


def sections(document: str) -> list[tuple[str, list[tuple[str, int]]]]:
    """Each ``## `` section of a document with its commands and the exit status each must give."""
    text = ((RELEASE_CONTENT if document.startswith("docs/") else ROOT) / document).read_text(encoding="utf-8")
    found = []
    for section in re.split(r"(?m)^(?=## )", text):
        heading = section.splitlines()[0] if section.strip() else ""
        commands = [
            (line.split(" #")[0].strip(), int(block["exit"] or 0))
            for block in _BLOCK.finditer(section)
            for line in block["body"].splitlines()
            if line.strip() and not line.lstrip().startswith("#")
        ]
        if commands:
            found.append((heading, commands))
    return found


CASES = [
    pytest.param(document, heading, commands, id=f"{document}:{heading.lstrip('# ')}")
    for document in DOCUMENTS
    for heading, commands in sections(document)
]


def installed_for(pyproject: Path) -> bool:
    """Whether ./dev considers .venv current: a copy's ./dev would otherwise reinstall it, pointing it at the copy."""
    stamp = ROOT / ".venv" / ".installed"
    digest = hashlib.sha256(pyproject.read_bytes()).hexdigest()
    return stamp.is_file() and stamp.read_text(encoding="utf-8").strip() == digest


def serve_once(project: Path, env: dict[str, str]) -> None:
    """``./dev serve`` runs until stopped: start it, wait for the home page, stop it."""
    server = subprocess.Popen(
        ["bash", "-c", "exec ./dev serve"], cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            if server.poll() is not None:
                output = server.stdout.read().decode() if server.stdout else ""
                pytest.fail(f"./dev serve stopped with {server.returncode}:\n{output[-3000:]}")
            try:
                with urllib.request.urlopen(SERVE_URL, timeout=2) as response:
                    assert "<title>" in response.read().decode("utf-8")
                    return
            except OSError:
                time.sleep(1)
        pytest.fail(f"./dev serve did not serve {SERVE_URL} within 180 s")
    finally:
        server.terminate()
        server.wait(timeout=30)
        if server.stdout:
            server.stdout.close()


@pytest.mark.parametrize(("document", "heading", "commands"), CASES)
def test_the_documented_commands_run(
    document: str, heading: str, commands: list[tuple[str, int]], tmp_path: Path
) -> None:
    assert installed_for(ROOT / "pyproject.toml"), "install first: ./dev test installs .venv, then runs this"
    project = checkout_copy(tmp_path / "copy")
    env = {**os.environ, "CG_PDF_CACHE": str(PDF_CACHE)}
    for command, expected in commands:
        if command == "./dev serve":
            serve_once(project, env)
            continue
        run = command
        if command == "./dev test":
            # Running the whole suite inside itself would never end: collect it, which installs and imports all.
            run = "./dev test --collect-only -q"
        result = subprocess.run(["bash", "-c", run], cwd=project, env=env, capture_output=True, text=True, timeout=900)
        output = (result.stdout + result.stderr)[-3000:]
        assert result.returncode == expected, (
            f"{document} ({heading}): `{command}` exited {result.returncode}\n{output}"
        )
        if command == "./dev build":
            assert (project / "site" / "index.html").is_file()


def test_the_district_path_in_the_docs_keeps_a_draft_out_then_refuses_it_by_name() -> None:
    hosting = dict(sections("docs/hosting.md"))
    own = next(commands for heading, commands in hosting.items() if "own credentials" in heading)
    assert [expected for _, expected in own] == [0, 0, 0, 0, 1], (
        "new-stack and new work; validate passes over the draft; without its draft line, validate refuses it"
    )
    assert "draft: true" in own[3][0]
