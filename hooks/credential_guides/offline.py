"""The offline copy: the site built for reading from a folder, zipped into the site.

Material's offline plugin makes links and search work from ``file://`` but adds
a polyfill from a CDN; it is swapped for the copy vendored under ``overrides/``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from .build_plan import OFFLINE_ENV
from .reproducible import SOURCE_DATE_EPOCH, zip_date_time

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

ZIP_PATH = "downloads/credential-guides-offline.zip"
"""Where the zip goes in the site, which the home page links."""
LOCAL_SHIM = "assets/javascripts/vendor/iframe-worker-shim.js"


def use_local_polyfills(config: MkDocsConfig) -> None:
    """Replace any CDN polyfill the offline plugin added with the vendored copy."""
    polyfills = config.extra.get("polyfills", [])
    config.extra["polyfills"] = [LOCAL_SHIM if "iframe-worker" in url else url for url in polyfills]


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
