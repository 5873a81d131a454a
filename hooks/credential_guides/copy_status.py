"""What a copy of the site changes from the release it is on: what it hides, overrides, adds and edits.

The release's content is recorded in ``release_manifest.json`` (a digest of
each file of ``site.yml``, ``credentials_data/`` and ``docs/`` as shipped),
which each release rewrites and a district never edits. Line endings and a
byte-order mark do not count as a change.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from .markdown_text import plain
from .settings import SiteSettings

MANIFEST = Path(__file__).parent / "release_manifest.json"
SETTINGS_FILE = "site.yml"
CONTENT_PARTS = ("site.yml", "credentials_data", "docs")
OWN_FOLDERS = ("credentials_data/local/", "docs/local/")
"""Where a district's own files live: no release adds to or edits them."""
_NOT_SETTINGS = {"format"}


def content_files(root: Path) -> dict[str, bytes]:
    """Each file of the content under ``root``, by its path relative to ``root``."""
    files = {}
    for part in CONTENT_PARTS:
        path = root / part
        candidates = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
        for file in candidates:
            if "__pycache__" not in file.parts:
                files[file.relative_to(root).as_posix()] = file.read_bytes()
    return files


def digest(data: bytes) -> str:
    """The digest of a file's content, the same for LF, CRLF or CR and with or without a byte-order mark."""
    text = data.removeprefix(b"\xef\xbb\xbf").replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    return hashlib.sha256(text).hexdigest()


def manifest_of(root: Path) -> dict[str, str]:
    return {name: digest(data) for name, data in content_files(root).items()}


@dataclass(frozen=True)
class CopyStatus:
    release: str
    hidden_stacks: tuple[str, ...]
    hidden_credentials: tuple[str, ...]
    settings: tuple[tuple[str, str], ...]
    """Settings of ``site.yml`` that differ from the release's defaults: (name, value)."""
    added: tuple[str, ...]
    """Files of the copy's own (its own folders and anything else the release does not ship)."""
    edited: tuple[str, ...]
    """Files the release ships that this copy changed: these may conflict when a release is merged."""
    removed: tuple[str, ...]

    @property
    def is_release(self) -> bool:
        return not (self.hidden_stacks or self.hidden_credentials or self.settings or self.added or self.edited)


def copy_status(root: Path, settings: SiteSettings, manifest: dict[str, str] | None = None) -> CopyStatus:
    shipped = manifest if manifest is not None else json.loads(MANIFEST.read_text(encoding="utf-8"))
    live = manifest_of(root)
    defaults = SiteSettings()
    changed = tuple(
        (name, _shown(getattr(settings, name)))
        for name in type(settings).model_fields
        if name not in _NOT_SETTINGS and name != "hidden" and getattr(settings, name) != getattr(defaults, name)
    )
    return CopyStatus(
        release=metadata.version("credential-guides"),
        hidden_stacks=tuple(settings.hidden.stacks),
        hidden_credentials=tuple(settings.hidden.credentials),
        settings=changed,
        added=tuple(sorted(name for name in live if name not in shipped)),
        edited=tuple(
            sorted(name for name in live if name in shipped and name != "site.yml" and live[name] != shipped[name])
        ),
        removed=tuple(sorted(name for name in shipped if name not in live)),
    )


def _shown(value: object) -> str:
    if hasattr(value, "model_dump"):
        return json.dumps(value.model_dump(), ensure_ascii=False)
    return json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value


def status_lines(status: CopyStatus) -> list[str]:
    """The status in plain words, one line per fact, for the terminal and the staff's page."""
    lines = [
        f"This copy runs release {status.release} of the engine (pyproject.toml; CHANGELOG.md says what it holds)."
    ]
    if status.is_release and not status.removed:
        return [*lines, "Its content is the release's: it hides, changes and adds nothing."]

    def group(title: str, items: tuple[str, ...]) -> None:
        lines.append(f"{title}: {len(items)}" + ("" if items else " (none)"))
        lines.extend(f"  {item}" for item in items)

    group("Hidden stacks (site.yml hidden.stacks)", status.hidden_stacks)
    group("Hidden credentials (site.yml hidden.credentials)", status.hidden_credentials)
    group("Settings changed in site.yml", tuple(f"{name}: {value}" for name, value in status.settings))
    group("Files of this copy's own (a release never touches them)", status.added)
    group("Files of the release this copy edited (a new release may conflict with them)", status.edited)
    if status.removed:
        group("Files of the release this copy deleted", status.removed)
    return lines


STATUS_PAGE = "copy-status.md"
STATUS_TITLE = "What this copy changes"


def status_markdown(status: CopyStatus) -> str:
    """The staff's page of the status: the same lines as ``credential-guides status``, as text."""
    body = "\n".join(
        f"- {plain(line.strip())}" if line.startswith("  ") else f"\n{plain(line)}\n" for line in status_lines(status)
    )
    front_matter = "# For district web staff, not teachers: kept out of the site's search.\nsearch:\n  exclude: true"
    return (
        f"---\n{front_matter}\n---\n\n# {STATUS_TITLE}\n\n"
        f"As of this build; on your computer `./dev credential-guides status` says the same.\n{body}\n"
    )
