"""Apply ``site.yml`` to the MkDocs configuration (name, address, logo, colours, footer)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

from .build_plan import SITE_URL_ENV
from .settings import SiteSettings, normal_site_url

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


def site_url(settings: SiteSettings, from_pages: str | None) -> str | None:
    """The site's address: ``site_url`` in ``site.yml``, else the Pages address, else none (a local build).

    Raises ValueError naming ``CG_SITE_URL`` when the Pages address is not one.
    """
    if settings.site_url:
        return settings.site_url
    if not from_pages:
        return None
    try:
        return normal_site_url(from_pages.strip())
    except ValueError as exc:
        raise ValueError(f"{SITE_URL_ENV}: {exc}") from None


SITEMAP_FILES = ("sitemap.xml", "sitemap.xml.gz")


def remove_sitemap_without_address(site_dir: Path, address: str | None) -> None:
    """A sitemap lists full addresses: without one, MkDocs writes it with no <url>, which its schema refuses.

    (Taking sitemap.xml out of the theme's static templates instead makes MkDocs copy the template's source.)
    """
    if not address:
        for name in SITEMAP_FILES:
            (site_dir / name).unlink(missing_ok=True)


def apply_settings(config: MkDocsConfig, settings: SiteSettings, footer: str, from_pages: str | None = None) -> None:
    """``footer`` is that of a page no hook reaches (the 404 page); each page's own is ``PageFooters.for_page``."""
    # Material prints the name unescaped in places; as Markup it is escaped once and shown as text.
    config.site_name = Markup(escape(settings.title))
    address = site_url(settings, from_pages)
    theme = config.theme
    if address:
        config.site_url = address
    if settings.logo:
        theme["logo"] = settings.logo
    if settings.favicon:
        theme["favicon"] = settings.favicon
    theme["palette"] = {"primary": "custom", "accent": "custom"}
    config.extra["cg_colors"] = {"primary": settings.colors.primary, "accent": settings.colors.accent}
    config.extra["cg_paper"] = settings.paper
    config.copyright = footer
