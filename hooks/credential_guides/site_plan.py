"""Stage 1 of a build, the plan: what the site will hold, as plain values that no engine owns.

Loading the data gives one ``SitePlan``: the generated pages with their
Markdown, the navigation, the generated assets (and the ones the offline copy
needs in another form), the settings an engine's configuration takes, the
PDFs' places, and what the finish stage needs to know of every page (its
source, whether it is searched, its footer). The stages that follow read it:
``generate`` (the engine's project), ``engines`` (HTML from it) and
``finish`` (everything made from the finished HTML or the plan). The MkDocs
adapter hands the same plan to MkDocs' events.
"""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from markupsafe import Markup, escape

from .browser_bundles import bundle_files
from .browser_fonts import FONT_SCRIPT, fallback_scripts, font_script
from .build_switches import BuildSwitches, build_switches
from .catalog_filter import FILTER_ANCHOR, INDEX_FILE, catalog_index, guide_tags, index_script, tag_queries
from .copy_status import STATUS_PAGE, STATUS_TITLE, copy_status, status_markdown
from .errors import BuildError, DataErrors
from .local_pages import STAFF_PAGE, local_pages
from .page_footer import PageFooters
from .pages import SitePage, navigation, render_site
from .project import Project, load_project
from .project_files import outside_project, script_in_published_file
from .records import achievement, embedded
from .reproducible import SOURCE_DATE_EPOCH, source_date_epoch
from .search_index import SEARCH_PAGE
from .site_config import site_url
from .site_map import SiteMap

ENGINE_CREDITS = {
    "mkdocs": ("Material for MkDocs", "https://squidfunk.github.io/mkdocs-material/"),
    "zensical": ("Zensical", "https://zensical.org/"),
}
"""The footer's "Made with …" of each engine's theme."""
_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?\n)---\s*\n", re.S)
_UNSEARCHED = re.compile(r"^search:\s*\n\s+exclude:\s*true\s*$", re.M)


def page_path(src_uri: str) -> str:
    """Where the page written from ``src_uri`` lands, with directory URLs: ``a/b.md`` -> ``a/b/index.html``."""
    stem = src_uri.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem + ".html"
    return stem + "/index.html"


def page_url(path: str) -> str:
    """A page's address relative to the site's root (``a/b/index.html`` -> ``a/b/``)."""
    return path.removesuffix("index.html")


def relative_url(from_path: str, to_path: str) -> str:
    """The link from the page at ``from_path`` to the page at ``to_path`` (both paths in the site), as MkDocs
    writes it: ``a/b/index.html`` to ``c/index.html`` is ``../../c/``."""
    relative = posixpath.relpath(posixpath.dirname(to_path) or ".", posixpath.dirname(from_path) or ".")
    return "./" if relative == "." else relative + "/"


@dataclass
class SitePlan:
    switches: BuildSwitches
    project: Project
    project_dir: Path
    docs_dir: Path
    site_map: SiteMap
    """Where every page, PDF and record of the catalog lives."""
    footers: PageFooters
    site_url: str | None
    site_name: Markup
    """Escaped once: the theme prints it as it is in places."""
    theme: dict[str, Any]
    """What the engine's ``theme:`` takes from ``site.yml``: logo, favicon, palette."""
    extra: dict[str, Any]
    """What the engine's ``extra:`` takes: what the project's templates read (``cg_*``)."""
    tags: list[str]
    """The only tags a page may have, in the order they are listed."""
    nav: list[Any]
    """The navigation, as ``mkdocs.yml`` writes it."""
    pages: list[SitePage]
    """The generated pages (the MkDocs adapter empties this once MkDocs holds them: ~100 MB at 500 credentials)."""
    html_blocks: dict[str, SitePage]
    """Pages with HTML blocks that go in after Markdown (see ``SitePage``)."""
    appended: dict[str, str]
    """Page source -> HTML after its content: the Open Badges achievement of a guide."""
    files: dict[str, bytes]
    """Generated assets, by their path in the site."""
    offline_files: dict[str, bytes]
    """The assets the offline copy holds in another form (addresses of files, not folders)."""
    hand_written: list[str]
    """The pages in ``docs/``, by source."""
    unsearched: frozenset[str]
    """Pages whose front matter says ``search: {exclude: true}``, by source."""
    sources: dict[str, str] = field(default_factory=dict)
    """Each page's path in the site -> its source."""

    @property
    def staff_page(self) -> str | None:
        return page_path(STAFF_PAGE) if STAFF_PAGE in self.hand_written else None

    def footer_for(self, path: str) -> str:
        source = self.sources.get(path)
        return self.footers.for_page(source) if source else self.footers.site_wide

    def is_searched(self, path: str) -> bool:
        source = self.sources.get(path)
        return source is not None and source not in self.unsearched and source != SEARCH_PAGE

    def take_pages(self) -> list[SitePage]:
        pages, self.pages = self.pages, []
        return pages


