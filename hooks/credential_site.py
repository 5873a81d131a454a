"""MkDocs hooks: forward MkDocs' events to this build of the site.

The work happens in ``credential_guides``: ``SiteBuild`` (site_build.py) is
made in ``on_config`` and runs its outputs' steps (outputs.py); a data error
ends the build there, before anything is written, with every problem listed.
What remains here is per-page markup every page gets: the navigation it
shows, Material's markup made valid, and the Content-Security-Policy.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

# `mkdocs serve` re-runs this file on every change but would keep the package
# modules cached; drop them so edits under hooks/ take effect on rebuild.
for _name in [m for m in sys.modules if m == "credential_guides" or m.startswith("credential_guides.")]:
    del sys.modules[_name]

from mkdocs.exceptions import PluginError

from credential_guides.csp import OwnInlineCode, policy_for, with_policy
from credential_guides.html_size import strip_indentation
from credential_guides.local_pages import STAFF_PAGE
from credential_guides.offline import relative_from_root
from credential_guides.search_index import SEARCH_PAGE
from credential_guides.site_build import BuildError, SiteBuild
from credential_guides.upstream import (
    escape_page_title_for_theme,
    escape_titles_for_theme,
    navigation_for,
    valid_material_markup,
)

log = logging.getLogger("mkdocs.hooks.credential_site")

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

# MkDocs gives its hooks no object to keep a build in; on_startup and on_build_error get no config.
_command = "build"
current: SiteBuild | None = None
"""This build, from on_config on (render_dir.py reads its pages' HTML blocks)."""
_own_code: OwnInlineCode | None = None
"""The inline scripts and styles the theme's templates write: the only ones a page's policy allows."""
_staff_url: str | None = None
"""The district staff's page, linked from every footer (not in the teachers' navigation)."""
_base_urls: dict[str, str] = {}
"""Each page's and template's ``base_url``, which Material's inline script names."""


def _running() -> SiteBuild:
    assert current is not None, "on_config has not run"
    return current


def on_startup(command: str, dirty: bool) -> None:
    global _command
    _command = command


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global current, _own_code
    try:
        current = SiteBuild.start(config, _command)
    except BuildError as exc:
        raise PluginError(str(exc)) from None
    _own_code = OwnInlineCode.from_theme_dirs([Path(d) for d in config.theme.dirs], config.theme.get_env())
    _base_urls.clear()
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    """The slow outputs (PDFs, offline zip) are made before MkDocs cleans or writes the site,
    so that a failure leaves it as it was."""
    try:
        _running().prepare(config)
    except BuildError as exc:
        raise PluginError(str(exc)) from None


def on_files(files: Files, config: MkDocsConfig) -> Files:
    global _staff_url
    try:
        files = _running().add_files(files, config)
    except BuildError as exc:
        raise PluginError(str(exc)) from None
    staff = files.get_file_from_path(STAFF_PAGE)
    _staff_url = staff.url if staff else None
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    escape_titles_for_theme(nav.items)
    return nav


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    escape_page_title_for_theme(page)
    return _running().page_html(html, page, config)


def on_page_context(context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
    context["nav"] = navigation_for(nav, page)
    # The page's footer, which overrides/partials/copyright.html prints (a template's context takes any key).
    context["cg_copyright"] = _running().footers.for_page(page.file.src_uri)  # type: ignore[typeddict-unknown-key]
    context["cg_staff_url"] = _staff_url  # type: ignore[typeddict-unknown-key]
    _base_urls[page.file.src_uri] = str(context["base_url"])
    return context


def on_template_context(context: TemplateContext, template_name: str, config: MkDocsConfig) -> TemplateContext:
    _base_urls[template_name] = str(context["base_url"])
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    build = _running()
    output = strip_indentation(valid_material_markup(output))
    build.page_output(output, page)
    return _with_own_policy(output, page.file.src_uri, config, webassembly=page.file.src_uri == SEARCH_PAGE)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """The 404 page, which MkDocs renders as a template rather than a page."""
    if template_name.endswith(".html"):
        offline_copy = _running().plan.offline_copy
        html = strip_indentation(valid_material_markup(output_content))
        if offline_copy:
            # Material's scope script then names the page's folder, as relative_from_root rewrote it.
            html = relative_from_root(html)
            _base_urls[template_name] = "."
        return _with_own_policy(html, template_name, config)
    return output_content


def _with_own_policy(html: str, name: str, config: MkDocsConfig, *, webassembly: bool = False) -> str:
    """``html`` with a policy that allows only the inline code the templates wrote for it.

    Anything else inline is refused by the browser, and named here as a warning, which fails
    ``mkdocs build --strict``: it came from data or from a page in docs/, not from the theme."""
    assert _own_code is not None, "on_config has not run"
    context = {"config": config, "base_url": _base_urls.get(name, ""), "features": config.theme.get("features", [])}
    policy = policy_for(
        html, _own_code.allowed(context), webassembly=webassembly, local_files=_running().plan.offline_copy
    )
    if policy.refused:
        log.warning("%s: %s that the site's templates did not write; the browser will refuse it", name, policy.refused)
    return with_policy(html, policy)


def on_post_build(config: MkDocsConfig) -> None:
    try:
        _running().finish(config)
    except BuildError as exc:
        raise PluginError(str(exc)) from None


def on_build_error(error: Exception) -> None:
    if current is not None:
        current.abort()
