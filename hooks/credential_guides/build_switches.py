"""What one build does, decided once from the settings, the command and the environment.

Every switch of a build (the engine, PDFs, the offline zip, staging, the size
check, the PDF cache) is answered here, in one frozen value, so that the stages
only follow it and a test can ask what any combination does without running
an engine. (The site itself, what it holds, is the plan: ``site_plan.py``.)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .settings import ENGINES, Engine, SiteSettings

PDF_ENV = "CG_PDF"
"""1 or 0: PDFs on or off whatever the command and ``site.yml`` say."""
CACHE_ENV = "CG_PDF_CACHE"
"""Where rendered PDFs are kept between builds, instead of ``.cache/pdf``."""
ENGINE_ENV = "CG_ENGINE"
"""``mkdocs`` or ``zensical``: the engine, whatever ``site.yml`` says (``./dev build --engine`` sets it)."""
ZIP_ENV = "CG_OFFLINE_ZIP"
"""0: no offline zip, 1: an offline zip (a pull request's preview), whatever ``site.yml`` says."""
SITE_URL_ENV = "CG_SITE_URL"
"""The address GitHub Pages gives the site; the workflow sets it from actions/configure-pages."""
_ON = ("1", "true", "yes", "on")
_OFF = ("0", "false", "no", "off")


@dataclass(frozen=True)
class BuildSwitches:
    command: str
    """``build``, ``serve`` or ``gh-deploy``."""
    engine: Engine
    pdfs: bool
    offline_zip: bool
    """The finished site, zipped for reading from a folder, goes into the site."""
    staged: bool
    """Write into a staging folder and put it in place whole once the build has succeeded."""
    published: bool
    """The site that will be published: check GitHub Pages' size limit and prune the PDF cache."""
    pdf_cache: Path
    site_url_from_pages: str | None


def build_switches(
    settings: SiteSettings, command: str, environ: Mapping[str, str], project_dir: Path
) -> BuildSwitches:
    """Raises ValueError naming ``CG_ENGINE`` when it names no engine."""
    engine = environ.get(ENGINE_ENV) or settings.engine
    if engine not in ENGINES:
        raise ValueError(f"{ENGINE_ENV}: expected one of {', '.join(ENGINES)}, found {engine!r}")
    return BuildSwitches(
        command=command,
        engine=engine,  # type: ignore[arg-type]
        pdfs=_switch(environ.get(PDF_ENV), default=settings.pdfs and command != "serve"),
        offline_zip=_switch(environ.get(ZIP_ENV), default=settings.offline_zip) and command != "serve",
        staged=command == "build",
        published=command == "build",
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
