"""The website's search index (Pagefind), fed each page as MkDocs writes it."""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import TYPE_CHECKING

from .search_index import SEARCH_PAGE, SearchIndexer, SearchIndexError, is_searched
from .site_build import BuildError, Output, SiteBuild

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.credential_site")


class SearchIndex(Output):
    def __init__(self) -> None:
        self.indexer: SearchIndexer | None = None

    def prepare(self, build: SiteBuild, config: MkDocsConfig) -> None:
        self.abort()
        try:
            self.indexer = SearchIndexer()
        except SearchIndexError as exc:
            raise BuildError(str(exc)) from None

    def page_output(self, build: SiteBuild, output: str, page: Page) -> None:
        if self.indexer and page.file.src_uri != SEARCH_PAGE and is_searched(page.meta):
            self.indexer.add(page.url, output)

    def finish(self, build: SiteBuild, site_dir: Path, config: MkDocsConfig) -> None:
        if not self.indexer:
            return
        started = time.perf_counter()
        try:
            indexed = self.indexer.write(site_dir)
        except SearchIndexError as exc:
            raise BuildError(str(exc)) from None
        finally:
            self.abort()
        log.info(
            "credential_site: search index of %d pages (%.1f s after the last page)",
            indexed,
            time.perf_counter() - started,
        )

    def abort(self) -> None:
        if self.indexer is not None:
            indexer, self.indexer = self.indexer, None
            indexer.close()
