"""The browser code a page loads: the theme's modules joined into a few bundles, each on the pages that use it.

The modules (``overrides/assets/javascripts/``) are classic scripts, each
declaring one namespace, joined in dependency order. Every page loads the
site's chrome (``site``); a page that shows or keeps answers (a template, a
credential's summary, "Your answers", the progress beside the catalog's
credentials) also loads ``answers``; a template page also loads ``template``;
the search page loads ``search``. Each bundle ends with the module that starts
what it brings. The finish stage puts a page's bundles in its head, deferred:
they download while the page is read and run in this order once it is parsed.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

SCRIPTS_DIR = Path("overrides") / "assets" / "javascripts"
"""Where the modules are, in the project."""


@dataclass(frozen=True)
class Bundle:
    path: str
    """Where it is published, in the site."""
    modules: tuple[str, ...]
    """Its modules in the order they run, under ``SCRIPTS_DIR``."""
    used_by: re.Pattern[str] | None
    """What a page has that this bundle's code starts on; ``None``: every page."""


_TEMPLATE_FORM = r'<form\b[^>]*\bclass="cg-template\b'
_ANSWERS = rf'{_TEMPLATE_FORM}|\bid="cg-summary-spec"|\bid="cg-backup"|<a\b[^>]*\bdata-cg-credential="'

BUNDLES = (
    Bundle(
        "assets/javascripts/site.js",
        ("cg/words.js", "cg/keyboard.js", "cg/start-site.js"),
        None,
    ),
    Bundle(
        "assets/javascripts/answers.js",
        (
            "cg/text.js",
            "cg/files.js",
            "cg/records.js",
            "cg/kinds.js",
            "cg/kinds/text.js",
            "cg/kinds/one.js",
            "cg/kinds/many.js",
            "cg/kinds/rows.js",
            "cg/kinds/files.js",
            "cg/kinds/scale.js",
            "cg/answers.js",
            "cg/status.js",
            "cg/outline.js",
            "cg/storage.js",
            "cg/filestore.js",
            "cg/undo.js",
            "cg/scripts.js",
            "cg/device.js",
            "cg/documents.js",
            "cg/word.js",
            "cg/photos.js",
            "cg/evidence.js",
            "cg/handin.js",
            "cg/summary.js",
            "cg/backup.js",
            "cg/start-answers.js",
        ),
        re.compile(_ANSWERS),
    ),
    Bundle(
        "assets/javascripts/template.js",
        (
            "cg/table-rows.js",
            "cg/boxes.js",
            "cg/feedback.js",
            "cg/reminders.js",
            "cg/orphans.js",
            "cg/tabs.js",
            "cg/reuse.js",
            "cg/exchange.js",
            "cg/actions.js",
            "cg/form.js",
            "cg/start-template.js",
        ),
        re.compile(_TEMPLATE_FORM),
    ),
    Bundle("assets/javascripts/search-page.js", ("search.js",), re.compile(r'\bid="cg-search"')),
)


def bundle_files(project_dir: Path) -> dict[str, bytes]:
    """Each bundle's path in the site -> its modules joined, each after a line that names it."""
    scripts = project_dir / SCRIPTS_DIR
    return {
        bundle.path: "".join(
            f"// {module}\n{(scripts / module).read_text(encoding='utf-8').rstrip()}\n" for module in bundle.modules
        ).encode("utf-8")
        for bundle in BUNDLES
    }


def bundles_for(html: str) -> list[Bundle]:
    """The bundles a page's markup uses, in the order they run."""
    return [bundle for bundle in BUNDLES if bundle.used_by is None or bundle.used_by.search(html)]


def with_bundles(html: str, path: str, root: str | None = None) -> str:
    """The page at ``path`` in the site with its bundles' script elements at the end of its head.

    ``root``: the site's root as the page addresses it (the 404 page, served at any address, from ``/``);
    by default, relative to the page."""
    end = html.find("</head>")
    if end < 0:
        return html
    folder = posixpath.dirname(path) or "."
    tags = "".join(
        f'<script src="{root + bundle.path if root is not None else posixpath.relpath(bundle.path, folder)}" defer>'
        "</script>\n"
        for bundle in bundles_for(html)
    )
    return html[:end] + tags + html[end:]
