"""Everything a build reads from a project folder, validated together.

``load_project`` reads the credential data and ``site.yml`` and reports the
errors of both in one run.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import TypeAdapter

from .catalog import LOCAL_DIR, REGISTRY_DIR, REGISTRY_FILES, credential_files, load_catalog, log_drafts
from .data_files import OlderFile, log_older_files, read_data_file
from .errors import DataError, DataErrors
from .model import Catalog
from .project_files import outside_project
from .settings import SiteSettings, missing_files, shown
from .upgrade import FileKind
from .validation import validate_document

DATA_DIR = "credentials_data"
SETTINGS_FILE = "site.yml"


def data_files(root: Path) -> list[tuple[Path, FileKind]]:
    """Every data file of a project and what it holds: registries, credentials (yours in ``local/``), ``site.yml``."""
    data_dir = root / DATA_DIR
    found: list[tuple[Path, FileKind]] = []
    for folder in (data_dir / REGISTRY_DIR, data_dir / LOCAL_DIR):
        for name, _ in REGISTRY_FILES.values():
            if (folder / f"{name}.yml").is_file():
                found.append((folder / f"{name}.yml", name))
    if (data_dir / REGISTRY_DIR / "credentialing.yml").is_file():
        found.append((data_dir / REGISTRY_DIR / "credentialing.yml", "credentialing"))
    if data_dir.is_dir():
        found += [(path, "credential") for path in credential_files(data_dir)]
    if (root / SETTINGS_FILE).is_file():
        found.append((root / SETTINGS_FILE, "settings"))
    return found


@dataclass(frozen=True)
class Project:
    settings: SiteSettings
    catalog: Catalog
    """What the site shows: the full catalog less what ``site.yml`` hides."""


def load_project(root: Path, docs_dir: Path | None = None) -> Project:
    """Load and validate ``credentials_data/`` and ``site.yml`` under ``root``."""
    errors: list[DataError] = []
    older: list[OlderFile] = []
    catalog: Catalog | None = None
    try:
        catalog = load_catalog(root / DATA_DIR, display_root=root, older=older)
    except DataErrors as exc:
        errors += exc.errors
    settings = load_settings(root / SETTINGS_FILE, root, catalog, docs_dir or root / "docs", errors, older)
    log_older_files(older)
    if errors or catalog is None or settings is None:
        raise DataErrors(errors)
    log_drafts(catalog.drafts)
    return Project(settings=settings, catalog=shown(catalog, settings.hidden))


def load_settings(
    path: Path,
    root: Path,
    catalog: Catalog | None,
    docs_dir: Path,
    errors: list[DataError],
    older: list[OlderFile] | None = None,
) -> SiteSettings | None:
    """``site.yml``, or the defaults when the file is absent."""
    if not path.is_file():
        return SiteSettings()
    file = path.relative_to(root).as_posix()
    if outside := outside_project(path, root):
        errors.append(DataError(file, 1, "", outside))
        return None
    doc, read_errors, was_older = read_data_file(path, file, "settings")
    if was_older and older is not None:
        older.append(was_older)
    if doc is None and all("found only comments" in e.message for e in read_errors):
        return SiteSettings()
    errors += read_errors
    if doc is None or read_errors:
        return None
    context = None
    if catalog is not None:
        context = {
            "stack": {s.id: s for s in catalog.stacks},
            "credential": {c.id: c for c in catalog.credentials},
        }
    settings, invalid = validate_document(TypeAdapter(SiteSettings), SiteSettings, doc, file, context)
    errors += invalid
    if settings is None:
        return None
    for field, message in missing_files(settings, docs_dir):
        errors.append(DataError(file, doc.lines.line_of((field,)), field, message))
    return settings
