"""The machine-readable records: catalog.json, and beside each guide its data and Open Badges achievement."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .catalog_filter import guide_tags
from .records import (
    achievement,
    catalog_entries,
    credential_record,
    to_json,
)
from .site_build import Output, SiteBuild
from .site_map import CATALOG_FILE

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


class Records(Output):
    def finish(self, build: SiteBuild, site_dir: Path, config: MkDocsConfig) -> None:
        catalog = build.project.catalog
        address = config.site_url or None
        entries = catalog_entries(catalog, address, build.site_map)
        (site_dir / CATALOG_FILE).write_text(to_json(entries), encoding="utf-8")
        for credential in catalog.credentials:
            places = build.site_map[credential]
            (site_dir / places.record).parent.mkdir(parents=True, exist_ok=True)
            (site_dir / places.record).write_text(to_json(credential_record(credential)), encoding="utf-8")
            badge = achievement(credential, catalog.stack(credential.stack), address, guide_tags(catalog, credential))
            (site_dir / places.achievement).write_text(to_json(badge), encoding="utf-8")
