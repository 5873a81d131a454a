"""Stage 4 of a build, finish: everything made from the finished HTML or the plan, whatever engine wrote it.

Per page (``PageFinisher.page``): the theme's markup made valid and small,
the page's own footer and the way to the staff's pages, the page handed to the
search index, its offline form, and a Content-Security-Policy that allows
only the inline code the project's templates wrote. The MkDocs adapter calls
it as MkDocs writes each page; after another engine, ``finish_site`` reads
each page from the site. Then, once (``finish_site``): the records, the
sitemap, the search index, the PDFs, the offline zip and the size check. The
PDFs read only the plan: ``PageFinisher.render_pdfs`` renders them into the
cache before the engine runs, and ``finish_site`` puts them in the site.
"""

from __future__ import annotations

import datetime
import logging
import os
import shutil
import tempfile
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from markupsafe import escape

from .browser_bundles import with_bundles
from .catalog_filter import guide_tags
from .csp import InlineCode, OwnInlineCode, Policy, policy_for, with_policy
from .errors import BuildError
from .html_size import strip_indentation
from .material_markup import valid_material_markup
from .offline import (
    LEFT_OUT,
    OFFLINE_SEARCH_INDEX,
    ZIP_FOLDER,
    ZIP_PATH,
    offline_page,
    search_script,
    searched_text,
    write_zip,
)
from .pdf import PdfErrors, PdfJob, cached_pdf, copy_pdfs, pdf_jobs, prune_pdf_cache, render_pdfs
from .records import achievement, catalog_entries, credential_record, to_json
from .reproducible import SOURCE_DATE_EPOCH, zip_date_time
from .search_index import SEARCH_PAGE, SearchIndexer, SearchIndexError
from .site_map import CATALOG_FILE
from .site_plan import SitePlan, page_path, page_url, relative_url
from .site_size import SitePart, SiteTooLarge, check_site_size, files_bytes, folder_bytes, limit_mb

log = logging.getLogger("mkdocs.hooks.credential_site")

NOT_FOUND_PAGE = "404.html"
SITEMAP_FILES = ("sitemap.xml", "sitemap.xml.gz")
FOOTER_MARK = "<div data-cg-footer>"
"""Where the theme's footer partial (overrides/partials/copyright.html) leaves the page's footer to this stage."""


