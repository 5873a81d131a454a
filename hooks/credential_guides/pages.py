"""Render the catalog into in-memory Markdown pages and their navigation."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from .answer_spec import summary_spec, template_spec
from .catalog_filter import INDEX_FILE, filter_choices, guide_tags, template_tags
from .data_markdown import markdown
from .field_kinds import FIELD_KINDS
from .fillable import OVERVIEW_ID, REFLECTION_ID, Fillable, table_columns
from .markdown_text import css_string, link_target, markdown_html, plain
from .model import Catalog, Credential, Stack
from .offline import OFFLINE_SEARCH_INDEX
from .offline import ZIP_PATH as OFFLINE_ZIP_PATH
from .search_index import BUNDLE_DIR, SEARCH_PAGE, SEARCH_TITLE
from .settings import SiteSettings
from .site_map import (
    CATALOG_FILE,
    CredentialPlaces,
    SiteMap,
    stack_page,
)

TEMPLATES = Path(__file__).parent / "templates"
HOME = "index.md"
ABOUT = "about.md"
PROFESSIONAL_LEARNING = "professional-learning.md"
_BLANK_RUNS = re.compile(r"\n{3,}")
ABOUT_TITLE = "About the micro-credential"
HOME_GUIDES_PER_STACK = 5
"""The home page shows this many guides of each stack, then links the stack's page with all of them,
so that it stays the same size however many credentials there are."""
PROFESSIONAL_LEARNING_TITLE = "More professional learning"
CATALOG_FILTER_SCRIPT = "assets/javascripts/catalog-filter.js"


@dataclass(frozen=True)
class SitePage:
    """A generated page: where it lives in the docs tree, its title, its Markdown.

    ``html`` holds blocks that are HTML already (a template's form): the
    Markdown carries a placeholder for each, and the hook puts the block in
    after Markdown has run. Parsing 20 KB of form markup as raw HTML in
    Markdown was a third of the build's time, for output identical to this.
    """

    src_uri: str
    title: str
    markdown: str
    html: dict[str, str] = field(default_factory=dict)

    def with_html(self, html: str) -> str:
        """``html`` (the page converted from ``markdown``) with its HTML blocks in place."""
        for key, block in self.html.items():
            html = html.replace(html_placeholder(key), block)
        return html

    def assembled_markdown(self) -> str:
        """The page as one Markdown text, its HTML blocks inline (for golden files and the plain benchmark)."""
        return self.with_html(self.markdown)


def html_placeholder(key: str) -> str:
    return f'<div data-cg-html="{key}"></div>'


@cache
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters["plain"] = plain
    env.filters["md"] = markdown
    env.filters["link_target"] = link_target
    env.filters["markdown_html"] = markdown_html
    env.filters["css_string"] = css_string
    env.globals["FIELD_KINDS"] = FIELD_KINDS
    env.globals["table_columns"] = table_columns
    return env


def render_site(
    catalog: Catalog,
    settings: SiteSettings | None = None,
    *,
    pdfs: bool = False,
    search_page: bool = False,
    site_map: SiteMap | None = None,
) -> list[SitePage]:
    """Every generated page of the site, in navigation order.

    ``pdfs`` adds links to the PDFs; ``search_page`` adds the page that searches
    the Pagefind index (reached from the header, not listed in the navigation).
    """
    settings = settings or SiteSettings()
    places = site_map or SiteMap.of(catalog)
    pdf_links = {c.id: places[c].pdf for c in catalog.credentials} if pdfs else {}
    stack_pages = places.stacks

    def render(template: str, src_uri: str, **context: Any) -> str:
        return render_markdown(template, src_uri, catalog, settings, places, pdf_links=pdf_links, **context)

    filter_block = (
        environment()
        .get_template("catalog_filter.html.j2")
        .module.catalog_filter(  # type: ignore[attr-defined]
            filter_choices(catalog), INDEX_FILE, CATALOG_FILTER_SCRIPT
        )
    )
    home = render(
        "home.md.j2",
        HOME,
        stacks=catalog.stacks,
        home_guides_per_stack=HOME_GUIDES_PER_STACK,
        catalog_filter=Markup(html_placeholder("filter")),
        shows_credentialing=shows_credentialing(catalog),
        guide_publishers=_publishers(catalog.credentials),
        reproduced_publishers=_publishers(c for c in catalog.credentials if c.source.reproduced),
    )
    pages = [SitePage(HOME, "Home", home, {"filter": str(filter_block)})]
    for stack in catalog.stacks:
        in_stack = catalog.credentials_in(stack.id)
        if not in_stack and not stack.topics:
            continue
        by_topic = _topic_lookup(catalog, stack)
        included = sum(1 for topic in stack.topics if by_topic(topic.number))
        src = stack_pages[stack.id]
        pages.append(
            SitePage(
                src,
                stack.title,
                render(
                    "stack.md.j2",
                    src,
                    stack=stack,
                    credentials=in_stack,
                    credential_for_topic=by_topic,
                    included=included,
                ),
            )
        )
        for credential in in_stack:
            pages += _credential_pages(
                catalog, credential, stack, render, places[credential], credential.id in pdf_links
            )

    if shows_credentialing(catalog):
        pages += _credentialing_pages(catalog, render)
    if search_page:
        pages.append(
            SitePage(
                SEARCH_PAGE,
                SEARCH_TITLE,
                render("search.md.j2", SEARCH_PAGE, bundle_dir=BUNDLE_DIR, offline_index=OFFLINE_SEARCH_INDEX),
            )
        )
    return pages


def _publishers(credentials: Iterable[Credential]) -> list[str]:
    """Who publishes ``credentials``, each once, in catalog order."""
    return list(dict.fromkeys(credential.source.publisher for credential in credentials))


def shows_credentialing(catalog: Catalog) -> bool:
    """The facts of the credentialing page concern one stack: they are shown only where that stack is."""
    return any(stack.id == catalog.credentialing.micro_credential.stack for stack in catalog.stacks)


def _credentialing_pages(catalog: Catalog, render: Any) -> list[SitePage]:
    credentialing = catalog.credentialing
    fce = catalog.stack(credentialing.micro_credential.stack)
    pages = []
    pages.append(
        SitePage(
            ABOUT,
            ABOUT_TITLE,
            render(
                "about.md.j2",
                ABOUT,
                page=credentialing,
                title=ABOUT_TITLE,
                stack=fce,
                credential_for_topic=_topic_lookup(catalog, fce),
            ),
        )
    )
    pages.append(
        SitePage(
            PROFESSIONAL_LEARNING,
            PROFESSIONAL_LEARNING_TITLE,
            render("professional_learning.md.j2", PROFESSIONAL_LEARNING, page=credentialing),
        )
    )
    return pages


def render_markdown(
    template: str, src_uri: str, catalog: Catalog, settings: SiteSettings, site_map: SiteMap, **context: Any
) -> str:
    """One page template rendered for the page at ``src_uri`` (links are relative to it)."""

    def link(target: str) -> str:
        return posixpath.relpath(target, posixpath.dirname(src_uri) or ".")

    shared = {
        "resources": catalog.resources,
        "citations": catalog.citations,
        "stack_pages": site_map.stacks,
        "guide_pages": site_map.guides,
        "credentials_in": catalog.credentials_in,
        "about_title": ABOUT_TITLE,
        "settings": settings,
        "offline_zip_path": OFFLINE_ZIP_PATH,
        "for_print": False,
        "template_count": lambda credential: len(site_map[credential].fillables),
        "overview_id": OVERVIEW_ID,
        "reflection_id": REFLECTION_ID,
        "catalog_file": CATALOG_FILE,
        "pdf_links": {},
        "pdf": None,
    }
    text = environment().get_template(template).render(**{**shared, **context}, link=link)
    return _BLANK_RUNS.sub("\n\n", text)


def _credential_pages(
    catalog: Catalog, credential: Credential, stack: Stack, render: Any, places: CredentialPlaces, pdfs: bool
) -> list[SitePage]:
    """The guide, its templates' summary, and one page per template."""
    items = places.fillables
    guide = places.guide
    summary = places.summary
    templates = places.templates
    handouts = places.handouts
    links: dict[str, Any] = {
        "guide_page": guide,
        "summary_page": summary,
        "template_pages": templates,
        "handout_pages": handouts,
        "stack_page": stack_page(stack),
        "pdf": places.pdf if pdfs else None,
        "record_pages": {"record": places.record, "achievement": places.achievement},
    }
    guide_text = render("guide.md.j2", guide, **guide_context(catalog, credential), **links)
    spec = summary_spec(credential, items)
    summary_text = render(
        "summary.md.j2", summary, credential=credential, fillables=items, spec=spec, stack=stack, **links
    )
    pages = [SitePage(guide, credential.title, guide_text), SitePage(summary, "Templates", summary_text)]
    forms = environment().get_template("form.html.j2").module
    for item in items:
        form = Markup(html_placeholder("form"))
        text = render(
            "template_page.md.j2",
            templates[item.id],
            credential=credential,
            fillable=item,
            form=form,
            stack=stack,
            tags=template_tags(catalog, credential, item),
            **links,
        )
        html = {"form": str(forms.template_form(item, credential, template_spec(credential, item)))}  # type: ignore[attr-defined]
        pages.append(SitePage(templates[item.id], item.title, text, html))
        if item.id in handouts:
            text = render("handout_page.md.j2", handouts[item.id], fillable=item, form=form, **links)
            html = {"form": str(forms.handout_form(item))}  # type: ignore[attr-defined]
            pages.append(SitePage(handouts[item.id], handout_title(item), text, html))
    return pages


def handout_title(fillable: Fillable) -> str:
    assert fillable.template.handout
    return f"Handout: {fillable.template.handout.title}"


def guide_context(catalog: Catalog, credential: Credential) -> dict[str, Any]:
    """What a guide's page and its PDF both say, from one place: so that the two cannot drift apart."""
    return {
        "credential": credential,
        "stack": catalog.stack(credential.stack),
        "tags": guide_tags(catalog, credential),
        "missing_addresses": any(
            catalog.resources[r].url is None for group in credential.resources for r in group.resources
        ),
    }


def _topic_lookup(catalog: Catalog, stack: Stack) -> Any:
    def lookup(number: int) -> Credential | None:
        return catalog.credential_for_topic(stack.id, number)

    return lookup


def navigation(
    pages: list[SitePage], catalog: Catalog, extra: list[Any] | None = None, site_map: SiteMap | None = None
) -> list[Any]:
    """MkDocs ``nav``: home, one section per stack, the credentialing pages, then ``extra``.

    Each section starts with its index page (``navigation.indexes``): a stack's
    overview, a credential's guide, its templates' summary. Each page renders
    only its part of it (``mkdocs_adapter.navigation_for``), so a page's size does
    not grow with the number of credentials.
    """
    places = site_map or SiteMap.of(catalog)
    generated = {page.src_uri for page in pages}
    nav: list[Any] = [{"Home": HOME}]
    for stack in catalog.stacks:
        overview = places.stacks[stack.id]
        if overview not in generated:
            continue
        section: list[Any] = [overview]
        for credential in catalog.credentials_in(stack.id):
            own = places[credential]
            templates: list[Any] = [own.summary]
            for item in own.fillables:
                templates.append({item.title: own.templates[item.id]})
                if item.id in own.handouts:
                    templates.append({handout_title(item): own.handouts[item.id]})
            section.append({credential.title: [own.guide, {"Templates": templates}]})
        nav.append({stack.title: section})
    if shows_credentialing(catalog):
        nav.append({ABOUT_TITLE: ABOUT})
        nav.append({PROFESSIONAL_LEARNING_TITLE: PROFESSIONAL_LEARNING})
    return nav + list(extra or [])
