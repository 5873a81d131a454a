"""The generated pages: guides, templates and catalog, their navigation, and what pages carry."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.structure.files import File

from .browser_fonts import FONT_SCRIPT, fallback_scripts, font_script
from .catalog_filter import FILTER_ANCHOR, INDEX_FILE, catalog_index, guide_tags, index_script, tag_queries
from .copy_status import STATUS_PAGE, STATUS_TITLE, copy_status, status_markdown
from .local_pages import local_pages
from .model import Credential
from .pages import SitePage, navigation, render_site
from .records import achievement, embedded
from .search_index import SEARCH_PAGE
from .site_build import BuildError, Output, SiteBuild
from .upstream import allow_only_tags

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.credential_site")


class GeneratedPages(Output):
    def __init__(self) -> None:
        self.pages: list[SitePage] = []
        self.html_blocks: dict[str, SitePage] = {}
        """Pages with HTML blocks that go in after Markdown (see SitePage), until MkDocs converts them."""
        self.guides: dict[str, Credential] = {}
        """Guide page -> its credential, for the Open Badges achievement embedded in the page."""

    def configure(self, build: SiteBuild, config: MkDocsConfig) -> None:
        catalog, plan = build.project.catalog, build.plan
        # The website is searched with Pagefind; the offline copy with Material's search (see search_index.py).
        config.extra["cg_search"] = SEARCH_PAGE.removesuffix(".md") + "/" if plan.pagefind else None
        queries = tag_queries(catalog)
        # Material's tags plugin accepts only the data's tags (stack first, then the kinds in the
        # registry's order); each links to the catalog filtered by it.
        allow_only_tags(config, list(queries))
        home = "" if config.use_directory_urls else "index.html"
        config.extra["cg_tags"] = {name: f"{home}?{query}#{FILTER_ANCHOR}" for name, query in queries.items()}
        places = build.site_map
        self.guides = {places[c].guide: c for c in catalog.credentials}
        self.pages = render_site(
            catalog, build.project.settings, pdfs=plan.pdfs, search_page=plan.pagefind, site_map=places
        )
        status = copy_status(Path(config.config_file_path).parent, build.project.settings)
        self.pages.append(SitePage(STATUS_PAGE, STATUS_TITLE, status_markdown(status)))
        own_pages: list[Any] = local_pages(Path(config.docs_dir))
        config.nav = navigation(self.pages, catalog, extra=[*own_pages, *(config.nav or [])], site_map=places)
        log.debug("credential_site: %d credentials, %d pages", len(catalog.credentials), len(self.pages))

    def add_files(self, build: SiteBuild, files: Files, config: MkDocsConfig) -> None:
        self.html_blocks = {}
        for page in self.pages:
            existing = files.get_file_from_path(page.src_uri)
            if existing is not None and existing.generated_by is None:
                raise BuildError(
                    f"docs/{page.src_uri} conflicts with the page generated for {page.title!r}; "
                    "rename or remove the hand-written file"
                )
            files.append(File.generated(config, page.src_uri, content=page.markdown))
            if page.html:
                self.html_blocks[page.src_uri] = page
        self.pages = []  # MkDocs holds the Markdown now; at 500 credentials a second copy is ~100 MB.
        catalog = build.project.catalog
        suffix = "" if config.use_directory_urls else "index.html"
        index = catalog_index(catalog, build.site_map, suffix)
        files.append(File.generated(config, INDEX_FILE, content=index_script(index)))
        files.append(File.generated(config, FONT_SCRIPT, content=font_script()))
        for path, content in fallback_scripts().items():
            files.append(File.generated(config, path, content=content))

    def page_html(self, build: SiteBuild, html: str, page: Page, config: MkDocsConfig) -> str:
        generated = self.html_blocks.pop(page.file.src_uri, None)
        html = generated.with_html(html) if generated else html
        credential = self.guides.get(page.file.src_uri)
        if credential is not None:
            catalog = build.project.catalog
            tags = guide_tags(catalog, credential)
            html += embedded(achievement(credential, catalog.stack(credential.stack), config.site_url or None, tags))
        return html
