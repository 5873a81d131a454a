"""Every place the site reaches into MkDocs', Material's or their plugins' internals, in one module.

Each function here depends on something its upstream does not promise to
keep; ``tests/test_upstream.py`` has a test for each that fails when the
upstream behaviour changes, naming the function to revisit. Material for
MkDocs is in maintenance until May 2027 (see MAINTAINING.md): this is the
list to work through when moving off it.

- ``allow_only_tags``: Material's tags plugin's own ``tags_allowed`` set and
  ``tags_sort_by`` (its configuration objects, changed after loading).
- ``strict_warning_count``: MkDocs counts ``--strict`` warnings in a
  ``CountHandler`` on the ``mkdocs`` logger and fails only after
  ``on_post_build``; the site is published only without any.
- ``use_local_polyfills``: the offline plugin adds a CDN polyfill to
  ``config.extra["polyfills"]``, replaced by the vendored copy.
- ``valid_material_markup`` and ``navigation_for`` (re-exported from
  ``material_markup`` and ``page_nav``, which say why): Material's page
  markup, and MkDocs' ``Section`` objects built anew for each page.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .material_markup import valid_material_markup
from .page_nav import navigation_for

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

__all__ = [
    "allow_only_tags",
    "escape_page_title_for_theme",
    "escape_titles_for_theme",
    "navigation_for",
    "strict_warning_count",
    "theme_text",
    "use_local_polyfills",
    "valid_material_markup",
]

TAGS_PLUGIN = "material/tags"
POLYFILL_FROM_CDN = "iframe-worker"


def allow_only_tags(config: MkDocsConfig, names: list[str]) -> bool:
    """Material's tags plugin accepts only ``names`` as tags and lists them in that order.

    Returns whether the plugin is there to tell.
    """
    from material.plugins.tags.structure.tag import Tag

    plugin = config.plugins.get(TAGS_PLUGIN)
    if plugin is None:
        return False
    allowed = plugin.config.tags_allowed  # the plugin's own set, which it checks pages against
    allowed.clear()
    allowed.update(Tag(name) for name in names)
    order = {name: index for index, name in enumerate(names)}
    sort_by: Callable[[Any], int] = lambda tag: order.get(tag.name, len(order))  # noqa: E731
    plugin.config.tags_sort_by = sort_by
    return True


def strict_warning_count(config: MkDocsConfig) -> int:
    """How many warnings ``mkdocs build --strict`` will fail on, counted so far (0 without --strict)."""
    from mkdocs.utils import CountHandler

    if not config.strict:
        return 0
    handlers = logging.getLogger("mkdocs").handlers
    return sum(count for h in handlers if isinstance(h, CountHandler) for _, count in h.get_counts())


def use_local_polyfills(config: MkDocsConfig, local: str) -> None:
    """Replace the CDN polyfill the offline plugin added with the vendored copy at ``local``."""
    polyfills = config.extra.get("polyfills", [])
    config.extra["polyfills"] = [local if POLYFILL_FROM_CDN in url else url for url in polyfills]


def escape_titles_for_theme(items: list[Any]) -> None:
    """Material prints navigation and page titles into HTML as they are (MkDocs' theme environment does
    not escape): each section's and link's title becomes escaped ``Markup``, which Material's own
    ``| e`` leaves as it is, so a title is shown as the text it is everywhere."""
    from mkdocs.structure.nav import Link, Section

    for item in items:
        if isinstance(item, Section | Link):
            item.title = theme_text(item.title)
        if isinstance(item, Section):
            escape_titles_for_theme(item.children)


def escape_page_title_for_theme(page: Any) -> None:
    """A page's title (from its front matter, its first heading, or its file name) as escaped ``Markup``.

    MkDocs decodes character references in a title taken from a heading, and Material prints
    ``page.meta.title`` unescaped in ``<title>`` and the header, and ``page.title | striptags``
    (which decodes again) where there is no ``meta.title``: so both are set, escaped once."""
    title = page.title
    if title is None:
        return
    page.title = theme_text(title)
    if page.meta.get("title") is not None:
        page.meta["title"] = theme_text(page.meta["title"])
    elif not page.is_homepage:
        page.meta["title"] = page.title


def theme_text(text: Any) -> Any:
    """``text`` escaped for Material's templates, once: as ``Markup`` it is never escaped again."""
    from markupsafe import Markup, escape

    return text if isinstance(text, Markup) else Markup(escape(str(text)))
