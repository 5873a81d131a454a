"""The MkDocs adapter: MkDocs' events run the build's stages, and this is the only module that imports MkDocs.

``on_config`` makes the plan (stage 1) and gives MkDocs what it decided;
``on_files`` adds the generated pages and assets (stage 2, in memory);
the PDFs, which read only the plan, are rendered in ``on_pre_build``;
MkDocs with Material is the engine (stage 3); each page goes through the
finish stage as MkDocs writes it (``on_post_page``), and the rest of that
stage runs in ``on_post_build`` (stage 4). ``mkdocs serve`` runs them again
on every change. A data error ends the build in ``on_config``, before
anything is written, with every problem listed.

What is Material's or MkDocs' own stays here, each with a test in
``tests/test_upstream.py`` that fails when the upstream behaviour changes:

- ``allow_only_tags``: Material's tags plugin's own ``tags_allowed`` set and
  ``tags_sort_by`` (its configuration objects, changed after loading).
- ``strict_warning_count``: MkDocs counts ``--strict`` warnings in a
  ``CountHandler`` on the ``mkdocs`` logger and fails only after
  ``on_post_build``; the site is published only without any.
- ``escape_titles_for_theme``, ``escape_page_title_for_theme``: Material prints
  titles unescaped.
- ``navigation_for``: each page's navigation holds only what it shows (with
  ``navigation.prune`` Material still walks every entry of the page's stack:
  a third of the build's time at 200 credentials).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler
from mkdocs.utils.templates import TemplateContext

from .build_switches import ENGINE_ENV
from .csp import OwnInlineCode
from .errors import BuildError
from .finish import NOT_FOUND_PAGE, PageFinisher, finish_site, new_workspace
from .generate import generated_files
from .site_plan import SitePlan, plan_site
from .staging import check_writable, discard, publish, remove_abandoned, staging_dir

log = logging.getLogger("mkdocs.hooks.credential_site")
TAGS_PLUGIN = "material/tags"


class _Build:
    """What MkDocs gives its hooks no object for: the command (``on_startup``) and this build (from ``on_config``)."""

    command = "build"
    plan: SitePlan | None = None
    finisher: PageFinisher | None = None
    workspace: Any = None
    publish_to: Path | None = None
    """``mkdocs build`` writes into a staging folder; the site it replaces, once the build has succeeded."""


_build = _Build()


def current_plan() -> SitePlan:
    assert _build.plan is not None, "on_config has not run"
    return _build.plan


def _finisher() -> PageFinisher:
    assert _build.finisher is not None, "on_config has not run"
    return _build.finisher


def on_startup(command: str, dirty: bool) -> None:
    _build.command = command


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _close()
    project_dir = Path(config.config_file_path).parent
    try:
        # MkDocs runs this build, whatever engine site.yml names (./dev serve previews with MkDocs).
        environ = {**os.environ, ENGINE_ENV: "mkdocs"}
        plan = plan_site(project_dir, _build.command, environ, docs_dir=Path(config.docs_dir), declared_nav=config.nav)
        if plan.switches.staged:
            site_dir = Path(config.site_dir)
            check_writable(site_dir)
            remove_abandoned(site_dir)
            _build.publish_to = site_dir
            config.site_dir = str(staging_dir(site_dir))
    except OSError as exc:
        raise PluginError(str(exc)) from None
    except BuildError as exc:
        raise PluginError(str(exc)) from None
    apply_plan(config, plan)
    allow_only_tags(config, plan.tags)
    _build.plan = plan
    _build.workspace = new_workspace()
    own_code = OwnInlineCode.from_theme_dirs([Path(d) for d in config.theme.dirs], config.theme.get_env())
    try:
        _build.finisher = PageFinisher(plan, own_code, config, Path(_build.workspace.name))
    except BuildError as exc:
        raise PluginError(str(exc)) from None
    return config


def apply_plan(config: MkDocsConfig, plan: SitePlan) -> None:
    """Give MkDocs' configuration what the plan decided: name, address, theme, extra, footer, navigation."""
    config.site_name = plan.site_name
    if plan.site_url:
        config.site_url = plan.site_url
    for key, value in plan.theme.items():
        config.theme[key] = value
    config.extra.update(plan.extra)
    config.copyright = plan.footers.site_wide
    config.nav = plan.nav


