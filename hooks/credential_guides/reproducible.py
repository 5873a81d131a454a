"""One build date for a commit, so two builds of it give the same bytes wherever and whenever they run.

MkDocs dates every page (the sitemap's ``lastmod``, the gzip header of
``sitemap.xml.gz``) with the day of the build unless ``SOURCE_DATE_EPOCH`` is
set; the offline zip stamps each entry with a time. Both come from here: the
variable when the caller set it, otherwise the time of the commit being built.
"""

from __future__ import annotations

import subprocess
import time
from collections.abc import Mapping
from pathlib import Path

SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH"
ZIP_EPOCH = 315_532_800
"""1980-01-01 00:00 UTC, the earliest time a zip entry can hold."""


def source_date_epoch(project: Path, environ: Mapping[str, str]) -> str | None:
    """``SOURCE_DATE_EPOCH`` if set, else the committer time of ``project``'s HEAD, else None (no git)."""
    given = environ.get(SOURCE_DATE_EPOCH, "").strip()
    if given:
        if not given.isdigit():
            raise ValueError(f"{SOURCE_DATE_EPOCH}: expected whole seconds since 1970, found {given!r}")
        return given
    try:
        result = subprocess.run(
            ["git", "-C", str(project), "log", "-1", "--format=%ct"],
            capture_output=True,
            text=True,
            timeout=30,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    committed = result.stdout.strip()
    return committed if result.returncode == 0 and committed.isdigit() else None


def zip_date_time(epoch: str | None) -> tuple[int, int, int, int, int, int]:
    """The zip entry time for ``epoch`` (UTC), or 1980-01-01 when there is none."""
    seconds = max(int(epoch), ZIP_EPOCH) if epoch else ZIP_EPOCH
    return time.gmtime(seconds)[:6]
