"""Everything a build reads from a project folder, validated together.

``load_project`` reads the credential data and ``site.yml`` and reports the
errors of both in one run.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import TypeAdapter

from .catalog import load_catalog
from .errors import DataError, DataErrors
from .model import Catalog
from .settings import SiteSettings, missing_files, shown
from .strict_yaml import read_yaml
from .validation import validate_document

DATA_DIR = "credentials_data"
SETTINGS_FILE = "site.yml"


@dataclass(frozen=True)
class Project:
    settings: SiteSettings
    catalog: Catalog
    """What the site shows: the full catalog less what ``site.yml`` hides."""


def load_project(root: Path, docs_dir: Path | None = None) -> Project:
    """Load and validate ``credentials_data/`` and ``site.yml`` under ``root``."""
    errors: list[DataError] = []
    catalog: Catalog | None = None
    try:
        catalog = load_catalog(root / DATA_DIR, display_root=root)
    except DataErrors as exc:
        errors += exc.errors
    settings = load_settings(root / SETTINGS_FILE, root, catalog, docs_dir or root / "docs", errors)
    if errors or catalog is None or settings is None:
        raise DataErrors(errors)
    return Project(settings=settings, catalog=shown(catalog, settings.hidden))


def load_settings(
    path: Path, root: Path, catalog: Catalog | None, docs_dir: Path, errors: list[DataError]
) -> SiteSettings | None:
    """``site.yml``, or the defaults when the file is absent."""
    if not path.is_file():
        return SiteSettings()
    file = path.relative_to(root).as_posix()
    doc, read_errors = read_yaml(path, file)
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
