"""The site's address, from ``site.yml`` or the one GitHub Pages gives it."""

from __future__ import annotations

from .build_switches import SITE_URL_ENV
from .settings import SiteSettings, normal_site_url


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