def on_pre_build(config: MkDocsConfig) -> None:
    """The PDFs, before MkDocs cleans or writes the site (see ``PageFinisher.render_pdfs``)."""
    try:
        _finisher().render_pdfs()
    except BuildError as exc:
        raise PluginError(str(exc)) from None


def on_files(files: Files, config: MkDocsConfig) -> Files:
    plan = current_plan()
    for page in plan.take_pages():
        files.append(File.generated(config, page.src_uri, content=page.markdown))
    for path, content in generated_files(plan).items():
        files.append(File.generated(config, path, content=content))
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    escape_titles_for_theme(nav.items)
    return nav


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    escape_page_title_for_theme(page)
    plan = current_plan()
    source = page.file.src_uri
    if (generated := plan.html_blocks.pop(source, None)) is not None:
        html = generated.with_html(html)
    return html + plan.appended.get(source, "")


def on_page_context(context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
    context["nav"] = navigation_for(nav, page)
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return _finisher().page(page.file.dest_uri, output)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """The 404 page, which MkDocs renders as a template rather than a page."""
    if template_name == NOT_FOUND_PAGE:
        return _finisher().page(NOT_FOUND_PAGE, output_content)
    return output_content


def on_post_build(config: MkDocsConfig) -> None:
    site_dir = Path(config.site_dir)
    try:
        finish_site(current_plan(), site_dir, _finisher())
    except BuildError as exc:
        raise PluginError(str(exc)) from None
    # MkDocs counts --strict warnings only after this event: with any, it fails and the old site stays.
    if _build.publish_to and not strict_warning_count(config):
        try:
            publish(site_dir, _build.publish_to)
        except OSError as exc:
            raise PluginError(f"{_build.publish_to}: the new site could not be put in place: {exc}") from None
        config.site_dir = str(_build.publish_to)
        _build.publish_to = None
        log.info("credential_site: site written to %s", config.site_dir)
    _close()


def on_build_error(error: Exception) -> None:
    if _build.publish_to:
        discard(staging_dir(_build.publish_to))
        _build.publish_to = None
    _close()


def on_shutdown() -> None:
    _close()


def _close() -> None:
    if _build.finisher is not None:
        _build.finisher.close()
        _build.finisher = None
    if _build.workspace is not None:
        _build.workspace.cleanup()
        _build.workspace = None


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
    if not config.strict:
        return 0
    handlers = logging.getLogger("mkdocs").handlers
    return sum(count for h in handlers if isinstance(h, CountHandler) for _, count in h.get_counts())


def escape_titles_for_theme(items: list[Any]) -> None:
    """Material prints navigation and page titles into HTML as they are (MkDocs' theme environment does
    not escape): each section's and link's title becomes escaped ``Markup``, which Material's own
    ``| e`` leaves as it is, so a title is shown as the text it is everywhere."""
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
    return text if isinstance(text, Markup) else Markup(escape(str(text)))


def navigation_for(nav: Navigation, page: Any) -> Navigation:
    """``nav`` as ``page`` shows it (``page`` must be the active page of ``nav``): every top-level entry,
    and within the sections on the page's own path its pages and the one section it is in."""
    trimmed = Navigation([_trim(item, top_level=True) for item in nav.items], nav.pages)
    trimmed.homepage = nav.homepage
    return trimmed


def _trim(item: Any, top_level: bool = False) -> Any:
    if not isinstance(item, Section):
        return item
    if item.active:
        children = [_trim(child) for child in item.children if not isinstance(child, Section) or child.active]
    else:
        # Material shows a section not on the page's path as a link to its first page.
        children = item.children[:1]
    if children == item.children:
        return item
    copy = Section(item.title, children)
    copy.parent = None if top_level else item.parent
    copy.active = item.active
    return copy
