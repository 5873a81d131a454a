"""The offline copy: the site built for reading from a folder, zipped into the site.

Material's offline plugin makes links and search work from ``file://`` but adds
a polyfill from a CDN; it is swapped for the copy vendored under ``overrides/``.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from .build_plan import OFFLINE_ENV
from .reproducible import SOURCE_DATE_EPOCH, zip_date_time

ZIP_PATH = "downloads/credential-guides-offline.zip"
"""Where the zip goes in the site, which the home page links."""
LOCAL_SHIM = "assets/javascripts/vendor/iframe-worker-shim.js"


_FROM_ROOT = re.compile(r'((?:href|src)="|"search":\s*")/(?!/)')
_ROOT_ITSELF = re.compile(r'("base":\s*"|__md_scope=new URL\(")/(")')


def relative_from_root(html: str) -> str:
    """A page at the site's root with its addresses relative to it: MkDocs writes the 404 page's as
    "/assets/…" (links, and Material's base and search worker), which a copy opened from a folder
    resolves against the disk's root, where nothing is."""
    return _ROOT_ITSELF.sub(r"\1.\2", _FROM_ROOT.sub(r"\1", html))


def build_offline_zip(config_file: Path, archive: Path) -> None:
    """Build the offline variant of the site in a temporary folder and zip it to ``archive``."""
    archive.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="credential-guides-offline-") as tmp:
        offline_site = Path(tmp) / "site"
        env = {**os.environ, OFFLINE_ENV: "true", "NO_MKDOCS_2_WARNING": "1"}
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "mkdocs",
                "build",
                "--strict",
                "--quiet",
                "-f",
                str(config_file),
                "-d",
                str(offline_site),
            ],
            capture_output=True,
            text=True,
            env=env,
        )
        if result.returncode != 0:
            raise RuntimeError(f"the offline copy could not be built:\n{result.stderr.strip()}")
        write_zip(offline_site, archive, Path("credential-guides"), zip_date_time(env.get(SOURCE_DATE_EPOCH)))


def write_zip(folder: Path, archive: Path, prefix: Path, date_time: tuple[int, int, int, int, int, int]) -> None:
    """Zip ``folder`` under ``prefix`` with the same bytes for the same files: sorted, one time, one mode."""
    with zipfile.ZipFile(archive, "w") as zipped:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                entry = zipfile.ZipInfo((prefix / path.relative_to(folder)).as_posix(), date_time)
                entry.compress_type = zipfile.ZIP_DEFLATED
                entry.external_attr = 0o644 << 16
                zipped.writestr(entry, path.read_bytes())
