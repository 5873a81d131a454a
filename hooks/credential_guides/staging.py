"""Build into a folder beside the site and swap it in whole, so the site is always the last good build.

MkDocs writes pages straight into ``site_dir``: a build that fails half-way,
or is killed, would leave half a site for the next deploy to publish. The
build writes into ``.<site>.building-<pid>`` next to it instead and, once
nothing can fail any more, renames it into place. Folders left by killed
builds are removed by the next build; those of builds still running are not.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: builds there are not run side by side
    fcntl = None  # type: ignore[assignment]


def staging_dir(site_dir: Path, pid: int | None = None) -> Path:
    return site_dir.parent / f".{site_dir.name}.building-{os.getpid() if pid is None else pid}"


PROBE_BYTES = 1 << 20


def check_writable(site_dir: Path) -> None:
    """Raise ``OSError`` as one line naming ``site_dir`` if a site cannot be written beside it.

    Read-only, missing permission, or a disk without a megabyte free: found before the data is
    rendered, so the build ends with one line, and the old site stays as it was.
    """
    folder = site_dir.parent
    probe = folder / f".{site_dir.name}.probe-{os.getpid()}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with open(probe, "wb") as handle:
            handle.write(b"\0" * PROBE_BYTES)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:
        raise OSError(f"{site_dir}: the site cannot be written here: {exc.strerror or exc}") from None
    finally:
        with contextlib.suppress(OSError):
            probe.unlink()


def remove_abandoned(site_dir: Path) -> list[Path]:
    """Delete the staging and swap folders of builds that are no longer running. Returns them."""
    pattern = re.compile(rf"^\.{re.escape(site_dir.name)}\.(?:building|old)-(\d+)$")
    removed: list[Path] = []
    if not site_dir.parent.is_dir():
        return removed
    for path in site_dir.parent.iterdir():
        match = pattern.match(path.name)
        if match and path.is_dir() and not _running(int(match.group(1))):
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed


def publish(staging: Path, site_dir: Path) -> None:
    """Put ``staging`` where ``site_dir`` is, replacing it; two builds publishing at once take turns."""
    old = site_dir.parent / f".{site_dir.name}.old-{os.getpid()}"
    with _lock(site_dir.parent):
        if site_dir.exists():
            site_dir.rename(old)
        staging.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)


def discard(staging: Path) -> None:
    shutil.rmtree(staging, ignore_errors=True)


@contextlib.contextmanager
def _lock(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``folder`` itself (no lock file to leave behind)."""
    if fcntl is None:
        yield
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
