"""Apply ``site.yml`` to the MkDocs configuration (name, logo, colours, footer)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from markupsafe import escape

from .settings import SiteSettings

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

LICENSE_LINE = (
    "Credential guides © National Education Association, with NAFSCE for the Family and Community "
    'Engagement stack, licensed under <a href="http://creativecommons.org/licenses/by-nc-nd/4.0/">CC BY-NC-ND 4.0</a>.'
)


def apply_settings(config: MkDocsConfig, settings: SiteSettings) -> None:
    config.site_name = settings.title
    theme = config.theme
    if settings.logo:
        theme["logo"] = settings.logo
    if settings.favicon:
        theme["favicon"] = settings.favicon
    theme["palette"] = {"primary": "custom", "accent": "custom"}
    config.extra["cg_colors"] = {"primary": settings.colors.primary, "accent": settings.colors.accent}
    lines = [str(escape(settings.footer))] if settings.footer else []
    if settings.contact:
        lines.append(f"Contact: {escape(settings.contact)}")
    lines.append(LICENSE_LINE)
    config.copyright = "<br>".join(lines)
