"""Each page's footer: the site's own lines, then the publisher and license of the guides that page shows.

A guide's pages (its guide, templates, handouts and their summary) name that
guide's source alone; a stack's page names its guides'; every other page (the
home page, the catalog, the hand-written pages) names all the site shows.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import escape

from .model import Catalog, Credential, Source
from .pages import environment
from .settings import SiteSettings
from .site_map import guide_folder, stack_page


def footer_sources(credentials: Iterable[Credential]) -> list[Source]:
    """One source for each publisher, partner and license among ``credentials``, in their order."""
    seen: dict[tuple[object, ...], Source] = {}
    for credential in credentials:
        source = credential.source
        seen.setdefault((source.publisher, source.partner, source.license, source.license_url), source)
    return list(seen.values())


def copyright_html(sources: list[Source]) -> str:
    """The footer's license lines for ``sources``: each guide's own publisher and license, never fixed text."""
    macros: Any = environment().get_template("_shared.j2").module
    return str(macros.copyright_lines(sources))


@dataclass(frozen=True)
class PageFooters:
    """The footer HTML of every page, made once for a build."""

    site_wide: str
    """The footer of a page that is not one credential's or one stack's: all the site shows."""
    by_folder: dict[str, str]
    """A credential's folder (``stack/id/``) -> the footer of its pages."""
    by_stack_page: dict[str, str]

    @classmethod
    def of(cls, settings: SiteSettings, catalog: Catalog) -> PageFooters:
        own = [str(escape(settings.footer))] if settings.footer else []
        if settings.contact:
            own.append(f"Contact: {escape(settings.contact)}")

        def footer(credentials: Sequence[Credential]) -> str:
            return "<br>".join([*own, copyright_html(footer_sources(credentials))] if credentials else own)

        site_wide = footer(catalog.credentials)
        return cls(
            site_wide=site_wide,
            by_folder={guide_folder(credential): footer([credential]) for credential in catalog.credentials},
            by_stack_page={
                stack_page(stack): footer(in_stack) if (in_stack := catalog.credentials_in(stack.id)) else site_wide
                for stack in catalog.stacks
            },
        )

    def for_page(self, src_uri: str) -> str:
        """The footer of the page written from ``src_uri`` (a path in the docs folder, with ``/``)."""
        parts = src_uri.split("/")
        if len(parts) > 2 and (found := self.by_folder.get(f"{parts[0]}/{parts[1]}/")) is not None:
            return found
        return self.by_stack_page.get(src_uri, self.site_wide)
