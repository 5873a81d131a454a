"""The PDFs: a guide and a workbook per credential, rendered before MkDocs writes the site."""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.structure.files import File

from .pdf import PdfErrors, PdfJob, cached_pdf, copy_pdfs, pdf_jobs, prune_pdf_cache, render_pdfs
from .site_build import BuildError, Output, SiteBuild
from .site_size import SitePart, files_bytes

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

log = logging.getLogger("mkdocs.hooks.credential_site")


class Pdfs(Output):
    def __init__(self) -> None:
        self.jobs: list[PdfJob] = []

    def prepare(self, build: SiteBuild, config: MkDocsConfig) -> None:
        started = time.perf_counter()
        self.jobs = pdf_jobs(build.project.catalog, build.project.settings, Path(config.docs_dir), build.site_map)
        try:
            counts = render_pdfs(self.jobs, build.plan.pdf_cache)
        except PdfErrors as exc:
            raise BuildError(str(exc)) from None
        log.info(
            "credential_site: %d PDFs (%d rendered, %d from cache%s) in %.1f s",
            len(self.jobs),
            counts["rendered"],
            counts["cached"],
            f"; {counts['damaged']} damaged in the cache, rendered again" if counts["damaged"] else "",
            time.perf_counter() - started,
        )

    def add_files(self, build: SiteBuild, files: Files, config: MkDocsConfig) -> None:
        # Placeholders, so that pages may link the PDFs; place() writes the real files.
        for path in build.site_map.pdf_paths():
            files.append(File.generated(config, path, content=b""))

    def sizes(self, build: SiteBuild) -> list[SitePart]:
        if not self.jobs:
            return []
        pdf_bytes = files_bytes(cached_pdf(job, build.plan.pdf_cache) for job in self.jobs)
        return [SitePart(f"{len(self.jobs):,} PDFs", pdf_bytes, "pdfs: false")]

    def place(self, build: SiteBuild, site_dir: Path) -> None:
        if build.plan.published and self.jobs:
            prune_pdf_cache(self.jobs, build.plan.pdf_cache)
        copy_pdfs(self.jobs, build.plan.pdf_cache, site_dir)