def plan_site(
    project_dir: Path,
    command: str,
    environ: Mapping[str, str],
    *,
    docs_dir: Path | None = None,
    declared_nav: list[Any] | None = None,
) -> SitePlan:
    """Load and check the data and plan the site. Raises ``BuildError`` with every problem found."""
    docs_dir = docs_dir or project_dir / "docs"
    try:
        project = load_project(project_dir, docs_dir=docs_dir)
    except DataErrors as exc:
        raise BuildError(exc.report()) from None
    settings = project.settings
    try:
        # The PDFs and the zip are dated by the last commit, as every build of that commit is.
        if epoch := source_date_epoch(project_dir, environ):
            os.environ[SOURCE_DATE_EPOCH] = epoch
        switches = build_switches(settings, command, environ, project_dir)
        address = site_url(settings, switches.site_url_from_pages)
    except ValueError as exc:
        raise BuildError(str(exc)) from None
    hand_written = _docs_files(docs_dir, project_dir)
    catalog = project.catalog
    places = SiteMap.of(catalog)
    footers = PageFooters.of(settings, catalog)
    settings = settings.model_copy(update={"offline_zip": switches.offline_zip})
    pages = render_site(catalog, settings, pdfs=switches.pdfs, search_page=True, site_map=places)
    pages.append(SitePage(STATUS_PAGE, STATUS_TITLE, status_markdown(copy_status(project_dir, settings))))
    if clashes := [p for p in pages if p.src_uri in hand_written]:
        raise BuildError(
            "\n".join(
                f"docs/{page.src_uri} conflicts with the page generated for {page.title!r}; "
                "rename or remove the hand-written file"
                for page in clashes
            )
        )
    queries = tag_queries(catalog)
    credit, credit_url = ENGINE_CREDITS[switches.engine]
    extra = {
        "cg_search": SEARCH_PAGE.removesuffix(".md") + "/",
        # A list, not a mapping: Zensical's templates list a mapping's keys sorted, and the order is the data's.
        "cg_tags": [[name, f"?{query}#{FILTER_ANCHOR}"] for name, query in queries.items()],
        "cg_colors": {"primary": settings.colors.primary, "accent": settings.colors.accent},
        "cg_paper": settings.paper,
        "cg_engine": {"name": credit, "url": credit_url},
    }
    # Zensical's "classic" look is Material's, which the site's stylesheet is written for (Material ignores it).
    theme: dict[str, Any] = {"palette": {"primary": "custom", "accent": "custom"}, "variant": "classic"}
    if settings.logo:
        theme["logo"] = settings.logo
    if settings.favicon:
        theme["favicon"] = settings.favicon
    own_pages: list[Any] = local_pages(docs_dir)
    nav = navigation(pages, catalog, extra=[*own_pages, *(declared_nav or [])], site_map=places)
    index = catalog_index(catalog, places, "")
    files = {
        INDEX_FILE: index_script(index).encode("utf-8"),
        FONT_SCRIPT: font_script(),
        **fallback_scripts(),
        **bundle_files(project_dir),
    }
    offline_files = {INDEX_FILE: index_script(catalog_index(catalog, places, "index.html")).encode("utf-8")}
    appended = {
        places[c].guide: embedded(achievement(c, catalog.stack(c.stack), address, guide_tags(catalog, c)))
        for c in catalog.credentials
    }
    pages_md = [s for s in hand_written if s.endswith(".md")]
    unsearched = {p.src_uri for p in pages if _excluded_from_search(p.markdown)}
    unsearched |= {s for s in pages_md if _excluded_from_search((docs_dir / s).read_text(encoding="utf-8"))}
    plan = SitePlan(
        switches=switches,
        project=Project(settings=settings, catalog=catalog),
        project_dir=project_dir,
        docs_dir=docs_dir,
        site_map=places,
        footers=footers,
        site_url=address,
        site_name=Markup(escape(settings.title)),
        theme=theme,
        extra=extra,
        tags=list(queries),
        nav=nav,
        pages=pages,
        html_blocks={p.src_uri: p for p in pages if p.html},
        appended=appended,
        files=files,
        offline_files=offline_files,
        hand_written=hand_written,
        unsearched=frozenset(unsearched),
    )
    plan.sources = {page_path(s): s for s in [*(p.src_uri for p in pages), *pages_md]}
    return plan


def _excluded_from_search(markdown: str) -> bool:
    found = _FRONT_MATTER.match(markdown)
    if not found or not _UNSEARCHED.search(found.group(1)):
        return False
    meta = yaml.safe_load(found.group(1))
    search = meta.get("search") if isinstance(meta, dict) else None
    return isinstance(search, dict) and search.get("exclude") is True


def _docs_files(docs_dir: Path, project_dir: Path) -> list[str]:
    """Every file in ``docs/`` an engine publishes, by its path there; raises ``BuildError`` for any that leads
    out of the project or runs script."""
    found, problems = [], []
    for path in _walk(docs_dir):
        relative = path.relative_to(docs_dir).as_posix()
        if problem := outside_project(path, project_dir) or script_in_published_file(path):
            shown = path.absolute().relative_to(project_dir.absolute()).as_posix()
            problems.append(f"{shown}: {problem}")
        found.append(relative)
    if problems:
        raise BuildError("\n".join([*problems, f"{len(problems)} file(s) cannot be published; the build failed."]))
    return sorted(found)


def _walk(folder: Path) -> Iterator[Path]:
    """The files an engine reads from ``folder``, as MkDocs finds them: links followed, dot files left out."""
    if not folder.is_dir():
        return
    for root, dirs, names in os.walk(folder, followlinks=True):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if not name.startswith("."):
                yield Path(root, name)
