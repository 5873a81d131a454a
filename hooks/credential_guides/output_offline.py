"""The offline copy: the whole site as a zip that works opened from a folder."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from .offline import ZIP_PATH, build_offline_zip
from .site_build import BuildError, Output, SiteBuild
from .site_size import SitePart

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

log = logging.getLogger("mkdocs.hooks.credential_site")


class OfflineCopy(Output):
    def archive(self, build: SiteBuild) -> Path:
        return build.workspace / "offline.zip"

    def prepare(self, build: SiteBuild, config: MkDocsConfig) -> None:
        try:
            build_offline_zip(Path(config.config_file_path), self.archive(build))
        except RuntimeError as exc:
            raise BuildError(str(exc)) from None

    def sizes(self, build: SiteBuild) -> list[SitePart]:
        return [SitePart("the offline zip", self.archive(build).stat().st_size, "offline_zip: false")]

    def place(self, build: SiteBuild, site_dir: Path) -> None:
        archive = site_dir / ZIP_PATH
        archive.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(self.archive(build), archive)
        log.info("credential_site: offline copy written to %s", archive)
