"""MkDocs hooks: load the credential data once per build and add its pages.

The work happens in ``credential_guides``; these event functions only wire it
into MkDocs. A data error ends the build in ``on_config``, before anything is
written, with every problem listed.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

# `mkdocs serve` re-runs this file on every change but would keep the package
# modules cached; drop them so edits under hooks/ take effect on rebuild.
for _name in [m for m in sys.modules if m == "credential_guides" or m.startswith("credential_guides.")]:
    del sys.modules[_name]

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from credential_guides.browser_fonts import FONT_SCRIPT, font_script
from credential_guides.build_plan import BuildPlan, build_plan
from credential_guides.catalog_filter import (
    FILTER_ANCHOR,
    INDEX_FILE,
    catalog_index,
    guide_tags,
    index_script,
    tag_queries,
)
from credential_guides.csp import with_content_security_policy
from credential_guides.errors import DataErrors
from credential_guides.fillable import fillables
from credential_guides.html_size import strip_indentation
from credential_guides.model import Credential
from credential_guides.offline import LOCAL_SHIM, ZIP_PATH, build_offline_zip, relative_from_root
from credential_guides.pages import SitePage, guide_page, navigation, render_site
from credential_guides.pdf import (
    PdfErrors,
    PdfJob,
    cached_pdf,
    copy_pdfs,
    pdf_jobs,
    pdf_paths,
    prune_pdf_cache,
    render_pdfs,
)
from credential_guides.project import (
    Project,
    load_project,
)
from credential_guides.records import (
    ACHIEVEMENT_FILE,
    CATALOG_FILE,
    RECORD_FILE,
    achievement,
    catalog_entries,
    credential_record,
    embedded,
    record_path,
    to_json,
)
from credential_guides.reproducible import SOURCE_DATE_EPOCH, source_date_epoch
from credential_guides.search_index import SEARCH_PAGE, SearchIndexer, SearchIndexError, is_searched
from credential_guides.site_config import apply_settings, remove_sitemap_without_address
from credential_guides.site_size import SitePart, SiteTooLarge, check_site_size, files_bytes, folder_bytes, limit_mb
from credential_guides.staging import discard, publish, remove_abandoned, staging_dir
from credential_guides.upstream import (
    allow_only_tags,
    navigation_for,
    strict_warning_count,
    use_local_polyfills,
    valid_material_markup,
)

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

log = logging.getLogger("mkdocs.hooks.credential_site")


@dataclass
class _Build:
    """What one build carries from event to event. Its decisions are ``plan``, made once in on_config."""

    command: str = "build"
    plan: BuildPlan | None = None
    project: Project | None = None
    pages: list[SitePage] = field(default_factory=list)
    pdf_jobs: list[PdfJob] = field(default_factory=list)
    guides: dict[str, Credential] = field(default_factory=dict)
    """Guide page -> its credential, for the Open Badges achievement embedded in the page."""
    search: SearchIndexer | None = None
    html_blocks: dict[str, SitePage] = field(default_factory=dict)
    """Pages with HTML blocks that go in after Markdown (see SitePage), until MkDocs converts them."""
    publish_to: Path | None = None
    """`mkdocs build` writes into a staging folder; the site it replaces, once the build has succeeded."""

    @property
    def ready(self) -> tuple[BuildPlan, Project]:
        assert self.plan is not None and self.project is not None, "on_config has not run"
        return self.plan, self.project


_build = _Build()
# Outputs made before the site is written wait here until on_post_build places them.
_workspace = tempfile.TemporaryDirectory(prefix="credential-guides-")


def on_startup(command: str, dirty: bool) -> None:
    _build.command = command


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    project_dir = Path(config.config_file_path).parent
    try:
        project = load_project(project_dir, docs_dir=Path(config.docs_dir))
    except DataErrors as exc:
        raise PluginError(exc.report()) from None
    try:
        epoch = source_date_epoch(project_dir, os.environ)
    except ValueError as exc:
        raise PluginError(str(exc)) from None
    if epoch:
        os.environ[SOURCE_DATE_EPOCH] = epoch
    plan = build_plan(project.settings, _build.command, os.environ, project_dir)
    _build.plan = plan
    _build.publish_to = None
    if plan.staged:
        site_dir = Path(config.site_dir)
        remove_abandoned(site_dir)
        _build.publish_to = site_dir
        config.site_dir = str(staging_dir(site_dir))
    if plan.offline_copy:
        use_local_polyfills(config, LOCAL_SHIM)
    try:
        apply_settings(config, project.settings, project.catalog, from_pages=plan.site_url_from_pages)
    except ValueError as exc:
        raise PluginError(str(exc)) from None
    settings = project.settings.model_copy(update={"offline_zip": plan.offline_zip})
    _build.project = Project(settings=settings, catalog=project.catalog)
    # The website is searched with Pagefind; the offline copy with Material's search (see search_index.py).
    config.extra["cg_search"] = SEARCH_PAGE.removesuffix(".md") + "/" if plan.pagefind else None
    _use_tags(config, tag_queries(project.catalog))
    _build.guides = {guide_page(c): c for c in project.catalog.credentials}
    _build.pages = render_site(project.catalog, settings, pdfs=plan.pdfs, search_page=plan.pagefind)
    config.nav = navigation(_build.pages, project.catalog, extra=config.nav)
    log.debug("credential_site: %d credentials, %d pages", len(project.catalog.credentials), len(_build.pages))
    return config


def _use_tags(config: MkDocsConfig, queries: dict[str, str]) -> None:
    """Material's tags plugin accepts only the data's tags (stack first, then the kinds in the
    registry's order); each links to the catalog filtered by it."""
    allow_only_tags(config, list(queries))
    home = "" if config.use_directory_urls else "index.html"
    config.extra["cg_tags"] = {name: f"{home}?{query}#{FILTER_ANCHOR}" for name, query in queries.items()}


def on_pre_build(config: MkDocsConfig) -> None:
    """Make the PDFs and the offline zip before MkDocs cleans or writes the site, so a failure leaves it as it was."""
    plan, project = _build.ready
    _build.pdf_jobs = []
    if plan.pdfs:
        _render_pdfs(config, plan, project)
    if plan.offline_zip:
        archive = Path(_workspace.name) / "offline.zip"
        try:
            build_offline_zip(Path(config.config_file_path), archive)
        except RuntimeError as exc:
            raise PluginError(str(exc)) from None
    _stop_search_indexer()
    if plan.pagefind:
        try:
            _build.search = SearchIndexer()
        except SearchIndexError as exc:
            raise PluginError(str(exc)) from None


def _render_pdfs(config: MkDocsConfig, plan: BuildPlan, project: Project) -> None:
    started = time.perf_counter()
    _build.pdf_jobs = pdf_jobs(project.catalog, project.settings, Path(config.docs_dir))
    try:
        counts = render_pdfs(_build.pdf_jobs, plan.pdf_cache)
    except PdfErrors as exc:
        raise PluginError(str(exc)) from None
    log.info(
        "credential_site: %d PDFs (%d rendered, %d from cache%s) in %.1f s",
        len(_build.pdf_jobs),
        counts["rendered"],
        counts["cached"],
        f"; {counts['damaged']} damaged in the cache, rendered again" if counts["damaged"] else "",
        time.perf_counter() - started,
    )


def on_files(files: Files, config: MkDocsConfig) -> Files:
    plan, project = _build.ready
    _build.html_blocks = {}
    for page in _build.pages:
        existing = files.get_file_from_path(page.src_uri)
        if existing is not None and existing.generated_by is None:
            raise PluginError(
                f"docs/{page.src_uri} conflicts with the page generated for {page.title!r}; "
                "rename or remove the hand-written file"
            )
        files.append(File.generated(config, page.src_uri, content=page.markdown))
        if page.html:
            _build.html_blocks[page.src_uri] = page
    _build.pages = []  # MkDocs holds the Markdown now; at 500 credentials a second copy is ~100 MB.
    catalog = project.catalog
    counts = {credential.id: len(fillables(credential)) for credential in catalog.credentials}
    suffix = "" if config.use_directory_urls else "index.html"
    files.append(File.generated(config, INDEX_FILE, content=index_script(catalog_index(catalog, counts, suffix))))
    files.append(File.generated(config, FONT_SCRIPT, content=font_script()))
    if plan.pdfs:
        # Placeholders, so that pages may link the PDFs; on_post_build writes the real files.
        for path in pdf_paths(catalog):
            files.append(File.generated(config, path, content=b""))
    return files


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    generated = _build.html_blocks.pop(page.file.src_uri, None)
    html = generated.with_html(html) if generated else html
    credential = _build.guides.get(page.file.src_uri)
    if credential is not None:
        catalog = _build.ready[1].catalog
        tags = guide_tags(catalog, credential)
        html += embedded(achievement(credential, catalog.stack(credential.stack), config.site_url or None, tags))
    return html


def on_page_context(context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
    context["nav"] = navigation_for(nav, page)
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    plan = _build.ready[0]
    output = strip_indentation(valid_material_markup(output))
    if _build.search and page.file.src_uri != SEARCH_PAGE and is_searched(page.meta):
        _build.search.add(page.url, output)
    return with_content_security_policy(
        output, webassembly=page.file.src_uri == SEARCH_PAGE, local_files=plan.offline_copy
    )


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """The 404 page, which MkDocs renders as a template rather than a page."""
    if template_name.endswith(".html"):
        offline_copy = _build.ready[0].offline_copy
        html = strip_indentation(valid_material_markup(output_content))
        if offline_copy:
            html = relative_from_root(html)
        return with_content_security_policy(html, local_files=offline_copy)
    return output_content


def on_post_build(config: MkDocsConfig) -> None:
    plan, project = _build.ready
    site_dir = Path(config.site_dir)
    if _build.search:
        started = time.perf_counter()
        try:
            indexed = _build.search.write(site_dir)
        except SearchIndexError as exc:
            raise PluginError(str(exc)) from None
        finally:
            _stop_search_indexer()
        log.info(
            "credential_site: search index of %d pages (%.1f s after the last page)",
            indexed,
            time.perf_counter() - started,
        )
    _write_records(project, config.site_url or None, site_dir)
    remove_sitemap_without_address(site_dir, config.site_url or None)
    if plan.published:
        _check_site_size(plan, site_dir)
        if _build.pdf_jobs:
            prune_pdf_cache(_build.pdf_jobs, plan.pdf_cache)
    copy_pdfs(_build.pdf_jobs, plan.pdf_cache, site_dir)
    if plan.offline_zip:
        archive = site_dir / ZIP_PATH
        archive.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(Path(_workspace.name) / "offline.zip", archive)
        log.info("credential_site: offline copy written to %s", archive)
    # MkDocs counts --strict warnings only after this event: with any, it fails and the old site stays.
    if _build.publish_to and not strict_warning_count(config):
        publish(site_dir, _build.publish_to)
        config.site_dir = str(_build.publish_to)
        _build.publish_to = None
        log.info("credential_site: site written to %s", config.site_dir)


def _write_records(project: Project, address: str | None, site_dir: Path) -> None:
    """catalog.json, and beside each guide its data and its Open Badges achievement."""
    catalog = project.catalog
    (site_dir / CATALOG_FILE).write_text(to_json(catalog_entries(catalog, address)), encoding="utf-8")
    for credential in catalog.credentials:
        folder = site_dir / record_path(credential, "")
        folder.mkdir(parents=True, exist_ok=True)
        (folder / RECORD_FILE).write_text(to_json(credential_record(credential)), encoding="utf-8")
        badge = achievement(credential, catalog.stack(credential.stack), address, guide_tags(catalog, credential))
        (folder / ACHIEVEMENT_FILE).write_text(to_json(badge), encoding="utf-8")


def on_build_error(error: Exception) -> None:
    _stop_search_indexer()
    if _build.publish_to:
        discard(staging_dir(_build.publish_to))
        _build.publish_to = None


def _stop_search_indexer() -> None:
    if _build.search is not None:
        search, _build.search = _build.search, None
        search.close()


def _check_site_size(plan: BuildPlan, site_dir: Path) -> None:
    """Before the PDFs and the zip are put in place: will the whole site fit GitHub Pages?"""
    parts = [SitePart("pages and search index", folder_bytes(site_dir))]
    if _build.pdf_jobs:
        pdf_bytes = files_bytes(cached_pdf(job, plan.pdf_cache) for job in _build.pdf_jobs)
        parts.append(SitePart(f"{len(_build.pdf_jobs):,} PDFs", pdf_bytes, "pdfs: false"))
    if plan.offline_zip:
        zip_bytes = (Path(_workspace.name) / "offline.zip").stat().st_size
        parts.append(SitePart("the offline zip", zip_bytes, "offline_zip: false"))
    try:
        log.info("credential_site: %s", check_site_size(parts, limit_mb()))
    except SiteTooLarge as exc:
        raise PluginError(str(exc)) from None
