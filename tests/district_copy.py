"""A district's copy, customised the way docs/hosting.md tells its staff to: every setting of ``site.yml``
changed, a logo, an NEA credential hidden, its own stack and credential (one saved with Windows line
endings), as a text editor leaves the files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import fill_placeholders

LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#0b5"/></svg>'
HIDDEN = "linking-family-engagement-learning-outcomes"
STACK = "springfield-literacy"
OWN = "reading-conferences"
SETTINGS = {
    "site_name: Educator Micro-Credential Guides": "site_name: Springfield Educator Guides",
    "organization: null": "organization: Springfield Public Schools",
    "site_url: null": "site_url: https://guides.springfield.k12.example.us/",
    "logo: null": "logo: assets/logo.svg",
    "favicon: null": "favicon: assets/logo.svg",
    'primary: "#303f9f"': 'primary: "#1f4e79"',
    'accent: "#c51162"': 'accent: "#b34700"',
    "contact: null": "contact: pd-office@springfield.example.org",
    "how_to_submit: null": "how_to_submit: Submit through the **Springfield PD portal** before June 1.",
    "footer: null": "footer: Springfield Public Schools, Office of Professional Learning",
    "home_text: null": "home_text: Welcome, Springfield educators. Submit by **June 1** to count for this year.",
    "  credentials: []": f"  credentials: [{HIDDEN}]",
    "offline_zip: true": "offline_zip: false",
    "pdfs: true": "pdfs: false\npaper: a4",
}


def cli(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "credential_guides.cli", *args], cwd=project, capture_output=True, text=True
    )


def customise(project: Path) -> Path:
    """``project`` (a copy with the release's content) made a district's; the district's own credential file."""
    settings = (project / "site.yml").read_text(encoding="utf-8")
    for before, after in SETTINGS.items():
        assert before in settings, f"site.yml has no line {before!r} any more: update {__file__}"
        settings = settings.replace(before, after, 1)
    (project / "site.yml").write_text(settings, encoding="utf-8")
    (project / "docs" / "assets").mkdir(exist_ok=True)
    (project / "docs" / "assets" / "logo.svg").write_text(LOGO, encoding="utf-8")

    for command in (
        ["new-stack", STACK, "--title", "Springfield Literacy Leaders", "--publisher", "Springfield Public Schools"],
        ["new", OWN, "--stack", STACK, "--title", "Reading Conferences"],
    ):
        result = (
            cli(project, *command, "--license", "CC BY 4.0") if command[0] == "new-stack" else cli(project, *command)
        )
        assert result.returncode == 0, result.stderr
    own = project / "credentials_data" / "local" / f"{OWN}.yml"
    own.write_bytes(fill_placeholders(own.read_text(encoding="utf-8")).replace("\n", "\r\n").encode("utf-8"))
    return own
