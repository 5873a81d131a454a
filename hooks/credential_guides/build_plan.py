"""What one build does, decided once from the settings, the MkDocs command and the environment.

Every switch of a build (PDFs, the offline zip, which search, staging, the
size check, the PDF cache) is answered here, in one frozen value, so that the
hook only follows it and a test can ask what any combination does without
running MkDocs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .settings import SiteSettings

PDF_ENV = "CG_PDF"
"""1 or 0: PDFs on or off whatever the command and ``site.yml`` say."""
CACHE_ENV = "CG_PDF_CACHE"
"""Where rendered PDFs are kept between builds, instead of ``.cache/pdf``."""
OFFLINE_ENV = "CG_OFFLINE"
"""Set by the build itself for the second build it runs to make the offline copy."""
ZIP_ENV = "CG_OFFLINE_ZIP"
"""0: no offline zip, 1: an offline zip (a pull request's preview), whatever ``site.yml`` says."""
SITE_URL_ENV = "CG_SITE_URL"
"""The address GitHub Pages gives the site; the workflow sets it from actions/configure-pages."""
_ON = ("1", "true", "yes", "on")
_OFF = ("0", "false", "no", "off")


@dataclass(frozen=True)
class BuildPlan:
    command: str
    """``build``, ``serve`` or ``gh-deploy``."""
    offline_copy: bool
    """This build makes the offline copy: links and Material's search for reading from a folder."""
    pdfs: bool
    offline_zip: bool
    """This build runs the offline copy's build and zips it into the site."""
    pagefind: bool
    """Search with Pagefind's chunked index (the website) rather than Material's (the offline copy)."""
    staged: bool
    """Write into a staging folder and put it in place whole once the build has succeeded."""
    published: bool
    """The site that will be published: check GitHub Pages' size limit and prune the PDF cache."""
    pdf_cache: Path
    site_url_from_pages: str | None


def build_plan(settings: SiteSettings, command: str, environ: Mapping[str, str], project_dir: Path) -> BuildPlan:
    offline_copy = environ.get(OFFLINE_ENV) == "true"
    return BuildPlan(
        command=command,
        offline_copy=offline_copy,
        pdfs=_switch(environ.get(PDF_ENV), default=settings.pdfs and command != "serve"),
        offline_zip=(
            _switch(environ.get(ZIP_ENV), default=settings.offline_zip) and not offline_copy and command != "serve"
        ),
        pagefind=not offline_copy,
        staged=command == "build",
        published=command == "build" and not offline_copy,
        pdf_cache=Path(environ.get(CACHE_ENV) or project_dir / ".cache" / "pdf"),
        site_url_from_pages=environ.get(SITE_URL_ENV) or None,
    )


def _switch(value: str | None, default: bool) -> bool:
    setting = (value or "").strip().lower()
    if setting in _ON:
        return True
    if setting in _OFF:
        return False
    return default