@dataclass
class PageFinisher:
    """Finishes each page of one build; made once the plan is, before the engine writes the first page.

    ``own_code``: the inline code of the theme's templates; ``config``: what those templates read as
    ``config`` (the engine's configuration, or the same values as a mapping)."""

    plan: SitePlan
    own_code: OwnInlineCode
    config: Any
    workspace: Path
    refused: list[str] = field(default_factory=list)
    """``page: what`` for inline code the templates did not write (it came from data or docs/)."""
    done: set[str] = field(default_factory=set)
    documents: list[tuple[str, str, str]] = field(default_factory=list)
    indexer: SearchIndexer | None = None
    pdfs: list[PdfJob] = field(default_factory=list)
    """The PDFs rendered into the cache by ``render_pdfs``, which ``finish_site`` puts in the site."""

    def __post_init__(self) -> None:
        try:
            self.indexer = SearchIndexer()
        except SearchIndexError as exc:
            raise BuildError(str(exc)) from None

    @property
    def offline_dir(self) -> Path | None:
        return self.workspace / "offline" if self.plan.switches.offline_zip else None

    def page(self, path: str, html: str) -> str:
        """The finished form of the page at ``path`` in the site (``a/b/index.html``)."""
        plan = self.plan
        html = strip_indentation(valid_material_markup(html))
        html = with_bundles(self._with_footer(html, path), path, self._root(path))
        if plan.is_searched(path):
            assert self.indexer is not None, "the search index was written already"
            self.indexer.add(page_url(path), html)
            if self.offline_dir:
                self.documents.append((page_url(path) + "index.html", *searched_text(html)))
        found = InlineCode.of(html)
        if self.offline_dir:
            offline = offline_page(html, path)
            target = self.offline_dir / path
            target.parent.mkdir(parents=True, exist_ok=True)
            policy = self._policy(path, InlineCode.of(offline), offline=True)
            target.write_text(with_policy(offline, policy), encoding="utf-8")
        self.done.add(path)
        return with_policy(html, self._policy(path, found))

    def _with_footer(self, html: str, path: str) -> str:
        """The page's own footer in place of the theme's mark: the last one, after anything a page in
        docs/ may have written that looks like it."""
        start = html.rfind(FOOTER_MARK)
        end = html.find("</div>", start)
        if start < 0 or end < 0:
            return html
        return html[:start] + self._footer(path) + html[end + len("</div>") :]

    def _footer(self, path: str) -> str:
        footer = self.plan.footer_for(path)
        parts = [f'<div class="md-copyright__highlight">\n{footer}\n</div>'] if footer else []
        staff = self.plan.staff_page
        if staff and path != NOT_FOUND_PAGE:
            link = escape(relative_url(path, staff))
            parts.append(f'<p class="cg-staff-link"><a href="{link}">For district web staff</a></p>')
        return "\n".join(parts)

    def _policy(self, path: str, found: InlineCode, *, offline: bool = False) -> Policy:
        scripts: set[str] = set()
        styles: set[str] = set()
        for base_url in self._base_urls(path, offline):
            context = {"config": self.config, "base_url": base_url, "features": self._features()}
            own_scripts, own_styles = self.own_code.allowed(context)
            scripts |= own_scripts
            styles |= own_styles
        policy = policy_for(
            found,
            (frozenset(scripts), frozenset(styles)),
            webassembly=path == page_path(SEARCH_PAGE) and not offline,
            local_files=offline,
        )
        if policy.refused and not offline:
            where = self.plan.sources.get(path, path)
            self.refused.append(f"{where}: {policy.refused} that the site's templates did not write")
        return policy

    def _root(self, path: str) -> str | None:
        """How the page addresses the site's root, where not relative: the 404 page, served at any address."""
        if path != NOT_FOUND_PAGE:
            return None
        return urlsplit(self.plan.site_url or "/").path.rstrip("/") + "/"

    def _base_urls(self, path: str, offline: bool) -> list[str]:
        """The ``base_url`` the engine gave the page's templates: the way to the site's root."""
        if path == NOT_FOUND_PAGE:
            # Served at any address, so from the root; from a folder, relative (relative_from_root).
            root = urlsplit(self.plan.site_url or "/").path
            return ["."] if offline else list(dict.fromkeys(["/", root, root.rstrip("/") or "/"]))
        relative = relative_url(path, "index.html")
        return ["." if relative == "./" else relative.rstrip("/")]

    def _features(self) -> list[Any]:
        theme = self.config["theme"] if isinstance(self.config, Mapping) else self.config.theme
        return list(theme.get("features", []))

    def render_pdfs(self) -> None:
        """Render the PDFs not in the cache yet. They read only the plan, so this runs before the engine:
        the slow work is kept in the cache even if the build then fails or is stopped."""
        plan = self.plan
        if not plan.switches.pdfs:
            return
        started = time.perf_counter()
        jobs = pdf_jobs(plan.project.catalog, plan.project.settings, plan.docs_dir, plan.site_map)
        try:
            counts = render_pdfs(jobs, plan.switches.pdf_cache)
        except PdfErrors as exc:
            raise BuildError(str(exc)) from None
        log.info(
            "credential_site: %d PDFs (%d rendered, %d from cache%s) in %.1f s",
            len(jobs),
            counts["rendered"],
            counts["cached"],
            f"; {counts['damaged']} damaged in the cache, rendered again" if counts["damaged"] else "",
            time.perf_counter() - started,
        )
        self.pdfs = jobs

    def close(self) -> None:
        if self.indexer is not None:
            indexer, self.indexer = self.indexer, None
            indexer.close()


def site_pages(site_dir: Path) -> list[str]:
    """The pages an engine wrote into ``site_dir``, by their path there."""
    return sorted(
        p.relative_to(site_dir).as_posix()
        for p in site_dir.rglob("*.html")
        if not p.relative_to(site_dir).as_posix().startswith(LEFT_OUT)
    )


def finish_site(plan: SitePlan, site_dir: Path, pages: PageFinisher) -> None:
    """Everything after the pages, in order; raises ``BuildError`` (the site is then not published)."""
    written = site_pages(site_dir)
    for path in written:
        if path not in pages.done:
            target = site_dir / path
            target.write_text(pages.page(path, target.read_text(encoding="utf-8")), encoding="utf-8")
    if pages.refused:
        raise BuildError("\n".join([*pages.refused, "the browser would refuse that code; the build failed."]))
    write_records(plan, site_dir)
    write_sitemap(plan, site_dir, written)
    _write_search_index(pages, site_dir)
    page_bytes = folder_bytes(site_dir)
    pdfs = _place_pdfs(plan, site_dir, pages.pdfs)
    archive = None
    if pages.offline_dir:
        archive = pages.workspace / "offline.zip"
        _write_offline_zip(plan, site_dir, pages, archive)
    if plan.switches.published:
        parts = [SitePart("pages and search index", page_bytes)]
        if pdfs:
            parts.append(SitePart(f"{len(pdfs):,} PDFs", files_bytes(pdfs), "pdfs: false"))
        if archive:
            parts.append(SitePart("the offline zip", archive.stat().st_size, "offline_zip: false"))
        try:
            log.info("credential_site: %s", check_site_size(parts, limit_mb()))
        except SiteTooLarge as exc:
            raise BuildError(str(exc)) from None
    if archive:
        (site_dir / ZIP_PATH).parent.mkdir(parents=True, exist_ok=True)
        shutil.move(archive, site_dir / ZIP_PATH)
        log.info("credential_site: offline copy written to %s", site_dir / ZIP_PATH)


def write_records(plan: SitePlan, site_dir: Path) -> None:
    """``catalog.json``, and beside each guide its data and Open Badges achievement."""
    catalog, address = plan.project.catalog, plan.site_url
    (site_dir / CATALOG_FILE).write_text(to_json(catalog_entries(catalog, address, plan.site_map)), encoding="utf-8")
    for credential in catalog.credentials:
        places = plan.site_map[credential]
        (site_dir / places.record).parent.mkdir(parents=True, exist_ok=True)
        (site_dir / places.record).write_text(to_json(credential_record(credential)), encoding="utf-8")
        badge = achievement(credential, catalog.stack(credential.stack), address, guide_tags(catalog, credential))
        (site_dir / places.achievement).write_text(to_json(badge), encoding="utf-8")


def write_sitemap(plan: SitePlan, site_dir: Path, pages: Iterable[str]) -> None:
    """Every page at its full address, dated by the build's commit; none without an address (a sitemap
    lists full addresses, and its schema refuses one with no ``<url>``)."""
    for name in SITEMAP_FILES:
        (site_dir / name).unlink(missing_ok=True)
    if not plan.site_url:
        return
    epoch = _environ_epoch()
    day = datetime.datetime.fromtimestamp(int(epoch) if epoch else time.time(), datetime.UTC).date().isoformat()
    entries = "".join(
        f"<url><loc>{escape(plan.site_url + page_url(path))}</loc><lastmod>{day}</lastmod></url>\n"
        for path in pages
        if path != NOT_FOUND_PAGE
    )
    text = f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{entries}</urlset>\n'
    (site_dir / SITEMAP_FILES[0]).write_text(text, encoding="utf-8")


def _environ_epoch() -> str | None:
    return os.environ.get(SOURCE_DATE_EPOCH) or None


def _write_search_index(pages: PageFinisher, site_dir: Path) -> None:
    assert pages.indexer is not None, "the search index was written already"
    started = time.perf_counter()
    try:
        indexed = pages.indexer.write(site_dir)
    except SearchIndexError as exc:
        raise BuildError(str(exc)) from None
    finally:
        pages.close()
    log.info(
        "credential_site: search index of %d pages (%.1f s after the last page)", indexed, time.perf_counter() - started
    )


def _place_pdfs(plan: SitePlan, site_dir: Path, jobs: list[PdfJob]) -> list[Path]:
    """Put the rendered PDFs in the site; the cached files, for the size check."""
    cache = plan.switches.pdf_cache
    copy_pdfs(jobs, cache, site_dir)
    if plan.switches.published and jobs:
        prune_pdf_cache(jobs, cache)
    return [cached_pdf(job, cache) for job in jobs]


def _write_offline_zip(plan: SitePlan, site_dir: Path, pages: PageFinisher, archive: Path) -> None:
    """The finished site with its pages' offline forms, the offline assets and the offline search."""
    assert pages.offline_dir is not None
    files: dict[str, Path | bytes] = {}
    for path in sorted(site_dir.rglob("*")):
        name = path.relative_to(site_dir).as_posix()
        if path.is_file() and not name.startswith(LEFT_OUT):
            files[name] = path
    for path in pages.offline_dir.rglob("*.html"):
        files[path.relative_to(pages.offline_dir).as_posix()] = path
    files.update(plan.offline_files)
    files[OFFLINE_SEARCH_INDEX] = search_script(pages.documents)
    write_zip(files, archive, ZIP_FOLDER, zip_date_time(_environ_epoch()))


def new_workspace() -> tempfile.TemporaryDirectory[str]:
    return tempfile.TemporaryDirectory(prefix="credential-guides-")
